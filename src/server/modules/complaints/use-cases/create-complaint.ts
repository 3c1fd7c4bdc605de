import { COMPLAINT_KINDS, type Complaint, type CreateComplaintInput } from '../../../../contracts/complaints.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { complaints } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { complaintPlace } from '../queries.js';
import { getComplaint } from './get-complaint.js';

/** Register a complaint or report received (12315 platform, hotline, letter, visit, another department). */
export async function createComplaint(ctx: Ctx, input: CreateComplaintInput): Promise<Complaint> {
  if (input.receivedOn > shanghaiToday()) throw invalid('收到日期不能晚于今天', [{ path: 'receivedOn', message: '不能晚于今天' }]);
  if (input.realName && !input.complainantName)
    throw invalid('实名投诉举报须填写姓名', [{ path: 'complainantName', message: '实名投诉举报须填写姓名' }]);
  const id = await ctx.db.transaction(async (tx) => {
    const place = await complaintPlace(tx, ctx.actor, input);
    const [row] = await tx
      .insert(complaints)
      .values({
        ...input,
        platformNo: input.platformNo || null,
        complainantName: input.complainantName || null,
        complainantPhone: input.complainantPhone || null,
        entityId: input.entityId ?? null,
        subjectName: input.subjectName || place.entityName,
        jurisdictionId: place.jurisdictionId,
        orgUnitId: ctx.actor.orgUnitId || null,
        createdBy: ctx.actor.id || null,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'complaint.create',
      entityType: 'complaint',
      entityId: row.id,
      jurisdictionId: row.jurisdictionId,
      summary: `登记${COMPLAINT_KINDS[input.kind]}：${row.summary}`,
      // The reporter's phone stays out of the log.
      after: { ...row, complainantPhone: row.complainantPhone ? '（已登记）' : null },
    });
    return row.id;
  });
  return getComplaint(ctx, id);
}
