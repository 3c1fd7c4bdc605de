import type { Actor } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { EDITABLE_STATUS } from './workflow.js';

/** Only the reporter changes a tip (text or photos), and only until station staff have reviewed it. */
export function assertReporterMayEdit(actor: Actor, tip: { reportedBy: number; status: string }) {
  if (tip.reportedBy !== actor.id) throw forbidden('只能修改本人上报的记录');
  if (tip.status !== EDITABLE_STATUS) throw new AppError('ILLEGAL_TRANSITION', '已受理或已处理的上报不能再修改', 409);
}
