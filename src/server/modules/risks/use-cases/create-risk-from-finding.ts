import type { RiskCategory, RiskFromFindingInput, RiskGrade, RiskView } from '../../../../contracts/risks.js';
import { RISK_CATEGORIES } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { findingForRisk } from '../../inspections/public.js';
import { presentRiskById } from '../presenter.js';
import { insertRisk } from '../register.js';

/** 推定: a finding's severity (一般/较重/严重) maps to the risk grade in order; the person may choose another. */
const GRADE_OF_SEVERITY: Record<string, RiskGrade> = { general: 'general', serious: 'major', severe: 'serious' };

/**
 * 转为风险: a problem found at an inspection becomes a risk of the inspection's station, linked to the
 * finding (source type 'finding') and its unit. One risk per finding (a second time → 409 with its id).
 */
export async function createRiskFromFinding(ctx: Ctx, input: RiskFromFindingInput): Promise<RiskView> {
  const f = await findingForRisk(ctx, input.findingId);
  // A unit of 医疗美容 (or an unknown sector) has no category of its own: 药品 unless chosen (推定).
  const category: RiskCategory = input.category ?? (f.entitySector in RISK_CATEGORIES ? (f.entitySector as RiskCategory) : 'drug');
  const r = await ctx.db.transaction((tx) =>
    insertRisk(tx, ctx, {
      jurisdictionId: f.jurisdictionId,
      channel: 'inspection',
      source: { type: 'finding', id: f.id },
      category,
      title: f.description.length > 60 ? `${f.description.slice(0, 59)}…` : f.description,
      description: `${f.date}检查发现：${f.description}`,
      level: input.level ?? GRADE_OF_SEVERITY[f.severity] ?? 'general',
      controlMeasure: input.controlMeasure,
      ownerId: input.ownerId,
      deadline: input.deadline,
      foundOn: f.date,
      entityIds: [f.entityId],
    }),
  );
  if (!r.created) throw new AppError('CONFLICT', '该问题已转为风险隐患', 409, { riskId: r.id });
  return presentRiskById(ctx, r.id);
}
