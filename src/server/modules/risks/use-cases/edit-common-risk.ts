import { eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { CommonRiskView, EditCommonRiskInput } from '../../../../contracts/risks.js';
import { commonRisks } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { presentCommonRisk, resolveMembers, visibleCommonRisk, writeMembers } from '../common.js';

/** Update a common risk (analysis, measure, 是否消除, members), from the version read. */
export async function editCommonRisk(
  ctx: Ctx,
  id: number,
  { version, riskIds, findingIds, ...patch }: EditCommonRiskInput,
): Promise<CommonRiskView> {
  const c = await visibleCommonRisk(ctx, id);
  await assertVersion(c.version, version, async () => presentCommonRisk(ctx, await visibleCommonRisk(ctx, id)));
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(commonRisks).where(eq(commonRisks.id, id)).for('update');
    const [{ path }] = await rows<{ path: string }>(tx, sql`select path from jurisdictions where id = ${before.jurisdictionId}`);
    const members =
      riskIds || findingIds
        ? await resolveMembers(tx, ctx, path, riskIds ?? c.risks.map((r) => r.id), findingIds ?? c.findings.map((f) => f.id))
        : null;
    const removed = patch.removed ?? before.removed;
    const after = await updateVersioned(
      tx,
      commonRisks,
      id,
      version,
      {
        ...patch,
        analysis: patch.analysis === undefined ? before.analysis : patch.analysis || null,
        removed,
        removedOn: removed ? (before.removedOn ?? shanghaiToday()) : null,
        updatedAt: new Date(),
      },
      async () => presentCommonRisk(ctx, await visibleCommonRisk(ctx, id, tx)),
    );
    if (members) await writeMembers(tx, id, before.jurisdictionId, members);
    await audit(tx, ctx, {
      action: 'common_risk.update',
      entityType: 'common_risk',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `修改共性风险隐患：${after.title}${removed !== before.removed ? (removed ? '（已消除）' : '（未消除）') : ''}`,
      before: { ...before, riskIds: c.risks.map((r) => r.id), findingIds: c.findings.map((f) => f.id) },
      after: {
        ...after,
        ...(members ? { riskIds: members.risks.map((r) => r.id), findingIds: members.findings.map((f) => f.id) } : {}),
      },
    });
  });
  return presentCommonRisk(ctx, await visibleCommonRisk(ctx, id));
}
