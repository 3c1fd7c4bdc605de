import { desc, eq } from 'drizzle-orm';
import type { AssessmentIndicatorInfo, AssessmentRuleDefinition } from '../../../contracts/overview.js';
import type { DbOrTx } from '../../../db/client.js';
import { assessmentRules, users } from '../../../db/schema/index.js';
import { AppError } from '../../core/errors.js';
import { pointOf, type Registry } from '../../core/extensions.js';
import type { AssessmentIndicator } from './public.js';

const INFERRED =
  '推定：种子003要求“将巩固提升行动纳入年度药品安全考核”，种子004要求“此次提升行动开展和完成情况将纳入年度药品安全考核”，但均未给出考核指标的分值；';

/**
 * The bundled default rule (version 0, used until the office saves its own). Every weight is
 * inferred (推定) with its reason: the seeds say the campaign counts in the yearly assessment but
 * give no weights. `reports.timeliness` is contributed by the reports module; until then it shows
 * 暂无数据 and the score is out of the other weights.
 */
export const DEFAULT_ASSESSMENT_RULE: AssessmentRuleDefinition = {
  name: '专项行动考核（默认规则）',
  items: [
    {
      indicator: 'planning.coverage',
      weight: 40,
      note: `${INFERRED}检查指标（如种子000“监督检查比例不低于50%”）是专项行动的主要任务，占40分。`,
    },
    {
      indicator: 'reports.timeliness',
      weight: 20,
      note: `${INFERRED}按时报送（种子004“每月5日前发送到邮箱”、种子002“每周四下班前报送至县局药械股”）占20分。`,
    },
    {
      indicator: 'cases.filed',
      weight: 20,
      note: `${INFERRED}种子003“对案件查处不力……进行责任约谈和通报”，立案查处占20分，按各单位最高件数折算。`,
    },
    {
      indicator: 'cases.typical',
      weight: 20,
      note: `${INFERRED}种子004典型案例“原则上各单位每季度不少于1个”，每季度1个为满分，占20分。`,
    },
  ],
  inferred: true,
  basis: `${INFERRED}各项权重（检查指标完成率40、报送及时率20、立案查处20、典型案例20，合计100分）均为推定，请专项办按本地考核细则修订。`,
};

/** Keys a rule may name before their module contributes them (shown as 暂无数据 until then). */
const RESERVED: Record<string, { label: string; description: string; ratio: boolean }> = {
  'reports.timeliness': {
    label: '报送及时率',
    ratio: true,
    description: '按期报送的报表份数 ÷ 应报份数（由统计报送模块提供；该模块上线前暂无数据，不计分）。',
  },
};

export interface CurrentAssessmentRule {
  version: number;
  definition: AssessmentRuleDefinition;
  reason: string | null;
  createdBy: string | null;
  createdAt: Date | null;
}

/** The rule in force: the highest saved version, else the bundled default (version 0). */
export async function currentAssessmentRule(db: DbOrTx): Promise<CurrentAssessmentRule> {
  const [r] = await db
    .select({
      version: assessmentRules.version,
      definition: assessmentRules.definition,
      reason: assessmentRules.reason,
      createdBy: users.displayName,
      createdAt: assessmentRules.createdAt,
    })
    .from(assessmentRules)
    .leftJoin(users, eq(users.id, assessmentRules.createdBy))
    .orderBy(desc(assessmentRules.version))
    .limit(1);
  if (!r) return { version: 0, definition: DEFAULT_ASSESSMENT_RULE, reason: null, createdBy: null, createdAt: null };
  return { ...r, definition: r.definition as AssessmentRuleDefinition };
}

/** The contributed indicators by key. */
export function indicatorsOf(ext: Registry): Map<string, AssessmentIndicator> {
  return new Map(pointOf(ext, 'assessmentIndicators').map((i) => [i.key, i]));
}

/** Every indicator a rule may name: the contributed ones, then the reserved ones no module contributes yet. */
export function indicatorInfos(ext: Registry): AssessmentIndicatorInfo[] {
  const known = indicatorsOf(ext);
  return [
    ...[...known.values()].map((i) => ({ key: i.key, label: i.label, description: i.description, ratio: i.ratio, available: true })),
    ...Object.entries(RESERVED)
      .filter(([k]) => !known.has(k))
      .map(([key, r]) => ({ key, ...r, available: false })),
  ];
}

/** Refuse a rule naming an indicator that is neither contributed nor reserved (400, nothing stored). */
export function assertKnownIndicators(ext: Registry, def: AssessmentRuleDefinition) {
  const known = new Set(indicatorInfos(ext).map((i) => i.key));
  const unknown = def.items.map((i, n) => ({ key: i.indicator, n })).filter((i) => !known.has(i.key));
  if (unknown.length)
    throw new AppError(
      'UNKNOWN_INDICATOR',
      `考核指标不存在：${unknown.map((u) => u.key).join('、')}`,
      400,
      unknown.map((u) => ({ path: `definition.items.${u.n}.indicator`, message: '未知的考核指标' })),
    );
}
