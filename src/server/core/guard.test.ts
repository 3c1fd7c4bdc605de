import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../contracts/permissions.js';
import { users } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('route guard', () => {
  it('every API route declares who may call it', () => {
    const routes = t.app.routeTable.filter((r) => !r.url.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(10);
    const valid = new Set([...Object.keys(PERMISSIONS), 'public', 'authenticated']);
    const bad = routes.filter((r) => !valid.has(r.access));
    expect(bad).toEqual([]);
  });

  it('refuses every non-public route without a session', async () => {
    const closed = t.app.routeTable.filter((r) => r.access !== 'public' && !r.url.startsWith('/api/docs'));
    for (const r of closed) {
      const url = r.url.replace(/:(\w+)/g, '1');
      const res = await t.app.inject({ method: r.method as any, url, payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toMatch(/UNAUTHENTICATED|SESSION_EXPIRED/);
    }
  });

  it('a route without declared access makes the app refuse to start', async () => {
    const { default: Fastify } = await import('fastify');
    const { installGuard } = await import('./guard.js');
    const app = Fastify();
    installGuard(app, { cookie: 'c', csrfHeader: 'x', resolve: async () => null });
    expect(() => app.get('/api/naked', async () => 'x')).toThrow(/declares no access/);
  });

  it('rejects cookie writes without the CSRF token', async () => {
    const admin = await t.as('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/jurisdictions',
      headers: { cookie: admin.cookie },
      payload: { parentId: t.org.districtId, name: '无令牌街道' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CSRF' });
  });

  it('refuses an unknown or ended session as expired, by cookie or bearer token, in Chinese', async () => {
    for (const headers of [{ cookie: 'yj_session=no-such-session' }, { authorization: 'Bearer no-such-session' }]) {
      const res = await t.app.inject({ url: '/api/people', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' });
    }
  });

  it('checks the CSRF token on cookie writes only: reads pass without it, the right token passes, a wrong one of the same length does not', async () => {
    const admin = await t.as('admin');
    const read = await t.app.inject({ url: '/api/people', headers: { cookie: admin.cookie } });
    expect(read.statusCode).toBe(200);
    const write = (csrf: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/jurisdictions',
        headers: { cookie: admin.cookie, 'x-csrf-token': csrf },
        payload: { parentId: t.org.districtId, name: `令牌街道${csrf.slice(0, 4)}` },
      });
    const wrong = await write(admin.csrf.replace(/./g, (c) => (c === 'a' ? 'b' : 'a')));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toEqual({ code: 'CSRF', message: '请求校验失败，请刷新页面后重试' });
    const right = await write(admin.csrf);
    expect(right.json().code).not.toBe('CSRF');
    expect(right.statusCode).toBeLessThan(300);
  });

  it('refuses a CSRF token of another length as CSRF too (not as a server error)', async () => {
    const admin = await t.as('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/jurisdictions',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf.slice(0, 8) },
      payload: { parentId: t.org.districtId, name: '短令牌街道' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'CSRF', message: '请求校验失败，请刷新页面后重试' });
  });

  it('without any session answers UNAUTHENTICATED (sign in), not an expired session', async () => {
    const res = await t.app.inject({ url: '/api/people' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('HEAD is a read: a cookie session needs no CSRF token for it', async () => {
    const admin = await t.as('admin');
    const res = await t.app.inject({ method: 'HEAD', url: '/api/people', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
  });

  it('a bearer token (spaces around it trimmed) reads and writes without a CSRF token; an Authorization header of another kind is ignored', async () => {
    const token = await t.bearerToken('admin');
    const bearer = { authorization: `Bearer  ${token} ` };
    expect((await t.app.inject({ url: '/api/people', headers: bearer })).statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/jurisdictions',
      headers: bearer,
      payload: { parentId: t.org.districtId, name: '令牌写入街道' },
    });
    expect(write.statusCode, write.body).toBeLessThan(300);
    const admin = await t.as('admin');
    const basic = await t.app.inject({ url: '/api/people', headers: { cookie: admin.cookie, authorization: 'Basic YWRtaW46eA==' } });
    expect(basic.statusCode).toBe(200);
  });

  it('routes open to any signed-in person serve every role', async () => {
    const coordinator = await t.as('coordinator');
    const me = await coordinator.get('/api/auth/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ username: 'coordinator' });
  });

  it('a temporary password opens only the routes that change it, with a Chinese reason elsewhere', async () => {
    const dept = await t.as('dept');
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'dept'));
    try {
      const res = await dept.get('/api/people');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '当前为临时密码，请先修改密码后再使用系统' });
      expect((await dept.get('/api/auth/me')).statusCode).toBe(200);
    } finally {
      await t.database.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'dept'));
    }
  });

  it('denies a permission the role lacks', async () => {
    const inspector = await t.as('inspector_cx');
    const res = await inspector.get('/api/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'FORBIDDEN', message: expect.stringMatching(/权限/) });
  });

  it('serves the OpenAPI document listing the routes', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
    expect(Object.keys(doc.paths)).toContain('/api/people');
  });

  it('serves the browsable API docs without signing in, and 404s unknown API paths', async () => {
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
    // …and its scripts and styles, served under the same prefix.
    expect((await t.app.inject({ url: '/api/docs/static/swagger-ui.css' })).statusCode).toBe(200);
    const missing = await t.app.inject({ url: '/api/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'NOT_FOUND', message: '接口不存在' });
  });

  it('answers health', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
