import type { Ctx } from '../../../core/context.js';
import { getImportRow, presentImport } from '../import-jobs.js';

/** An import job (dry-run report, then its result). */
export async function getImport(ctx: Ctx, id: number) {
  return presentImport(await getImportRow(ctx.db, ctx.actor, id));
}
