import { eq } from 'drizzle-orm';
import { adrImports } from '../../../db/schema/index.js';
import { audit } from '../../core/audit.js';
import type { Actor } from '../../core/context.js';
import type { JobDefinition } from '../../core/jobs/runner.js';
import type { RawTable } from '../../core/sheets/read.js';
import { detectClusters } from './clusters.js';
import { MAX_ERRORS } from './import-jobs.js';
import { validateRows } from './import-rows.js';
import { insertReports, replaceReports } from './report-rows.js';

export interface AdrImportPayload {
  importId: number;
  actor: Actor;
  ip?: string | null;
}

/**
 * Confirming an import queues this job. In the runner's transaction: validate again against the
 * registry as it is now, write new reports, update or skip registered codes, run the cluster
 * check over the written reports, audit, mark the import done — all or nothing, exactly once.
 */
export const adrImportJob: JobDefinition<AdrImportPayload> = {
  kind: 'adr.import',
  maxAttempts: 1,
  async run(job, tx) {
    const { importId: id, actor, ip } = job.payload;
    const ctx = { actor, ip: ip ?? undefined };
    const [imp] = await tx.select().from(adrImports).where(eq(adrImports.id, id));
    if (!imp || imp.status !== 'running') return { skipped: true };
    const table: RawTable = { headers: imp.headers, rows: JSON.parse(imp.rows) };
    const mode = imp.duplicates as 'update' | 'skip';
    const v = await validateRows(tx, actor, table, mode);
    if (v.errors.length) {
      await tx
        .update(adrImports)
        .set({
          status: 'invalid',
          errors: v.errors.slice(0, MAX_ERRORS),
          errorCount: v.errors.length,
          message: '数据已变化，重新校验发现错误，未导入任何数据',
          finishedAt: new Date(),
          rows: '[]',
        })
        .where(eq(adrImports.id, id));
      return { invalid: v.errors.length };
    }
    const fresh = v.records.filter((r) => !r.existingId);
    const dups = v.records.filter((r) => r.existingId);
    const createdIds = await insertReports(
      tx,
      fresh.map((r) => r.prepared),
      { createdBy: actor.id || null, importId: id },
    );
    const updated = mode === 'update' ? dups.map((r) => ({ id: r.existingId!, p: r.prepared })) : [];
    await replaceReports(tx, updated, { importId: id });
    const opened = await detectClusters(tx, ctx, [...createdIds, ...updated.map((u) => u.id)]);
    const summary = `新增 ${createdIds.length} 份，更新 ${updated.length} 份，跳过 ${mode === 'skip' ? dups.length : 0} 份，发现聚集性信号 ${opened.length} 个`;
    await audit(tx, ctx, {
      action: 'adr_report.import',
      entityType: 'adr_import',
      entityId: id,
      jurisdictionId: actor.jurisdictionId || null,
      summary: `导入不良反应报告 ${imp.fileName}：${summary}`,
      after: {
        fileName: imp.fileName,
        rows: imp.total,
        created: createdIds.length,
        updated: updated.length,
        skipped: mode === 'skip' ? dups.length : 0,
        alerts: opened,
      },
    });
    await tx
      .update(adrImports)
      .set({
        status: 'done',
        toCreate: createdIds.length,
        toUpdate: updated.length,
        toSkip: mode === 'skip' ? dups.length : 0,
        alertsOpened: opened.length,
        message: summary,
        finishedAt: new Date(),
        rows: '[]',
      })
      .where(eq(adrImports.id, id));
    return { created: createdIds.length, updated: updated.length, alerts: opened.length };
  },
  async onFailed(job, tx, error) {
    await tx
      .update(adrImports)
      .set({
        status: 'failed',
        message: error.interrupted ? '导入因服务中断未完成，未导入任何数据，请重新上传' : '导入失败，未导入任何数据，请联系管理员',
        finishedAt: new Date(),
      })
      .where(eq(adrImports.id, job.payload.importId));
  },
};
