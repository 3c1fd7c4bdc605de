import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../lib/auth.js';
import { Layout } from './Layout.js';
import { MENU } from './menu.js';
import { ROUTES } from './routes.js';

const loading = <Spin style={{ display: 'block', margin: '80px auto' }} />;

// Loaded when shown, like every page (routes.tsx): the sign-in form, the not-yet-built and the 404 pages
// kept antd's Form, Input, Result and their helpers (about a third of it) in the script every first load waits for.
const LoginPage = lazy(() => import('../features/auth/LoginPage.js'));
const PlannedPage = lazy(() => import('../features/placeholder/PlannedPage.js'));
const NotFoundPage = lazy(() => import('../features/placeholder/NotFoundPage.js'));

export function App() {
  const { me, loading: authLoading } = useAuth();
  const loc = useLocation();
  if (authLoading) return loading;
  if (!me) {
    return (
      <Suspense fallback={loading}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="*" element={<Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />} />
        </Routes>
      </Suspense>
    );
  }
  // A temporary password (reset by an administrator) must be replaced before anything else.
  if (me.mustChangePassword && loc.pathname !== '/profile') return <Navigate to="/profile" replace />;
  const built = new Set(ROUTES.map((r) => r.path.split('/:')[0]));
  return (
    <Layout>
      <Suspense fallback={loading}>
        <Routes>
          <Route path="/login" element={<Navigate to="/" replace />} />
          {ROUTES.map(({ path, page: Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          {MENU.filter((m) => !built.has(m.path)).map((m) => (
            <Route key={m.path} path={`${m.path}/*`} element={<PlannedPage entry={m} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
