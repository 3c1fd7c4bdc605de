import { eq } from 'drizzle-orm';
import type { SamplingPlan, UpdateSamplingPlanInput } from '../../../../contracts/sampling.js';
import { samplingPlans } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { forbidden } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { assertPlanUnits, writeLines } from '../plan-lines.js';
import { presentPlans } from '../presenter.js';
import { visiblePlan } from '../queries.js';

/** Change a plan's name, issuer, note and lines (from the version read); only people whose area contains the plan. */
export async function updateSamplingPlan(ctx: Ctx, id: number, { version, ...input }: UpdateSamplingPlanInput): Promise<SamplingPlan> {
  const p = await visiblePlan(ctx, id);
  if (!pathInScope(ctx.actor, p.path)) throw forbidden('只能修改本级制定的抽检计划');
  const current = async () => (await presentPlans(ctx, ctx.db, [id]))[0];
  await assertVersion(p.version, version, current);
  await assertPlanUnits(ctx.db, p.path, input.lines);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(samplingPlans).where(eq(samplingPlans.id, id)).for('update');
    const after = await updateVersioned(
      tx,
      samplingPlans,
      id,
      version,
      { name: input.name, issuer: input.issuer || null, note: input.note || null, updatedAt: new Date() },
      async () => (await presentPlans(ctx, tx, [id]))[0],
    );
    await writeLines(tx, id, before.jurisdictionId, input.lines, true);
    await audit(tx, ctx, {
      action: 'sampling_plan.update',
      entityType: 'sampling_plan',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `修改抽检计划：${input.name}`,
      before,
      after: { ...after, lines: input.lines },
    });
  });
  return (await presentPlans(ctx, ctx.db, [id]))[0];
}
