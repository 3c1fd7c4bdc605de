import { sql } from 'drizzle-orm';
import { MY_TASKS_CAP, type MyTask } from '../../../../contracts/plans.js';
import type { QuotaRule } from '../../../../contracts/quota-rules.js';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { presentTask } from '../presenter.js';
import { peopleNames, rows } from '../queries.js';
import { ruleLabels } from '../rules.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';

/**
 * 我的任务: open inspections of published plans the actor is to carry out, due soonest first
 * (overdue ones first of all), with what is needed to record them. At most `MY_TASKS_CAP`.
 */
export async function listMyTasks(ctx: Ctx): Promise<{ items: MyTask[]; total: number; today: string }> {
  const today = shanghaiToday();
  const mine = sql`i.status = 'planned' and ${ctx.actor.id}::integer = any(i.inspector_ids) and p.status = 'published'
    and ${scopeWhere(ctx.actor, { jurisdiction: sql`i.jurisdiction_id` })}`;
  const [{ n }] = await rows(ctx.db, sql`select count(*)::int as n from inspections i join plans p on p.id = i.plan_id where ${mine}`);
  const list = await rows(
    ctx.db,
    sql`select t.*, e.name as entity_name, e.kind as entity_kind, e.address, j.name as station_name,
               i.id as inspection_id, i.status as inspection_status, i.date::text as inspection_date, i.inspector_ids as current_inspectors,
               p.name as plan_name, p.rules as plan_rules
        from inspections i join plans p on p.id = i.plan_id join plan_tasks t on t.id = i.plan_task_id
        left join entities e on e.id = i.entity_id join jurisdictions j on j.id = i.jurisdiction_id
        where ${mine}
        order by i.date, e.name, t.visit, i.id limit ${MY_TASKS_CAP}`,
  );
  const names = await peopleNames(
    ctx.db,
    list.flatMap((r) => r.current_inspectors ?? []),
  );
  const labelsOf = new Map<number, Map<string, string>>();
  const items = list.map((r): MyTask => {
    let labels = labelsOf.get(r.plan_id);
    if (!labels)
      labelsOf.set(
        r.plan_id,
        (labels = ruleLabels((typeof r.plan_rules === 'string' ? JSON.parse(r.plan_rules) : r.plan_rules) as QuotaRule[])),
      );
    // The inspection's people are who goes now (a reassignment changes them), not the first draw.
    const task = presentTask({ ...r, inspector_ids: r.current_inspectors }, labels, names);
    return {
      ...task,
      planId: r.plan_id,
      planName: r.plan_name,
      dueOn: r.inspection_date,
      overdue: r.inspection_date < today,
      dueToday: r.inspection_date === today,
    };
  });
  return { items, total: n, today };
}
