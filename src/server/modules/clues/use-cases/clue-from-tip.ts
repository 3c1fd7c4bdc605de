import type { Clue } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { tipForClue } from '../../tips/public.js';
import { openClue } from '../open-clue.js';
import { getClue } from './get-clue.js';

/** 转为线索: a reviewed (受理 or 转办) grassroots tip becomes a clue, keeping the link to the tip. */
export async function clueFromTip(ctx: Ctx, input: { tipId: number; handlerId?: number | null }): Promise<Clue> {
  const { id } = await ctx.db.transaction(async (tx) => {
    const tip = await tipForClue(tx, ctx.actor, input.tipId);
    if (tip.status !== 'accepted' && tip.status !== 'forwarded')
      throw new AppError('ILLEGAL_TRANSITION', '基层上报受理后才能转为线索', 409);
    return openClue(tx, ctx, {
      source: { type: 'tip', id: tip.id, note: `基层上报：${tip.reporterName}` },
      subjectName: tip.entityName,
      jurisdictionId: tip.jurisdictionId,
      summary: tip.title,
      description: [
        tip.description,
        `地点：${tip.place}`,
        tip.entityAddress && `单位地址：${tip.entityAddress}`,
        tip.reviewNote && `受理意见：${tip.reviewNote}`,
      ]
        .filter(Boolean)
        .join('\n'),
      receivedOn: tip.reviewedOn ?? tip.occurredOn,
      handlerId: input.handlerId,
    });
  });
  return getClue(ctx, id);
}
