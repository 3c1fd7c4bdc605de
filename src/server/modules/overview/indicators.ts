import { periodsBetween } from '../../../contracts/calendar.js';
import type { Ctx } from '../../core/context.js';
import { pointOf } from '../../core/extensions.js';
import { typicalCasesByStation } from '../cases/public.js';
import { sumToUnits } from './area.js';
import { coverageByUnit } from './coverage.js';
import type { AssessmentIndicator, AssessmentScope } from './public.js';

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const mapValues = (m: Map<number, number>, f: (v: number) => number) => new Map([...m].map(([k, v]) => [k, clamp01(f(v))]));

/** 检查指标完成率: done / required of the campaign's live coverage per unit (a unit with nothing required: no data). */
async function coverageRatio(ctx: Ctx, q: AssessmentScope): Promise<Map<number, number>> {
  const c = await coverageByUnit(ctx, q.campaignId, q.units);
  if (!c) return new Map();
  return new Map([...c.perUnit].filter(([, s]) => s.required > 0).map(([u, s]) => [u, s.done / s.required]));
}

/** A report measure (ctx.ext.measures) over the area and period, summed per unit. */
async function measurePerUnit(ctx: Ctx, key: string, q: AssessmentScope) {
  const m = pointOf(ctx.ext, 'measures').find((x) => x.key === key);
  if (!m) return new Map<number, number>();
  return sumToUnits(ctx.db, q.units, await m.compute(ctx.db, { path: q.path, from: q.from, to: q.to }));
}

/** Relative to the best unit: the unit with most scores 1, none → 0 for all. */
const shareOfBest = (raw: Map<number, number>) => {
  const best = Math.max(0, ...raw.values());
  return mapValues(raw, (v) => (best > 0 ? v / best : 0));
};

/** The indicators the overview module contributes itself, through the public functions of the owning modules. */
export const overviewIndicators: AssessmentIndicator[] = [
  {
    key: 'planning.coverage',
    label: '检查指标完成率',
    description:
      '专项行动现行检查计划的实时覆盖：各项检查指标（顶层规则）已完成检查家数之和 ÷ 应检家数之和（按监管所汇总到被考核单位，比率按汇总后的分子分母重算）；得分 = 完成率（100%为满分）。无已发布计划或无应检任务的单位为暂无数据。',
    ratio: true,
    compute: coverageRatio,
    normalise: (raw) => mapValues(raw, (v) => v),
  },
  {
    key: 'cases.filed',
    label: '立案查处数',
    description: '考核期间内立案的案件数（口径同统计指标“已立案查处数量”）；得分 = 本单位件数 ÷ 各被考核单位中的最高件数（推定）。',
    ratio: false,
    compute: (ctx, q) => measurePerUnit(ctx, 'cases.filed', q),
    normalise: shareOfBest,
  },
  {
    key: 'cases.typical',
    label: '典型案例数',
    description:
      '考核期间内标记为典型案例的案件数（以标记日期计）；得分 = 件数 ÷ 期间所跨季度数，满分封顶（种子004：典型案例“原则上各单位每季度不少于1个”）。',
    ratio: false,
    compute: async (ctx, q) => sumToUnits(ctx.db, q.units, await typicalCasesByStation(ctx.db, q)),
    normalise: (raw, q) => {
      const quarters = periodsBetween('quarter', q.from, q.to).length;
      return mapValues(raw, (v) => v / Math.max(1, quarters));
    },
  },
];
