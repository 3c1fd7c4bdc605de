import type { ClueFiling } from '../clues/public.js';
import { invalid } from '../../core/errors.js';
import { fileCaseIn } from './filing.js';

/**
 * 立案 of a clue (clues module, `clueFiling` point): a case filed in the decision's transaction with
 * the clue as its source, through the same checks as the filing form (unit in the caller's area,
 * violation type from the catalogue, limitation). What the clue does not say comes from the
 * decision (procedure, violation type, day of the conduct) or defaults to 普通程序 / 其他 / the day
 * the clue was received.
 */
export const caseFromClue: ClueFiling = {
  key: 'case',
  async file(tx, ctx, clue) {
    if (!clue.entityId)
      throw invalid('线索未指明涉及单位，不能直接立案：请先在核查中补充单位', [{ path: 'action', message: '缺少涉及单位' }]);
    const row = await fileCaseIn(tx, ctx, {
      entityId: clue.entityId,
      procedure: clue.filing?.procedure ?? 'ordinary',
      violationType: clue.filing?.violationType || 'other',
      facts: clue.summary,
      violationDate: clue.filing?.violationDate ?? clue.receivedOn,
      source: { type: 'clue', id: clue.id },
    });
    return { caseId: row.id, caseNo: row.caseNo ?? undefined };
  },
};
