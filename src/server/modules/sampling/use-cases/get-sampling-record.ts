import type { SamplingRecord } from '../../../../contracts/sampling.js';
import type { Ctx } from '../../../core/context.js';
import { presentRecord } from '../presenter.js';

export async function getSamplingRecord(ctx: Ctx, id: number): Promise<SamplingRecord> {
  return presentRecord(ctx, ctx.db, id);
}
