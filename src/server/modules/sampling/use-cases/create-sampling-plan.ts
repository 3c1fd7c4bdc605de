import { sql } from 'drizzle-orm';
import { SAMPLING_LEVELS, type CreateSamplingPlanInput, type SamplingPlan } from '../../../../contracts/sampling.js';
import { samplingPlans } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { rows } from '../../../core/sql.js';
import { assertPlanUnits, writeLines } from '../plan-lines.js';
import { presentPlans } from '../presenter.js';

/**
 * An annual sampling plan of one level (国家/省(市)/县(区)) in the caller's area (the bureau): planned
 * batches per product category, optionally the units to sample at. One plan per level and year.
 */
export async function createSamplingPlan(ctx: Ctx, input: CreateSamplingPlanInput): Promise<SamplingPlan> {
  const planPath = ctx.actor.jurisdictionPath;
  await assertPlanUnits(ctx.db, planPath, input.lines);
  const id = await ctx.db.transaction(async (tx) => {
    const dup = await rows(
      tx,
      sql`select 1 from sampling_plans where jurisdiction_id = ${ctx.actor.jurisdictionId} and level = ${input.level} and year = ${input.year}`,
    );
    if (dup.length) throw conflict(`${input.year}年度${SAMPLING_LEVELS[input.level]}计划已存在，请在原计划中修改`);
    const [plan] = await tx
      .insert(samplingPlans)
      .values({
        jurisdictionId: ctx.actor.jurisdictionId,
        level: input.level,
        year: input.year,
        name: input.name,
        issuer: input.issuer || null,
        note: input.note || null,
        createdBy: ctx.actor.id,
      })
      .returning();
    await writeLines(tx, plan.id, plan.jurisdictionId, input.lines, false);
    await audit(tx, ctx, {
      action: 'sampling_plan.create',
      entityType: 'sampling_plan',
      entityId: plan.id,
      jurisdictionId: plan.jurisdictionId,
      summary: `制定${input.year}年度${SAMPLING_LEVELS[input.level]}计划：${input.name}（${input.lines.reduce((n, l) => n + l.planned, 0)}批次）`,
      after: { ...plan, lines: input.lines },
    });
    return plan.id;
  });
  return (await presentPlans(ctx, ctx.db, [id]))[0];
}
