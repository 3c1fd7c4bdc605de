import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { CommonRiskInput, CommonRiskView } from '../../../../contracts/risks.js';
import { commonRisks } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { presentCommonRisk, resolveMembers, visibleCommonRisk, writeMembers } from '../common.js';
import { holderJurisdiction } from '../queries.js';

/** Group risks and findings of the area into one common risk (共性风险隐患) with its analysis and control measure. */
export async function createCommonRisk(ctx: Ctx, input: CommonRiskInput): Promise<CommonRiskView> {
  const id = await ctx.db.transaction(async (tx) => {
    const holder = await holderJurisdiction(tx, ctx.actor, input.jurisdictionId);
    const members = await resolveMembers(tx, ctx, holder.path, input.riskIds ?? [], input.findingIds ?? []);
    const [row] = await tx
      .insert(commonRisks)
      .values({
        jurisdictionId: holder.id,
        title: input.title,
        category: input.category,
        analysis: input.analysis || null,
        controlMeasure: input.controlMeasure,
        removed: input.removed ?? false,
        removedOn: input.removed ? shanghaiToday() : null,
        createdBy: ctx.actor.id,
      })
      .returning();
    await writeMembers(tx, row.id, holder.id, members);
    await audit(tx, ctx, {
      action: 'common_risk.create',
      entityType: 'common_risk',
      entityId: row.id,
      jurisdictionId: holder.id,
      summary: `登记共性风险隐患：${row.title}（${members.risks.length}项风险、${members.findings.length}个检查问题、${members.units.size}家单位）`,
      after: { ...row, riskIds: members.risks.map((r) => r.id), findingIds: members.findings.map((f) => f.id) },
    });
    return row.id;
  });
  return presentCommonRisk(ctx, await visibleCommonRisk(ctx, id));
}
