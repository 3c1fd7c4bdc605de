import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jurisdictions, orgUnits, users } from '../../../db/schema/index.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';

/** Hostile and careless input to the organisation API: always a Chinese 4xx, never a change. */
let t: TestApp;
let admin: Client;
let unitId: number;
let personId: number;

const CHINESE = /[\u4e00-\u9fa5]/;

async function counts() {
  const db = t.database.db;
  const n = async (table: any) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return { users: await n(users), units: await n(orgUnits), jurisdictions: await n(jurisdictions), audit: await n(auditLog) };
}

function expectRefused(res: { statusCode: number; body: string; json(): any }, status?: number) {
  if (status) expect(res.statusCode, res.body).toBe(status);
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  const body = res.json();
  expect(typeof body.code).toBe('string');
  expect(body.message).toMatch(CHINESE);
  return body;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  unitId = t.org.stations['创新'].orgUnitId;
  const res = await admin.post('/api/people', { username: 'target', displayName: '目标人员', role: 'inspector', orgUnitId: unitId });
  personId = res.json().id;
});
afterAll(() => t.close());

describe('refused input changes nothing', () => {
  const cases: [string, () => Promise<any>, number?][] = [
    ['missing fields', () => admin.post('/api/people', { username: 'x1' }), 400],
    ['empty body', () => admin.post('/api/org-units', {}), 400],
    ['wrong types', () => admin.post('/api/people', { username: 123, displayName: ['a'], role: 'inspector', orgUnitId: '创新所' }), 400],
    ['unknown role', () => admin.post('/api/people', { username: 'x2', displayName: '甲', role: 'superuser', orgUnitId: unitId }), 400],
    ['unknown unit id', () => admin.post('/api/people', { username: 'x3', displayName: '甲', role: 'inspector', orgUnitId: 999999 }), 404],
    ['unknown person id', () => admin.patch('/api/people/999999', { displayName: '乙', version: 1 }), 404],
    ['non-numeric id', () => admin.patch('/api/people/abc', { displayName: '乙', version: 1 }), 400],
    ['unknown jurisdiction parent', () => admin.post('/api/jurisdictions', { parentId: 999999, name: '新区' }), 404],
    ['unknown org unit id', () => admin.patch('/api/org-units/999999', { name: '新', version: 1 }), 404],
    ['unknown kind', () => admin.post('/api/org-units', { jurisdictionId: t.org.districtId, kind: 'army', name: '新' }), 400],
    [
      'very long name',
      () => admin.post('/api/people', { username: 'x4', displayName: '长'.repeat(5000), role: 'inspector', orgUnitId: unitId }),
      400,
    ],
    ['very long unit name', () => admin.patch(`/api/org-units/${unitId}`, { name: 'x'.repeat(101), version: 1 }), 400],
    [
      'very long username',
      () => admin.post('/api/people', { username: 'u'.repeat(300), displayName: '甲', role: 'inspector', orgUnitId: unitId }),
      400,
    ],
    [
      'bad username characters',
      () => admin.post('/api/people', { username: "a'; --", displayName: '甲', role: 'inspector', orgUnitId: unitId }),
      400,
    ],
    [
      'invalid phone',
      () =>
        admin.post('/api/people', { username: 'x5', displayName: '甲', role: 'inspector', orgUnitId: unitId, phone: 'call me<script>' }),
      400,
    ],
    [
      'invalid email',
      () => admin.post('/api/people', { username: 'x6', displayName: '甲', role: 'inspector', orgUnitId: unitId, email: 'not-an-email' }),
      400,
    ],
    ['invalid email on update', () => admin.patch(`/api/people/${personId}`, { email: 'a@', version: 1 }), 400],
    [
      'duplicate username',
      () => admin.post('/api/people', { username: 'INSPECTOR_CX', displayName: '重名', role: 'inspector', orgUnitId: unitId }),
      409,
    ],
    [
      'duplicate jurisdiction name',
      async () =>
        admin.patch(`/api/jurisdictions/${t.org.stations['创新'].jurisdictionId}`, {
          name: '兴隆市场监督管理所',
          version: await t.version('jurisdictions', t.org.stations['创新'].jurisdictionId),
        }),
      409,
    ],
    [
      'duplicate unit name',
      () => admin.post('/api/org-units', { jurisdictionId: t.org.districtId, kind: 'department', name: '化妆品股' }),
      409,
    ],
    [
      'oversized body (>1 MB)',
      () =>
        admin.post('/api/people', {
          username: 'big',
          displayName: '大',
          role: 'inspector',
          orgUnitId: unitId,
          title: 'x'.repeat(1_100_000),
        }),
      413,
    ],
    [
      'malformed JSON',
      () =>
        admin.request({ method: 'POST', url: '/api/people', payload: '{"username": ', headers: { 'content-type': 'application/json' } }),
      400,
    ],
    [
      'a station unit on a district',
      () => admin.post('/api/org-units', { jurisdictionId: t.org.districtId, kind: 'station', name: '假所' }),
      400,
    ],
    [
      'a child below a village',
      () => admin.post('/api/jurisdictions', { parentId: t.org.stations['创新'].villageIds[0], name: '更下一级' }),
      400,
    ],
    ['import without a file', () => admin.request({ method: 'POST', url: '/api/people/import?dryRun=true', payload: {} }), 415],
  ];
  for (const [name, call, status] of cases) {
    it(name, async () => {
      const before = await counts();
      const res = await call();
      expectRefused(res, status);
      expect(await counts()).toEqual(before);
    });
  }

  it('validation errors name the field', async () => {
    const res = await admin.post('/api/people', { username: 'x7', displayName: '甲', role: 'inspector', orgUnitId: unitId, email: 'bad' });
    const body = expectRefused(res, 400);
    expect(body.details.some((d: any) => /email/.test(d.path) && CHINESE.test(d.message))).toBe(true);
    const dup = expectRefused(
      await admin.post('/api/people', { username: 'target', displayName: '甲', role: 'inspector', orgUnitId: unitId }),
      409,
    );
    expect(dup.details[0].path).toBe('username');
  });
});

describe('metacharacters are data', () => {
  it('stores SQL and HTML verbatim and returns them as plain JSON strings', async () => {
    const nasty = "'); drop table users; --";
    const html = '<img src=x onerror="alert(1)">&amp;';
    const before = await counts();
    const res = await admin.post('/api/people', {
      username: 'o_brien',
      displayName: nasty,
      title: html,
      role: 'inspector',
      orgUnitId: unitId,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toMatchObject({ displayName: nasty, title: html });
    const after = await counts();
    expect(after.users).toBe(before.users + 1);
    expect(after.audit).toBe(before.audit + 1);

    // The users table is still there, and the search with the same text finds exactly that row.
    const { rows } = (await t.database.db.execute(sql`select display_name from users where username = 'o_brien'`)) as any;
    expect(rows[0].display_name).toBe(nasty);
    const found = await admin.get(`/api/people?q=${encodeURIComponent("'); drop")}`);
    expect(found.json().items.map((p: any) => p.username)).toEqual(['o_brien']);
    const pct = await admin.get(`/api/people?q=${encodeURIComponent('%')}`);
    expect(pct.json().total).toBe(0);

    const unit = await admin.post('/api/org-units', {
      jurisdictionId: t.org.districtId,
      kind: 'department',
      name: '<b>股</b>"; delete from org_units; --',
    });
    expect(unit.statusCode, unit.body).toBe(200);
    expect(unit.json().name).toBe('<b>股</b>"; delete from org_units; --');
    expect((await counts()).units).toBe(after.units + 1);
  });
});
