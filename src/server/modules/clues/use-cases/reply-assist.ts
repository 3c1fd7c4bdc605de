import { eq, sql } from 'drizzle-orm';
import type { AssistRequest, AssistStatus } from '../../../../contracts/clues.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { assistRequests } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion } from '../../../core/versions.js';
import { visibleRow } from '../queries.js';
import { assistWorkflow } from '../workflow.js';
import { getAssist } from './get-assist.js';

/** 登记回复: the reply to a 协查函 (ours to a received one, or theirs to one we sent). */
export async function replyAssist(
  ctx: Ctx,
  id: number,
  input: { repliedOn: string; content: string; version: number },
): Promise<AssistRequest> {
  await visibleRow(ctx.db, ctx.actor, 'assist_requests', id, '协查函');
  if (input.repliedOn > shanghaiToday()) throw invalid('回复日期不能晚于今天', [{ path: 'repliedOn', message: '不能晚于今天' }]);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(assistRequests).where(eq(assistRequests.id, id)).for('update');
    await assertVersion(before.version, input.version, () => getAssist(ctx, id, tx));
    if (input.repliedOn < before.date) throw invalid('回复日期不能早于协查函日期', [{ path: 'repliedOn', message: '不能早于协查函日期' }]);
    await assistWorkflow.apply(tx, ctx, {
      action: 'reply',
      state: before.status as AssistStatus,
      facts: { incoming: before.direction === 'incoming', hasClue: false },
      change: async (to) =>
        (
          await tx
            .update(assistRequests)
            .set({
              status: to,
              repliedOn: input.repliedOn,
              replyContent: input.content,
              updatedAt: new Date(),
              version: sql`${assistRequests.version} + 1`,
            })
            .where(eq(assistRequests.id, id))
            .returning()
        )[0],
      audit: {
        action: 'assist_request.reply',
        entityType: 'assist_request',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `登记协查回复：${before.subject}（${input.repliedOn}）`,
        before: { status: before.status },
        after: (row) => ({ status: row.status, repliedOn: row.repliedOn }),
      },
    });
  });
  return getAssist(ctx, id);
}
