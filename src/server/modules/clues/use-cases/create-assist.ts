import { ASSIST_DIRECTIONS, type AssistRequest, type CreateAssistInput } from '../../../../contracts/clues.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { assistRequests } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { allocateNumber } from '../../../core/documents/index.js';
import { issuerOf, visibleRow } from '../queries.js';
import { getAssist } from './get-assist.js';

/**
 * Register a 协查函 sent (numbered by the bureau's 发文机关代字 when it has one) or received, with
 * its reply due date. A clue it serves must be one the caller may see.
 */
export async function createAssist(ctx: Ctx, input: CreateAssistInput): Promise<AssistRequest> {
  if (input.date > shanghaiToday()) throw invalid('日期不能晚于今天', [{ path: 'date', message: '不能晚于今天' }]);
  if (input.dueOn < input.date) throw invalid('回复期限不能早于发出或收到日期', [{ path: 'dueOn', message: '不能早于发出或收到日期' }]);
  if (input.clueId) await visibleRow(ctx.db, ctx.actor, 'clues', input.clueId, '线索');
  const issuer = input.direction === 'outgoing' ? await issuerOf(ctx.db, ctx.actor.jurisdictionId) : null;
  const id = await ctx.db.transaction(async (tx) => {
    const letterNo =
      input.direction === 'outgoing'
        ? issuer
          ? (await allocateNumber(tx, { orgUnitId: issuer, kind: 'assistLetter', date: input.date })).text
          : null
        : input.letterNo || null;
    const [row] = await tx
      .insert(assistRequests)
      .values({
        jurisdictionId: ctx.actor.jurisdictionId,
        orgUnitId: ctx.actor.orgUnitId || null,
        direction: input.direction,
        counterpart: input.counterpart,
        subject: input.subject,
        content: input.content,
        clueId: input.clueId ?? null,
        date: input.date,
        dueOn: input.dueOn,
        letterNo,
        contactName: input.contactName || null,
        contactPhone: input.contactPhone || null,
        createdBy: ctx.actor.id || null,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'assist_request.create',
      entityType: 'assist_request',
      entityId: row.id,
      jurisdictionId: row.jurisdictionId,
      summary: `登记${ASSIST_DIRECTIONS[input.direction]}协查函：${input.subject}（${input.counterpart}）`,
      after: row,
    });
    return row.id;
  });
  return getAssist(ctx, id);
}
