import { and, eq, getTableColumns, isNull } from 'drizzle-orm';
import type { AdrImportJob } from '../../../contracts/adr.js';
import type { SheetRowError } from '../../../contracts/sheets.js';
import { isoTimestamp } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import { adrImports } from '../../../db/schema/index.js';
import type { Actor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';

/** Errors kept on the job (the count is always exact). */
export const MAX_ERRORS = 2000;

const { rows: _rows, ...jobColumns } = getTableColumns(adrImports);
export { jobColumns };
export type ImportRow = Omit<typeof adrImports.$inferSelect, 'rows'>;

/** An import job of the caller (own jobs; an administrator sees all), else 404. */
export async function getImportRow(db: DbOrTx, actor: Actor, id: number): Promise<ImportRow> {
  const [job] = await db
    .select(jobColumns)
    .from(adrImports)
    .where(
      and(
        eq(adrImports.id, id),
        actor.scope === 'all'
          ? undefined
          : actor.id
            ? eq(adrImports.createdBy, actor.id)
            : and(isNull(adrImports.createdBy), eq(adrImports.jurisdictionId, actor.jurisdictionId)),
      ),
    );
  if (!job) throw notFound('导入任务');
  return job;
}

export function presentImport(j: ImportRow): AdrImportJob {
  return {
    id: j.id,
    fileName: j.fileName,
    status: j.status,
    duplicates: j.duplicates,
    total: j.total,
    valid: j.valid,
    toCreate: j.toCreate,
    toUpdate: j.toUpdate,
    toSkip: j.toSkip,
    duplicateCodes: j.duplicateCodes.slice(0, 50),
    errors: j.errors as SheetRowError[],
    errorCount: j.errorCount,
    alertsOpened: j.alertsOpened,
    message: j.message,
    createdAt: isoTimestamp(j.createdAt),
    finishedAt: isoTimestamp(j.finishedAt),
  };
}
