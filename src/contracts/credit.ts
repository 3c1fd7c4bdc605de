import { z } from 'zod';
import { isoDate } from './calendar.js';
import { CREDIT_GRADES, ENTITY_KIND_CODES, ENTITY_KIND_LABELS } from './entity-kinds.js';
import { idParam, id as idField } from './fields.js';
import { versioned } from './versions.js';

/**
 * Credit grading (信用分级分类, seed 001 item 7: grade retail pharmacies by credit and "根据评定结果实时
 * 调整监管频次"). The scoring rule is data: indicators with points deducted per occurrence (capped),
 * a look-back window, the entity kinds it grades, and the thresholds of grades A/B/C on the score
 * (below C's threshold: D). Versioned, edited by 信用监管 staff, every version kept.
 */
export type CreditGrade = keyof typeof CREDIT_GRADES;
export const CREDIT_GRADE_CODES = Object.keys(CREDIT_GRADES) as [CreditGrade, ...CreditGrade[]];
export { CREDIT_GRADES };

const gradeEnum = z.enum(CREDIT_GRADE_CODES, { error: '信用等级须为A、B、C或D' });

/** One indicator of the rule: points deducted per occurrence, at most `cap` points in all. */
export const creditRuleItem = z.object({
  indicator: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.]{0,79}$/, '指标代码无效'),
  pointsEach: z.number({ error: '请填写每次扣分' }).gt(0, '每次扣分须大于0').max(1000, '每次扣分不能超过1000'),
  cap: z.number().gt(0, '扣分上限须大于0').max(1000, '扣分上限不能超过1000').nullish(),
  /** Where the number comes from (quoted standard) or why it was inferred (推定). */
  note: z.string().trim().max(300, '说明不能超过300字').nullish(),
});
export type CreditRuleItem = z.infer<typeof creditRuleItem>;

export const creditRuleDefinition = z
  .object({
    name: z.string().trim().min(1, '请填写规则名称').max(100, '规则名称不能超过100字'),
    /** Entity kinds graded by this rule (零售药店 first). */
    entityKinds: z
      .array(z.enum(ENTITY_KIND_CODES, { error: '监管对象类别无效' }))
      .min(1, '至少选择一类监管对象')
      .max(50),
    /** Look-back window in months, ending on the day of the computation. */
    windowMonths: z.number().int('评价周期须为整数月').min(1, '评价周期至少1个月').max(120, '评价周期不能超过120个月'),
    /** Starting score before deductions. */
    baseScore: z.number().int('基础分须为整数').min(1, '基础分至少为1').max(1000, '基础分不能超过1000'),
    items: z
      .array(creditRuleItem)
      .min(1, '至少设置一项评价指标')
      .max(50, '评价指标不能超过50项')
      .refine((l) => new Set(l.map((i) => i.indicator)).size === l.length, '同一指标不能重复设置'),
    /** Lowest score of grades A, B and C (below C: D); must be ordered A > B > C. */
    thresholds: z.object({
      A: z.number().min(0, '分级线不能为负').max(1000),
      B: z.number().min(0, '分级线不能为负').max(1000),
      C: z.number().min(0, '分级线不能为负').max(1000),
    }),
    /** Values not given by the seeds or the bureau's standard are inferred (推定); the reason is shown. */
    inferred: z.boolean().default(false),
    basis: z.string().trim().max(1000, '依据说明不能超过1000字').nullish(),
  })
  .superRefine((d, c) => {
    const t = d.thresholds;
    if (!(t.A > t.B && t.B > t.C))
      c.addIssue({ code: 'custom', path: ['thresholds'], message: '分级线须从高到低排列：A级线 > B级线 > C级线' });
    if (t.A > d.baseScore) c.addIssue({ code: 'custom', path: ['thresholds', 'A'], message: 'A级线不能高于基础分' });
  });
export type CreditRuleDefinition = z.infer<typeof creditRuleDefinition>;

export const saveCreditRuleInput = z.object({
  definition: creditRuleDefinition,
  reason: z.string().trim().min(1, '请填写修订说明').max(500, '修订说明不能超过500字'),
  ...versioned,
});
export type SaveCreditRuleInput = z.infer<typeof saveCreditRuleInput>;

export const creditIndicatorInfo = z.object({ key: z.string(), label: z.string(), unit: z.string() });
export type CreditIndicatorInfo = z.infer<typeof creditIndicatorInfo>;

export const creditRuleView = z.object({
  /** 0 = the bundled default (no version saved yet). */
  version: z.number(),
  definition: creditRuleDefinition,
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** The indicators modules contribute (what a rule may refer to). */
  indicators: z.array(creditIndicatorInfo),
  history: z.array(
    z.object({ version: z.number(), reason: z.string().nullable(), createdBy: z.string().nullable(), createdAt: z.string() }),
  ),
  actions: z.array(z.enum(['edit'])),
});
export type CreditRuleView = z.infer<typeof creditRuleView>;

/** One line of a score's breakdown: occurrences × points each (capped) = points deducted. */
export const creditBreakdownLine = z.object({
  indicator: z.string(),
  label: z.string(),
  count: z.number(),
  pointsEach: z.number(),
  cap: z.number().nullable(),
  points: z.number(),
});
export type CreditBreakdownLine = z.infer<typeof creditBreakdownLine>;

export const CREDIT_GRADE_SOURCES = { computed: '系统评定', override: '人工调整' } as const;
export type CreditGradeSource = keyof typeof CREDIT_GRADE_SOURCES;

export const creditUnitItem = z.object({
  entityId: z.number(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  jurisdictionId: z.number(),
  stationName: z.string().nullable(),
  grade: gradeEnum.nullable(),
  computedGrade: gradeEnum.nullable(),
  score: z.number().nullable(),
  overridden: z.boolean(),
  computedAt: z.string().nullable(),
  ruleVersion: z.number().nullable(),
});
export type CreditUnitItem = z.infer<typeof creditUnitItem>;

const csv = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(50)).optional();

export const listCreditUnitsQuery = z.object({
  q: z.string().trim().max(60).optional(),
  grades: csv(z.enum([...CREDIT_GRADE_CODES, 'none'], { error: '信用等级须为A、B、C、D或未评定' })),
  kinds: csv(z.enum(ENTITY_KIND_CODES, { error: '监管对象类别无效' })),
  jurisdictionId: idParam.optional(),
  overridden: z
    .enum(['true', 'false'], { error: '须为true或false' })
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListCreditUnitsQuery = z.infer<typeof listCreditUnitsQuery>;

export const creditUnitPage = z.object({
  items: z.array(creditUnitItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Units per current grade in the filtered area ('none' = not graded yet). */
  counts: z.record(z.string(), z.number()),
});

export const creditGradeChange = z.object({
  at: z.string(),
  from: gradeEnum.nullable(),
  to: gradeEnum.nullable(),
  source: z.enum(['computed', 'override']),
  score: z.number().nullable(),
  ruleVersion: z.number().nullable(),
  note: z.string().nullable(),
});

export const OVERRIDE_STATUSES = { requested: '待审批', approved: '已批准', rejected: '已驳回' } as const;
export type OverrideStatus = keyof typeof OVERRIDE_STATUSES;
export const OVERRIDE_ACTIONS = { approve: '批准', reject: '驳回' } as const;
export type OverrideAction = keyof typeof OVERRIDE_ACTIONS;

export const creditOverride = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  jurisdictionId: z.number(),
  grade: gradeEnum,
  computedGrade: gradeEnum.nullable(),
  reason: z.string(),
  expiresOn: z.string().nullable(),
  ruleVersion: z.number(),
  status: z.enum(Object.keys(OVERRIDE_STATUSES) as [OverrideStatus, ...OverrideStatus[]]),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** In force now: approved, of the current rule version, not expired. */
  inForce: z.boolean(),
  version: z.number(),
  actions: z.array(z.enum(['approve', 'reject'])),
});
export type CreditOverride = z.infer<typeof creditOverride>;

export const creditUnitDetail = z.object({
  entityId: z.number(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  stationName: z.string().nullable(),
  grade: gradeEnum.nullable(),
  graded: z.boolean(),
  latest: z
    .object({
      runId: z.number(),
      score: z.number(),
      computedGrade: gradeEnum,
      grade: gradeEnum,
      ruleVersion: z.number(),
      windowFrom: z.string(),
      windowTo: z.string(),
      computedAt: z.string(),
      breakdown: z.array(creditBreakdownLine),
    })
    .nullable(),
  history: z.array(creditGradeChange),
  overrides: z.array(creditOverride),
  actions: z.array(z.enum(['recompute', 'request_override'])),
});
export type CreditUnitDetail = z.infer<typeof creditUnitDetail>;

export const requestOverrideInput = z.object({
  entityId: idField,
  grade: gradeEnum,
  reason: z.string().trim().min(1, '请填写调整理由').max(500, '调整理由不能超过500字'),
  expiresOn: isoDate.nullish(),
});
export type RequestOverrideInput = z.infer<typeof requestOverrideInput>;

export const decideOverrideInput = z.object({
  action: z.enum(['approve', 'reject'], { error: '操作须为批准或驳回' }),
  note: z.string().trim().max(500, '审批意见不能超过500字').nullish(),
  ...versioned,
});
export type DecideOverrideInput = z.infer<typeof decideOverrideInput>;

export const listOverridesQuery = z.object({
  status: z.enum(Object.keys(OVERRIDE_STATUSES) as [OverrideStatus, ...OverrideStatus[]], { error: '状态无效' }).optional(),
  entityId: idParam.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const RUN_STATUSES = { queued: '排队中', running: '计算中', done: '已完成', failed: '失败' } as const;
export type RunStatus = keyof typeof RUN_STATUSES;

export const creditRun = z.object({
  id: z.number(),
  scope: z.enum(['area', 'unit']),
  jurisdictionName: z.string().nullable(),
  status: z.enum(Object.keys(RUN_STATUSES) as [RunStatus, ...RunStatus[]]),
  ruleVersion: z.number(),
  asOf: z.string(),
  unitCount: z.number().nullable(),
  changedCount: z.number().nullable(),
  message: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type CreditRun = z.infer<typeof creditRun>;

export const kindLabel = (code: string) => (ENTITY_KIND_LABELS as Record<string, string>)[code] ?? code;
