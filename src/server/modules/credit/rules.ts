import { desc, eq } from 'drizzle-orm';
import type { CreditBreakdownLine, CreditRuleDefinition } from '../../../contracts/credit.js';
import type { DbOrTx } from '../../../db/client.js';
import { creditRules, users } from '../../../db/schema/index.js';
import { AppError } from '../../core/errors.js';
import { pointOf, type Registry } from '../../core/extensions.js';
import type { CreditIndicator } from './public.js';

const INFERRED =
  '推定：种子001要求按《天津市药品零售企业信用评价指标及评分标准》对零售药店评定信用等级并“根据评定结果实时调整监管频次”，但未给出指标分值与分级线；';

/**
 * The bundled default rule (version 0, used until the bureau saves its own). Every number is
 * inferred (推定) with its reason: the seeds name the standard but give no values. It refers only to
 * the indicators that exist today (inspection findings by severity); sampling failures, complaints
 * and penalties are added by the bureau once their modules contribute indicators.
 */
export const DEFAULT_CREDIT_RULE: CreditRuleDefinition = {
  name: '零售药店信用评价（默认规则）',
  entityKinds: ['pharmacy_chain', 'pharmacy_single'],
  windowMonths: 24,
  baseScore: 100,
  items: [
    {
      indicator: 'inspections.findings_severe',
      pointsEach: 20,
      cap: 60,
      note: `${INFERRED}严重问题每项扣20分、最多扣60分，使三项严重问题即降至D级。`,
    },
    {
      indicator: 'inspections.findings_serious',
      pointsEach: 10,
      cap: 40,
      note: `${INFERRED}较重问题每项扣10分、最多扣40分。`,
    },
    {
      indicator: 'inspections.findings_general',
      pointsEach: 2,
      cap: 20,
      note: `${INFERRED}一般问题每项扣2分、最多扣20分，一般问题再多也不致降为C级以下。`,
    },
  ],
  thresholds: { A: 90, B: 75, C: 60 },
  inferred: true,
  basis: `${INFERRED}评价周期24个月（与行政处罚法一般追责时效2年一致）、基础分100分、分级线A≥90、B≥75、C≥60、其余为D均为推定，请信用监管股按本地标准修订。`,
};

export interface CurrentRule {
  version: number;
  definition: CreditRuleDefinition;
  reason: string | null;
  createdBy: string | null;
  createdAt: Date | null;
}

/** The rule in force: the highest saved version, else the bundled default (version 0). */
export async function currentRule(db: DbOrTx): Promise<CurrentRule> {
  const [r] = await db
    .select({
      version: creditRules.version,
      definition: creditRules.definition,
      reason: creditRules.reason,
      createdBy: users.displayName,
      createdAt: creditRules.createdAt,
    })
    .from(creditRules)
    .leftJoin(users, eq(users.id, creditRules.createdBy))
    .orderBy(desc(creditRules.version))
    .limit(1);
  if (!r) return { version: 0, definition: DEFAULT_CREDIT_RULE, reason: null, createdBy: null, createdAt: null };
  return { ...r, definition: r.definition as CreditRuleDefinition };
}

/** The rule of a given version (0 = the bundled default); versions are never changed once saved. */
export async function ruleAt(db: DbOrTx, version: number): Promise<CreditRuleDefinition> {
  if (version === 0) return DEFAULT_CREDIT_RULE;
  const [r] = await db.select({ definition: creditRules.definition }).from(creditRules).where(eq(creditRules.version, version));
  return (r?.definition as CreditRuleDefinition | undefined) ?? DEFAULT_CREDIT_RULE;
}

/** A score's breakdown: each indicator of the rule with its count, points each, cap and points deducted. */
export function breakdownOf(def: CreditRuleDefinition, counts: number[], ext: Registry): CreditBreakdownLine[] {
  const known = indicatorsOf(ext);
  return def.items
    .map((i, k) => {
      const count = Number(counts[k] ?? 0);
      return {
        indicator: i.indicator,
        label: known.get(i.indicator)?.label ?? i.indicator,
        count,
        pointsEach: i.pointsEach,
        cap: i.cap ?? null,
        points: Math.min(count * i.pointsEach, i.cap ?? Infinity),
      };
    })
    .filter((l) => l.count > 0);
}

/** The indicators the modules contribute, by key. */
export function indicatorsOf(ext: Registry): Map<string, CreditIndicator> {
  return new Map(pointOf(ext, 'creditIndicators').map((i) => [i.key, i]));
}

/** Refuse a rule that refers to an indicator no module contributes (400, nothing stored). */
export function assertKnownIndicators(ext: Registry, def: CreditRuleDefinition) {
  const known = indicatorsOf(ext);
  const unknown = def.items.map((i, n) => ({ key: i.indicator, n })).filter((i) => !known.has(i.key));
  if (unknown.length)
    throw new AppError(
      'UNKNOWN_INDICATOR',
      `评价指标不存在：${unknown.map((u) => u.key).join('、')}`,
      400,
      unknown.map((u) => ({ path: `definition.items.${u.n}.indicator`, message: '未知的评价指标' })),
    );
}
