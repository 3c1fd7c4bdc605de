import { shanghaiToday } from '../../../contracts/calendar.js';
import type { SamplingFollowUp } from '../sampling/public.js';
import { openClue } from './open-clue.js';

/**
 * An 不合格 sampling result is a clue (线索来源：监督抽检) for the enforcement side to verify, opened
 * in the result's transaction with the result as its source.
 */
export const clueFromSampling: SamplingFollowUp = {
  key: 'clue',
  label: '线索',
  async open(tx, ctx, input) {
    const clue = await openClue(tx, ctx, {
      source: { type: 'sampling', id: input.resultId },
      entityId: input.entityId,
      summary: input.summary.slice(0, 200),
      description: input.failedItems.map((f) => `${f.item}：不符合${f.standard}${f.result ? `（${f.result}）` : ''}`).join('；'),
      receivedOn: shanghaiToday(),
    });
    return { type: 'clue', id: clue.id };
  },
};
