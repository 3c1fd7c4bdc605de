import { eq } from 'drizzle-orm';
import { entityImports } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import type { RawTable } from '../../../core/sheets/read.js';
import { getJobRow, getJobRows, jobColumns, MAX_ERRORS, presentJob } from '../import-jobs.js';
import type { Mapping } from '../import-read.js';
import { validateRows } from '../import-rows.js';
import { entityImportWorkflow } from '../workflow.js';
import type { ImportState } from '../../../../contracts/entities.js';

/** Change the column mapping of a pending import and run the dry run again. */
export async function remapImport(ctx: Ctx, id: number, mapping: Mapping) {
  const job = await getJobRow(ctx.db, ctx.actor, id);
  if (job.status !== 'validated' && job.status !== 'invalid') throw conflict('该导入任务已执行，不能再修改列对应');
  const map = { ...(job.mapping as Mapping), ...mapping };
  const table: RawTable = { headers: job.headers, rows: await getJobRows(ctx.db, id) };
  const result = await validateRows(ctx.db, ctx.actor, table, map);
  const [after] = await ctx.db
    .update(entityImports)
    .set({
      mapping: map,
      status: entityImportWorkflow.next(ctx.actor, 'remap', job.status as ImportState, { facts: { clean: !result.errors.length } }),
      valid: result.records.length,
      toCreate: result.toCreate,
      toUpdate: result.toUpdate,
      errors: result.errors.slice(0, MAX_ERRORS),
      errorCount: result.errors.length,
    })
    .where(eq(entityImports.id, id))
    .returning(jobColumns);
  return presentJob(after, ctx.actor);
}
