import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../../../contracts/inspections.js';
import type { PlanSummary } from '../../../contracts/plans.js';
import { seedDemoCampaigns } from '../../demo/seed-campaigns.js';
import { seedDemoEntities } from '../../demo/seed-entities.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';

/** Correcting a recorded inspection: view, edit with a reason, withdraw (撤回) with a reason. */
let t: TestApp;
let office: Client;
let cx: Client;
let plan: PlanSummary;
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoCampaigns(t.database.db, t.org);
  const [{ id: campaignId }] = await rows(sql`select id from campaigns where template_code = 'seed-000'`);
  office = await t.as('office');
  cx = await t.as('inspector_cx');
  plan = (await office.post('/api/plans', { campaignId, seed: 11 })).json();
  expect((await office.post(`/api/plans/${plan.id}/publish`)).statusCode).toBe(200);
});
afterAll(() => t.close());

async function recordOne(): Promise<{ rec: Inspection; task: any }> {
  const tasks = (await cx.get(`/api/plans/${plan.id}/tasks?pageSize=50&page=1&status=open`)).json().items;
  const task = tasks[0];
  const res = await cx.post('/api/inspections', {
    planTaskId: task.id,
    date: '2022-06-15',
    inspectorIds: task.inspectors.map((i: any) => i.id),
    note: '未发现问题',
  });
  expect(res.statusCode, res.body).toBe(200);
  return { rec: res.json(), task };
}
const doneOf = async (key: string) =>
  (await cx.get(`/api/plans/${plan.id}/coverage`)).json().rows.find((r: any) => r.requirementKey === key).done;

describe('a recorded inspection', () => {
  it('is edited with a reason, on the version that was read only', async () => {
    const { rec, task } = await recordOne();
    const viewed: Inspection = (await cx.get(`/api/inspections/${rec.id}`)).json();
    expect(viewed).toMatchObject({ status: 'done', date: '2022-06-15', note: '未发现问题' });
    expect(viewed.version).toBe(rec.version);
    expect(viewed.actions).toEqual(['edit', 'withdraw']);
    const body = {
      date: '2022-06-14',
      inspectorIds: task.inspectors.map((i: any) => i.id),
      note: '日期录错，实为6月14日',
      reason: '日期录错',
      version: viewed.version,
    };
    expect((await cx.put(`/api/inspections/${rec.id}`, { ...body, reason: '' })).statusCode).toBe(400);
    expect((await cx.put(`/api/inspections/${rec.id}`, { ...body, date: '2999-01-01' })).statusCode).toBe(400);
    const res = await cx.put(`/api/inspections/${rec.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', date: '2022-06-14', note: '日期录错，实为6月14日' });
    // A second edit from the same (now stale) reading is refused and changes nothing.
    const stale = await cx.put(`/api/inspections/${rec.id}`, { ...body, date: '2022-06-13' });
    expect(stale.statusCode).toBe(409);
    expect((await cx.get(`/api/inspections/${rec.id}`)).json().date).toBe('2022-06-14');
    const [a] = await rows(
      sql`select summary, before->>'date' as b, after->>'date' as x from audit_log where action = 'inspection.edit' and entity_id = ${String(rec.id)}`,
    );
    expect(a).toEqual({ summary: `修改检查记录 #${rec.id}：日期录错`, b: '2022-06-15', x: '2022-06-14' });
  });

  it('is withdrawn with a reason: the task is open again with its due date and drawn inspectors, coverage no longer counts it', async () => {
    const { rec, task } = await recordOne();
    const key = task.rules[0].requirementKey;
    const before = await doneOf(key);
    expect((await cx.post(`/api/inspections/${rec.id}/withdraw`, { reason: '', version: rec.version })).statusCode).toBe(400);
    const res = await cx.post(`/api/inspections/${rec.id}/withdraw`, { reason: '录错了单位', version: rec.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'planned', date: task.dueTo, note: null, recordedAt: null });
    expect(res.json().inspectors.map((i: any) => i.id)).toEqual(task.inspectors.map((i: any) => i.id));
    expect(await doneOf(key)).toBe(before - 1);
    const again = await cx.post(`/api/inspections/${rec.id}/withdraw`, { reason: '再撤回', version: res.json().version });
    expect(again.statusCode).toBe(409);
    const [a] = await rows(
      sql`select summary, before->>'status' as b, after->>'status' as x from audit_log where action = 'inspection.withdraw' and entity_id = ${String(rec.id)}`,
    );
    expect(a).toEqual({ summary: `撤回检查记录 #${rec.id}（恢复为待检查）：录错了单位`, b: 'done', x: 'planned' });
    // The task can be recorded again.
    const rerecord = await cx.post('/api/inspections', {
      planTaskId: task.id,
      date: '2022-06-20',
      inspectorIds: task.inspectors.map((i: any) => i.id),
    });
    expect(rerecord.statusCode, rerecord.body).toBe(200);
  });

  it('unplanned: withdrawing cancels it', async () => {
    const [u] = await rows(
      sql`select e.id from entities e where e.jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} and e.kind = 'hotel' limit 1`,
    );
    const people = (await cx.get(`/api/plans/${plan.id}/tasks?pageSize=1&page=1`)).json().items[0].inspectors.map((i: any) => i.id);
    const rec: Inspection = (await cx.post('/api/inspections', { entityId: u.id, date: '2022-07-01', inspectorIds: people })).json();
    const res = await cx.post(`/api/inspections/${rec.id}/withdraw`, { reason: '重复录入', version: rec.version });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '撤回：重复录入' });
  });

  it('cannot be edited or withdrawn outside the station', async () => {
    const { rec } = await recordOne();
    const other = await t.as('inspector_xl');
    expect((await other.post(`/api/inspections/${rec.id}/withdraw`, { reason: 'x', version: rec.version })).statusCode).toBe(404);
  });
});

describe('campaign, plan and progress connected', () => {
  const campaignId = async () => (await rows(sql`select id from campaigns where template_code = 'seed-000'`))[0].id as number;

  it('the campaign home links its current plan with inspection progress, and task 3 follows live coverage', async () => {
    const id = await campaignId();
    const home = (await office.get(`/api/campaigns/${id}/home`)).json();
    expect(home.inspection).toMatchObject({ planId: plan.id, planName: plan.name });
    expect(home.inspection.required).toBeGreaterThan(0);
    const task3 = home.tasks.find((x: any) => x.no === 3);
    expect(task3.progressFrom.quota).toContain('drug-retail-medical');
    const cxUnit = t.org.stations['创新'].orgUnitId;
    const row = task3.progress.find((p: any) => p.orgUnitId === cxUnit);
    expect(row.live.required).toBeGreaterThan(0);
    // Recording one more inspection at 创新所 moves task 3 there at once, without typing anything.
    await recordOne();
    const after = (await office.get(`/api/campaigns/${id}/home`)).json();
    const row2 = after.tasks.find((x: any) => x.no === 3).progress.find((p: any) => p.orgUnitId === cxUnit);
    expect(row2.live.done).toBeGreaterThan(row.live.done);
    expect(row2.status).toBe('doing');
    expect(after.inspection.done).toBeGreaterThan(home.inspection.done);
    // Not a box to tick by hand.
    const head = await t.as('head_cx');
    const manual = await head.put(`/api/campaigns/${id}/tasks/3/units/${cxUnit}`, { status: 'done', evidence: [], version: 0 });
    expect(manual.statusCode).toBe(409);
    expect(manual.json().code).toBe('PROGRESS_MEASURED');
  });

  it('the leader’s home shows the coverage of each active campaign', async () => {
    const id = await campaignId();
    const d = (await office.get('/api/dashboard')).json();
    const c = d.campaigns.find((x: any) => x.id === id);
    expect(c.inspection).toMatchObject({ planId: plan.id });
    expect(c.inspection.done).toBeGreaterThan(0);
  });

  it('refuses a binding to a quota the campaign does not have, with the field path', async () => {
    const id = await campaignId();
    const def = (await office.get(`/api/campaigns/${id}/home`)).json().definition;
    def.tasks[2].progressFrom = { quota: 'no-such-quota' };
    const res = await office.post('/api/campaigns/validate', { definition: def });
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.issues).toContainEqual({ path: 'tasks.2.progressFrom.quota', message: '检查指标“no-such-quota”不存在' });
  });
});

describe('我的任务', () => {
  it('lists the open inspections I am drawn to, soonest due first, overdue marked, and drops one once recorded', async () => {
    const res = await cx.get('/api/my-tasks');
    expect(res.statusCode, res.body).toBe(200);
    const { items, total, today } = res.json();
    expect(items.length).toBeGreaterThan(0);
    expect(total).toBeGreaterThanOrEqual(items.length);
    const [{ id: me }] = await rows(sql`select id from users where username = 'inspector_cx'`);
    for (const x of items) expect(x.inspectors.map((i: any) => i.id)).toContain(me);
    const due = items.map((x: any) => x.dueOn);
    expect(due).toEqual([...due].sort());
    // The demo campaign ran in 2022: everything still open is overdue.
    expect(items.every((x: any) => x.overdue === x.dueOn < today)).toBe(true);
    expect(items[0]).toMatchObject({ planId: plan.id, planName: plan.name, status: 'planned' });
    const first = items[0];
    const rec = await cx.post('/api/inspections', {
      planTaskId: first.id,
      date: '2022-06-01',
      inspectorIds: first.inspectors.map((i: any) => i.id),
    });
    expect(rec.statusCode, rec.body).toBe(200);
    const after = (await cx.get('/api/my-tasks')).json();
    expect(after.total).toBe(total - 1);
    expect(after.items.map((x: any) => x.inspectionId)).not.toContain(first.inspectionId);
    // Someone of another station sees none of them.
    const other = (await (await t.as('inspector_xl')).get('/api/my-tasks')).json();
    expect(other.items.some((x: any) => x.stationId === first.stationId)).toBe(false);
  });
});
