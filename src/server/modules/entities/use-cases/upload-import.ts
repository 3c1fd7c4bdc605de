import { entityImports } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { readSheet } from '../../../core/sheets/read.js';
import { jobColumns, MAX_ERRORS, presentJob } from '../import-jobs.js';
import { autoMapping, type Mapping } from '../import-read.js';
import { validateRows } from '../import-rows.js';

export const MAX_IMPORT_ROWS = 200_000;

/**
 * Dry run: read the file, map its columns (given mapping or by header), validate every row and
 * keep the job with every bad row and its reason. Nothing is written to the registry.
 */
export async function uploadImport(ctx: Ctx, file: { buffer: Buffer; fileName: string }, mapping?: Mapping) {
  const table = await readSheet(file.buffer, file.fileName, { maxRows: MAX_IMPORT_ROWS, userId: ctx.actor.id, json: true });
  if (!table.rows.length) throw invalid('文件中没有数据行');
  const map = { ...autoMapping(table.headers), ...(mapping ?? {}) };
  const result = await validateRows(ctx.db, ctx.actor, table, map);
  const [job] = await ctx.db
    .insert(entityImports)
    .values({
      createdBy: ctx.actor.id || null,
      jurisdictionId: ctx.actor.jurisdictionId,
      fileName: file.fileName.slice(0, 200),
      status: result.errors.length ? 'invalid' : 'validated',
      headers: table.headers,
      mapping: map,
      rows: table.rowsJson ?? JSON.stringify(table.rows),
      total: table.rows.length,
      valid: result.records.length,
      toCreate: result.toCreate,
      toUpdate: result.toUpdate,
      errors: result.errors.slice(0, MAX_ERRORS),
      errorCount: result.errors.length,
    })
    .returning(jobColumns);
  return presentJob(job, ctx.actor);
}
