import { eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import {
  COMPLAINT_ACTIONS,
  type Complaint,
  type ComplaintStatus,
  type ComplaintTransitionInput,
} from '../../../../contracts/complaints.js';
import { complaints } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion } from '../../../core/versions.js';
import { workCalendar } from '../../calendar/public.js';
import { clueDecisions } from '../../clues/public.js';
import { presentComplaint, visibleComplaint } from '../queries.js';
import { complaintWorkflow } from '../workflow.js';
import { getComplaint } from './get-complaint.js';

/**
 * 受理 / 不予受理 (reason) / 告知实名举报人是否立案 / 答复 (the reply), on the day given (default
 * today, not before receipt nor after today), from the version read; the row is locked.
 */
export async function transitionComplaint(ctx: Ctx, id: number, input: ComplaintTransitionInput): Promise<Complaint> {
  await visibleComplaint(ctx.db, ctx.actor, id);
  const cal = await workCalendar(ctx.db);
  const on = input.on ?? shanghaiToday();
  if (on > shanghaiToday()) throw invalid('日期不能晚于今天', [{ path: 'on', message: '不能晚于今天' }]);
  const note = input.note?.trim() || null;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
    await assertVersion(before.version, input.version, () => presentComplaint(tx, ctx.actor, cal, id));
    const decision = before.clueId ? (await clueDecisions(tx, [before.clueId])).get(before.clueId) : undefined;
    const decidedOn = decision && (decision.status === 'filed' || decision.status === 'not_filed') ? decision.on : null;
    const mayInform = before.kind === 'report' && before.realName && !!decidedOn && !before.informedOn;
    complaintWorkflow.take(ctx.actor, input.action, before.status as ComplaintStatus, { facts: { mayInform }, note });
    if (on < before.receivedOn) throw invalid('日期不能早于收到日期', [{ path: 'on', message: '不能早于收到日期' }]);
    if (input.action === 'inform' && decidedOn && on < decidedOn)
      throw invalid('告知日期不能早于立案决定日期', [{ path: 'on', message: '不能早于立案决定日期' }]);
    const set = {
      accept: { acceptedOn: on },
      refuse: { refusedOn: on, refuseReason: note },
      inform: { informedOn: on, informNote: note },
      reply: { repliedOn: on, reply: note },
    }[input.action];
    await complaintWorkflow.apply(tx, ctx, {
      action: input.action,
      state: before.status as ComplaintStatus,
      facts: { mayInform },
      note,
      change: async (to) =>
        (
          await tx
            .update(complaints)
            .set({ ...set, status: to, updatedAt: new Date(), version: sql`${complaints.version} + 1` })
            .where(eq(complaints.id, id))
            .returning()
        )[0],
      audit: {
        action: `complaint.${input.action}`,
        entityType: 'complaint',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `${COMPLAINT_ACTIONS[input.action]}（${on}）：${before.summary}`,
        before: { status: before.status },
        after: (row) => ({ status: row.status, on, note }),
      },
    });
  });
  return getComplaint(ctx, id);
}
