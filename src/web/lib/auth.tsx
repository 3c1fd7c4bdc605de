import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '../../contracts/auth.js';
import type { Permission } from '../../contracts/permissions.js';
import { api, ApiError } from './api.js';
import { startedEarly } from './early-query.js';
import { clearOfflineData } from './offline.js';

interface AuthState {
  me: Me | null;
  loading: boolean;
  can(p: Permission): boolean;
  refresh(): Promise<unknown>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<Me>('/api/auth/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    initialData: startedEarly<Me>('/api/auth/me').initialData,
  });
  const me = q.data ?? null;
  const value: AuthState = {
    me,
    loading: q.isLoading,
    can: (p) => !!me?.permissions.includes(p),
    refresh: () => q.refetch(),
    async logout() {
      await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
      clearOfflineData();
      qc.clear();
      qc.setQueryData(['me'], null);
    },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth() {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
