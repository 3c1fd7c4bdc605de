import { eq, sql } from 'drizzle-orm';
import { CLUE_ACTIONS, TRANSFER_TARGETS, type Clue, type ClueStatus, type ClueTransitionInput } from '../../../../contracts/clues.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { clues, clueTransfers } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, invalid } from '../../../core/errors.js';
import { pointOf } from '../../../core/extensions.js';
import { assertVersion } from '../../../core/versions.js';
import { workCalendar } from '../../calendar/public.js';
import { presentClue } from '../presenter.js';
import { visibleRow } from '../queries.js';
import { clueWorkflow } from '../workflow.js';
import { getClue } from './get-clue.js';

/**
 * Start verifying (开始核查) or decide (立案 / 不予立案 / 移交) a clue, from the version read. 立案 calls
 * the cases module's `clueFiling` contribution in the same transaction (none → 409); 移交 records the
 * transfer (receiving body required). The row is locked, so two deciders cannot both act.
 */
export async function transitionClue(ctx: Ctx, id: number, input: ClueTransitionInput): Promise<Clue> {
  await visibleRow(ctx.db, ctx.actor, 'clues', id, '线索');
  const cal = await workCalendar(ctx.db);
  if (input.action === 'transfer') {
    if (!input.transfer)
      throw invalid('请填写移交对象、接收单位和移交日期', [{ path: 'transfer.receivingBody', message: '请填写接收单位' }]);
    if (input.transfer.transferredOn > shanghaiToday())
      throw invalid('移交日期不能晚于今天', [{ path: 'transfer.transferredOn', message: '不能晚于今天' }]);
  }
  const filing = pointOf(ctx.ext, 'clueFiling').find((f) => f.key === 'case');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(clues).where(eq(clues.id, id)).for('update');
    await assertVersion(before.version, input.version, () => presentClue(tx, ctx.actor, cal, id));
    const reason = input.reason?.trim() || null;
    clueWorkflow.take(ctx.actor, input.action, before.status as ClueStatus, { note: reason });
    if (input.action === 'file' && !filing) throw new AppError('CASES_UNAVAILABLE', '案件查办功能尚未启用，暂不能立案', 409);
    let transferId: number | null = null;
    await clueWorkflow.apply(tx, ctx, {
      action: input.action,
      state: before.status as ClueStatus,
      note: reason,
      change: async (to) => {
        const now = new Date();
        const decided = input.action !== 'verify';
        let caseRef: { caseId: number; caseNo?: string } | null = null;
        if (input.action === 'file') {
          caseRef = await filing!.file(tx, ctx, {
            id,
            entityId: before.entityId,
            jurisdictionId: before.jurisdictionId,
            summary: before.summary,
            source: { type: before.sourceType as Clue['source'], id: before.sourceId },
            receivedOn: before.receivedOn,
            filing: input.filing,
          });
        }
        if (input.action === 'transfer') {
          const t = input.transfer!;
          const [row] = await tx
            .insert(clueTransfers)
            .values({
              jurisdictionId: before.jurisdictionId,
              clueId: id,
              target: t.target,
              receivingBody: t.receivingBody,
              transferredOn: t.transferredOn,
              letterNo: t.letterNo || null,
              note: t.note || null,
              createdBy: ctx.actor.id || null,
            })
            .returning({ id: clueTransfers.id });
          transferId = row.id;
        }
        const [row] = await tx
          .update(clues)
          .set({
            status: to,
            updatedAt: now,
            version: sql`${clues.version} + 1`,
            ...(input.action === 'verify' && !before.handlerId && ctx.actor.id ? { handlerId: ctx.actor.id } : {}),
            ...(decided ? { decisionReason: reason, decidedAt: now, decidedBy: ctx.actor.id || null } : {}),
            ...(caseRef ? { caseId: caseRef.caseId, caseNo: caseRef.caseNo ?? null } : {}),
          })
          .where(eq(clues.id, id))
          .returning();
        return row;
      },
      audit: {
        action: `clue.${input.action}`,
        entityType: 'clue',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `${CLUE_ACTIONS[input.action]}：${before.summary}${
          input.action === 'transfer' ? `（移交${TRANSFER_TARGETS[input.transfer!.target]}：${input.transfer!.receivingBody}）` : ''
        }${reason ? `（${reason}）` : ''}`,
        before: { status: before.status },
        after: (row) => ({
          status: row.status,
          reason,
          caseId: row.caseId,
          caseNo: row.caseNo,
          transferId,
          transfer: input.transfer ?? null,
        }),
      },
    });
  });
  return getClue(ctx, id);
}
