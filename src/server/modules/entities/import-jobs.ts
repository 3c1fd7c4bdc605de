import { entityImportWorkflow } from './workflow.js';
import type { ImportState } from '../../../contracts/entities.js';
import { and, eq, getTableColumns, isNull } from 'drizzle-orm';
import type { RawTable } from '../../core/sheets/read.js';
import type { ImportJob } from '../../../contracts/entities.js';
import type { DbOrTx } from '../../../db/client.js';
import { entityImports } from '../../../db/schema/index.js';
import type { Actor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';

/** Errors kept on the job (the count is always exact). */
export const MAX_ERRORS = 2000;

/** Progress of running imports, in memory: the import's own transaction is not visible until commit. */
export const progress = new Map<number, { processed: number; total: number }>();

/** Every column but the raw rows (large; read only to validate or import). */
const { rows: _rows, ...jobColumns } = getTableColumns(entityImports);
export { jobColumns };
export type JobRow = Omit<typeof entityImports.$inferSelect, 'rows'>;

export async function getJobRows(db: DbOrTx, id: number): Promise<RawTable['rows']> {
  const [r] = await db.select({ rows: entityImports.rows }).from(entityImports).where(eq(entityImports.id, id));
  return JSON.parse(r?.rows ?? '[]');
}

export async function getJobRow(db: DbOrTx, actor: Actor, id: number): Promise<JobRow> {
  const [job] = await db
    .select(jobColumns)
    .from(entityImports)
    .where(
      and(
        eq(entityImports.id, id),
        // Own jobs only (system actors: jobs without a person, of the same jurisdiction).
        actor.scope === 'all'
          ? undefined
          : actor.id
            ? eq(entityImports.createdBy, actor.id)
            : and(isNull(entityImports.createdBy), eq(entityImports.jurisdictionId, actor.jurisdictionId)),
      ),
    );
  if (!job) throw notFound('导入任务');
  return job;
}

/** An import job as the API shows it, with what the caller may do to it now (workflow). */
export function presentJob(j: JobRow, actor: Pick<Actor, 'role'>): ImportJob {
  const live = progress.get(j.id);
  return {
    id: j.id,
    fileName: j.fileName,
    status: j.status as ImportJob['status'],
    headers: j.headers,
    mapping: j.mapping as ImportJob['mapping'],
    total: j.total,
    valid: j.valid,
    toCreate: j.toCreate,
    toUpdate: j.toUpdate,
    processed: live?.processed ?? j.processed,
    errors: j.errors as ImportJob['errors'],
    errorCount: j.errorCount,
    message: j.message,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
    actions: entityImportWorkflow
      .actionsFor(actor, j.status as ImportState, { clean: j.status === 'validated' })
      .filter((a): a is 'remap' | 'confirm' => a === 'remap' || a === 'confirm'),
  };
}
