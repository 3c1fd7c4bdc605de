import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jurisdictions, orgUnits, users } from '../../../db/schema/index.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';

/** Permission and data-scope matrix of the organisation API, checked against the database. */
let t: TestApp;
let cx: { jurisdictionId: number; orgUnitId: number; townshipIds: number[] };
let xl: { jurisdictionId: number; orgUnitId: number; townshipIds: number[] };
let xlPersonId: number;
let cxPersonId: number;

async function snapshot() {
  const db = t.database.db;
  const count = async (table: any) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  const xlPeople = await db.select().from(users).where(eq(users.orgUnitId, xl.orgUnitId)).orderBy(users.id);
  const xlUnit = await db.select().from(orgUnits).where(eq(orgUnits.id, xl.orgUnitId));
  const xlJur = await db.select().from(jurisdictions).where(eq(jurisdictions.id, xl.jurisdictionId));
  return {
    users: await count(users),
    units: await count(orgUnits),
    jurisdictions: await count(jurisdictions),
    audit: await count(auditLog),
    xlPeople,
    xlUnit,
    xlJur,
  };
}

async function allPeople(c: Client, query = '') {
  const res = await c.get(`/api/people?pageSize=500${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: number; username: string; orgUnitId: number; jurisdictionName: string }[];
}

beforeAll(async () => {
  t = await createTestApp();
  cx = t.org.stations['创新'];
  xl = t.org.stations['兴隆'];
  const [p] = await t.database.db.select().from(users).where(eq(users.username, 'inspector_xl'));
  xlPersonId = p.id;
  const [q] = await t.database.db.select().from(users).where(eq(users.username, 'inspector_cx'));
  cxPersonId = q.id;
});
afterAll(() => t.close());

describe('inspector_cx (创新所, jurisdiction scope, read only)', () => {
  let c: Client;
  beforeAll(async () => {
    c = await t.as('inspector_cx');
  });

  it('lists only its own station: people, units and jurisdictions', async () => {
    const people = await allPeople(c);
    expect(people.length).toBeGreaterThan(2);
    expect(people.every((p) => p.orgUnitId === cx.orgUnitId)).toBe(true);
    expect(people.some((p) => p.id === xlPersonId)).toBe(false);
    expect(people.some((p) => p.id === cxPersonId)).toBe(true);

    const units = (await c.get('/api/org-units')).json() as { id: number }[];
    expect(units.map((u) => u.id)).toContain(cx.orgUnitId);
    expect(units.map((u) => u.id)).not.toContain(xl.orgUnitId);

    const roots = (await c.get('/api/jurisdictions')).json() as { id: number }[];
    expect(roots.map((r) => r.id)).toEqual([cx.jurisdictionId]);
    const kids = (await c.get(`/api/jurisdictions?parentId=${cx.jurisdictionId}`)).json() as { id: number }[];
    expect(kids.map((k) => k.id).sort()).toEqual([...cx.townshipIds].sort());
  });

  it('cannot read 兴隆所 by asking for it directly', async () => {
    expect((await c.get(`/api/jurisdictions?parentId=${xl.jurisdictionId}`)).json()).toEqual([]);
    expect((await c.get(`/api/jurisdictions?parentId=${t.org.districtId}`)).json()).toEqual([]);
    expect((await c.get(`/api/jurisdictions/${xl.jurisdictionId}/chain`)).statusCode).toBe(404);
    expect(await allPeople(c, `&jurisdictionId=${xl.jurisdictionId}`)).toEqual([]);
    expect(await allPeople(c, `&orgUnitId=${xl.orgUnitId}`)).toEqual([]);
    expect(await allPeople(c, `&q=inspector_xl`)).toEqual([]);
    expect((await c.get(`/api/org-units?jurisdictionId=${xl.jurisdictionId}`)).json()).toEqual([]);
  });

  it('cannot change anything, in 兴隆所 or its own station; the database stays as it was', async () => {
    const before = await snapshot();
    const attempts = [
      c.patch(`/api/people/${xlPersonId}`, { displayName: '改名', version: 1 }),
      c.patch(`/api/people/${cxPersonId}`, { displayName: '改名', version: 1 }),
      c.post(`/api/people/${xlPersonId}/reset-password`),
      c.post('/api/people', { username: 'sneaky', displayName: '混入者', role: 'inspector', orgUnitId: xl.orgUnitId }),
      c.post('/api/people', { username: 'sneaky2', displayName: '混入者', role: 'inspector', orgUnitId: cx.orgUnitId }),
      c.patch(`/api/org-units/${xl.orgUnitId}`, { name: '改名所', version: 1 }),
      c.post('/api/org-units', { jurisdictionId: xl.jurisdictionId, kind: 'department', name: '新股室' }),
      c.patch(`/api/jurisdictions/${xl.jurisdictionId}`, { name: '改名', version: 1 }),
      c.post('/api/jurisdictions', { parentId: xl.jurisdictionId, name: '新街道' }),
      c.get('/api/people/import-template'),
    ];
    for (const res of await Promise.all(attempts)) {
      expect([403, 404], res.body).toContain(res.statusCode);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('head_cx (创新所 head, manages its station)', () => {
  let c: Client;
  beforeAll(async () => {
    c = await t.as('head_cx');
  });

  it('adds a person to 创新所 but not to 兴隆所', async () => {
    const ok = await c.post('/api/people', { username: 'new_cx', displayName: '新检查员', role: 'inspector', orgUnitId: cx.orgUnitId });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ orgUnitId: cx.orgUnitId, jurisdictionId: cx.jurisdictionId, dataScope: 'jurisdiction' });
    const coord = await c.post('/api/people', {
      username: 'new_xg',
      displayName: '新协管员',
      role: 'coordinator',
      orgUnitId: cx.orgUnitId,
      jurisdictionId: cx.townshipIds[1],
    });
    expect(coord.statusCode, coord.body).toBe(200);

    const before = await snapshot();
    const bad = await c.post('/api/people', { username: 'new_xl', displayName: '越界', role: 'inspector', orgUnitId: xl.orgUnitId });
    expect(bad.statusCode).toBe(403);
    // Own unit, but responsible for a township of another station.
    const bad2 = await c.post('/api/people', {
      username: 'new_xl2',
      displayName: '越界',
      role: 'coordinator',
      orgUnitId: cx.orgUnitId,
      jurisdictionId: xl.townshipIds[0],
    });
    expect(bad2.statusCode).toBe(400);
    expect(bad2.json().details[0].path).toBe('jurisdictionId');
    const bad3 = await c.patch(`/api/people/${xlPersonId}`, { title: '所长', version: 1 });
    expect(bad3.statusCode).toBe(403);
    const bad4 = await c.patch(`/api/people/${cxPersonId}`, { orgUnitId: xl.orgUnitId, version: 1 });
    expect(bad4.statusCode).toBe(403);
    const bad5 = await c.post(`/api/people/${xlPersonId}/reset-password`);
    expect(bad5.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('cannot grant a scope wider than its own, nor a role above its own, nor admin', async () => {
    const before = await snapshot();
    for (const body of [
      { username: 'wide1', displayName: '越权', role: 'inspector', dataScope: 'all', orgUnitId: cx.orgUnitId },
      { username: 'wide2', displayName: '越权', role: 'leader', orgUnitId: cx.orgUnitId },
      { username: 'wide3', displayName: '越权', role: 'admin', orgUnitId: cx.orgUnitId },
    ]) {
      const res = await c.post('/api/people', body);
      expect(res.statusCode, res.body).toBe(403);
    }
    expect((await c.patch(`/api/people/${cxPersonId}`, { dataScope: 'all', version: 1 })).statusCode).toBe(403);
    expect((await c.patch(`/api/people/${cxPersonId}`, { role: 'admin', version: 1 })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('other roles', () => {
  it('leader (district) sees every district station but nothing of 查干旗', async () => {
    const c = await t.as('leader');
    const people = await allPeople(c);
    const units = (await c.get('/api/org-units')).json() as { id: number; jurisdictionName: string }[];
    const districtStations = ['创新', '兴隆', '振兴', '兴盛', '兴海', '惠宾', '渤海', '曙光', '欢喜岭', '新工', '高采'];
    for (const s of districtStations) {
      expect(units.map((u) => u.id)).toContain(t.org.stations[s].orgUnitId);
      expect(people.some((p) => p.orgUnitId === t.org.stations[s].orgUnitId)).toBe(true);
    }
    for (const s of ['查干', '巴彦', '乌兰']) {
      expect(units.map((u) => u.id)).not.toContain(t.org.stations[s].orgUnitId);
      expect(people.some((p) => p.orgUnitId === t.org.stations[s].orgUnitId)).toBe(false);
    }
    expect((await c.get(`/api/jurisdictions?parentId=${t.org.bannerId}`)).json()).toEqual([]);
    const roots = (await c.get('/api/jurisdictions')).json() as { id: number }[];
    expect(roots.map((r) => r.id)).toEqual([t.org.districtId]);
    // The leader reads but does not manage.
    expect((await c.patch(`/api/people/${xlPersonId}`, { title: 'x', version: 1 })).statusCode).toBe(403);
  });

  it('viewer cannot write anything', async () => {
    const c = await t.as('viewer');
    const before = await snapshot();
    const writes = await Promise.all([
      c.post('/api/jurisdictions', { parentId: t.org.districtId, name: '新所' }),
      c.patch(`/api/jurisdictions/${xl.jurisdictionId}`, { name: '改', version: 1 }),
      c.post('/api/org-units', { jurisdictionId: t.org.districtId, kind: 'department', name: '新股' }),
      c.patch(`/api/org-units/${xl.orgUnitId}`, { name: '改', version: 1 }),
      c.post('/api/people', { username: 'v1', displayName: 'v', role: 'inspector', orgUnitId: xl.orgUnitId }),
      c.patch(`/api/people/${xlPersonId}`, { title: 'x', version: 1 }),
      c.post(`/api/people/${xlPersonId}/reset-password`),
      c.request({ method: 'POST', url: '/api/people/import?dryRun=true', payload: {} }),
    ]);
    for (const res of writes) expect(res.statusCode, res.body).toBe(403);
    expect(await snapshot()).toEqual(before);
    // …while it may read the whole city.
    expect((await allPeople(c)).length).toBeGreaterThan(50);
  });

  it('coordinator sees only its own record in the people list', async () => {
    const c = await t.as('coordinator');
    const people = await allPeople(c);
    expect(people.map((p) => p.username)).toEqual(['coordinator']);
    expect(await allPeople(c, `&orgUnitId=${cx.orgUnitId}`)).toHaveLength(1);
    expect((await c.post('/api/people', { username: 'c1', displayName: 'c', role: 'informant', orgUnitId: cx.orgUnitId })).statusCode).toBe(
      403,
    );
  });

  it('only an admin creates an admin', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/people', {
      username: 'admin2',
      displayName: '第二管理员',
      role: 'admin',
      orgUnitId: t.org.bureauId,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dataScope).toBe('all');
  });
});
