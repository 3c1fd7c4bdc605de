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
 * Reads started at the first load, before the page's code has arrived (`startFirstReads`): the page's
 * own `api()` call for the same address takes the response instead of asking again. Each is taken
 * once, only within a few seconds of the load and only if it succeeded (else asked again), and any
 * write drops those not taken, so no later view shows an old answer.
 */
const early = new Map<string, { at: number; res: Promise<Response> }>();
const EARLY_FOR_MS = 10_000;

export function prefetchRead(url: string) {
  if (early.has(url)) return;
  const res = fetch(url, { credentials: 'same-origin' });
  res.catch(() => undefined); // a failed read is asked again by the page; not an unhandled rejection
  early.set(url, { at: performance.now(), res });
}

async function takeEarly(url: string) {
  const e = early.get(url);
  if (!e) return undefined;
  early.delete(url);
  if (performance.now() - e.at > EARLY_FOR_MS) return undefined;
  const res = await e.res.catch(() => undefined);
  return res?.ok ? res : undefined;
}

export async function api<T = unknown>(url: string, init: { method?: string; body?: unknown; form?: FormData } = {}): Promise<T> {
  const method = init.method ?? (init.body !== undefined || init.form ? 'POST' : 'GET');
  const headers: Record<string, string> = {};
  if (method !== 'GET') {
    headers['x-csrf-token'] = csrfToken();
    early.clear();
  }
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res =
    (method === 'GET' ? await takeEarly(url) : undefined) ??
    (await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    }));
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
