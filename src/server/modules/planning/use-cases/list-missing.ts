import { sql } from 'drizzle-orm';
import type { MissingItemDto } from '../../../../contracts/plans.js';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { getPlan, rows } from '../queries.js';
import { assertReadsPlan } from '../policy.js';
import { coverageOfPlan } from './get-coverage.js';

/**
 * What is still missing: every rule × station with work remaining, and the planned units (tasks
 * not yet done or cancelled) that would close it.
 */
export async function listMissing(ctx: Ctx, planId: number): Promise<MissingItemDto[]> {
  const p = await getPlan(ctx.db, planId);
  assertReadsPlan(ctx.actor, p.path);
  // Coverage and the open tasks are independent: read them side by side.
  const [{ dto: cov, context, facts }, open] = await Promise.all([
    coverageOfPlan(ctx, p),
    rows(
      ctx.db,
      sql`select t.entity_id, e.name, t.rules from plan_tasks t left join entities e on e.id = t.entity_id
          where t.plan_id = ${planId} and ${scopeWhere(ctx.actor, { jurisdiction: sql`t.jurisdiction_id` })}
          and not exists (select 1 from inspections i where i.plan_task_id = t.id and i.status in ('done','cancelled'))`,
    ),
  ]);
  // Units already inspected often enough for a requirement do not close its gap again.
  const daysOf = new Map<number, number[]>();
  facts.ids.forEach((id, k) => {
    const l = daysOf.get(id);
    if (l) l.push(facts.days[k]);
    else daysOf.set(id, [facts.days[k]]);
  });
  const reqByKey = new Map(context.requirements.map((r) => [r.key, r]));
  const meets = (entityId: number, key: string) => {
    const r = reqByKey.get(key);
    const days = daysOf.get(Number(entityId));
    return !!r && !!days && days.filter((d) => d >= r.window.from && d <= r.window.to).length >= r.times;
  };
  const byReq = new Map<string, Map<number, string>>();
  for (const t of open) {
    const rules = (typeof t.rules === 'string' ? JSON.parse(t.rules) : t.rules) as { requirementKey: string }[];
    for (const r of rules) {
      let m = byReq.get(r.requirementKey);
      if (!m) byReq.set(r.requirementKey, (m = new Map()));
      m.set(t.entity_id, t.name ?? `#${t.entity_id}`);
    }
  }
  return cov.rows
    .filter((r) => r.remaining > 0)
    .map((row) => ({
      row,
      planned: [...(byReq.get(row.requirementKey) ?? new Map<number, string>()).entries()]
        .filter(([entityId]) => !meets(entityId, row.requirementKey))
        .sort((a, b) => a[0] - b[0])
        .map(([entityId, entityName]) => ({ entityId, entityName })),
    }));
}
