import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../contracts/credit-code.js';
import { canManagePerson, isWritePermission, PERMISSIONS, ROLES, roleAtLeast, type Permission } from '../../contracts/permissions.js';
import { auditLog, users } from '../../db/schema/index.js';
import { createTestApp, type Client, type TestApp } from '../../test/app.js';
import { createTestDatabase } from '../../test/db.js';
import { buildApp } from '../app.js';
import { seedDemo } from '../demo/index.js';
import { ADMIN_PASSWORD } from '../demo/org-data.js';

let t: TestApp;
let admin: Client;
let headCx: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  headCx = await t.as('head_cx');
});
afterAll(() => t.close());

const idOf = async (username: string) => (await t.database.db.select().from(users).where(eq(users.username, username)))[0];

describe('role rank', () => {
  it('is a permission superset: only an admin is at least an admin; a station head is not at least a leader', () => {
    for (const r of ROLES) expect(roleAtLeast('admin', r)).toBe(true);
    for (const r of ROLES) if (r !== 'admin') expect(roleAtLeast(r, 'admin')).toBe(false);
    expect(roleAtLeast('station_head', 'inspector')).toBe(true);
    expect(roleAtLeast('station_head', 'leader')).toBe(false); // leaders read the audit log
    expect(roleAtLeast('inspector', 'station_head')).toBe(false);
    expect(canManagePerson({ role: 'station_head', scope: 'jurisdiction' }, { role: 'inspector', dataScope: 'all' })).toBe(false);
  });

  it('every write route requires a write permission (the read-only viewer can write nothing)', () => {
    const writes = t.app.routeTable.filter((r) => r.method !== 'GET' && !r.url.startsWith('/api/auth/'));
    expect(writes.length).toBeGreaterThan(20);
    const readOnly = writes.filter((r) => !(r.access in PERMISSIONS) || !isWritePermission(r.access as Permission));
    expect(readOnly.map((r) => `${r.method} ${r.url} (${r.access})`)).toEqual([]);
  });
});

describe('managing people who outrank you', () => {
  let adminCx: number;
  let wideInspector: number;
  beforeAll(async () => {
    const cx = t.org.stations['创新'];
    const a = await admin.post('/api/people', {
      username: 'admin_cx',
      displayName: '所里的管理员',
      role: 'admin',
      orgUnitId: cx.orgUnitId,
      password: 'Guanliyuan-2026',
    });
    expect(a.statusCode, a.body).toBe(200);
    adminCx = a.json().id;
    const w = await admin.post('/api/people', {
      username: 'wide_cx',
      displayName: '全域检查员',
      role: 'inspector',
      dataScope: 'all',
      orgUnitId: cx.orgUnitId,
    });
    expect(w.statusCode, w.body).toBe(200);
    wideInspector = w.json().id;
  });

  it('a station head cannot edit, deactivate, unlock or reset the password of an admin in the station’s area (every people write route)', async () => {
    const routes = t.app.routeTable.filter((r) => r.method !== 'GET' && r.url.startsWith('/api/people/:id'));
    expect(routes.length).toBeGreaterThanOrEqual(2);
    const bodies: Record<string, unknown[]> = {
      'PATCH /api/people/:id': [
        { displayName: '被改名', version: 1 },
        { active: false, version: 1 },
        { unlock: true, version: 1 },
        { dataScope: 'jurisdiction', version: 1 },
      ],
      'POST /api/people/:id/reset-password': [undefined],
    };
    const auditBefore = (await t.database.db.select().from(auditLog)).length;
    for (const target of [adminCx, wideInspector]) {
      for (const r of routes) {
        const cases = bodies[`${r.method} ${r.url}`];
        expect(cases, `${r.method} ${r.url} has no case here`).toBeDefined();
        for (const payload of cases) {
          const res = await headCx.request({ method: r.method as any, url: r.url.replace(':id', String(target)), payload: payload as any });
          expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(payload)}: ${res.body}`).toBe(403);
          expect(res.json().code).toBe('FORBIDDEN');
        }
      }
    }
    expect((await t.database.db.select().from(auditLog)).length).toBe(auditBefore);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, adminCx));
    expect(row).toMatchObject({ displayName: '所里的管理员', active: true, role: 'admin', mustChangePassword: true });
    // The admin's password still works: the station head could not take the account over.
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin_cx', password: 'Guanliyuan-2026' } }))
        .statusCode,
    ).toBe(200);
    // The same station head still manages an inspector of the station (the 403 above is the rank, not the area).
    const inspector = await idOf('inspector_cx');
    expect((await headCx.patch(`/api/people/${inspector.id}`, { title: '检查员', version: inspector.version })).statusCode).toBe(200);
  });

  it('nobody grants a role or a scope above their own', async () => {
    const cx = t.org.stations['创新'];
    const leader = await headCx.post('/api/people', {
      username: 'new_leader',
      displayName: '新领导',
      role: 'leader',
      orgUnitId: cx.orgUnitId,
    });
    expect(leader.statusCode).toBe(403);
    const wide = await headCx.post('/api/people', {
      username: 'new_wide',
      displayName: '新人',
      role: 'inspector',
      dataScope: 'all',
      orgUnitId: cx.orgUnitId,
    });
    expect(wide.statusCode).toBe(403);
    const inspector = await idOf('inspector_cx');
    expect((await headCx.patch(`/api/people/${inspector.id}`, { role: 'admin', version: inspector.version })).statusCode).toBe(403);
  });
});

describe('password strength', () => {
  it('refuses a repeated character and common passwords, at change and at creation', async () => {
    const s = await t.as('dept');
    for (const weak of ['aaaaaaaa1', 'password1', 'qwerty123', 'Admin123']) {
      const r = await s.post('/api/auth/change-password', { oldPassword: 'demo1234', newPassword: weak });
      expect(r.statusCode, weak).toBe(400);
      expect(r.json().code).toBe('VALIDATION');
    }
    const cx = t.org.stations['创新'];
    const created = await admin.post('/api/people', {
      username: 'weak_pw',
      displayName: '弱密码',
      role: 'inspector',
      orgUnitId: cx.orgUnitId,
      password: 'iloveyou1',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().message).toMatch(/常见/);
    expect((await s.post('/api/auth/change-password', { oldPassword: 'demo1234', newPassword: 'Yaojian-Gu-2026' })).statusCode).toBe(200);
  });
});

describe('disclosure across areas', () => {
  it('a credit code of another station’s unit is "taken", without that unit’s name', async () => {
    const xl = t.org.stations['兴隆'];
    const code = makeCreditCode('92', '211103', '70000777');
    const made = await admin.post('/api/entities', {
      name: '兴隆所的秘密药店',
      creditCode: code,
      kind: 'clinic',
      jurisdictionId: xl.jurisdictionId,
    });
    expect(made.statusCode, made.body).toBe(200);
    const cx = t.org.stations['创新'];
    const dup = await headCx.post('/api/entities', {
      name: '创新所新店',
      creditCode: code,
      kind: 'clinic',
      jurisdictionId: cx.jurisdictionId,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).not.toContain('兴隆所的秘密药店');
    expect(dup.json().message).toMatch(/已被其他单位使用/);
    // Inside one's own area the holder is named (the person can open it anyway).
    const own = await admin.post('/api/entities', { name: '另一家', creditCode: code, kind: 'clinic', jurisdictionId: xl.jurisdictionId });
    expect(own.json().message).toContain('兴隆所的秘密药店');
  });

  it('inspections and conflicts accept only the station’s inspector pool and echo no names', async () => {
    const cx = t.org.stations['创新'];
    const unit = await admin.post('/api/entities', {
      name: '创新所诊所',
      creditCode: makeCreditCode('92', '211103', '70000778'),
      kind: 'clinic',
      jurisdictionId: cx.jurisdictionId,
    });
    expect(unit.statusCode, unit.body).toBe(200);
    const entityId = unit.json().id;
    const [mine, other, coordinator] = await Promise.all([idOf('inspector_cx'), idOf('inspector_xl'), idOf('coordinator')]);
    const head = await idOf('head_cx');
    const today = new Date().toISOString().slice(0, 10);
    for (const stranger of [other, coordinator]) {
      const r = await headCx.post('/api/inspections', { entityId, date: today, inspectorIds: [mine.id, stranger.id] });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.body).not.toContain(stranger.displayName);
      const c = await headCx.post('/api/inspector-conflicts', { userId: stranger.id, entityId, reason: '亲属' });
      expect(c.statusCode, c.body).toBe(400);
      expect(c.body).not.toContain(stranger.displayName);
    }
    const ok = await headCx.post('/api/inspections', { entityId, date: today, inspectorIds: [mine.id, head.id] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await headCx.post('/api/inspector-conflicts', { userId: mine.id, entityId, reason: '亲属' })).statusCode).toBe(200);
  });
});

describe('demo mode', () => {
  it('asks the admin to replace the published demo password at first sign-in', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ db: database.db });
    try {
      await seedDemo(database.db);
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: ADMIN_PASSWORD, bearer: true },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.mustChangePassword).toBe(true);
      const token = res.json().token;
      const blocked = await app.inject({ url: '/api/entities', headers: { authorization: `Bearer ${token}` } });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
      const changed = await app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: { authorization: `Bearer ${token}` },
        payload: { oldPassword: ADMIN_PASSWORD, newPassword: 'Yaojian-Admin-2026' },
      });
      expect(changed.statusCode).toBe(200);
      expect((await app.inject({ url: '/api/entities', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
      const [n] = ((await database.db.execute(sql`select count(*)::int as n from users where must_change_password`)) as any).rows;
      expect(n.n).toBe(0);
    } finally {
      await app.close();
      await database.close();
    }
    // Seeds the whole demo (tens of seconds on a busy machine).
  }, 240_000);

  it('listens on localhost unless HOST is set; on every interface with a database server', async () => {
    const { loadConfig } = await import('../config.js');
    expect(loadConfig({}).host).toBe('localhost');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATABASE_URL: 'postgres://x@y/z' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATABASE_URL: 'postgres://x@y/z', DEMO: '1' }).host).toBe('localhost');
  });
});
