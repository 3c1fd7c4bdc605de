import { and, eq, sql } from 'drizzle-orm';
import { plans } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { assertManagesPlan } from '../policy.js';
import { presentPlan } from '../presenter.js';
import { getPlan } from '../queries.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';

/** Publish a draft plan: its tasks become planned inspections the stations work through. */
export async function publishPlan(ctx: Ctx, planId: number) {
  const p = await getPlan(ctx.db, planId);
  assertManagesPlan(ctx.actor, p.path);
  if (p.plan.status !== 'draft') throw conflict('该计划已发布');
  const periodTo = (p.plan.period as any)?.to ?? null;
  await ctx.db.transaction(async (tx) => {
    // The state change itself decides: of two racing requests only one finds the plan still a draft.
    const [changed] = await tx
      .update(plans)
      .set({ status: 'published', publishedBy: ctx.actor.id || null, publishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(plans.id, planId), eq(plans.status, 'draft')))
      .returning({ id: plans.id });
    if (!changed) throw conflict('该计划已发布');
    // Set-based: one statement however many tasks.
    await tx.execute(sql`insert into inspections (plan_task_id, plan_id, entity_id, jurisdiction_id, date, due_from, inspector_ids, status)
      select t.id, t.plan_id, t.entity_id, t.jurisdiction_id, coalesce(t.due_to, ${periodTo}::date, ${shanghaiToday()}::date), t.due_from, t.inspector_ids, 'planned'
      from plan_tasks t where t.plan_id = ${planId}`);
    await audit(tx, ctx, {
      action: 'plan.publish',
      entityType: 'plan',
      entityId: planId,
      jurisdictionId: p.plan.jurisdictionId,
      summary: `发布检查计划「${p.plan.name}」：${p.taskCount} 项任务下达各所`,
      before: { status: 'draft' },
      after: { status: 'published' },
    });
  });
  return presentPlan(await getPlan(ctx.db, planId));
}
