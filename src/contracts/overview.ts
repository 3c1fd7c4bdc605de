import { z } from 'zod';
import { isoDate } from './calendar.js';
import { idParam } from './fields.js';
import { versioned } from './versions.js';

/**
 * 工作概览（领导驾驶舱）and 考核. One read of the caller's area for the leader's one-screen view, and
 * the assessment of the units below the caller (stations under a county bureau, counties under a
 * city) from indicators with weights as data (a versioned rule, like the credit scoring rule).
 */

const period = {
  from: isoDate.optional(),
  to: isoDate.optional(),
};
const ordered = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const ORDER_MESSAGE = { message: '开始日期不能晚于结束日期', path: ['to'] };

export const overviewQuery = z
  .object({
    /** The campaign whose progress and quota coverage are shown (optional). */
    campaignId: idParam.optional(),
    ...period,
  })
  .refine(ordered, ORDER_MESSAGE);
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const progressFigure = z.object({ done: z.number(), required: z.number() });
export type ProgressFigure = z.infer<typeof progressFigure>;

export const overviewUnit = z.object({
  jurisdictionId: z.number(),
  name: z.string(),
  /** The campaign's quota coverage at this unit (null: no campaign, no published plan, or nothing required). */
  coverage: progressFigure.nullable(),
  /** 检查家次: done (signed) inspections dated inside the period. */
  inspections: z.number(),
  /** 发现问题: findings of those inspections. */
  findings: z.number(),
  /** 已立案查处数量 inside the period. */
  cases: z.number(),
});
export type OverviewUnit = z.infer<typeof overviewUnit>;

export const overviewMonth = z.object({
  /** YYYY-MM (Beijing). */
  month: z.string(),
  casesFiled: z.number(),
  /** 罚没款, 元. */
  fines: z.number(),
  visits: z.number(),
});
export type OverviewMonth = z.infer<typeof overviewMonth>;

export const overviewView = z.object({
  area: z.object({ jurisdictionId: z.number(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  campaign: z
    .object({
      id: z.number(),
      name: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      /** The current plan whose coverage is the progress (null: no published plan). */
      planName: z.string().nullable(),
      /** 应检 vs 已检 over the caller's area (null: no plan to measure). */
      progress: progressFigure.nullable(),
    })
    .nullable(),
  /** The units below the caller (or the caller's own station), in tree order. */
  units: z.array(overviewUnit),
  findingsByType: z.array(z.object({ key: z.string().nullable(), label: z.string(), count: z.number() })),
  /** The 12 months ending with the period's last month. */
  months: z.array(overviewMonth),
  /** The definitions of the figures, shown beside the charts. */
  definitions: z.array(z.object({ key: z.string(), label: z.string(), definition: z.string() })),
});
export type OverviewView = z.infer<typeof overviewView>;

// ---------------------------------------------------------------------------------------------
// 考核 (assessment)

/** One indicator of the rule with its weight (points at full marks). */
export const assessmentRuleItem = z.object({
  indicator: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.]{0,79}$/, '指标代码无效'),
  weight: z.number({ error: '请填写权重' }).min(0, '权重不能为负').max(100, '权重不能超过100'),
  /** Where the weight comes from (quoted) or why it was inferred (推定). */
  note: z.string().trim().max(300, '说明不能超过300字').nullish(),
});
export type AssessmentRuleItem = z.infer<typeof assessmentRuleItem>;

/** Weights are points: they must add up to 100 (满分100分). */
export const WEIGHT_TOTAL = 100;

export const assessmentRuleDefinition = z
  .object({
    name: z.string().trim().min(1, '请填写规则名称').max(100, '规则名称不能超过100字'),
    items: z
      .array(assessmentRuleItem)
      .min(1, '至少设置一项考核指标')
      .max(20, '考核指标不能超过20项')
      .refine((l) => new Set(l.map((i) => i.indicator)).size === l.length, '同一指标不能重复设置'),
    inferred: z.boolean().default(false),
    basis: z.string().trim().max(1000, '依据说明不能超过1000字').nullish(),
  })
  .superRefine((d, c) => {
    const sum = d.items.reduce((s, i) => s + i.weight, 0);
    if (Math.abs(sum - WEIGHT_TOTAL) > 1e-9)
      c.addIssue({ code: 'custom', path: ['items'], message: `各项权重之和须为${WEIGHT_TOTAL}（现为${Math.round(sum * 100) / 100}）` });
  });
export type AssessmentRuleDefinition = z.infer<typeof assessmentRuleDefinition>;

export const saveAssessmentRuleInput = z.object({
  definition: assessmentRuleDefinition,
  reason: z.string({ error: '请填写修订理由' }).trim().min(1, '请填写修订理由').max(500, '修订理由不能超过500字'),
  ...versioned,
});
export type SaveAssessmentRuleInput = z.infer<typeof saveAssessmentRuleInput>;

export const assessmentIndicatorInfo = z.object({
  key: z.string(),
  label: z.string(),
  /** How the raw value is computed and scored. */
  description: z.string(),
  /** The raw value is a share (shown as a percentage), else a count. */
  ratio: z.boolean(),
  /** False: no module contributes it yet (its points show 暂无数据). */
  available: z.boolean(),
});
export type AssessmentIndicatorInfo = z.infer<typeof assessmentIndicatorInfo>;

export const assessmentRuleView = z.object({
  /** 0 = the bundled default (no version saved yet). */
  version: z.number(),
  definition: assessmentRuleDefinition,
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
  indicators: z.array(assessmentIndicatorInfo),
  history: z.array(
    z.object({ version: z.number(), reason: z.string().nullable(), createdBy: z.string().nullable(), createdAt: z.string() }),
  ),
  actions: z.array(z.enum(['edit'])),
});
export type AssessmentRuleView = z.infer<typeof assessmentRuleView>;

export const assessmentQuery = z
  .object({
    campaignId: idParam,
    ...period,
  })
  .refine(ordered, ORDER_MESSAGE);
export type AssessmentQuery = z.infer<typeof assessmentQuery>;

export const assessmentLine = z.object({
  indicator: z.string(),
  label: z.string(),
  /** Null: 暂无数据 (no module contributes the indicator, or nothing to measure at this unit). */
  raw: z.number().nullable(),
  /** The raw value scored on 0…1. */
  normalised: z.number().nullable(),
  weight: z.number(),
  /** weight × normalised, two decimals. */
  points: z.number().nullable(),
});
export type AssessmentLine = z.infer<typeof assessmentLine>;

export const assessmentView = z.object({
  campaign: z.object({ id: z.number(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  rule: z.object({ version: z.number(), name: z.string(), inferred: z.boolean(), basis: z.string().nullable() }),
  indicators: z.array(assessmentIndicatorInfo.extend({ weight: z.number() })),
  /** The sum of the weights of indicators with data (the score is out of this). */
  maxScore: z.number(),
  units: z.array(
    z.object({
      jurisdictionId: z.number(),
      name: z.string(),
      /** 1 = best; equal scores share a rank. */
      rank: z.number(),
      score: z.number(),
      lines: z.array(assessmentLine),
    }),
  ),
});
export type AssessmentView = z.infer<typeof assessmentView>;
