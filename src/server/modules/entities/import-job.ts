import { eq } from 'drizzle-orm';
import { entityImports } from '../../../db/schema/index.js';
import { audit } from '../../core/audit.js';
import type { Actor } from '../../core/context.js';
import type { JobDefinition } from '../../core/jobs/runner.js';
import { writeRecords } from './bulk-write.js';
import type { RawTable } from '../../core/sheets/read.js';
import { getJobRows, jobColumns, MAX_ERRORS, progress } from './import-jobs.js';
import type { Mapping } from './import-read.js';
import { validateRows } from './import-rows.js';
import { entityImportWorkflow } from './workflow.js';

export interface EntityImportPayload {
  importId: number;
  actor: Actor;
  ip?: string | null;
}

/**
 * Confirming an import queues this job. It runs in the job runner's transaction: validate again
 * against the registry as it is now, write every row, audit, and mark the import done — all or
 * nothing, and exactly once even when the server dies half-way (the job runs again on restart).
 */
export const entityImportJob: JobDefinition<EntityImportPayload> = {
  kind: 'entities.import',
  // A failing write fails the same way again: no retry (a crash still resumes the job).
  maxAttempts: 1,
  async run(job, tx) {
    const { importId: id, actor, ip } = job.payload;
    const ctx = { actor, ip: ip ?? undefined };
    // The job's columns without the rows (read once, below).
    const [imp] = await tx.select(jobColumns).from(entityImports).where(eq(entityImports.id, id));
    if (!imp || imp.status !== 'running') return { skipped: true };
    const next = (clean: boolean) => entityImportWorkflow.next(actor, clean ? 'complete' : 'recheck', 'running', { facts: { clean } });
    const table: RawTable = { headers: imp.headers, rows: await getJobRows(tx, id) };
    progress.set(id, { processed: 0, total: imp.total });
    try {
      const v = await validateRows(tx, actor, table, imp.mapping as Mapping, { forWrite: true });
      if (v.errors.length) {
        await tx
          .update(entityImports)
          .set({
            status: next(false),
            processed: 0,
            errors: v.errors.slice(0, MAX_ERRORS),
            errorCount: v.errors.length,
            message: '数据已变化，重新校验发现错误，未导入任何数据',
            finishedAt: new Date(),
          })
          .where(eq(entityImports.id, id));
        return { invalid: v.errors.length };
      }
      const done = await writeRecords(tx, actor, v.records, {
        importId: id,
        ip: ip ?? null,
        onProgress: (n) => void progress.set(id, { processed: n, total: imp.total }),
      });
      await audit(tx, ctx, {
        action: 'entity.import',
        entityType: 'entity_import',
        entityId: id,
        jurisdictionId: actor.jurisdictionId || null,
        summary: `导入监管对象 ${imp.fileName}：新增 ${done.created} 家，更新 ${done.updated} 家，无变化 ${done.unchanged} 家`,
        after: { fileName: imp.fileName, rows: imp.total, ...done },
      });
      await tx
        .update(entityImports)
        .set({
          status: next(true),
          processed: imp.total,
          toCreate: done.created,
          toUpdate: done.updated,
          finishedAt: new Date(),
          message: `新增 ${done.created} 家，更新 ${done.updated} 家，无变化 ${done.unchanged} 家`,
          rows: '[]',
        })
        .where(eq(entityImports.id, id));
      return done;
    } finally {
      progress.delete(id);
    }
  },
  async onFailed(job, tx, error) {
    await tx
      .update(entityImports)
      .set({
        status: entityImportWorkflow.next(job.payload.actor, 'fail', 'running'),
        processed: 0,
        message: error.interrupted ? '导入因服务中断未完成，未导入任何数据，请重新上传' : '导入失败，未导入任何数据，请联系管理员',
        finishedAt: new Date(),
      })
      .where(eq(entityImports.id, job.payload.importId));
  },
};
