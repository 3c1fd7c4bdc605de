import { afterAll, beforeAll, expect, it } from 'vitest';
import { shanghaiToday } from '../../../contracts/calendar.js';
import { createTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as('admin');
  await admin.patch(`/api/org-units/${t.org.stations['兴隆'].orgUnitId}`, {
    phone: '0427-1111111',
    version: await t.version('org_units', t.org.stations['兴隆'].orgUnitId),
  });
  await admin.patch(`/api/org-units/${t.org.stations['查干'].orgUnitId}`, {
    phone: '0427-2222222',
    version: await t.version('org_units', t.org.stations['查干'].orgUnitId),
  });
  await admin.post('/api/people', {
    username: 'pct_user',
    displayName: '百分之百%',
    role: 'inspector',
    orgUnitId: t.org.stations['创新'].orgUnitId,
  });
});
afterAll(() => t.close());

it('lists facets for the filter drop-downs, within the reader’s scope', async () => {
  const admin = await t.as('admin');
  const f = (await admin.get('/api/audit/facets')).json();
  expect(f.actions).toEqual(expect.arrayContaining(['org_unit.update', 'user.create', 'demo.seed', 'auth.login']));
  expect(f.entityTypes).toEqual(expect.arrayContaining(['org_unit', 'user', 'system']));
  expect(f.actors.map((a: any) => a.name)).toContain('系统管理员');

  const leader = await t.as('leader');
  const lf = (await leader.get('/api/audit/facets')).json();
  expect(lf.actions).toContain('org_unit.update');
  expect(lf.actions).not.toContain('demo.seed');
  expect((await (await t.as('viewer')).get('/api/audit/facets')).statusCode).toBe(403);
});

it('filters by action, entity, actor, text and time; the leader never sees 查干旗 rows', async () => {
  const admin = await t.as('admin');
  const all = (await admin.get('/api/audit?action=org_unit.update&pageSize=50')).json();
  expect(all.total).toBe(2);
  expect(all.items[0].before.phone).toBeNull();
  expect(all.items[0].after.phone).toBe('0427-2222222');
  const leader = await t.as('leader');
  const mine = (await leader.get('/api/audit?entityType=org_unit&pageSize=50')).json();
  expect(mine.items.map((i: any) => i.after.phone)).toEqual(['0427-1111111']);
  expect((await admin.get(`/api/audit?q=${encodeURIComponent('%')}`)).json().total).toBe(1); // only the literal %
  expect((await admin.get(`/api/audit?q=${encodeURIComponent('百分之百')}`)).json().total).toBe(1);
  const actorId = all.items[0].actorId;
  expect((await admin.get(`/api/audit?actorId=${actorId}&action=org_unit.update`)).json().total).toBe(2);
  const today = shanghaiToday();
  expect((await admin.get(`/api/audit?action=org_unit.update&from=${today}&to=${today}`)).json().total).toBe(2);
  expect((await admin.get(`/api/audit?action=org_unit.update&to=2000-01-01`)).json().total).toBe(0);
  expect((await admin.get('/api/audit?from=yesterday')).statusCode).toBe(400);
});
