import type { SubmissionView } from '../../../../../contracts/submissions.js';
import type { Ctx } from '../../../../core/context.js';
import { presentSubmissionById } from '../presenter.js';

/** One submission with its table (live or frozen), checks, scans, history and the caller's actions. */
export function getSubmission(ctx: Ctx, id: number): Promise<SubmissionView> {
  return presentSubmissionById(ctx, id);
}
