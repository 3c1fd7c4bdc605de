import { and, eq } from 'drizzle-orm';
import { adrImports } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, conflict, invalid } from '../../../core/errors.js';
import { adrImportJob, type AdrImportPayload } from '../import-job.js';
import { getImportRow, jobColumns, presentImport } from '../import-jobs.js';

/**
 * Import a validated file: all rows or none, as a background job queued in the transaction that
 * marks the import running (it runs once that commits and survives a restart). With `wait` the
 * call returns when it is done; otherwise the caller polls GET /api/adr-imports/:id.
 */
export async function confirmImport(ctx: Ctx, id: number, opts: { wait?: boolean } = {}) {
  const jobs = ctx.jobs;
  if (!jobs) throw new Error('confirmImport needs the job runner');
  const job = await getImportRow(ctx.db, ctx.actor, id);
  if (job.status === 'invalid') throw invalid(`文件中有 ${job.errorCount} 行错误，请修正后重新上传`);
  if (job.status !== 'validated') throw conflict('该导入任务已执行或正在执行');
  const queued = await ctx.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(adrImports)
      .set({ status: 'running', message: null })
      .where(and(eq(adrImports.id, id), eq(adrImports.status, 'validated')))
      .returning(jobColumns);
    if (!claimed) throw conflict('该导入任务已执行或正在执行');
    const payload: AdrImportPayload = { importId: id, actor: ctx.actor, ip: ctx.ip ?? null };
    return { claimed, jobId: await jobs.enqueue(tx, adrImportJob.kind, payload) };
  });
  jobs.kick();
  if (!opts.wait) return presentImport(queued.claimed);
  await jobs.wait(queued.jobId);
  const after = await getImportRow(ctx.db, ctx.actor, id);
  if (after.status === 'failed') throw new AppError('IMPORT_FAILED', after.message ?? '导入失败，未导入任何数据', 500);
  return presentImport(after);
}
