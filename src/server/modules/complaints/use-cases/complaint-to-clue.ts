import { eq, sql } from 'drizzle-orm';
import { COMPLAINT_KINDS, type Complaint } from '../../../../contracts/complaints.js';
import { complaints } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertVersion } from '../../../core/versions.js';
import { workCalendar } from '../../calendar/public.js';
import { openClue } from '../../clues/public.js';
import { presentComplaint, visibleComplaint } from '../queries.js';
import { getComplaint } from './get-complaint.js';

/** An accepted complaint or report becomes a clue (source 投诉举报), once; the complaint keeps the link. */
export async function complaintToClue(ctx: Ctx, id: number, input: { handlerId?: number | null; version: number }): Promise<Complaint> {
  await visibleComplaint(ctx.db, ctx.actor, id);
  const cal = await workCalendar(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
    await assertVersion(before.version, input.version, () => presentComplaint(tx, ctx.actor, cal, id));
    if (before.clueId) throw new AppError('CLUE_EXISTS', `已转为线索（线索编号 ${before.clueId}）`, 409);
    if (before.status !== 'accepted' && before.status !== 'replied') throw new AppError('ILLEGAL_TRANSITION', '受理后才能转为线索', 409);
    const clue = await openClue(tx, ctx, {
      source: {
        type: 'complaint',
        id,
        note: `${COMPLAINT_KINDS[before.kind as 'complaint' | 'report']}${before.platformNo ? ` ${before.platformNo}` : ''}`,
      },
      entityId: before.entityId,
      subjectName: before.subjectName,
      jurisdictionId: before.jurisdictionId,
      summary: before.summary,
      description: before.content,
      receivedOn: before.receivedOn,
      handlerId: input.handlerId,
    });
    await tx
      .update(complaints)
      .set({ clueId: clue.id, updatedAt: new Date(), version: sql`${complaints.version} + 1` })
      .where(eq(complaints.id, id));
    await audit(tx, ctx, {
      action: 'complaint.to_clue',
      entityType: 'complaint',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `转为线索：${before.summary}`,
      after: { clueId: clue.id },
    });
  });
  return getComplaint(ctx, id);
}
