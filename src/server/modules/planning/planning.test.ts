import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail, PlanSummary, PlanTask } from '../../../contracts/plans.js';
import { seedDemoCampaigns } from '../../demo/seed-campaigns.js';
import { seedDemoEntities } from '../../demo/seed-entities.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { planContext, warmPlanContexts } from './coverage-source.js';
import { getPlan } from './queries.js';
import { loadLastInspectors, loadUnits, registryFingerprint } from './loader.js';

/**
 * Plans on the demo district: seed 000's campaign (as merged from the campaigns feature) over the
 * demo registry. Rules are checked by counting from the database, independently of the engine.
 */
let t: TestApp;
let office: Client;
let cx: Client;
let campaignId: number;
let plan: PlanSummary;
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoCampaigns(t.database.db, t.org);
  [{ id: campaignId }] = await rows(sql`select id from campaigns where template_code = 'seed-000'`);
  office = await t.as('office');
  cx = await t.as('inspector_cx');
  const res = await office.post('/api/plans', { campaignId, seed: 2022 });
  expect(res.statusCode, res.body).toBe(200);
  plan = res.json();
});
afterAll(() => t.close());

async function allTasks(client: Client, planId: number): Promise<PlanTask[]> {
  const res = await client.get(`/api/plans/${planId}/tasks?pageSize=500&page=1`);
  expect(res.statusCode, res.body).toBe(200);
  const out: PlanTask[] = res.json().items;
  for (let page = 2; out.length < res.json().total; page++)
    out.push(...(await client.get(`/api/plans/${planId}/tasks?pageSize=500&page=${page}`)).json().items);
  return out;
}

describe('seed 000 on the demo district', () => {
  it('gives a plan that meets every rule of the seed at every station, with the fewest inspections', async () => {
    expect(plan).toMatchObject({ status: 'draft', seed: 2022, optimal: true });
    expect(plan.taskCount).toBe(plan.minimum);
    const tasks = await allTasks(office, plan.id);
    const visits = new Map<number, number>();
    for (const task of tasks) visits.set(task.entityId, (visits.get(task.entityId) ?? 0) + 1);
    const units = await rows(sql`select e.id, e.kind, e.tags, e.medical_grade, e.device_level, e.family_planning, o.short_name as station
      from entities e join org_units o on o.jurisdiction_id = e.jurisdiction_id and o.kind = 'station'
      where e.status = 'operating' and e.jurisdiction_id in (select id from jurisdictions where parent_id = ${t.org.districtId})`);
    const stations = [...new Set(units.map((u) => u.station))];
    expect(stations).toHaveLength(11);
    const small = ['曙光所', '欢喜岭所', '新工所', '高采所'];
    const check = (station: string, pred: (u: any) => boolean) => {
      const pop = units.filter((u) => u.station === station && pred(u));
      return { n: pop.length, done: pop.filter((u) => visits.has(u.id)).length, pop };
    };
    const half = (n: number) => Math.ceil(n / 2);
    // Clinics, CDCs and vaccination sites are 医疗机构 (issue 9 item 4); only the 三级 hospitals and
    // the city CDC are excluded, not every city-level unit (issue 19).
    const cityCdc = (u: any) => u.kind === 'cdc' && u.tags.includes('city_level');
    const drug = (u: any) =>
      ['pharmacy_chain', 'pharmacy_single', 'medical_institution', 'clinic', 'cdc', 'vaccination_site'].includes(u.kind) &&
      !(u.kind === 'medical_institution' && u.medical_grade === '3') &&
      !cityCdc(u);
    const cosmetics = ['cosmetics_maternal', 'cosmetics_store', 'cosmetics_counter', 'beauty_salon', 'hair_salon', 'hotel', 'bathhouse'];
    const shortfalls = ((await office.get(`/api/plans/${plan.id}`)).json() as PlanDetail).shortfalls;
    // The plan leaves the high-risk frequency unset: the planner says so instead of inventing a number.
    expect(((await office.get(`/api/plans/${plan.id}`)).json() as PlanDetail).warnings).toContainEqual(
      expect.stringContaining('增加检查频次'),
    );
    for (const s of stations) {
      const big = !small.includes(s);
      const d = check(s, drug);
      expect(d.done, `${s} drug`).toBeGreaterThanOrEqual(half(d.n));
      const v = check(s, (u) => ['vaccine_distributor', 'cdc', 'vaccination_site'].includes(u.kind) && !u.tags.includes('city_level'));
      expect(v.done, `${s} vaccine`).toBe(v.n);
      // High-risk units of that population are all covered; "增加检查频次" gives no number, so once.
      for (const u of check(s, (u) => drug(u) && u.tags.includes('high_risk')).pop)
        expect(visits.get(u.id), `${s} high risk ${u.id}`).toBe(1);
      const l12 = check(s, (u) => u.kind === 'device_dealer' && ['1', '2'].includes(u.device_level));
      expect(l12.done).toBeGreaterThanOrEqual(half(l12.n));
      const l3 = check(s, (u) => u.kind === 'device_dealer' && u.device_level === '3' && !u.family_planning);
      expect(l3.done).toBe(l3.n);
      const fp = check(s, (u) => u.kind === 'device_dealer' && u.device_level === '3' && u.family_planning);
      expect(fp.done).toBe(half(fp.n));
      const c = check(s, (u) => cosmetics.includes(u.kind));
      const need = big ? 15 : 5;
      expect(c.done, `${s} cosmetics`).toBeGreaterThanOrEqual(Math.min(need, c.n));
      if (c.n < need)
        expect(shortfalls).toContainEqual(
          expect.objectContaining({ ruleId: 'cosmetics', stationShortName: s, required: need, available: c.n }),
        );
      for (const k of ['cosmetics_maternal', 'cosmetics_store', 'cosmetics_counter']) {
        const sub = check(s, (u) => u.kind === k);
        expect(sub.done, `${s} ${k}`).toBeGreaterThanOrEqual(half(sub.n));
      }
      for (const k of ['beauty_salon', 'hair_salon', 'hotel', 'bathhouse']) {
        const sub = check(s, (u) => u.kind === k);
        expect(sub.done, `${s} ${k}`).toBeGreaterThanOrEqual(Math.min(big ? 2 : 1, sub.n));
      }
    }
    // Excluded units (三级医疗机构, the city CDC) never count toward the 50% rule (nor the city CDC
    // toward full vaccine coverage); a grade-3
    // hospital under no other rule is not planned at all.
    const excluded = units.filter((x) => x.medical_grade === '3' || (x.kind === 'cdc' && x.tags.includes('city_level')));
    expect(excluded.length).toBeGreaterThan(0);
    for (const u of excluded) {
      const served = tasks.filter((x) => x.entityId === u.id).flatMap((x) => x.rules.map((r) => r.ruleId));
      expect(served).not.toContain('drug-retail-medical');
      expect(served).not.toContain('vaccine-full');
      if (u.kind === 'medical_institution' && !u.tags.includes('high_risk')) expect(visits.has(u.id)).toBe(false);
    }
    // Two inspectors from the unit's own station on every task.
    for (const task of tasks) expect(new Set(task.inspectors.map((i) => i.id)).size).toBe(2);
  });

  it('reproduces the same plan from the recorded seed', async () => {
    const again: PlanSummary = (await office.post('/api/plans', { campaignId, seed: 2022 })).json();
    const key = (ts: PlanTask[]) =>
      ts
        .map((x) => `${x.entityId}:${x.visit}:${x.inspectors.map((i) => i.id).join('+')}`)
        .sort()
        .join(',');
    expect(key(await allTasks(office, again.id))).toBe(key(await allTasks(office, plan.id)));
  });

  it('never draws an inspector declared conflicted with the unit (回避)', async () => {
    const tasks = await allTasks(office, plan.id);
    const task = tasks.find((x) => x.stationName.startsWith('创新'))!;
    const person = task.inspectors[0];
    const res = await office.post('/api/inspector-conflicts', { userId: person.id, entityId: task.entityId, reason: '亲属关系' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await cx.get(`/api/inspector-conflicts?entityId=${task.entityId}`)).json()).toHaveLength(1);
    const again: PlanSummary = (await office.post('/api/plans', { campaignId, seed: 2022 })).json();
    const redrawn = (await allTasks(office, again.id)).filter((x) => x.entityId === task.entityId);
    expect(redrawn.length).toBeGreaterThan(0);
    for (const x of redrawn) expect(x.inspectors.map((i) => i.id)).not.toContain(person.id);
    expect((await office.delete(`/api/inspector-conflicts/${res.json().id}`)).statusCode).toBe(200);
  });

  it('lets only the campaign owner generate plans', async () => {
    expect((await cx.post('/api/plans', { campaignId })).statusCode).toBe(403);
    expect((await (await t.as('head_cx')).post('/api/plans', { campaignId })).statusCode).toBe(403);
  });
});

describe('manual changes', () => {
  it('are audited and re-checked: removing a high-risk visit breaks its rule', async () => {
    const draft: PlanSummary = (await office.post('/api/plans', { campaignId, seed: 7 })).json();
    const tasks = await allTasks(office, draft.id);
    const victim = tasks.find((x) => x.rules.some((r) => r.ruleId === 'high-risk-full'))!;
    const res = await office.post(`/api/plans/${draft.id}/tasks`, { action: 'remove', taskId: victim.id, reason: '停业整顿' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ok).toBe(false);
    expect(res.json().violations).toContainEqual(expect.objectContaining({ ruleId: 'high-risk-full', missing: 1 }));
    const back = await office.post(`/api/plans/${draft.id}/tasks`, { action: 'add', entityId: victim.entityId });
    expect(back.json().violations).toEqual([]);
    const extra = await office.post(`/api/plans/${draft.id}/tasks`, { action: 'add', entityId: victim.entityId });
    expect(extra.json().excess).toContainEqual(expect.objectContaining({ entityId: String(victim.entityId), visits: 2, needed: 1 }));
    expect(extra.json().surplus).toBe(1);
    const log = await rows(
      sql`select action, summary from audit_log where entity_type = 'plan' and entity_id = ${String(draft.id)} order by id`,
    );
    expect(log.map((l) => l.action)).toEqual(['plan.generate', 'plan.task.remove', 'plan.task.add', 'plan.task.add']);
    expect(log[1].summary).toContain('停业整顿');
    const detail: PlanDetail = (await office.get(`/api/plans/${draft.id}`)).json();
    expect(detail.check.excess).toHaveLength(1);
  });

  it('rejects inspectors from another station', async () => {
    const tasks = await allTasks(office, plan.id);
    const a = tasks.find((x) => x.stationName.startsWith('创新'))!;
    const b = tasks.find((x) => x.stationName.startsWith('兴隆'))!;
    const res = await office.post(`/api/plans/${plan.id}/tasks`, {
      action: 'reassign',
      taskId: a.id,
      inspectorIds: b.inspectors.map((i) => i.id),
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('inspections and live coverage', () => {
  let published: PlanSummary;
  beforeAll(async () => {
    published = (await office.post('/api/plans', { campaignId, seed: 99 })).json();
    const res = await office.post(`/api/plans/${published.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('shows a station only its own tasks and coverage', async () => {
    const mine = await allTasks(cx, published.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((x) => x.stationName))).toEqual(new Set(['创新市场监督管理所']));
    const cov = (await cx.get(`/api/plans/${published.id}/coverage`)).json();
    expect(new Set(cov.rows.map((r: any) => r.stationShortName))).toEqual(new Set(['创新所']));
    const all = (await office.get(`/api/plans/${published.id}/coverage`)).json();
    expect(new Set(all.rows.map((r: any) => r.stationShortName)).size).toBe(11);
  });

  it("sums coverage per station (view=stations) and gives one station's rows (stationId), within scope", async () => {
    const full = (await office.get(`/api/plans/${published.id}/coverage`)).json();
    const byStation = (await office.get(`/api/plans/${published.id}/coverage?view=stations`)).json();
    expect(byStation.stations).toHaveLength(11);
    expect(byStation.rows.every((r: any) => r.stationId === null)).toBe(true);
    expect(byStation.totals).toEqual(full.totals);
    const cxId = t.org.stations['创新'].jurisdictionId;
    const cxTotal = byStation.stations.find((x: any) => x.stationId === String(cxId));
    const cxRows = full.rows.filter((r: any) => r.stationId === String(cxId));
    expect(cxTotal).toMatchObject({
      name: '创新所',
      required: cxRows.reduce((a: number, r: any) => a + r.required, 0),
      remaining: cxRows.reduce((a: number, r: any) => a + r.remaining, 0),
    });
    const one = (await office.get(`/api/plans/${published.id}/coverage?stationId=${cxId}`)).json();
    expect(one.rows).toEqual(cxRows);
    // A station sees only itself, whichever station it asks for.
    expect((await cx.get(`/api/plans/${published.id}/coverage?view=stations`)).json().stations.map((x: any) => x.name)).toEqual(['创新所']);
    expect((await cx.get(`/api/plans/${published.id}/coverage?stationId=${t.org.stations['兴隆'].jurisdictionId}`)).json().rows).toEqual(
      [],
    );
    expect((await office.get(`/api/plans/${published.id}/coverage?view=everything`)).statusCode).toBe(400);
  });

  it('counts a recorded inspection at once, and refuses other stations and repeats', async () => {
    const mine = (await allTasks(cx, published.id)).filter((x) => x.status === 'planned');
    const task = mine.find((x) => x.rules.some((r) => r.ruleId === 'drug-retail-medical'))!;
    const key = task.rules.find((r) => r.ruleId === 'drug-retail-medical')!.requirementKey;
    const row = async () => (await cx.get(`/api/plans/${published.id}/coverage`)).json().rows.find((r: any) => r.requirementKey === key);
    const before = await row();
    expect(before.done).toBe(0);
    const res = await cx.post('/api/inspections', {
      planTaskId: task.id,
      date: '2022-06-15',
      inspectorIds: task.inspectors.map((i) => i.id),
      note: '现场检查未发现问题',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', date: '2022-06-15', planTaskId: task.id });
    const after = await row();
    expect(after.done).toBe(1);
    const timeline = (await cx.get(`/api/entities/${task.entityId}/timeline`)).json();
    expect(timeline).toContainEqual(expect.objectContaining({ source: 'inspections', title: '计划检查（已完成）' }));
    expect(after.remaining).toBe(before.remaining - 1);
    const missing = (await cx.get(`/api/plans/${published.id}/missing`)).json();
    const m = missing.find((x: any) => x.row.requirementKey === key);
    expect(m.planned.map((p: any) => p.entityId)).not.toContain(task.entityId);
    expect(
      (await cx.post('/api/inspections', { planTaskId: task.id, date: '2022-06-16', inspectorIds: task.inspectors.map((i) => i.id) }))
        .statusCode,
    ).toBe(409);
    const other = (await allTasks(office, published.id)).find((x) => x.stationName.startsWith('兴隆'))!;
    expect(
      (await cx.post('/api/inspections', { planTaskId: other.id, date: '2022-06-15', inspectorIds: other.inspectors.map((i) => i.id) }))
        .statusCode,
    ).toBe(404);
    expect((await cx.post('/api/inspections', { planTaskId: task.id, date: '2099-01-01', inspectorIds: [1, 2] })).statusCode).toBe(400);
  });

  it('follows the registry: a unit that becomes a pharmacy counts at once (requirements rebuilt)', async () => {
    const key = `drug-retail-medical@${t.org.stations['创新'].jurisdictionId}`;
    const row = async () => (await cx.get(`/api/plans/${published.id}/coverage`)).json().rows.find((r: any) => r.requirementKey === key);
    const before = await row();
    expect(before).toBeDefined();
    await rows(sql`update entities set kind = 'pharmacy_single', updated_at = now() + interval '1 second'
      where id = (select min(id) from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} and kind = 'bathhouse')`);
    const after = await row();
    expect(after.available).toBe(before.available + 1);
    expect(after.required).toBe(Math.ceil(after.available / 2));
  });

  it('notices a change whose timestamp is older than the latest (a long transaction committing late)', async () => {
    const key = `drug-retail-medical@${t.org.stations['创新'].jurisdictionId}`;
    const row = async () => (await cx.get(`/api/plans/${published.id}/coverage`)).json().rows.find((r: any) => r.requirementKey === key);
    const before = await row();
    await rows(sql`update entities set kind = 'pharmacy_single', updated_at = '2000-01-01'
      where id = (select min(id) from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} and status = 'operating' and kind in ('bathhouse', 'hotel', 'hair_salon'))`);
    expect((await row()).available).toBe(before.available + 1);
  });

  it('warms the requirements of recent plans (as at server start), one build for concurrent requests', async () => {
    expect(await warmPlanContexts(t.database.db)).toBeGreaterThanOrEqual(2);
    const p = await getPlan(t.database.db, published.id);
    const warm = await planContext(t.database.db, p);
    expect(await planContext(t.database.db, p)).toBe(warm);
    await rows(
      sql`update entities set updated_at = now() + interval '2 seconds' where id = (select max(id) from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId})`,
    );
    const [a, b] = await Promise.all([planContext(t.database.db, p), planContext(t.database.db, p)]);
    expect(a).not.toBe(warm);
    expect(b).toBe(a);
  });

  it('pages tasks in one stable order and filters them by status and name', async () => {
    const whole = (await office.get(`/api/plans/${published.id}/tasks?pageSize=200&page=1`)).json();
    const paged: number[] = [];
    for (let page = 1; page <= 4; page++)
      paged.push(...(await office.get(`/api/plans/${published.id}/tasks?pageSize=7&page=${page}`)).json().items.map((x: any) => x.id));
    expect(paged).toEqual(whole.items.slice(0, 28).map((x: any) => x.id));
    const all = await allTasks(office, published.id);
    const open = (await office.get(`/api/plans/${published.id}/tasks?pageSize=500&page=1&status=open`)).json();
    expect(open.total).toBe(all.filter((x) => x.status === 'planned').length);
    expect(open.items.every((x: any) => x.status === 'planned')).toBe(true);
    const done = (await office.get(`/api/plans/${published.id}/tasks?pageSize=500&page=1&status=done`)).json();
    expect(done.total).toBe(all.filter((x) => x.status === 'done').length);
    const name = all[0].entityName.slice(0, 3);
    const named = (await office.get(`/api/plans/${published.id}/tasks?pageSize=500&page=1&q=${encodeURIComponent(name)}`)).json();
    expect(named.total).toBe(all.filter((x) => x.entityName.includes(name)).length);
  });

  // A real race needs two connections: on PGlite the two requests run one transaction after the
  // other and this passes even without the re-check inside the transaction. races.test.ts forces
  // the interleaving on every database; this one runs where requests truly race (PostgreSQL).
  it.runIf(process.env.YJ_TEST_DB === 'postgres')(
    'records a task once when two inspectors record it at the same moment (PostgreSQL: a real race)',
    async () => {
      const task = (await allTasks(cx, published.id)).find((x) => x.status === 'planned')!;
      const body = { planTaskId: task.id, date: '2022-07-01', inspectorIds: task.inspectors.map((i) => i.id) };
      const [a, b] = await Promise.all([
        cx.post('/api/inspections', body),
        cx.post('/api/inspections', { ...body, note: '另一人同时录入' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const [{ n }] = await rows(
        sql`select count(*)::int as n from audit_log where action = 'inspection.record' and summary like ${`%计划任务 #${task.id}）%`}`,
      );
      expect(n).toBe(1);
    },
  );

  it('records an unplanned inspection and cancels a planned one', async () => {
    const [{ since }] = await rows(sql`select coalesce(max(id), 0) as since from audit_log`);
    const [u] = await rows(
      sql`select e.id from entities e where e.jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} and e.kind = 'hotel' limit 1`,
    );
    const people = (await allTasks(cx, published.id))[0].inspectors.map((i) => i.id);
    const res = await cx.post('/api/inspections', { entityId: u.id, date: '2022-07-01', inspectorIds: people });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().planTaskId).toBeNull();
    const open = (await allTasks(cx, published.id)).find((x) => x.status === 'planned')!;
    const c = await cx.post(`/api/inspections/${open.inspectionId}/cancel`, { reason: '停业' });
    expect(c.json()).toMatchObject({ status: 'cancelled', cancelReason: '停业' });
    expect((await cx.post(`/api/inspections/${open.inspectionId}/cancel`, { reason: '再次' })).statusCode).toBe(409);
    const log = await rows(sql`select action from audit_log where entity_type = 'inspection' and id > ${since} order by id`);
    expect(log.map((l) => l.action)).toEqual(['inspection.record', 'inspection.cancel']);
  });

  it('exports plan and coverage to Excel and prints', async () => {
    const x = await office.get(`/api/plans/${published.id}/export`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const p = await cx.get(`/api/plans/${published.id}/print`);
    expect(p.statusCode).toBe(200);
    expect(p.body).toContain('创新市场监督管理所');
    expect(p.body).not.toContain('兴隆市场监督管理所');
    // The office prints or exports one station of the district.
    const one = await office.get(`/api/plans/${published.id}/print?stationId=${t.org.stations['兴隆'].jurisdictionId}`);
    expect(one.body).toContain('兴隆市场监督管理所');
    expect(one.body).not.toContain('创新市场监督管理所');
    const all = await office.get(`/api/plans/${published.id}/print`);
    expect(all.body).toContain('创新市场监督管理所');
    const xOne = await office.get(`/api/plans/${published.id}/export?stationId=${t.org.stations['兴隆'].jurisdictionId}`);
    expect(xOne.statusCode).toBe(200);
    expect(xOne.rawPayload.length).toBeLessThan(x.rawPayload.length);
  });
});

describe('publishing', () => {
  // Races only on PostgreSQL (see the recording race above); races.test.ts covers PGlite.
  it.runIf(process.env.YJ_TEST_DB === 'postgres')(
    'publishes once even when two requests race: one succeeds, the other is refused, tasks become inspections once',
    async () => {
      const draft: PlanSummary = (await office.post('/api/plans', { campaignId, seed: 7 })).json();
      // `keep`: whatever the residual draft overlaps of the earlier plan (a unit whose second visit was cancelled), publish beside it.
      const [a, b] = await Promise.all([
        office.post(`/api/plans/${draft.id}/publish`, { overlap: 'keep' }),
        office.post(`/api/plans/${draft.id}/publish`, { overlap: 'keep' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const [{ n }] = await rows(sql`select count(*)::int as n from inspections where plan_id = ${draft.id}`);
      expect(n).toBe(draft.taskCount);
      const audits = await rows(
        sql`select count(*)::int as n from audit_log where action = 'plan.publish' and entity_id = ${String(draft.id)}`,
      );
      expect(audits[0].n).toBe(1);
    },
  );
});

describe('loading for the engine', () => {
  it('reads the units packed into one value exactly as row by row (nulls, tags, booleans, products)', async () => {
    const [d] = await rows(sql`select path from jurisdictions where id = ${t.org.districtId}`);
    // Give a few units the attributes the packed form must carry through.
    await rows(
      sql`update entities set family_planning = true where id in (select id from entities where kind = 'device_dealer' order by id limit 2)`,
    );
    await rows(
      sql`update entities set tags = array['high_risk','key_area_urban_rural'], credit_grade = null where id = (select min(id) from entities)`,
    );
    const stationIds = sql`(select id from jurisdictions where level = 'station' and path like ${d.path + '%'})`;
    const { units: packed, fingerprint } = await loadUnits(t.database.db, stationIds);
    expect(fingerprint).toBe(await registryFingerprint(t.database.db, stationIds));
    const expected = (
      await rows(sql`select id::text as id, kind, jurisdiction_id::text as station, tags, medical_grade, device_level, family_planning, risk_level, credit_grade, status, products
        from entities where jurisdiction_id in ${stationIds} and status <> 'closed' order by id::text collate "C"`)
    ).map((e) => ({
      id: e.id,
      kind: e.kind,
      stationId: e.station,
      tags: e.tags ?? [],
      medicalGrade: e.medical_grade,
      deviceLevel: e.device_level,
      familyPlanning: e.family_planning,
      riskLevel: e.risk_level,
      creditGrade: e.credit_grade,
      status: e.status,
      products: e.products ?? [],
    }));
    expect(expected.length).toBeGreaterThan(1000);
    // Demo units carry plausible products (none for some kinds, several for others).
    expect(expected.some((e) => e.products.length === 0) && expected.some((e) => e.products.length > 1)).toBe(true);
    expect(expected.some((e) => e.familyPlanning === false) && expected.some((e) => e.familyPlanning === true)).toBe(true);
    expect(
      expected.some((e) => e.medicalGrade === null) &&
        expected.some((e) => e.medicalGrade !== null) &&
        expected.some((e) => e.creditGrade === null),
    ).toBe(true);
    expect(expected.some((e) => e.tags.length > 1)).toBe(true);
    expect(packed).toEqual(expected);
  });

  it('reads who inspected each unit last, packed, as the row-by-row query does', async () => {
    const [d] = await rows(sql`select path from jurisdictions where id = ${t.org.districtId}`);
    const expected = Object.fromEntries(
      (
        await rows(
          sql`select distinct on (entity_id) entity_id::text as e, inspector_ids from inspections where status = 'done' order by entity_id, date desc, id desc`,
        )
      ).map((r) => [r.e, (r.inspector_ids ?? []).map(String)]),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(await loadLastInspectors(t.database.db, d.path)).toEqual(expected);
  });
});
