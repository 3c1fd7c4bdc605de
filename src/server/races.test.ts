import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanSummary, PlanTask } from '../contracts/plans.js';
import { createTestApp, type Client, type TestApp } from '../test/app.js';
import { interleaver } from '../test/interleave.js';
import { seedDemoCampaigns } from './demo/seed-campaigns.js';
import { seedDemoEntities } from './demo/seed-entities.js';

/**
 * Races decided inside the transaction, on every database — including plain `npm test` on PGlite.
 *
 * Two requests sent with Promise.all race only on PostgreSQL (several connections); PGlite runs
 * one transaction after the other, so such a test passes there even when the re-check inside the
 * transaction is missing (those Promise.all tests in planning.test.ts and campaigns.test.ts run on
 * PostgreSQL only). Here the interleaving is forced instead: request A is stopped right before its
 * transaction, after its own checks outside it; request B runs to the end; then A goes on with what
 * it read before B. Only a check inside A's transaction can refuse it. A second server process is
 * no way out on PGlite: one data directory takes one process.
 */
const il = interleaver();
let t: TestApp;
let office: Client;
let cx: Client;
let cx2: Client;
let campaignId: number;
let publishedId: number;
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

beforeAll(async () => {
  t = await createTestApp({ wrapDb: il.wrap });
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoCampaigns(t.database.db, t.org);
  [{ id: campaignId }] = await rows(sql`select id from campaigns where template_code = 'seed-000'`);
  [office, cx, cx2] = await Promise.all([t.as('office'), t.as('inspector_cx'), t.as('head_cx')]);
});
afterAll(() => t.close());

/** A is held before its transaction, B runs to the end, then A goes on. */
async function interleave(a: () => Promise<any>, b: () => Promise<any>) {
  const hold = il.holdNextTransaction();
  const pa = a();
  await hold.reached;
  const rb = await b();
  hold.release();
  return [await pa, rb] as const;
}

async function newPlan(seed: number): Promise<PlanSummary> {
  const res = await office.post('/api/plans', { campaignId, seed });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('races decided inside the transaction (forced interleaving, any database)', () => {
  it('publish: the request that read "draft" before the other published is refused; inspections are created once', async () => {
    const draft = await newPlan(11);
    publishedId = draft.id;
    const [a, b] = await interleave(
      () => office.post(`/api/plans/${draft.id}/publish`),
      () => office.post(`/api/plans/${draft.id}/publish`),
    );
    expect(b.statusCode, b.body).toBe(200);
    expect(a.statusCode, a.body).toBe(409);
    const [{ n }] = await rows(sql`select count(*)::int as n from inspections where plan_id = ${draft.id}`);
    expect(n).toBe(draft.taskCount);
    const [{ audits }] = await rows(
      sql`select count(*)::int as audits from audit_log where action = 'plan.publish' and entity_id = ${String(draft.id)}`,
    );
    expect(audits).toBe(1);
  });

  it('recording: of two inspectors recording one task, the one who read it as planned before the other recorded is refused', async () => {
    // An open task of the plan the first test published.
    const task: PlanTask = (await cx.get(`/api/plans/${publishedId}/tasks?pageSize=50&page=1&status=open`)).json().items[0];
    const body = { planTaskId: task.id, date: '2022-07-01', inspectorIds: task.inspectors.map((i) => i.id) };
    const [a, b] = await interleave(
      () => cx.post('/api/inspections', { ...body, note: '甲录入' }),
      () => cx2.post('/api/inspections', { ...body, note: '乙录入' }),
    );
    expect(b.statusCode, b.body).toBe(200);
    expect(a.statusCode, a.body).toBe(409);
    const log = await rows(
      sql`select count(*)::int as n from audit_log where action = 'inspection.record' and summary like ${`%计划任务 #${task.id}）%`}`,
    );
    expect(log[0].n).toBe(1);
    const [ins] = await rows(sql`select note, status from inspections where plan_task_id = ${task.id}`);
    expect(ins).toEqual({ note: '乙录入', status: 'done' });
  });

  it('campaign status: a change based on a state another change already left is refused', async () => {
    const created = await office.post('/api/campaigns', { template: 'seed-000', status: 'draft' });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    await t.jobsIdle();
    const [a, b] = await interleave(
      () => office.post(`/api/campaigns/${id}/status`, { status: 'active' }),
      () => office.post(`/api/campaigns/${id}/status`, { status: 'closed' }),
    );
    expect(b.statusCode, b.body).toBe(200);
    expect(a.statusCode, a.body).toBe(409);
    const [c] = await rows(sql`select status from campaigns where id = ${id}`);
    expect(c.status).toBe('closed');
    const [{ n }] = await rows(
      sql`select count(*)::int as n from audit_log where action = 'campaign.status' and entity_id = ${String(id)}`,
    );
    expect(n).toBe(1);
  });

  it('campaign amendment: an amendment of a version someone else just replaced is refused, not applied over it', async () => {
    const created = await office.post('/api/campaigns', { template: 'seed-000', status: 'active' });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    await t.jobsIdle();
    const home = (await office.get(`/api/campaigns/${id}/home`)).json();
    const { definition } = home;
    const { version } = home.campaign;
    expect(version).toBeGreaterThan(0);
    // Both editors loaded the same version; the check of that version must be decided inside the write.
    const [a, b] = await interleave(
      () => office.put(`/api/campaigns/${id}/definition`, { definition, note: '甲修订', version }),
      () => office.put(`/api/campaigns/${id}/definition`, { definition, note: '乙修订', version }),
    );
    expect(b.statusCode, b.body).toBe(200);
    expect(a.statusCode, a.body).toBe(409);
    const versions = (await office.get(`/api/campaigns/${id}/versions`)).json();
    expect(versions.map((v: any) => v.note)).toEqual(['乙修订', '由模板 seed-000 创建']);
  });
});
