import { eq, sql } from 'drizzle-orm';
import type { AssistStatus, Clue } from '../../../../contracts/clues.js';
import { assistRequests } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { assertVersion } from '../../../core/versions.js';
import { rows } from '../../../core/sql.js';
import { openClue } from '../open-clue.js';
import { visibleRow } from '../queries.js';
import { assistWorkflow } from '../workflow.js';
import { getAssist } from './get-assist.js';
import { getClue } from './get-clue.js';

/** A received 协查函 becomes a clue (source 协查请求) in the caller's area, once. */
export async function assistToClue(ctx: Ctx, id: number, input: { handlerId?: number | null; version: number }): Promise<Clue> {
  await visibleRow(ctx.db, ctx.actor, 'assist_requests', id, '协查函');
  let clueId = 0;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(assistRequests).where(eq(assistRequests.id, id)).for('update');
    await assertVersion(before.version, input.version, () => getAssist(ctx, id, tx));
    const made = await rows(tx, sql`select id from clues where source_type = 'assist' and source_id = ${id}`);
    await assistWorkflow.apply(tx, ctx, {
      action: 'to_clue',
      state: before.status as AssistStatus,
      facts: { incoming: before.direction === 'incoming', hasClue: made.length > 0 },
      change: async () => {
        clueId = (
          await openClue(tx, ctx, {
            source: { type: 'assist', id, note: `${before.counterpart}${before.letterNo ? ` ${before.letterNo}` : ''}` },
            jurisdictionId: before.jurisdictionId,
            summary: before.subject,
            description: before.content,
            receivedOn: before.date,
            handlerId: input.handlerId,
          })
        ).id;
        return (
          await tx
            .update(assistRequests)
            .set({ updatedAt: new Date(), version: sql`${assistRequests.version} + 1` })
            .where(eq(assistRequests.id, id))
            .returning()
        )[0];
      },
      audit: {
        action: 'assist_request.to_clue',
        entityType: 'assist_request',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `协查请求转为线索：${before.subject}`,
        after: () => ({ clueId }),
      },
    });
  });
  return getClue(ctx, clueId);
}
