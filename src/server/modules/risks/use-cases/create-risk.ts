import type { CreateRiskInput, RiskView } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { presentRiskById } from '../presenter.js';
import { insertRisk } from '../register.js';

/** Register a risk found through any channel in the station's (or the bureau's) risk list. */
export async function createRisk(ctx: Ctx, input: CreateRiskInput): Promise<RiskView> {
  const { id } = await ctx.db.transaction((tx) => insertRisk(tx, ctx, input));
  return presentRiskById(ctx, id);
}
