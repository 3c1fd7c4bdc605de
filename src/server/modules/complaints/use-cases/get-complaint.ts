import type { Complaint } from '../../../../contracts/complaints.js';
import type { Ctx } from '../../../core/context.js';
import { workCalendar } from '../../calendar/public.js';
import { presentComplaint, visibleComplaint } from '../queries.js';

export async function getComplaint(ctx: Ctx, id: number): Promise<Complaint> {
  await visibleComplaint(ctx.db, ctx.actor, id);
  return presentComplaint(ctx.db, ctx.actor, await workCalendar(ctx.db), id);
}
