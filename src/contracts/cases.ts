import { z } from 'zod';
import { isoDate, optionalDate } from './calendar.js';
import { CONTROL_CHARACTERS, id, int } from './fields.js';
import { storedFile } from './files.js';
import {
  checkFine,
  citePenaltyArticle,
  fineRange,
  LIFETIME_BAN_YEARS,
  MITIGATION_KINDS,
  MITIGATION_REASON_KEYS,
  PENALTY_ARTICLE_KEYS,
  PENALTY_ARTICLES,
  PENALTY_KINDS,
  personRange,
  TIER_LABELS,
  type MitigationKind,
  type PenaltyArticle,
  type PenaltyArticleKey,
  type PenaltyKind,
  type RangeIssue,
  type TierKey,
} from './penalty-articles.js';

/**
 * Cases (案件查办): filing (立案), investigation, legal review (法制审核), prior notice (事先告知),
 * decision (行政处罚决定), execution, closing; 不予处罚 and 撤销立案 on the side. Referral to the
 * police (移送公安, 行刑衔接) is a record of its own with its own states and due times.
 */

export const CASE_PROCEDURES = { simple: '简易程序', ordinary: '普通程序' } as const;
export type CaseProcedure = keyof typeof CASE_PROCEDURES;

export const CASE_STATUSES = {
  proposed: '待批准立案',
  investigating: '调查取证',
  reviewing: '法制审核',
  reviewed: '审核通过待告知',
  notified: '已告知待决定',
  decided: '已作出处罚决定',
  executed: '执行完毕',
  closed: '已结案',
  not_filed: '不予立案',
  not_penalised: '不予处罚',
  revoked: '已撤销立案',
} as const;
export type CaseStatus = keyof typeof CASE_STATUSES;
export const CASE_STATUS_KEYS = Object.keys(CASE_STATUSES) as [CaseStatus, ...CaseStatus[]];
/** States in which the case is still open (the 90-day decision deadline runs). */
export const CASE_OPEN_STATUSES: readonly CaseStatus[] = ['investigating', 'reviewing', 'reviewed', 'notified'];

export const CASE_ACTIONS = {
  approve_filing: '批准立案',
  reject_filing: '不予立案',
  submit_review: '提交法制审核',
  pass_review: '法制审核通过',
  return_review: '退回补充调查',
  notify: '送达事先告知',
  decide: '作出处罚决定',
  no_penalty: '决定不予处罚',
  execute: '登记执行完毕',
  close: '结案',
  revoke: '撤销立案',
  extend: '批准延长办案期限',
} as const;
export type CaseAction = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_KEYS = Object.keys(CASE_ACTIONS) as [CaseAction, ...CaseAction[]];

/** Where a case came from (案源): a record of another module, by type and id. */
export const CASE_SOURCE_TYPES = {
  inspection: '监督检查',
  clue: '案件线索',
  complaint: '投诉举报',
  sampling: '监督抽检',
  risk: '风险隐患',
  tip: '基层上报',
  transfer: '部门移送',
  assigned: '上级交办',
  other: '其他',
} as const;
export type CaseSourceType = keyof typeof CASE_SOURCE_TYPES;

export const SUPERVISION_LEVELS = { national: '国家局', province: '省局', city: '市局', county: '县局' } as const;
export type SupervisionLevel = keyof typeof SUPERVISION_LEVELS;

export const REFERRAL_STATUSES = {
  proposed: '待负责人审批',
  approved: '已批准待移送',
  rejected: '不予移送',
  sent: '已移送待受理',
  received: '公安已接收',
  police_filed: '公安已立案',
  police_declined: '公安不予立案',
} as const;
export type ReferralStatus = keyof typeof REFERRAL_STATUSES;
export const REFERRAL_ACTIONS = {
  approve: '批准移送',
  reject: '不予移送',
  send: '移送公安机关',
  receive: '登记公安接收回执',
  police_file: '登记公安立案',
  police_decline: '登记公安不予立案',
  follow_up: '登记跟进情况',
} as const;
export type ReferralAction = keyof typeof REFERRAL_ACTIONS;
export const REFERRAL_ACTION_KEYS = Object.keys(REFERRAL_ACTIONS) as [ReferralAction, ...ReferralAction[]];

/** Deadlines (days) from the law: see server/modules/cases/deadlines.ts for the articles. */
export const CASE_DECISION_DAYS = 90;
export const CASE_PUBLICATION_WORKING_DAYS = 20;
export const REFERRAL_DECIDE_DAYS = 3;
export const REFERRAL_SEND_HOURS = 24;
export const LIMITATION_YEARS = { ordinary: 2, healthHarm: 5 } as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过${max}字`)
    .refine((s) => !CONTROL_CHARACTERS.test(s), '含有无效字符');
const optionalText = (max: number) => text(max).nullish();
/** An amount in 元, at most two decimals, below one hundred billion. */
export const money = z
  .number({ error: '请填写金额' })
  .min(0, '金额不能为负')
  .max(99_999_999_999, '金额过大')
  .refine((n) => Math.round(n * 100) === n * 100 || Math.abs(Math.round(n * 100) - n * 100) < 1e-6, '金额最多两位小数');

const enumOf = <T extends Record<string, string>>(labels: T, what: string) =>
  z.enum(Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]], { error: `${what}无效` });

export const responsiblePerson = z.object({
  name: text(50),
  /** 法定代表人 / 主要负责人 / 直接负责的主管人员 / 其他责任人员 */
  role: text(50),
  idNumber: optionalText(30),
});

export const fileCaseInput = z.object({
  entityId: id,
  procedure: enumOf(CASE_PROCEDURES, '程序'),
  /** Violation type key from the campaign's (or the default) catalogue. */
  violationType: text(80),
  campaignId: id.nullish(),
  facts: text(4000),
  goodsValue: money.default(0),
  illegalIncome: money.default(0),
  /** The day the conduct happened (or ended, if continuing): the limitation runs from it. */
  violationDate: isoDate,
  /** The day it was discovered (default: today). */
  discoveredOn: optionalDate,
  /** Life or health was harmed (the limitation is then 5 years, 行政处罚法 第三十六条). */
  healthHarm: z.boolean().default(false),
  /** Why a case past the limitation is filed anyway (e.g. the conduct continues). */
  limitationOverride: optionalText(500),
  persons: z.array(responsiblePerson).max(20, '责任人最多20名').default([]),
  source: z.object({ type: enumOf(CASE_SOURCE_TYPES, '案源类型'), id: id.nullish() }).nullish(),
});
export type FileCaseInput = z.input<typeof fileCaseInput>;

/**
 * Correct a case's facts (修改案情) before the legal review: what the filing recorded — violation type,
 * facts, goods value and illegal income (the fine range follows the goods value), dates, harm to health,
 * responsible persons — with the reason for the change. A filing from a clue starts with goods value 0:
 * this is where the officer enters it.
 */
export const caseFactsInput = fileCaseInput
  .pick({
    violationType: true,
    facts: true,
    goodsValue: true,
    illegalIncome: true,
    violationDate: true,
    discoveredOn: true,
    healthHarm: true,
    limitationOverride: true,
    persons: true,
  })
  .extend({ reason: text(500), version: int(0, 2_147_483_647) });
export type CaseFactsInput = z.input<typeof caseFactsInput>;

export const personPenalty = z.object({
  name: text(50),
  role: text(50),
  /** 违法行为发生期间自本单位所获收入 (or 上一年度收入, by the article). */
  income: money,
  incomeConfiscated: money.default(0),
  fine: money.default(0),
  /** 从业禁止 years; 99 = 终身. */
  banYears: int(0, 99).default(0),
});

export const penaltyInput = z.object({
  article: z.enum(PENALTY_ARTICLE_KEYS, { error: '请选择处罚依据（罚则条款）' }),
  tier: z.enum(Object.keys(TIER_LABELS) as [TierKey, ...TierKey[]], { error: '情形无效' }),
  warning: z.boolean().default(false),
  fine: money.default(0),
  confiscateGoods: z.boolean().default(false),
  confiscatedIncome: money.default(0),
  suspend: z.boolean().default(false),
  revokeLicence: z.boolean().default(false),
  mitigation: z
    .object({
      kind: z.enum(Object.keys(MITIGATION_KINDS) as [MitigationKind, ...MitigationKind[]], { error: '裁量情形无效' }),
      reason: z.enum(MITIGATION_REASON_KEYS, { error: '裁量理由无效' }),
      note: optionalText(500),
    })
    .nullish(),
  persons: z.array(personPenalty).max(20, '处罚到人最多20名').default([]),
  /** The facts as the decision states them (违法事实). */
  facts: optionalText(4000),
  version: int(0, 2_147_483_647),
});
export type PenaltyInput = z.input<typeof penaltyInput>;
export type Penalty = Omit<z.output<typeof penaltyInput>, 'version'>;

export const caseTransitionInput = z.object({
  action: z.enum(CASE_ACTION_KEYS, { error: '操作无效' }),
  version: int(0, 2_147_483_647),
  note: optionalText(1000),
  /** The day of the act (事先告知送达, 处罚决定, 执行完毕); default today. */
  date: optionalDate,
  /** extend: the new decision deadline. */
  extendTo: optionalDate,
});
export type CaseTransitionInput = z.input<typeof caseTransitionInput>;

export const caseMarksInput = z.object({
  version: int(0, 2_147_483_647),
  /** 挂牌督办 */
  supervision: z
    .object({ level: enumOf(SUPERVISION_LEVELS, '督办层级'), since: isoDate, deadline: isoDate, note: optionalText(500) })
    .nullish(),
  /** 提级查办 */
  escalatedTo: enumOf(SUPERVISION_LEVELS, '提级查办层级').nullish(),
  /** 严重违法失信名单 */
  seriousList: z.object({ listedOn: isoDate, until: optionalDate, note: optionalText(500) }).nullish(),
  /** 处罚信息公示日期 */
  publishedOn: optionalDate,
});
export type CaseMarksInput = z.input<typeof caseMarksInput>;

/** 典型案例 in the seeds' template: 案情概述 (violation, investigation, product control) and 查办结果. */
export const typicalCaseInput = z.object({
  version: int(0, 2_147_483_647),
  title: text(200),
  violation: text(3000),
  investigation: text(3000),
  productControl: optionalText(3000),
  result: text(3000),
});
export type TypicalCaseInput = z.input<typeof typicalCaseInput>;

export const proposeReferralInput = z.object({ version: int(0, 2_147_483_647), reason: text(2000) });
export const referralTransitionInput = z.object({
  action: z.enum(REFERRAL_ACTION_KEYS, { error: '操作无效' }),
  version: int(0, 2_147_483_647),
  note: optionalText(1000),
  policeUnit: optionalText(100),
});
export type ReferralTransitionInput = z.input<typeof referralTransitionInput>;

/** The case list's filters: state, procedure (简易程序/普通程序), overdue, unit name or case number. */
export const listCasesQuery = z.object({
  status: z.enum(CASE_STATUS_KEYS, { error: '状态无效' }).optional(),
  procedure: enumOf(CASE_PROCEDURES, '程序').optional(),
  overdue: z.enum(['true', 'false'], { error: '须为 true 或 false' }).optional(),
  q: z.string().trim().max(100, '不能超过100字').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListFilter = Omit<z.output<typeof listCasesQuery>, 'page' | 'pageSize'>;
export const publicationQuery = z.object({ published: z.enum(['true', 'false'], { error: '须为 true 或 false' }).optional() });
export const typicalTargetsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2999),
  quarter: z.coerce.number().int().min(1).max(4),
});

const deadline = z.object({ date: z.string(), daysLeft: z.number(), overdue: z.boolean() });

export const referralView = z.object({
  id: z.number(),
  caseId: z.number(),
  status: z.enum(Object.keys(REFERRAL_STATUSES) as [ReferralStatus, ...ReferralStatus[]]),
  statusLabel: z.string(),
  number: z.string().nullable(),
  reason: z.string(),
  proposedAt: z.string(),
  decideDueAt: z.string(),
  approvedAt: z.string().nullable(),
  sendDueAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  policeUnit: z.string().nullable(),
  policeDecidedAt: z.string().nullable(),
  followUps: z.array(z.object({ at: z.string(), note: z.string(), by: z.string() })),
  /** The step now due and whether it is late. */
  due: z.object({ step: z.string(), at: z.string(), overdue: z.boolean() }).nullable(),
  version: z.number(),
  /** What the caller may do now; `via` names the route (…/transition, …/review, …/approve). */
  actions: z.array(
    z.object({ action: z.string(), via: z.enum(['transition', 'review', 'approve']), label: z.string(), noteRequired: z.boolean() }),
  ),
});
export type ReferralView = z.infer<typeof referralView>;

export const caseListItem = z.object({
  id: z.number(),
  caseNo: z.string().nullable(),
  procedure: z.enum(['simple', 'ordinary']),
  status: z.enum(CASE_STATUS_KEYS),
  statusLabel: z.string(),
  entityId: z.number(),
  entityName: z.string(),
  stationName: z.string(),
  violationLabel: z.string(),
  filedOn: z.string().nullable(),
  decisionDue: deadline.nullable(),
  decidedOn: z.string().nullable(),
  fine: z.number().nullable(),
  supervised: z.boolean(),
  referred: z.boolean(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

export const caseView = caseListItem.extend({
  jurisdictionId: z.number(),
  campaignId: z.number().nullable(),
  violationType: z.string(),
  facts: z.string(),
  goodsValue: z.number(),
  illegalIncome: z.number(),
  violationDate: z.string(),
  discoveredOn: z.string(),
  healthHarm: z.boolean(),
  limitation: z.object({ years: z.number(), expiresOn: z.string(), override: z.string().nullable() }),
  persons: z.array(responsiblePerson),
  source: z.object({ type: z.string(), typeLabel: z.string(), id: z.number().nullable() }).nullable(),
  penalty: z.unknown().nullable(),
  /** The penalty's article cited in words, and its range arithmetic. */
  legalBasis: z.string().nullable(),
  rangeLines: z.array(z.string()),
  decisionNo: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  extension: z.object({ to: z.string(), reason: z.string() }).nullable(),
  publicationDue: deadline.nullable(),
  publishedOn: z.string().nullable(),
  executedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  supervision: z
    .object({ level: z.string(), levelLabel: z.string(), since: z.string(), deadline: z.string(), note: z.string().nullable() })
    .nullable(),
  escalatedTo: z.string().nullable(),
  seriousList: z.object({ listedOn: z.string(), until: z.string().nullable(), note: z.string().nullable() }).nullable(),
  typical: typicalCaseInput.omit({ version: true }).nullable(),
  referral: referralView.nullable(),
  files: z.array(storedFile),
  warnings: z.array(z.string()),
  version: z.number(),
  /** What the caller may do now; `via` names the route (…/transition, …/review, …/approve). */
  actions: z.array(
    z.object({ action: z.string(), via: z.enum(['transition', 'review', 'approve']), label: z.string(), noteRequired: z.boolean() }),
  ),
  /** What the caller may also do besides transitions. */
  can: z.object({
    editFacts: z.boolean(),
    editPenalty: z.boolean(),
    marks: z.boolean(),
    typical: z.boolean(),
    refer: z.boolean(),
    addFile: z.boolean(),
  }),
});
export type CaseView = z.infer<typeof caseView>;

export const publicationItem = z.object({
  id: z.number(),
  caseNo: z.string().nullable(),
  decisionNo: z.string().nullable(),
  party: z.string(),
  creditCode: z.string().nullable(),
  facts: z.string(),
  basis: z.string(),
  content: z.string(),
  authority: z.string(),
  decidedOn: z.string(),
  dueOn: z.string(),
  publishedOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type PublicationItem = z.infer<typeof publicationItem>;

export const typicalTarget = z.object({
  jurisdictionId: z.number(),
  name: z.string(),
  count: z.number(),
  target: z.number(),
  met: z.boolean(),
});

export const overdueUnit = z.object({
  jurisdictionId: z.number(),
  name: z.string(),
  decisionOverdue: z.number(),
  publicationOverdue: z.number(),
  referralOverdue: z.number(),
});

/** The public-notice columns (行政处罚信息公示). */
export const PUBLICATION_COLUMNS = [
  '案件编号',
  '当事人',
  '统一社会信用代码',
  '违法事实',
  '处罚依据',
  '处罚内容',
  '处罚机关',
  '决定日期',
] as const;

/** Penalty articles a violation type points at (its `articles` name legal-article keys; a penalty key extends one, e.g. drug-law-117-retail). */
export function articlesForViolation(articles: readonly string[] | undefined): PenaltyArticleKey[] {
  return PENALTY_ARTICLE_KEYS.filter((k) => (articles ?? []).some((a) => k === a || k.startsWith(`${a}-`)));
}

/** 行政处罚法 第五十一条: 当场处罚 (简易程序) only a warning, or a fine up to 200 元 (citizens) / 3,000 元 (organisations). */
export const SIMPLE_PROCEDURE_MAX_FINE = { organisation: 3_000, person: 200 } as const;

/**
 * Everything wrong with a penalty for a case (path + Chinese message), empty when it may be decided:
 * the kinds the article's tier allows, the unit's fine against the legal range (below it only with
 * 减轻处罚, never above), each person's fine and 从业禁止 against 处罚到人, and the 简易程序 limits.
 */
export function penaltyIssues(p: Penalty, c: { goodsValue: number; procedure: CaseProcedure }): RangeIssue[] {
  const a: PenaltyArticle = PENALTY_ARTICLES[p.article];
  const tier = a.tiers.find((t) => t.key === p.tier);
  if (!tier) return [{ path: 'tier', message: `${citePenaltyArticle(p.article)}没有“${TIER_LABELS[p.tier]}”的罚则` }];
  const issues: RangeIssue[] = [];
  const allowed = new Set<string>(tier.kinds);
  const kind = (on: boolean, k: keyof typeof PENALTY_KINDS, path: string) => {
    if (on && !allowed.has(k))
      issues.push({ path, message: `${citePenaltyArticle(p.article)}（${TIER_LABELS[p.tier]}）不设${PENALTY_KINDS[k]}` });
  };
  kind(p.warning, 'warning', 'warning');
  kind(p.suspend, 'suspend', 'suspend');
  kind(p.revokeLicence, 'revoke', 'revokeLicence');
  kind(p.confiscateGoods, 'confiscate_goods', 'confiscateGoods');
  kind(p.confiscatedIncome > 0, 'confiscate_income', 'confiscatedIncome');
  issues.push(...checkFine(fineRange(p.article, p.tier, c.goodsValue), p.fine, p.mitigation));
  p.persons.forEach((x, i) => {
    const r = personRange(p.article, p.tier, x.income);
    if (!r.applies) {
      if (x.fine > 0 || x.banYears > 0 || x.incomeConfiscated > 0)
        issues.push({ path: `persons.${i}`, message: `${citePenaltyArticle(p.article)}（${TIER_LABELS[p.tier]}）不设处罚到人` });
      return;
    }
    for (const issue of checkFine(r, x.fine, p.mitigation, `persons.${i}.fine`))
      issues.push({ ...issue, message: `${x.name}：${issue.message}` });
    if (r.banMin !== null && r.banMax !== null && (x.banYears < r.banMin || x.banYears > r.banMax))
      issues.push({
        path: `persons.${i}.banYears`,
        message: `${x.name}：从业禁止须为${r.banMin === r.banMax ? banLabel(r.banMin) : `${banLabel(r.banMin)}至${banLabel(r.banMax)}`}`,
      });
    if (r.banMin === null && x.banYears > 0) issues.push({ path: `persons.${i}.banYears`, message: `${x.name}：该罚则不设从业禁止` });
  });
  if (c.procedure === 'simple') {
    const other = p.confiscateGoods || p.confiscatedIncome > 0 || p.suspend || p.revokeLicence || p.persons.length > 0;
    if (other || p.fine > SIMPLE_PROCEDURE_MAX_FINE.organisation)
      issues.push({
        path: 'procedure',
        message: '简易程序只能给予警告或者对法人、其他组织处以三千元以下罚款（《行政处罚法》第五十一条），请按普通程序办理',
      });
  }
  if (!p.warning && p.fine === 0 && !p.confiscateGoods && p.confiscatedIncome === 0 && !p.suspend && !p.revokeLicence)
    issues.push({ path: 'fine', message: '请至少选择一项处罚' });
  return issues;
}

export const banLabel = (years: number) => (years >= LIFETIME_BAN_YEARS ? '终身' : `${years}年`);

/** The penalty in the words of a decision: one line per item. */
export function penaltyLines(p: Penalty): string[] {
  const yuan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
  return [
    p.warning && '警告',
    p.confiscateGoods && '没收违法生产经营的产品',
    p.confiscatedIncome > 0 && `没收违法所得${yuan(p.confiscatedIncome)}`,
    p.fine > 0 && `罚款${yuan(p.fine)}`,
    p.suspend && '责令停产停业',
    p.revokeLicence && '吊销许可证件',
  ].filter((x): x is string => !!x);
}

export function personLines(p: Penalty): string[] {
  const yuan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
  return p.persons.map((x) =>
    [
      `${x.name}（${x.role}）`,
      x.incomeConfiscated > 0 && `没收其自本单位所获收入${yuan(x.incomeConfiscated)}`,
      x.fine > 0 && `罚款${yuan(x.fine)}`,
      x.banYears > 0 && `${x.banYears >= LIFETIME_BAN_YEARS ? '终身' : `${x.banYears}年内`}禁止从事相关生产经营活动`,
    ]
      .filter(Boolean)
      .join('，'),
  );
}

/** `GET /api/cases/penalty-articles`: the article table as API clients read it; `goodsValue` adds each tier's range for that value. */
export const penaltyArticlesQuery = z.object({
  goodsValue: z.coerce.number({ error: '货值金额须为数字' }).min(0, '货值金额不能为负').max(99_999_999_999, '货值金额过大').optional(),
});
const amountRange = z.object({ min: z.number(), max: z.number() });
export const penaltyArticleView = z.object({
  /** The key a penalty names (`penalty.article`). */
  key: z.enum(PENALTY_ARTICLE_KEYS),
  /** 《药品管理法》第一百一十七条（零售） */
  citation: z.string(),
  law: z.string(),
  article: z.string(),
  part: z.string().nullable(),
  violation: z.string(),
  /** The statute text relied on (penalty part, abridged with …). */
  wording: z.string(),
  /** What is not yet checked against the official text (待核), else null. */
  pending: z.string().nullable(),
  tiers: z.array(
    z.object({
      key: z.enum(Object.keys(TIER_LABELS) as [TierKey, ...TierKey[]]),
      label: z.string(),
      kinds: z.array(z.object({ key: z.enum(Object.keys(PENALTY_KINDS) as [PenaltyKind, ...PenaltyKind[]]), label: z.string() })),
      /** none; fixed 元; multiple × 货值金额 (a goods value under `floor` counted as `floor`); tiered by `threshold`. */
      fine: z.discriminatedUnion('type', [
        z.object({ type: z.literal('none') }),
        z.object({ type: z.literal('fixed'), min: z.number(), max: z.number() }),
        z.object({ type: z.literal('multiple'), min: z.number(), max: z.number(), floor: z.number().nullable() }),
        z.object({ type: z.literal('tiered'), threshold: z.number(), below: amountRange, above: amountRange }),
      ]),
      /** 处罚到人 at this tier: basis of the fine, multiples (or 元 when fixed), 从业禁止 in words. */
      person: z
        .object({ basis: z.enum(['income', 'lastYearIncome', 'fixed']), min: z.number(), max: z.number(), ban: z.string().nullable() })
        .nullable(),
      /** The legal range for the `goodsValue` asked, with its arithmetic; null when none was asked. */
      range: z.object({ applies: z.boolean(), min: z.number(), max: z.number(), lines: z.array(z.string()) }).nullable(),
    }),
  ),
});
export const penaltyCatalogue = z.object({
  articles: z.array(penaltyArticleView),
  /** Reasons a fine may depart from the ordinary range (从轻、减轻、从重), by key (`penalty.mitigation.reason`). */
  mitigationReasons: z.array(
    z.object({
      key: z.enum(MITIGATION_REASON_KEYS),
      kinds: z.array(z.enum(Object.keys(MITIGATION_KINDS) as [MitigationKind, ...MitigationKind[]])),
      basis: z.string(),
      text: z.string(),
    }),
  ),
});
export type PenaltyCatalogue = z.infer<typeof penaltyCatalogue>;
