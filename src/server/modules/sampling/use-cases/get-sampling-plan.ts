import type { SamplingPlan } from '../../../../contracts/sampling.js';
import type { Ctx } from '../../../core/context.js';
import { presentPlans } from '../presenter.js';
import { visiblePlan } from '../queries.js';

export async function getSamplingPlan(ctx: Ctx, id: number): Promise<SamplingPlan> {
  await visiblePlan(ctx, id);
  return (await presentPlans(ctx, ctx.db, [id]))[0];
}
