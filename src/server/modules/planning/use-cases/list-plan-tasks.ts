import { sql } from 'drizzle-orm';
import type { PlanTask } from '../../../../contracts/plans.js';
import type { QuotaRule } from '../../../../contracts/quota-rules.js';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { assertReadsPlan } from '../policy.js';
import { presentTask } from '../presenter.js';
import { getPlan, peopleNames, rows } from '../queries.js';
import { ruleLabels } from '../rules.js';

export interface TaskQuery {
  stationId?: number;
  status?: 'open' | 'done' | 'cancelled';
  /** Part of the unit's name. */
  q?: string;
  page: number;
  pageSize: number;
}

/** Task rows joined with unit, station and inspection state, in the actor's data scope. */
export function taskRowsSql(planId: number, where: ReturnType<typeof sql>) {
  return sql`select t.*, e.name as entity_name, e.kind as entity_kind, e.address, j.name as station_name,
                    i.id as inspection_id, i.status as inspection_status, i.date::text as inspection_date
             from plan_tasks t
             left join entities e on e.id = t.entity_id
             join jurisdictions j on j.id = t.jurisdiction_id
             left join lateral (select id, status, date from inspections x where x.plan_task_id = t.id order by x.id desc limit 1) i on true
             where t.plan_id = ${planId} and ${where}`;
}

/**
 * A page of tasks. A province plan has ~100,000 tasks: the count joins only what the filters need,
 * the page is chosen by id over the narrow sort columns, and only its rows get unit, station and
 * inspection details.
 */
export async function listPlanTasks(ctx: Ctx, planId: number, q: TaskQuery) {
  const p = await getPlan(ctx.db, planId);
  assertReadsPlan(ctx.actor, p.path);
  const conds = [scopeWhere(ctx.actor, { jurisdiction: sql`t.jurisdiction_id` })];
  if (q.stationId) conds.push(sql`t.jurisdiction_id = ${q.stationId}`);
  if (q.q) conds.push(sql`e.name like ${'%' + q.q.replace(/[%_\\]/g, (c) => '\\' + c) + '%'}`);
  if (q.status === 'open') conds.push(sql`(i.status is null or i.status = 'planned')`);
  else if (q.status) conds.push(sql`i.status = ${q.status}`);
  const where = sql.join(conds, sql` and `);
  const inspection = q.status
    ? sql`left join lateral (select status from inspections x where x.plan_task_id = t.id order by x.id desc limit 1) i on true`
    : sql``;
  const entity = sql`left join entities e on e.id = t.entity_id`;
  const [{ n }] = await rows(
    ctx.db,
    sql`select count(*)::int as n from plan_tasks t ${q.q ? entity : sql``} ${inspection} where t.plan_id = ${planId} and ${where}`,
  );
  const page = await rows<{ id: number }>(
    ctx.db,
    sql`select t.id from plan_tasks t ${entity} join jurisdictions j on j.id = t.jurisdiction_id ${inspection}
        where t.plan_id = ${planId} and ${where}
        order by j.sort_order, t.jurisdiction_id, e.name, t.visit, t.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const ids = page.map((r) => r.id);
  const byId = new Map(
    ids.length ? (await rows(ctx.db, taskRowsSql(planId, sql`t.id = any(${`{${ids.join(',')}}`}::int[])`))).map((r) => [r.id, r]) : [],
  );
  const list = ids.map((id) => byId.get(id)!).filter(Boolean);
  const names = await peopleNames(
    ctx.db,
    list.flatMap((r) => r.inspector_ids ?? []),
  );
  const labels = ruleLabels(p.plan.rules as QuotaRule[]);
  const items: PlanTask[] = list.map((r) => presentTask(r, labels, names));
  return { items, total: n, page: q.page, pageSize: q.pageSize };
}
