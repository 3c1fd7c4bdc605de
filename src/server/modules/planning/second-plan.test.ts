import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanSummary } from '../../../contracts/plans.js';
import { seedDemoCampaigns } from '../../demo/seed-campaigns.js';
import { seedDemoEntities } from '../../demo/seed-entities.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';

/**
 * A second plan for the same campaign (issue 9, item 2): it counts the campaign's done and
 * still-open inspections and plans only what is missing; publishing a plan that overlaps open
 * inspections says so and lets the user supersede the old ones or keep both knowingly.
 */
let t: TestApp;
let office: Client;
let campaignId: number;
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoCampaigns(t.database.db, t.org);
  [{ id: campaignId }] = await rows(sql`select id from campaigns where template_code = 'seed-000'`);
  office = await t.as('office');
});
afterAll(() => t.close());

const generate = async (seed: number): Promise<PlanSummary> => {
  const res = await office.post('/api/plans', { campaignId, seed });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** Units with more than one open inspection of this campaign. */
const doubleOpen = async () =>
  (
    await rows(sql`select count(*)::int as n from (select i.entity_id from inspections i join plans p on p.id = i.plan_id
      where p.campaign_id = ${campaignId} and i.status = 'planned' group by i.entity_id having count(distinct i.plan_id) > 1) x`)
  )[0].n;

describe('a second plan for the same campaign', () => {
  let first: PlanSummary;
  let early: PlanSummary;
  beforeAll(async () => {
    first = await generate(1);
    // A draft made before the first plan was published knows nothing of it (it overlaps).
    early = await generate(2);
    expect(early.taskCount).toBe(first.taskCount);
    expect((await office.post(`/api/plans/${first.id}/publish`)).statusCode).toBe(200);
  });

  it('plans nothing when the published plan already covers every rule', async () => {
    const second = await generate(3);
    expect(second.taskCount).toBe(0);
  });

  it('plans only what is missing: a done inspection and a cancelled one', async () => {
    // One unit under the full-coverage vaccine rule is cancelled (停业): a new plan must plan it again.
    const [cancelled] = await rows(sql`select i.id, i.entity_id from inspections i join plan_tasks k on k.id = i.plan_task_id
        where i.plan_id = ${first.id} and k.rules::text like '%vaccine-full%' order by i.id limit 1`);
    expect((await office.post(`/api/inspections/${cancelled.id}/cancel`, { reason: '停业整顿' })).statusCode).toBe(200);
    // One visit is done: it keeps counting.
    const [done] =
      await rows(sql`select i.id, k.id as task_id, k.inspector_ids from inspections i join plan_tasks k on k.id = i.plan_task_id
        where i.plan_id = ${first.id} and i.status = 'planned' and k.rules::text like '%vaccine-full%' order by i.id limit 1`);
    const rec = await office.post('/api/inspections', { planTaskId: done.task_id, date: '2022-06-01', inspectorIds: done.inspector_ids });
    expect(rec.statusCode, rec.body).toBe(200);
    const next = await generate(4);
    const tasks = await rows(sql`select entity_id from plan_tasks where plan_id = ${next.id}`);
    expect(tasks.map((x) => x.entity_id)).toContain(cancelled.entity_id);
    expect(next.taskCount).toBe(1);
    const [a] = await rows(sql`select summary from audit_log where action = 'plan.generate' and entity_id = ${String(next.id)}`);
    expect(a.summary).toContain('不再重复安排');
  });

  it('shows which plan is current', async () => {
    const list: (PlanSummary & { current: boolean })[] = (await office.get(`/api/plans?campaignId=${campaignId}`)).json();
    expect(list.filter((p) => p.current).map((p) => p.id)).toEqual([first.id]);
  });

  it('refuses to publish an overlapping plan silently; keeping both is a deliberate choice', async () => {
    const res = await office.post(`/api/plans/${early.id}/publish`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PLAN_OVERLAP');
    expect(res.json().message).toMatch(/\d+ 家单位已有待检查任务/);
    expect(await doubleOpen()).toBe(0);
    // Nothing changed.
    expect((await rows(sql`select status from plans where id = ${early.id}`))[0].status).toBe('draft');
    expect((await office.post(`/api/plans/${early.id}/publish`, { overlap: 'nonsense' })).statusCode).toBe(400);
  });

  it('supersedes: the old open inspections are cancelled (audited), done ones stay, the new plan is current', async () => {
    const [{ n: openBefore }] = await rows(
      sql`select count(*)::int as n from inspections where plan_id = ${first.id} and status = 'planned'`,
    );
    const [{ n: doneBefore }] = await rows(sql`select count(*)::int as n from inspections where plan_id = ${first.id} and status = 'done'`);
    const res = await office.post(`/api/plans/${early.id}/publish`, { overlap: 'supersede' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', current: true });
    expect(await doubleOpen()).toBe(0);
    const [{ n: openAfter }] = await rows(
      sql`select count(*)::int as n from inspections where plan_id = ${first.id} and status = 'planned'`,
    );
    const [{ n: doneAfter }] = await rows(sql`select count(*)::int as n from inspections where plan_id = ${first.id} and status = 'done'`);
    expect(openAfter).toBe(0);
    expect(doneAfter).toBe(doneBefore);
    const [old] = await rows(sql`select status, superseded_by from plans where id = ${first.id}`);
    expect(old).toEqual({ status: 'superseded', superseded_by: early.id });
    const [a] = await rows(sql`select summary, after from audit_log where action = 'plan.supersede' and entity_id = ${String(first.id)}`);
    expect(a.summary).toContain(`${openBefore}`);
    const list: (PlanSummary & { current: boolean })[] = (await office.get(`/api/plans?campaignId=${campaignId}`)).json();
    expect(list.filter((p) => p.current).map((p) => p.id)).toEqual([early.id]);
  });

  it('keeps both when asked to, knowingly', async () => {
    const other = await generate(5);
    // The current plan covers everything, so the new draft is empty; three units of the current plan
    // added to it by hand make it overlap.
    expect(other.taskCount).toBe(0);
    const dup = other.id;
    await rows(sql`insert into plan_tasks (plan_id, entity_id, jurisdiction_id, visit, due_from, due_to, rules, inspector_ids)
        select distinct on (entity_id) ${dup}::integer, entity_id, jurisdiction_id, visit, due_from, due_to, rules, inspector_ids
        from plan_tasks where plan_id = ${early.id} order by entity_id, id limit 3`);
    expect((await office.post(`/api/plans/${dup}/publish`)).statusCode).toBe(409);
    const res = await office.post(`/api/plans/${dup}/publish`, { overlap: 'keep' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await doubleOpen()).toBe(3);
    const [a] = await rows(sql`select summary from audit_log where action = 'plan.publish' and entity_id = ${String(dup)}`);
    expect(a.summary).toContain('保留');
  });
});
