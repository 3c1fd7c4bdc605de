import { useQuery } from '@tanstack/react-query';
import type { StoredFile } from '../../../contracts/files.js';
import { ROLE_PERMISSIONS, type Role } from '../../../contracts/permissions.js';
import type {
  CommonRiskInput,
  CommonRiskView,
  ConsultationInput,
  ConsultationView,
  CreateRiskInput,
  EditCommonRiskInput,
  EditConsultationInput,
  EditRiskInput,
  FindingOption,
  RiskFromFindingInput,
  RiskListItem,
  RiskStats,
  RiskTransitionInput,
  RiskView,
} from '../../../contracts/risks.js';
import { api, qs } from '../../lib/api.js';

export interface Paged<T> {
  items: T[];
  total: number;
}
export interface RiskFilters {
  stationId?: number;
  level?: string;
  status?: string;
  overdue?: 'true';
  q?: string;
  page?: number;
  pageSize?: number;
}

export const risksApi = {
  list: (f: RiskFilters) => api<Paged<RiskListItem>>(`/api/risks${qs({ ...f })}`),
  get: (id: number) => api<RiskView>(`/api/risks/${id}`),
  create: (input: CreateRiskInput) => api<RiskView>('/api/risks', { body: input }),
  fromFinding: (input: RiskFromFindingInput) => api<RiskView>('/api/risks/from-finding', { body: input }),
  edit: (id: number, input: EditRiskInput) => api<RiskView>(`/api/risks/${id}`, { method: 'PUT', body: input }),
  transition: (id: number, input: RiskTransitionInput) => api<RiskView>(`/api/risks/${id}/transition`, { body: input }),
  addFile: (id: number, file: File, note: string) => {
    const form = new FormData();
    if (note) form.append('note', note);
    form.append('file', file);
    return api<StoredFile>(`/api/risks/${id}/files`, { form });
  },
  stats: (from: string, to: string) => api<RiskStats>(`/api/risks/stats${qs({ from, to })}`),
  commonList: (f: { stationId?: number; removed?: 'true' | 'false'; page?: number; pageSize?: number }) =>
    api<Paged<CommonRiskView>>(`/api/common-risks${qs({ ...f })}`),
  findingOptions: (q: string) => api<{ items: FindingOption[] }>(`/api/common-risks/finding-options${qs({ q: q.trim() || undefined })}`),
  commonCreate: (input: CommonRiskInput) => api<CommonRiskView>('/api/common-risks', { body: input }),
  commonEdit: (id: number, input: EditCommonRiskInput) => api<CommonRiskView>(`/api/common-risks/${id}`, { method: 'PUT', body: input }),
  consultations: (f: { kind?: string; page?: number; pageSize?: number }) =>
    api<Paged<ConsultationView>>(`/api/consultations${qs({ ...f })}`),
  consultationCreate: (input: ConsultationInput) => api<ConsultationView>('/api/consultations', { body: input }),
  consultationEdit: (id: number, input: EditConsultationInput) =>
    api<ConsultationView>(`/api/consultations/${id}`, { method: 'PUT', body: input }),
};

/** People of the caller's area who may own a risk or follow an item up. */
export function useRiskPeople(enabled = true) {
  const q = useQuery({
    queryKey: ['people', 'risk-owners'],
    queryFn: () => api<{ items: { id: number; displayName: string; role: Role; jurisdictionName?: string }[] }>('/api/people?pageSize=500'),
    enabled,
    staleTime: 300_000,
  });
  return (q.data?.items ?? [])
    .filter((p) => ROLE_PERMISSIONS[p.role]?.includes('risks.manage'))
    .map((p) => ({ value: p.id, label: p.jurisdictionName ? `${p.displayName}（${p.jurisdictionName}）` : p.displayName }));
}

export const STATUS_COLORS = { open: 'orange', controlling: 'blue', closure_requested: 'cyan', closed: 'green' } as const;
export const GRADE_COLORS = { general: 'gold', major: 'orange', serious: 'red' } as const;
