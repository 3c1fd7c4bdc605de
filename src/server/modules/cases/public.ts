import type { FileCaseInput } from '../../../contracts/cases.js';
import type { Tx } from '../../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { fileCaseIn } from './filing.js';

/**
 * What other modules may use of cases. `fileCase` files a case inside the caller's transaction (with
 * its audit row) and returns its id, number and state — e.g. the clues module filing a case from a
 * clue (source `{ type: 'clue', id }`); the same checks as the filing form apply (unit in the
 * caller's area, violation type from the catalogue, limitation).
 */
export async function fileCase(
  tx: Tx,
  ctx: Ctx,
  input: FileCaseInput,
): Promise<{ id: number; caseNo: string | null; status: string; jurisdictionId: number }> {
  const row = await fileCaseIn(tx, ctx, input);
  return { id: row.id, caseNo: row.caseNo, status: row.status, jurisdictionId: row.jurisdictionId };
}

export type { FileCaseInput } from '../../../contracts/cases.js';

/** Typical cases per station over an area and period (the assessment's 典型案例 indicator). */
export { typicalCasesByStation } from './typical-counts.js';

/** Referrals to the police sent in an area and period (event-triggered report obligations). */
export { referrals, type ReferralEvent } from './referral-events.js';
