import { z } from 'zod';
import { isoDate } from './calendar.js';
import { PRODUCT_CODES } from './products.js';
import { CREDIT_GRADES, DEVICE_LEVELS, ENTITY_KIND_CODES, ENTITY_TAGS, MEDICAL_GRADES, RISK_LEVELS } from './entity-kinds.js';

/**
 * Inspection quota rules as data (seed 000's hardest planning rules, and the other seeds' frequency
 * and focus rules). Campaign definitions carry a list of these; the planner satisfies them and
 * coverage measures them against completed inspections.
 */
const tag = z.enum(Object.keys(ENTITY_TAGS) as [string, ...string[]]);

const selectorBase = z.object({
  kinds: z.array(z.enum(ENTITY_KIND_CODES)).min(1).optional(),
  tagsAny: z.array(tag).optional(),
  medicalGrades: z.array(z.enum(Object.keys(MEDICAL_GRADES) as [string, ...string[]])).optional(),
  deviceLevels: z.array(z.enum(Object.keys(DEVICE_LEVELS) as [string, ...string[]])).optional(),
  familyPlanning: z.boolean().optional(),
  riskLevels: z.array(z.enum(Object.keys(RISK_LEVELS) as [string, ...string[]])).optional(),
  creditGrades: z.array(z.enum(Object.keys(CREDIT_GRADES) as [string, ...string[]])).optional(),
  /** Units handling any of these products / business scopes (经营品种, contracts/products.ts). */
  productsAny: z
    .array(z.enum(PRODUCT_CODES, { error: '未知的经营品种（见 contracts/products.ts）' }))
    .min(1, '至少一个经营品种')
    .optional(),
});
/** Which entities a rule is about; `exclude` removes a sub-population (三级医疗机构, the city CDC). */
export const entitySelector = selectorBase.extend({ exclude: z.array(selectorBase).optional() });
export type EntitySelector = z.infer<typeof entitySelector>;

const share = z.number().gt(0, '比例须大于0').max(1, '比例不能超过100%');

export const quotaTarget = z.discriminatedUnion('type', [
  /** At least this share of the population (0.5 = 50%), rounded up. */
  z.object({ type: z.literal('share'), min: share }),
  /** Every unit in the population (全覆盖). */
  z.object({ type: z.literal('all') }),
  /** At least `min` units, with per-station overrides keyed by station short name (e.g. "曙光所"). */
  z.object({
    type: z.literal('count'),
    min: z.number().int().min(1).max(10_000_000),
    byStation: z.record(z.string().max(50), z.number().int().min(0).max(10_000_000)).optional(),
  }),
]);
export type QuotaTarget = z.infer<typeof quotaTarget>;

/**
 * Where a quota is counted (its scope): per station (default), per county bureau (县（市、区）),
 * per city (市（州）), or once over the whole campaign area. A county- or city-scoped quota needs a
 * campaign issued at that level or above.
 */
export const QUOTA_SCOPES = {
  station: '每个市场监管所',
  county: '每个县（市、区）',
  city: '每个市（州）',
  campaign: '行动区域合计',
} as const;
export type QuotaScope = keyof typeof QUOTA_SCOPES;
export const QUOTA_SCOPE_CODES = Object.keys(QUOTA_SCOPES) as [QuotaScope, ...QuotaScope[]];

/** Days between repeated visits of one unit when a rule does not say (about a month). */
export const DEFAULT_MIN_GAP_DAYS = 30;

export interface QuotaRule {
  id: string;
  label: string;
  population: EntitySelector;
  /** Counted per station (default), per county, per city, or once over the whole campaign area (`QUOTA_SCOPES`). */
  per?: QuotaScope;
  target: QuotaTarget;
  /** Each selected unit must be inspected at least this many times in the window (default 1). */
  times?: number;
  /**
   * Repeated visits of one unit (times ≥ 2) are spread over the window: consecutive visits' due
   * windows lie at least this many days apart (default `DEFAULT_MIN_GAP_DAYS`; inherited by children;
   * narrowed when the window is too short to hold them).
   */
  minGapDays?: number;
  /** Frequency by credit grade: share of each grade's units to inspect, and how often. Overrides target for graded units. */
  byCreditGrade?: Record<string, { share: number; times?: number }>;
  /** When inspections count: a phase of the campaign (by key) or explicit dates; default the whole campaign. */
  window?: { phase?: string; from?: string; to?: string };
  /** Sub-quotas inside this rule's population; the picks of children count toward the parent. */
  children?: QuotaRule[];
}

export const quotaRule: z.ZodType<QuotaRule> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9_-]{1,60}$/, '规则编号须为小写字母、数字、下划线或连字符'),
    label: z.string().min(1).max(200),
    population: entitySelector,
    per: z.enum(QUOTA_SCOPE_CODES, { error: '统计范围须为 station/county/city/campaign' }).optional(),
    target: quotaTarget,
    times: z.number().int().min(1).max(52).optional(),
    minGapDays: z.number().int().min(1, '间隔天数至少为1').max(365, '间隔天数不能超过365').optional(),
    byCreditGrade: z
      .record(
        z.enum(Object.keys(CREDIT_GRADES) as [string, ...string[]]),
        z.object({ share, times: z.number().int().min(1).max(52).optional() }),
      )
      .optional(),
    window: z.object({ phase: z.string().max(100).optional(), from: isoDate.optional(), to: isoDate.optional() }).optional(),
    children: z.array(quotaRule).optional(),
  }),
);
