import { eq, sql } from 'drizzle-orm';
import type { Clue } from '../../../../contracts/clues.js';
import { clues } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { workCalendar } from '../../calendar/public.js';
import { presentClue } from '../presenter.js';
import { assertHandler, visibleRow } from '../queries.js';
import { getClue } from './get-clue.js';

/** 核查: record what the verification found (and change the handler), while the clue is 核查中. */
export async function recordVerification(
  ctx: Ctx,
  id: number,
  input: { findings: string; handlerId?: number | null; version: number },
): Promise<Clue> {
  const place = await visibleRow(ctx.db, ctx.actor, 'clues', id, '线索');
  const cal = await workCalendar(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(clues).where(eq(clues.id, id)).for('update');
    const current = () => presentClue(tx, ctx.actor, cal, id);
    await assertVersion(before.version, input.version, current);
    if (before.status !== 'verifying') throw new AppError('ILLEGAL_TRANSITION', '线索开始核查后才能记录核查情况', 409);
    if (input.handlerId !== undefined) await assertHandler(tx, input.handlerId, place.path);
    const after = await updateVersioned(
      tx,
      clues,
      id,
      input.version,
      { findings: input.findings, updatedAt: new Date(), ...(input.handlerId !== undefined ? { handlerId: input.handlerId } : {}) },
      current,
      sql`${clues.status} = 'verifying'`,
    );
    await audit(tx, ctx, {
      action: 'clue.verification',
      entityType: 'clue',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `记录核查情况：${before.summary}`,
      before: { findings: before.findings, handlerId: before.handlerId },
      after: { findings: after.findings, handlerId: after.handlerId },
    });
  });
  return getClue(ctx, id);
}
