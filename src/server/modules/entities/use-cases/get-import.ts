import type { Ctx } from '../../../core/context.js';
import { getJobRow, presentJob } from '../import-jobs.js';

/** An import job with its dry-run report and, while it runs, its progress. */
export async function getImport(ctx: Ctx, id: number) {
  return presentJob(await getJobRow(ctx.db, ctx.actor, id), ctx.actor);
}
