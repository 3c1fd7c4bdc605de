import type { DuplicateMode } from '../../../../contracts/adr.js';
import { adrImports } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { readSheet } from '../../../core/sheets/read.js';
import { jobColumns, MAX_ERRORS, presentImport } from '../import-jobs.js';
import { validateRows } from '../import-rows.js';

export const MAX_IMPORT_ROWS = 200_000;

/**
 * Dry run: read the file (.xlsx or CSV in UTF-8/GBK), validate every row and keep the job with
 * every bad row and its reason, and what confirming would do: new reports, and registered codes
 * updated or skipped (`duplicates`). Nothing is written to the reports.
 */
export async function uploadImport(ctx: Ctx, file: { buffer: Buffer; fileName: string }, duplicates: DuplicateMode) {
  const table = await readSheet(file.buffer, file.fileName, { maxRows: MAX_IMPORT_ROWS, userId: ctx.actor.id });
  if (!table.rows.length) throw invalid('文件中没有数据行');
  const v = await validateRows(ctx.db, ctx.actor, table, duplicates);
  const [job] = await ctx.db
    .insert(adrImports)
    .values({
      createdBy: ctx.actor.id || null,
      jurisdictionId: ctx.actor.jurisdictionId,
      fileName: file.fileName.slice(0, 200),
      status: v.errors.length ? 'invalid' : 'validated',
      duplicates,
      headers: table.headers,
      rows: v.errors.length ? '[]' : JSON.stringify(table.rows),
      total: table.rows.length,
      valid: v.records.length,
      toCreate: v.toCreate,
      toUpdate: v.toUpdate,
      toSkip: v.toSkip,
      duplicateCodes: v.duplicateCodes.slice(0, 50),
      errors: v.errors.slice(0, MAX_ERRORS),
      errorCount: v.errors.length,
    })
    .returning(jobColumns);
  return presentImport(job);
}
