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
    const weekly = h.pending.inferred.find((p: any) => p.path === 'obligations.weekly-clues.submitters');
    expect(weekly).toMatchObject({
      kind: 'inferred',
      reason: expect.stringContaining('未写由谁报送'),
      value: ['各市场监管所', '执法大队'],
    });
    expect(h.pending.inferred).toContainEqual(expect.objectContaining({ path: 'quotas.high-risk-full.times', kind: 'unset', value: null }));
    // What the plan leaves unset is listed with its words, and no date is invented for it (issue 19).
    for (const path of ['period', 'phases', 'obligations.weekly-clues.rule.weekday', 'obligations.monthly-dispatch.rule.day'])
      expect(h.pending.inferred, path).toContainEqual(
        expect.objectContaining({ path, kind: 'unset', reason: expect.stringContaining('方案') }),
      );
    const obligation = (key: string) => h.obligations.find((o: any) => o.key === key);
    expect(obligation('weekly-clues')).toMatchObject({
      unset: '方案未定：行动期间、星期几',
      count: 0,
      next: null,
      rule: '每周（星期几方案未定）',
    });
    expect(obligation('monthly-city')).toMatchObject({ unset: '方案未定：行动期间', count: 0 });
    expect(h.campaign).toMatchObject({ from: null, to: null, currentPhase: null });
    expect((await office.get(`/api/campaigns/${id}/due-dates`)).json()).toEqual([]);
    expect(h.pending.readings.map((r: any) => r.key)).toEqual(['share-combined', 'clinics', 'city-cdc-vaccine']);
  });

  it('the office confirms one: a new version marks it bureau-set, audited, and it leaves the list', async () => {
    const before = await audits();
    const res = await office.post(`/api/campaigns/${id}/confirm`, { path: 'obligations.weekly-clues.submitters', note: '各所和大队报送' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    const h = await home();
    expect(h.pending.inferred.map((p: any) => p.path)).not.toContain('obligations.weekly-clues.submitters');
    expect(h.definition.provenance['obligations.weekly-clues.submitters']).toMatchObject({
      kind: 'bureau',
      reason: '各所和大队报送',
      by: expect.any(String),
      was: expect.stringContaining('未写由谁报送'),
    });
    expect(await audits()).toBe(before + 1);
    // The version's note names the value as the list does, not by its path.
    const versions = (await office.get(`/api/campaigns/${id}/versions`)).json();
    expect(JSON.stringify(versions)).toContain('确认推定值 报送任务“每周汇总、通报线索摸排、移送、立案和查处情况”的报送单位：');
    expect(JSON.stringify(versions)).not.toContain('obligations.weekly-clues');
  });

  it('refuses to confirm an unset value, a quoted one, or a path that is not there, changing nothing', async () => {
    for (const path of ['quotas.high-risk-full.times', 'period']) {
      const unset = await office.post(`/api/campaigns/${id}/confirm`, { path });
      expect(unset.statusCode).toBe(400);
      expect(unset.json().code).toBe('VALUE_UNSET');
    }
    expect((await office.post(`/api/campaigns/${id}/confirm`, { path: 'quotas.cosmetics' })).statusCode).toBe(409);
    expect((await office.post(`/api/campaigns/${id}/confirm`, { path: 'nothing.here' })).statusCode).toBe(404);
    expect((await home()).campaign.version).toBe(2);
  });

  it('a station inspector may not confirm', async () => {
    const insp = await t.as('inspector_cx');
    expect((await insp.post(`/api/campaigns/${id}/confirm`, { path: 'period' })).statusCode).toBe(403);
  });

  it('an amendment that fills in unset values (period, a day) makes them the bureau’s, audited; dates follow', async () => {
    const before = await audits();
    const h = await home();
    const def = h.definition;
    const ob = def.obligations.find((o: any) => o.key === 'monthly-dispatch');
    ob.rule = { every: 'month', day: 25 };
    def.period = { from: '2022-03-28', to: '2022-12-31' };
    const res = await office.put(`/api/campaigns/${id}/definition`, {
      definition: def,
      note: '确定行动期间和调度日',
      version: h.campaign.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await home();
    expect(after.definition.provenance['obligations.monthly-dispatch.rule.day']).toMatchObject({
      kind: 'bureau',
      was: expect.stringContaining('每月对整治工作进行调度'),
    });
    expect(after.definition.provenance.period).toMatchObject({ kind: 'bureau', was: expect.stringContaining('未写起止日期') });
    expect(after.pending.inferred.map((p: any) => p.path)).not.toContain('period');
    expect(after.campaign).toMatchObject({ from: '2022-03-28', to: '2022-12-31' });
    const obligation = (key: string) => after.obligations.find((o: any) => o.key === key);
    expect(obligation('monthly-dispatch')).toMatchObject({ unset: null, count: 9 }); // 04-25 … 12-25 (03-25 is before the plan);
    // The weekday is still the plan's 方案未定: still no date.
    expect(obligation('weekly-clues')).toMatchObject({ unset: '方案未定：星期几', count: 0 });
    expect(await audits()).toBe(before + 1);
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
