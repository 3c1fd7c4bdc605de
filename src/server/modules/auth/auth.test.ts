import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { MAX_FAILED_LOGINS } from './use-cases/login.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: 1000 });
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('signs in with the demo admin, sets an HTTP-only cookie and a CSRF token', async () => {
    const res = await login('admin', 'admin123');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'yj_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin', scope: 'all' });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(JSON.stringify(body)).not.toContain('argon2');
  });

  it('is case-insensitive on the username and refuses a wrong password in Chinese', async () => {
    expect((await login('ADMIN', 'admin123')).statusCode).toBe(200);
    const bad = await login('admin', 'nope-nope1');
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
    const unknown = await login('nobody', 'whatever1');
    expect(unknown.json().code).toBe('BAD_CREDENTIALS');
  });

  it('validates the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().message).toMatch(/请求参数有误/);
  });

  it('locks the account after repeated failures, even for the right password, and audits it', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await login('dept', 'wrong-pass1')).statusCode).toBe(401);
    const locked = await login('dept', 'wrong-pass1');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    const right = await login('dept', 'demo1234');
    expect(right.statusCode).toBe(423);
    expect(right.json().message).toMatch(/锁定/);
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'dept'));
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.locked'));
    expect(rows.some((r) => r.entityId === String(u.id))).toBe(true);
    // An administrator unlocks.
    const admin = await t.as('admin');
    expect((await admin.patch(`/api/people/${u.id}`, { unlock: true, version: u.version })).statusCode).toBe(200);
    expect((await login('dept', 'demo1234')).statusCode).toBe(200);
  });

  it('rate-limits repeated login attempts per address and username', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password: 'x-wrong-1' } });
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
      const r = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password: 'x-wrong-1' } });
      expect(r.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/频繁/) });
    } finally {
      await limited.close();
    }
  });
});

describe('session', () => {
  it('answers /me, accepts a bearer token, and logs out', async () => {
    const res = await login('leader', 'demo1234');
    const { token } = res.json();
    const me = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ username: 'leader', jurisdictionName: '兴隆台区', orgUnitName: '兴隆台区市场监督管理局' });
    // Bearer writes need no CSRF token (no ambient cookie).
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const res = await login('viewer', 'demo1234');
    const token = res.json().token;
    const rows = await t.database.db.select().from(sessions);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });
});

describe('change password', () => {
  it('requires the old password and the password rule, then signs out other sessions', async () => {
    const a = await t.as('enforcer');
    const b = await t.as('enforcer');
    expect((await a.post('/api/auth/change-password', { oldPassword: 'bad', newPassword: 'abcdef123' })).json().code).toBe('BAD_CREDENTIALS');
    const weak = await a.post('/api/auth/change-password', { oldPassword: 'demo1234', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect((await a.post('/api/auth/change-password', { oldPassword: 'demo1234', newPassword: 'newpass2026' })).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('enforcer', 'demo1234')).statusCode).toBe(401);
    expect((await login('enforcer', 'newpass2026')).statusCode).toBe(200);
  });

  it('a reset password is temporary and must be changed', async () => {
    const admin = await t.as('admin');
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'office'));
    const r = await admin.post(`/api/people/${u.id}/reset-password`);
    const temp = r.json().temporaryPassword as string;
    const res = await login('office', temp);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);
  });
});
