import type { RiskView } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { presentRiskById } from '../presenter.js';

export async function getRisk(ctx: Ctx, id: number): Promise<RiskView> {
  return presentRiskById(ctx, id);
}
