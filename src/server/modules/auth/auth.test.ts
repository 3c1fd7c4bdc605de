import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginFailures, sessions, users } from '../../../db/schema/index.js';
import { parseTrustProxy } from '../../config.js';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { LOCK_MINUTES, MAX_FAILED_LOGINS, lockMinutes } from './use-cases/login.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: 1000 });
});
afterAll(() => t.close());

const login = (username: string, password: string, extra: { bearer?: boolean } = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...extra } });

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
    // The HttpOnly session token is not repeated in the body, where page script could read it.
    expect(body.token).toBeUndefined();
    expect(res.body).not.toContain(cookie.value);
  });

  it('gives the session token only to an API client that asks for a bearer token, and sets no cookie', async () => {
    const res = await login('admin', 'admin123', { bearer: true });
    expect(res.statusCode).toBe(200);
    expect(res.cookies).toEqual([]);
    const { token, csrfToken } = res.json();
    expect(token).toMatch(/^[\w-]{20,}$/);
    expect(csrfToken).toBeUndefined();
    const me = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().username).toBe('admin');
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

  it('rate-limits per user name and per address separately, after reading the body', async () => {
    const limited = await createTestApp({ loginRateLimit: 3, loginIpRateLimit: 8 });
    const attempt = (username: string, ip = '127.0.0.1') =>
      limited.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password: 'x-wrong-1' } });
    try {
      // Per user name: the 4th attempt on one name is refused, whatever the address.
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await attempt('viewer', `10.0.0.${i + 1}`)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const r = await attempt('viewer', '10.0.0.9');
      expect(r.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/频繁/) });
      // Other names from the same address are not blocked by one name's limit (an office behind NAT)...
      expect((await attempt('leader', '10.0.0.1')).statusCode).toBe(401);
      expect((await attempt('office', '10.0.0.1')).statusCode).toBe(401);
      // ...until the per-address limit is used up.
      const fromOne: number[] = [];
      for (const u of ['dept', 'enforcer', 'head_cx', 'inspector_cx', 'inspector_xl', 'coordinator', 'informant'])
        fromOne.push((await attempt(u, '10.0.0.50')).statusCode);
      expect(fromOne.slice(0, 7).filter((c) => c === 429).length).toBe(0);
      expect((await attempt('nobody-1', '10.0.0.50')).statusCode).toBe(401);
      expect((await attempt('nobody-2', '10.0.0.50')).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  }, 300_000); // its own app on a fresh database, and a password hash check per attempt

  it('40 parallel wrong passwords lock the account; at most the allowed number are checked', async () => {
    const res = await Promise.all(Array.from({ length: 40 }, () => login('inspector_xl', 'wrong-pass-1')));
    const codes = res.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBe(MAX_FAILED_LOGINS - 1);
    expect(codes.filter((c) => c === 423).length).toBe(40 - (MAX_FAILED_LOGINS - 1));
    const right = await login('inspector_xl', 'demo1234');
    expect(right.statusCode).toBe(423);
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'inspector_xl'));
    expect(u.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LOCK_MINUTES - 1) * 60000);
    const locks = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.locked'));
    expect(locks.filter((r) => r.entityId === String(u.id)).length).toBe(1);
  });

  it('answers an unknown user name exactly like an existing one, lock-out included', async () => {
    const known = await Promise.all(Array.from({ length: 12 }, () => login('informant', 'wrong-pass-1')));
    const unknown = await Promise.all(Array.from({ length: 12 }, () => login('no-such-person', 'wrong-pass-1')));
    const summary = (rs: typeof known) => rs.map((r) => `${r.statusCode} ${r.json().code}`).sort();
    expect(summary(unknown)).toEqual(summary(known));
    expect(unknown.find((r) => r.statusCode === 423)!.json().message).toBe(known.find((r) => r.statusCode === 423)!.json().message);
  });

  it('locks again after the lock ends, twice as long (backoff), and forgets failures after a sign-in', async () => {
    expect(lockMinutes(MAX_FAILED_LOGINS)).toBe(LOCK_MINUTES);
    expect(lockMinutes(2 * MAX_FAILED_LOGINS)).toBe(2 * LOCK_MINUTES);
    expect(lockMinutes(100 * MAX_FAILED_LOGINS)).toBe(24 * 60);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await login('coordinator', 'wrong-pass-1');
    // The lock ends (moved into the past), the next round of failures locks for twice as long.
    await t.database.db
      .update(loginFailures)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(loginFailures.usernameKey, 'coordinator'));
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await login('coordinator', 'wrong-pass-1')).statusCode).toBe(401);
    const again = await login('coordinator', 'wrong-pass-1');
    expect(again.statusCode).toBe(423);
    const [lf] = await t.database.db.select().from(loginFailures).where(eq(loginFailures.usernameKey, 'coordinator'));
    expect(lf.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (2 * LOCK_MINUTES - 1) * 60000);
    // A successful sign-in after the lock clears the count.
    await t.database.db
      .update(loginFailures)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(loginFailures.usernameKey, 'coordinator'));
    expect((await login('coordinator', 'demo1234')).statusCode).toBe(200);
    expect(await t.database.db.select().from(loginFailures).where(eq(loginFailures.usernameKey, 'coordinator'))).toEqual([]);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted (TRUST_PROXY)', async () => {
    const spoof = { 'x-forwarded-for': '203.0.113.7' };
    await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: spoof, payload: { username: 'leader', password: 'demo1234' } });
    const lastLoginIp = async (db: typeof t.database.db) => {
      const rows = await db.select().from(auditLog).where(eq(auditLog.action, 'auth.login'));
      return rows.sort((a, b) => Number(b.id) - Number(a.id))[0].ip;
    };
    expect(await lastLoginIp(t.database.db)).toBe('127.0.0.1');
    const proxied = await createTestApp({ trustProxy: '127.0.0.1' });
    try {
      await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: spoof,
        payload: { username: 'leader', password: 'demo1234' },
      });
      expect(await lastLoginIp(proxied.database.db)).toBe('203.0.113.7');
    } finally {
      await proxied.close();
    }
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8,127.0.0.1')).toBe('10.0.0.0/8,127.0.0.1');
  }, 300_000); // a second app on a fresh database
});

describe('session', () => {
  it('answers /me, accepts a bearer token, and logs out', async () => {
    const res = await login('leader', 'demo1234', { bearer: true });
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
    const res = await login('viewer', 'demo1234', { bearer: true });
    const token = res.json().token;
    const rows = await t.database.db.select().from(sessions);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });
});

describe('change password', () => {
  it('requires the old password and the password rule, then signs out other sessions', async () => {
    const a = await t.as('enforcer');
    const b = await t.as('enforcer');
    expect((await a.post('/api/auth/change-password', { oldPassword: 'bad', newPassword: 'abcdef123' })).json().code).toBe(
      'BAD_CREDENTIALS',
    );
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
