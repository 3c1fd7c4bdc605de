import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, earlyAnswer, prefetchRead } from './api.js';
import { startedEarly } from './early-query.js';

/** The first load's early reads (`prefetchRead`) as the page's `api()` calls see them. */
describe('early reads', () => {
  let calls: string[];
  let answers: Response[];
  beforeEach(() => {
    calls = [];
    answers = [];
    vi.stubGlobal('document', { cookie: 'yj_csrf=t' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push(`${init?.method ?? 'GET'} ${url}`);
        return answers.shift() ?? json({ n: calls.length });
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('the page takes the early answer instead of asking again, once', async () => {
    prefetchRead('/api/a');
    prefetchRead('/api/a'); // asked once however often it is started
    expect(await api('/api/a')).toEqual({ n: 1 });
    expect(calls).toEqual(['GET /api/a']);
    expect(await api('/api/a')).toEqual({ n: 2 }); // a second read asks the server
    expect(calls).toEqual(['GET /api/a', 'GET /api/a']);
  });

  it('a failed early read (signed out, server error) is asked again', async () => {
    answers.push(json({ code: 'UNAUTHENTICATED', message: '请先登录' }, 401));
    prefetchRead('/api/b');
    expect(await api('/api/b')).toEqual({ n: 2 });
    expect(calls).toEqual(['GET /api/b', 'GET /api/b']);
  });

  it('a write drops the early reads not yet taken', async () => {
    prefetchRead('/api/c');
    await api('/api/c/1', { body: { x: 1 } });
    expect(await api('/api/c')).toEqual({ n: 3 });
    expect(calls).toEqual(['GET /api/c', 'POST /api/c/1', 'GET /api/c']);
  });

  it('an early read not taken within ten seconds is not used', async () => {
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000);
    prefetchRead('/api/d');
    now.mockReturnValue(11_001);
    expect(await api('/api/d')).toEqual({ n: 2 });
    expect(calls).toEqual(['GET /api/d', 'GET /api/d']);
  });

  it('other addresses are not answered from it', async () => {
    prefetchRead('/api/e?page=1');
    expect(await api('/api/e?page=2')).toEqual({ n: 2 });
    expect(await api('/api/e?page=1')).toEqual({ n: 1 });
  });

  it('an answer that has arrived is taken at once (the first render has its data), and only once', async () => {
    prefetchRead('/api/f');
    expect(earlyAnswer('/api/f')).toBeUndefined(); // not arrived yet: nothing, and still there for api()
    await new Promise((r) => setTimeout(r, 0));
    expect(earlyAnswer('/api/f')).toEqual({ body: { n: 1 } });
    expect(earlyAnswer('/api/f')).toBeUndefined();
    expect(await api('/api/f')).toEqual({ n: 2 }); // taken: the page's next read asks the server
    expect(calls).toEqual(['GET /api/f', 'GET /api/f']);
  });

  it('a failed or stale early answer is not taken at once either', async () => {
    answers.push(json({ code: 'UNAUTHENTICATED', message: '请先登录' }, 401));
    prefetchRead('/api/g');
    await new Promise((r) => setTimeout(r, 0));
    expect(earlyAnswer('/api/g')).toBeUndefined();
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000);
    prefetchRead('/api/h');
    await new Promise((r) => setTimeout(r, 0));
    now.mockReturnValue(11_001);
    expect(earlyAnswer('/api/h')).toBeUndefined();
  });

  it('a query started from an early answer counts it fresh for a few seconds, any other data stale', async () => {
    prefetchRead('/api/i');
    await new Promise((r) => setTimeout(r, 0));
    const opts = startedEarly<{ n: number }>('/api/i');
    const data = opts.initialData();
    expect(data).toEqual({ n: 1 });
    expect(opts.staleTime({ state: { data } })).toBe(10_000);
    expect(opts.staleTime({ state: { data: { n: 1 } } })).toBe(0);
    expect(opts.initialData()).toBeUndefined(); // taken once
  });
});
