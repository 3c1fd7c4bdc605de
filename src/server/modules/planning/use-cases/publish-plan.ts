import { and, eq, sql } from 'drizzle-orm';
import type { PublishPlanInput } from '../../../../contracts/plans.js';
import { plans } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, conflict } from '../../../core/errors.js';
import { assertManagesPlan } from '../policy.js';
import { presentPlan } from '../presenter.js';
import { getPlan, rows } from '../queries.js';
import { cancelPlanned, createPlannedForPlan } from '../../inspections/public.js';

/**
 * Publish a draft plan: its tasks become planned inspections the stations work through.
 * If other published plans of the campaign still have open inspections of units this plan also
 * plans, publishing is refused (PLAN_OVERLAP, with the figures) unless the caller chooses:
 * `supersede` cancels every open inspection of those plans (audited; done ones stay and count) and
 * marks them 被替代; `keep` publishes beside them knowingly (the overlap is written in the audit).
 */
export async function publishPlan(ctx: Ctx, planId: number, input: PublishPlanInput = {}) {
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
    // Other published plans of the campaign, locked so a racing publish sees this one's outcome.
    const others = await rows<{ id: number; name: string; open: number; overlap: number }>(
      tx,
      sql`select p.id, p.name,
            (select count(*)::int from inspections i where i.plan_id = p.id and i.status = 'planned') as open,
            (select count(distinct i.entity_id)::int from inspections i where i.plan_id = p.id and i.status = 'planned'
               and i.entity_id in (select entity_id from plan_tasks where plan_id = ${planId})) as overlap
          from plans p where p.campaign_id = ${p.plan.campaignId} and p.status = 'published' and p.id <> ${planId}
          order by p.id for update of p`,
    );
    const overlapping = others.filter((o) => o.overlap > 0);
    const units = (
      await rows<{ n: number }>(
        tx,
        sql`select count(distinct i.entity_id)::int as n from inspections i join plans q on q.id = i.plan_id
            where q.campaign_id = ${p.plan.campaignId} and q.status = 'published' and q.id <> ${planId} and i.status = 'planned'
              and i.entity_id in (select entity_id from plan_tasks where plan_id = ${planId})`,
      )
    )[0].n;
    if (units > 0 && !input.overlap) {
      const names = overlapping.map((o) => `「${o.name}」`).join('、');
      const open = overlapping.reduce((s, o) => s + o.open, 0);
      throw new AppError(
        'PLAN_OVERLAP',
        `本计划中 ${units} 家单位已有待检查任务（${names}），直接发布会重复检查。请选择：替代原计划（作废其 ${open} 项待检查任务，已完成的检查照常计入），或同时保留两个计划`,
        409,
        { units, plans: overlapping.map((o) => ({ id: o.id, name: o.name, open: o.open })) },
      );
    }
    // Set-based: one statement however many tasks.
    await createPlannedForPlan(tx, planId, periodTo);
    const superseded = input.overlap === 'supersede' && units > 0 ? overlapping : [];
    for (const o of superseded) {
      const reason = `被检查计划「${p.plan.name}」替代`;
      const cancelled = await cancelPlanned(tx, { planId: o.id }, reason);
      await tx.update(plans).set({ status: 'superseded', supersededBy: planId, updatedAt: new Date() }).where(eq(plans.id, o.id));
      await audit(tx, ctx, {
        action: 'plan.supersede',
        entityType: 'plan',
        entityId: o.id,
        jurisdictionId: p.plan.jurisdictionId,
        summary: `检查计划「${o.name}」被「${p.plan.name}」替代：作废 ${cancelled.length} 项待检查任务`,
        before: { status: 'published' },
        after: { status: 'superseded', supersededBy: planId, cancelledInspectionIds: cancelled.map((c) => c.id) },
      });
    }
    const kept =
      input.overlap === 'keep' && units > 0
        ? `；与${overlapping.map((o) => `「${o.name}」`).join('、')}同时保留，${units} 家单位将有两项待检查任务`
        : '';
    await audit(tx, ctx, {
      action: 'plan.publish',
      entityType: 'plan',
      entityId: planId,
      jurisdictionId: p.plan.jurisdictionId,
      summary: `发布检查计划「${p.plan.name}」：${p.taskCount} 项任务下达各所${kept}`,
      before: { status: 'draft' },
      after: {
        status: 'published',
        ...(units > 0 ? { overlap: input.overlap, overlapUnits: units, otherPlans: overlapping.map((o) => o.id) } : {}),
      },
    });
  });
  return presentPlan(await getPlan(ctx.db, planId));
}
