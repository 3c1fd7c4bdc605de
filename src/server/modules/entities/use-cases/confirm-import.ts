import { and, eq } from 'drizzle-orm';
import { entityImports } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { conflict, invalid, publicMessage } from '../../../core/errors.js';
import { writeRecords } from '../bulk-write.js';
import type { RawTable } from '../import-file.js';
import { getJobRow, getJobRows, jobColumns, MAX_ERRORS, presentJob, progress } from '../import-jobs.js';
import { validateRows, type Mapping } from '../import-rows.js';

class RowsInvalid extends Error {
  constructor(public errors: { row: number; field: string | null; message: string }[]) {
    super('rows invalid');
  }
}

async function run(ctx: Ctx, id: number) {
  const job = await getJobRow(ctx.db, ctx.actor, id);
  const table: RawTable = { headers: job.headers, rows: await getJobRows(ctx.db, id) };
  progress.set(id, { processed: 0, total: job.total });
  try {
    // All or nothing: validate again against the registry as it is now, then write in ONE transaction.
    const result = await ctx.db.transaction(async (tx) => {
      const v = await validateRows(tx, ctx.actor, table, job.mapping as Mapping);
      if (v.errors.length) throw new RowsInvalid(v.errors);
      const done = await writeRecords(tx, ctx.actor, v.records, {
        importId: id,
        ip: ctx.ip,
        onProgress: (n) => void progress.set(id, { processed: n, total: job.total }),
      });
      await audit(tx, ctx, {
        action: 'entity.import',
        entityType: 'entity_import',
        entityId: id,
        jurisdictionId: ctx.actor.jurisdictionId || null,
        summary: `导入监管对象 ${job.fileName}：新增 ${done.created} 家，更新 ${done.updated} 家，无变化 ${done.unchanged} 家`,
        after: { fileName: job.fileName, rows: job.total, ...done },
      });
      await tx
        .update(entityImports)
        .set({ status: 'done', processed: job.total, toCreate: done.created, toUpdate: done.updated, finishedAt: new Date(), message: `新增 ${done.created} 家，更新 ${done.updated} 家，无变化 ${done.unchanged} 家`, rows: '[]' })
        .where(eq(entityImports.id, id));
      return done;
    });
    return result;
  } catch (e) {
    const errors = e instanceof RowsInvalid ? e.errors : [];
    await ctx.db
      .update(entityImports)
      .set({
        status: errors.length ? 'invalid' : 'failed',
        processed: 0,
        errors: errors.length ? errors.slice(0, MAX_ERRORS) : job.errors,
        errorCount: errors.length || job.errorCount,
        message: errors.length ? '数据已变化，重新校验发现错误，未导入任何数据' : `导入失败，未导入任何数据：${publicMessage(e)}`.slice(0, 500),
        finishedAt: new Date(),
      })
      .where(eq(entityImports.id, id));
    throw e;
  } finally {
    progress.delete(id);
  }
}

/**
 * Import a validated job: all rows or none. With `wait` the call returns when done; otherwise it
 * starts the import and returns at once, and the caller polls the job for progress.
 */
export async function confirmImport(ctx: Ctx, id: number, opts: { wait?: boolean } = {}) {
  const job = await getJobRow(ctx.db, ctx.actor, id);
  if (job.status === 'invalid') throw invalid(`文件中有 ${job.errorCount} 行错误，请修正后重新上传`);
  if (job.status !== 'validated') throw conflict('该导入任务已执行或正在执行');
  const [claimed] = await ctx.db
    .update(entityImports)
    .set({ status: 'running' })
    .where(and(eq(entityImports.id, id), eq(entityImports.status, 'validated')))
    .returning(jobColumns);
  if (!claimed) throw conflict('该导入任务已执行或正在执行');
  const p = run(ctx, id);
  if (opts.wait) {
    try {
      await p;
    } catch (e) {
      if (e instanceof RowsInvalid) return presentJob(await getJobRow(ctx.db, ctx.actor, id));
      throw e;
    }
    return presentJob(await getJobRow(ctx.db, ctx.actor, id));
  }
  p.catch(() => undefined);
  return presentJob({ ...claimed });
}
