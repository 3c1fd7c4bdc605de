import { matchPath } from 'react-router-dom';
import { prefetchRead } from '../lib/api.js';
import { ROUTES } from './routes.js';

/**
 * On a first load, ask at once for what the page will need: the session check, the page's own reads
 * (`reads` in routes.tsx) and its code — side by side instead of one after another (session → page
 * code → page reads). The page takes the answers when it asks for the same addresses (`api.ts`).
 */
export function startFirstLoad(location: Pick<Location, 'pathname' | 'search'>) {
  prefetchRead('/api/auth/me');
  const route = ROUTES.find((r) => matchPath(r.path, location.pathname));
  if (!route) return;
  const params = matchPath(route.path, location.pathname)!.params;
  for (const url of route.reads?.(params, new URLSearchParams(location.search)) ?? []) prefetchRead(url);
  void route.load().catch(() => undefined); // a failed load is retried and shown by the page's own lazy()
}
