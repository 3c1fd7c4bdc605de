import type { ClueSource } from '../../../contracts/clues.js';
import type { Tx } from '../../../db/client.js';
import type { Ctx } from '../../core/context.js';

/**
 * What other modules may use of clues.
 *  - `openClue(tx, ctx, input)`: open a clue (待核查) from their record in their transaction, e.g.
 *    sampling's 不合格 result: `openClue(tx, ctx, { source: { type: 'sampling', id: resultId }, entityId, summary, receivedOn })`.
 *  - `clueDecisions(db, ids)`: the decision (立案/不予立案/移交) and its Beijing date of some clues.
 *  - the `clueFiling` extension point: 立案 of a clue calls the contribution keyed 'case' (the cases
 *    module) in the decision's transaction and stores the case id it returns.
 */
export { openClue, type OpenClueInput } from './open-clue.js';
export { clueDecisions } from './decisions.js';

/** The clue as handed to the cases module at 立案. */
export interface FilingClue {
  id: number;
  entityId: number | null;
  jurisdictionId: number;
  summary: string;
  source: { type: ClueSource; id: number | null };
  /** The day the clue was received. */
  receivedOn: string;
  /** What the decider gave for the case (contracts/clues.ts clueTransitionInput.filing). */
  filing?: { procedure?: 'simple' | 'ordinary'; violationType?: string | null; violationDate?: string };
}

/** The cases module opens a case for a clue decided 立案 (in the same transaction). */
export interface ClueFiling {
  key: 'case';
  file(tx: Tx, ctx: Ctx, clue: FilingClue): Promise<{ caseId: number; caseNo?: string }>;
}

declare module '../../core/extensions.js' {
  interface ExtensionPoints {
    clueFiling: ClueFiling;
  }
}
