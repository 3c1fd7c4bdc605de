import { and, eq } from 'drizzle-orm';
import { entityImports } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, conflict, invalid } from '../../../core/errors.js';
import { entityImportJob, type EntityImportPayload } from '../import-job.js';
import { getJobRow, jobColumns, presentJob } from '../import-jobs.js';
import { entityImportWorkflow } from '../workflow.js';
import type { ImportState } from '../../../../contracts/entities.js';

/**
 * Import a validated file: all rows or none. The import is queued as a background job in the
 * same transaction that marks it running (so it runs only once that commits, and survives a
 * restart). With `wait` the call returns when it is done; otherwise the caller polls.
 */
export async function confirmImport(ctx: Ctx, id: number, opts: { wait?: boolean } = {}) {
  const jobs = ctx.jobs;
  if (!jobs) throw new Error('confirmImport needs the job runner');
  const job = await getJobRow(ctx.db, ctx.actor, id);
  if (job.status === 'invalid') throw invalid(`文件中有 ${job.errorCount} 行错误，请修正后重新上传`);
  if (job.status !== 'validated') throw conflict('该导入任务已执行或正在执行');
  const to = entityImportWorkflow.next(ctx.actor, 'confirm', job.status as ImportState);
  const queued = await ctx.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(entityImports)
      .set({ status: to, message: null })
      .where(and(eq(entityImports.id, id), eq(entityImports.status, 'validated')))
      .returning(jobColumns);
    if (!claimed) throw conflict('该导入任务已执行或正在执行');
    const payload: EntityImportPayload = { importId: id, actor: ctx.actor, ip: ctx.ip ?? null };
    return { claimed, jobId: await jobs.enqueue(tx, entityImportJob.kind, payload) };
  });
  jobs.kick();
  if (!opts.wait) return presentJob(queued.claimed, ctx.actor);
  await jobs.wait(queued.jobId);
  const after = await getJobRow(ctx.db, ctx.actor, id);
  if (after.status === 'failed') throw new AppError('IMPORT_FAILED', after.message ?? '导入失败，未导入任何数据', 500);
  return presentJob(after, ctx.actor);
}
