import { earlyAnswer } from './api.js';

/** Bodies that came from the first load's early reads (see `startedEarly`). */
const early = new WeakSet<object>();
const FRESH_FOR_MS = 10_000;

/**
 * useQuery options for a page read that the first load may already have made (`app/first-load.ts`):
 * when its answer has arrived by the time the page renders, the query starts with it, so the page's
 * first render shows its data instead of rendering once empty and again when the answer is read;
 * that answer counts as fresh for a few seconds (not asked again at once). Otherwise the query asks
 * as usual (and `api()` still takes an early answer still on its way).
 */
export function startedEarly<T>(url: string) {
  return {
    initialData: (): T | undefined => {
      const body = earlyAnswer<T>(url)?.body;
      if (body && typeof body === 'object') early.add(body);
      return body;
    },
    staleTime: (query: { state: { data: unknown } }) => {
      const data = query.state.data;
      return data && typeof data === 'object' && early.has(data) ? FRESH_FOR_MS : 0;
    },
  };
}
