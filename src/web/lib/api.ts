/** Thin client for the documented API: JSON in and out, CSRF header on writes, typed errors. */
export class ApiError extends Error {
  constructor(
    public code: string,
    message: string,
    public status: number,
    public details?: unknown,
  ) {
    super(message);
  }
}

function csrfToken() {
  return (
    document.cookie
      .split('; ')
      .find((c) => c.startsWith('yj_csrf='))
      ?.slice('yj_csrf='.length) ?? ''
  );
}

/**
 * Reads started at the first load, before the page's code has arrived (`startFirstLoad`): the page's
 * own `api()` call for the same address takes the answer instead of asking again. Each is taken
 * once, only within a few seconds of the load and only if it succeeded (else asked again), and any
 * write drops those not taken, so no later view shows an old answer. An answer that has already
 * arrived can be taken synchronously (`earlyAnswer`), so the page's first render has its data.
 */
type Answer = { body: unknown } | undefined;
type EarlyRead = { at: number; answer: Promise<Answer>; arrived?: Answer };
const early = new Map<string, EarlyRead>();
const EARLY_FOR_MS = 10_000;

export function prefetchRead(url: string) {
  if (early.has(url)) return;
  const entry: EarlyRead = {
    at: performance.now(),
    answer: fetch(url, { credentials: 'same-origin' })
      .then(async (res) => (res.ok && (res.headers.get('content-type') ?? '').includes('json') ? { body: await res.json() } : undefined))
      // A failed read is asked again by the page; not an unhandled rejection.
      .catch(() => undefined),
  };
  void entry.answer.then((a) => (entry.arrived = a));
  early.set(url, entry);
}

function takeEntry(url: string) {
  const e = early.get(url);
  if (!e) return undefined;
  early.delete(url);
  return performance.now() - e.at > EARLY_FOR_MS ? undefined : e;
}

/** The early answer for this address if it has already arrived (taken: a second call returns nothing). */
export function earlyAnswer<T>(url: string): { body: T } | undefined {
  if (!early.get(url)?.arrived) return undefined;
  return takeEntry(url)?.arrived as { body: T } | undefined;
}

export async function api<T = unknown>(url: string, init: { method?: string; body?: unknown; form?: FormData } = {}): Promise<T> {
  const method = init.method ?? (init.body !== undefined || init.form ? 'POST' : 'GET');
  const headers: Record<string, string> = {};
  if (method !== 'GET') {
    headers['x-csrf-token'] = csrfToken();
    early.clear();
  }
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'GET') {
    const answer = await takeEntry(url)?.answer;
    if (answer) return answer.body as T;
  }
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    const err = type.includes('json') ? await res.json().catch(() => ({})) : {};
    throw new ApiError(err.code ?? 'HTTP_' + res.status, err.message ?? `请求失败（${res.status}）`, res.status, err.details);
  }
  if (type.includes('json')) return res.json() as Promise<T>;
  return (await res.blob()) as unknown as T;
}

/** Download a file from the API (Excel exports, templates). */
export async function download(url: string, fallbackName: string) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const err = await res.json().catch(() => ({}));
    throw new ApiError(err.code ?? 'HTTP_' + res.status, err.message ?? '下载失败', res.status);
  }
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const name = m ? decodeURIComponent(m[1]) : fallbackName;
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function qs(params: Record<string, unknown>) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
