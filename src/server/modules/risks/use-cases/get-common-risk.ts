import type { CommonRiskView } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { presentCommonRisk, visibleCommonRisk } from '../common.js';

export async function getCommonRisk(ctx: Ctx, id: number): Promise<CommonRiskView> {
  return presentCommonRisk(ctx, await visibleCommonRisk(ctx, id));
}
