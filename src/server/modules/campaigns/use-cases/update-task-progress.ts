import { and, eq } from 'drizzle-orm';
import { boundQuotas, TASK_STATUSES, type CampaignDefinition } from '../../../../contracts/campaigns.js';
import { can } from '../../../../contracts/permissions.js';
import { campaignFiles, campaignTaskProgress, jurisdictions } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, conflict, invalid, notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { assertVersion, staleVersion, updateVersioned } from '../../../core/versions.js';
import { presentProgress } from '../presenter.js';
import { assertActsForUnit } from '../policy.js';
import { getCampaignRow } from '../queries.js';
import { bureauUnits, resolveRef } from '../resolve-units.js';

export interface ProgressInput {
  status: string;
  note?: string;
  evidence: { name: string; url?: string; fileId?: number; size?: number; mime?: string }[];
  /** The version read; 0 before the unit's first report. */
  version: number;
}

async function responsible(ctx: Ctx, id: number, taskNo: number, orgUnitId: number) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  assertActsForUnit(ctx.actor, orgUnitId, c.jurisdictionPath);
  if (c.status === 'closed') throw conflict('专项行动已结束');
  const def = c.definition as CampaignDefinition;
  const task = def.tasks.find((t) => t.no === taskNo);
  if (!task) throw invalid(`任务序号 ${taskNo} 不存在`);
  // Bound to quotas: its progress is the live inspection coverage, never typed in.
  if (boundQuotas(task).length) throw new AppError('PROGRESS_MEASURED', '该任务的进展按检查计划的完成情况自动计算，无需手工填报', 409);
  const units = await bureauUnits(ctx.db, c.jurisdictionId);
  if (!task.units.some((r) => resolveRef(r, units).some((u) => u.id === orgUnitId))) throw invalid('该单位不是此项任务的责任单位');
  return c;
}

/** A responsible unit reports its progress on one task item, with evidence (files or links). */
export async function updateTaskProgress(ctx: Ctx, id: number, taskNo: number, orgUnitId: number, input: ProgressInput) {
  const c = await responsible(ctx, id, taskNo, orgUnitId);
  for (const e of input.evidence) {
    if (!e.url && !e.fileId) throw invalid('证明材料须为上传的文件或链接');
    if (e.fileId) {
      const [f] = await ctx.db
        .select({ id: campaignFiles.id })
        .from(campaignFiles)
        .where(and(eq(campaignFiles.id, e.fileId), eq(campaignFiles.campaignId, id), eq(campaignFiles.orgUnitId, orgUnitId)));
      if (!f) throw invalid('证明材料文件不存在');
    }
  }
  const values = {
    status: input.status,
    note: input.note || null,
    evidence: input.evidence,
    updatedBy: ctx.actor.id || null,
    updatedAt: new Date(),
  };
  return ctx.db.transaction(async (tx) => {
    const read = async () =>
      (
        await tx
          .select()
          .from(campaignTaskProgress)
          .where(
            and(
              eq(campaignTaskProgress.campaignId, id),
              eq(campaignTaskProgress.taskNo, taskNo),
              eq(campaignTaskProgress.orgUnitId, orgUnitId),
            ),
          )
      )[0];
    const current = async () => ({ taskNo, orgUnitId, ...presentProgress(await read()) });
    const before = await read();
    await assertVersion(before?.version ?? 0, input.version, current);
    let row: typeof campaignTaskProgress.$inferSelect;
    if (!before) {
      // First report (version 0): a racing first report makes this insert a no-op → stale.
      const [ins] = await tx
        .insert(campaignTaskProgress)
        .values({ campaignId: id, jurisdictionId: c.jurisdictionId, taskNo, orgUnitId, ...values })
        .onConflictDoNothing()
        .returning();
      if (!ins) throw staleVersion(await current());
      row = ins;
    } else {
      row = await updateVersioned(tx, campaignTaskProgress, before.id, input.version, values, current);
    }
    await audit(tx, ctx, {
      action: 'campaign.task_progress',
      entityType: 'campaign',
      entityId: id,
      jurisdictionId: c.jurisdictionId,
      summary: `任务${taskNo}进展：${TASK_STATUSES[input.status as keyof typeof TASK_STATUSES] ?? input.status}`,
      before: before ?? null,
      after: row,
    });
    return { taskNo, orgUnitId, ...presentProgress(row) };
  });
}

/** Store an evidence file for a unit's task item; returns its metadata for the progress record. */
export async function uploadEvidence(
  ctx: Ctx,
  id: number,
  taskNo: number,
  orgUnitId: number,
  file: { name: string; mime: string; data: Buffer },
) {
  const c = await responsible(ctx, id, taskNo, orgUnitId);
  if (file.data.length === 0) throw invalid('文件为空');
  return ctx.db.transaction(async (tx) => {
    const [f] = await tx
      .insert(campaignFiles)
      .values({
        campaignId: id,
        jurisdictionId: c.jurisdictionId,
        orgUnitId,
        name: file.name,
        mime: file.mime,
        size: file.data.length,
        data: file.data,
        uploadedBy: ctx.actor.id || null,
      })
      .returning({ id: campaignFiles.id, name: campaignFiles.name, mime: campaignFiles.mime, size: campaignFiles.size });
    await audit(tx, ctx, {
      action: 'campaign.evidence',
      entityType: 'campaign',
      entityId: id,
      jurisdictionId: c.jurisdictionId,
      summary: `上传证明材料 ${file.name}`,
      after: f,
    });
    return { fileId: f.id, name: f.name, mime: f.mime, size: f.size };
  });
}

export async function getEvidenceFile(ctx: Ctx, id: number, fileId: number) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  const [row] = await ctx.db
    .select({ f: campaignFiles, path: jurisdictions.path })
    .from(campaignFiles)
    .innerJoin(jurisdictions, eq(jurisdictions.id, campaignFiles.jurisdictionId))
    .where(and(eq(campaignFiles.id, fileId), eq(campaignFiles.campaignId, id)));
  // A unit's evidence is read by that unit, by people whose area holds it, and by the campaign's managers.
  const visible =
    row &&
    (row.f.orgUnitId === ctx.actor.orgUnitId ||
      pathInScope(ctx.actor, row.path) ||
      (can(ctx.actor.role, 'campaigns.manage') && pathInScope(ctx.actor, c.jurisdictionPath)));
  if (!visible) throw notFound('文件');
  return row.f;
}
