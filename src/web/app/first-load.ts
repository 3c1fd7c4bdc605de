import { matchPath } from 'react-router-dom';
import { prefetchRead } from '../lib/api.js';
import { ROUTES } from './routes.js';

/**
 * On a first load, ask at once for what the page will need: the session check and the page's own
 * reads (`reads` in routes.tsx) — beside the page's code instead of after it (session → page code →
 * page reads). The page takes the answers when it asks for the same addresses (`api.ts`).
 * Fetching the page's code here too was measured and dropped: its ~20 chunk requests at start-up
 * made a cold load slower (entity list 3.0 → 4.0 s on the loaded test machine; earlier, 1.6 → 2.1 s on a
 * phone network), where asking for the reads alone kept the load as fast and takes the server's
 * answer time off the path.
 */
export function startFirstLoad(location: Pick<Location, 'pathname' | 'search'>) {
  prefetchRead('/api/auth/me');
  const route = ROUTES.find((r) => matchPath(r.path, location.pathname));
  if (!route) return;
  const params = matchPath(route.path, location.pathname)!.params;
  for (const url of route.reads?.(params, new URLSearchParams(location.search)) ?? []) prefetchRead(url);
}
