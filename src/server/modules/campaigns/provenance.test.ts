import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { seedDemoEntities } from '../../demo/seed-entities.js';

let t: TestApp;
let office: Client;
let id: number;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  office = await t.as('office');
  id = (await office.post('/api/campaigns', { template: 'seed-000', status: 'active' })).json().id;
}, 300_000); // loads the demo registry (7,000+ units): slow on a shared machine
afterAll(() => t.close());

const home = async () => (await office.get(`/api/campaigns/${id}/home`)).json();
const audits = async () =>
  Number(
    (
      (await t.database.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'campaign.amend' and entity_id = ${id}`,
      )) as any
    ).rows[0].n,
  );

describe('inferred values on a campaign (待确认)', () => {
  it('lists the inferences and the unset values with their reasons', async () => {
    const h = await home();
    const weekly = h.pending.inferred.find((p: any) => p.path === 'obligations.weekly-clues.rule');
    expect(weekly).toMatchObject({
      kind: 'inferred',
      reason: expect.stringContaining('未定星期'),
      value: { every: 'week', weekday: 5, time: '17:00' },
    });
    expect(h.pending.inferred).toContainEqual(expect.objectContaining({ path: 'quotas.high-risk-full.times', kind: 'unset', value: null }));
    expect(h.pending.readings.map((r: any) => r.key)).toEqual(['share-combined', 'clinics', 'city-cdc-vaccine']);
  });

  it('the office confirms one: a new version marks it bureau-set, audited, and it leaves the list', async () => {
    const before = await audits();
    const res = await office.post(`/api/campaigns/${id}/confirm`, { path: 'obligations.weekly-clues.rule', note: '按每周五下班前' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    const h = await home();
    expect(h.pending.inferred.map((p: any) => p.path)).not.toContain('obligations.weekly-clues.rule');
    expect(h.definition.provenance['obligations.weekly-clues.rule']).toMatchObject({
      kind: 'bureau',
      reason: '按每周五下班前',
      by: expect.any(String),
      was: expect.stringContaining('未定星期'),
    });
    expect(await audits()).toBe(before + 1);
  });

  it('refuses to confirm an unset value, a quoted one, or a path that is not there, changing nothing', async () => {
    const unset = await office.post(`/api/campaigns/${id}/confirm`, { path: 'quotas.high-risk-full.times' });
    expect(unset.statusCode).toBe(400);
    expect(unset.json().code).toBe('VALUE_UNSET');
    expect((await office.post(`/api/campaigns/${id}/confirm`, { path: 'quotas.cosmetics' })).statusCode).toBe(409);
    expect((await office.post(`/api/campaigns/${id}/confirm`, { path: 'nothing.here' })).statusCode).toBe(404);
    expect((await home()).campaign.version).toBe(2);
  });

  it('a station inspector may not confirm', async () => {
    const insp = await t.as('inspector_cx');
    expect((await insp.post(`/api/campaigns/${id}/confirm`, { path: 'period' })).statusCode).toBe(403);
  });

  it('an amendment that changes an inferred value makes it the bureau’s', async () => {
    const h = await home();
    const def = h.definition;
    const ob = def.obligations.find((o: any) => o.key === 'monthly-dispatch');
    ob.rule = { every: 'month', day: 25 };
    const res = await office.put(`/api/campaigns/${id}/definition`, { definition: def, note: '每月25日调度', version: h.campaign.version });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await home()).definition.provenance['obligations.monthly-dispatch.rule'];
    expect(after).toMatchObject({ kind: 'bureau', was: expect.stringContaining('每月对整治工作进行调度') });
  });
});

describe('open readings', () => {
  it('shows the fewest inspections under each reading; counting clinics needs more', async () => {
    const res = await office.get(`/api/campaigns/${id}/readings`);
    expect(res.statusCode, res.body).toBe(200);
    const clinics = res.json().readings.find((r: any) => r.key === 'clinics');
    const n = Object.fromEntries(clinics.options.map((o: any) => [o.key, o.inspections]));
    expect(n.included).toBeGreaterThan(n.excluded);
    const each = res.json().readings.find((r: any) => r.key === 'share-combined');
    const m = Object.fromEntries(each.options.map((o: any) => [o.key, o.inspections]));
    expect(m.each).toBeGreaterThanOrEqual(m.combined);
  });

  it('switches a reading by amendment; the chosen option’s values become the definition’s', async () => {
    const res = await office.post(`/api/campaigns/${id}/readings/clinics`, { option: 'excluded' });
    expect(res.statusCode, res.body).toBe(200);
    const def = (await home()).definition;
    expect(def.readings.find((r: any) => r.key === 'clinics').chosen).toBe('excluded');
    expect(def.quotas.find((q: any) => q.id === 'drug-retail-medical').population.kinds).not.toContain('clinic');
    expect((await office.post(`/api/campaigns/${id}/readings/clinics`, { option: 'excluded' })).statusCode).toBe(409);
  });
});
