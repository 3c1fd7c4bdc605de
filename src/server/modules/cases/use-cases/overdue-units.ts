import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { Ctx } from '../../../core/context.js';
import { overdueByUnit } from '../overdue.js';

/** Per station: cases past the decision deadline, decisions past the publication deadline, referrals past their due time. */
export async function overdueUnits(ctx: Ctx) {
  return overdueByUnit(ctx, shanghaiToday());
}
