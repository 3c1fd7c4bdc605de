import { z } from 'zod';
import { addDays, daysBetween, isoDate } from './calendar.js';
import { id, idParam, int } from './fields.js';
import { sheetRowError } from './sheets.js';

/**
 * 不良反应监测: drug ADR reports (药品不良反应) and device adverse-event reports (医疗器械不良事件),
 * the county targets, and cluster alerts (聚集性信号). Seed 001: "确保年度药品不良反应报告不少于600份/百万人口，
 * 医疗机构报告比例达到80%以上"; seed 002: "对药品不良事件聚集性信号和医疗器械严重不良事件进行实时监测".
 */

const enumOf = <K extends string>(labels: Record<K, string>, error: string) => z.enum(Object.keys(labels) as [K, ...K[]], { error });

export const ADR_KINDS = { drug: '药品不良反应', device: '医疗器械不良事件' } as const;
export type AdrKind = keyof typeof ADR_KINDS;

/** 报告单位类别, as the national system lists them. */
export const REPORTER_KINDS = {
  medical: '医疗机构',
  business: '经营企业',
  manufacturer: '生产企业',
  individual: '个人',
  other: '其他',
} as const;
export type ReporterKind = keyof typeof REPORTER_KINDS;

export const PATIENT_SEXES = { male: '男', female: '女', unknown: '不详' } as const;
export const SERIOUSNESS = { serious: '严重', general: '一般' } as const;
export type Seriousness = keyof typeof SERIOUSNESS;
/** 转归 as on the national report form. */
export const OUTCOMES = {
  cured: '痊愈',
  improved: '好转',
  not_improved: '未好转',
  sequelae: '有后遗症',
  death: '死亡',
  unknown: '不详',
} as const;
export type Outcome = keyof typeof OUTCOMES;

/** Entity kinds counted as 医疗机构 for the targets' silent-institution list. */
export const MEDICAL_ENTITY_KINDS = ['medical_institution', 'clinic'] as const;

/**
 * Reporting deadlines, 《药品不良反应报告和监测管理办法》（卫生部令第81号）第二十条 (quoted):
 * "药品生产、经营企业和医疗机构发现或者获知新的、严重的药品不良反应应当在15日内报告，其中死亡病例须立即报告；
 * 其他药品不良反应应当在30日内报告。"
 * 推定 (inferred, not in the text): 立即 is read as the same or the next calendar day; the day the unit
 * learned of the reaction is not on the national export, so the days are counted from the onset date (发生日期).
 * The same periods are applied to device adverse events.
 */
export const ADR_DEADLINE_RULES = {
  death: { days: 1, label: '死亡病例须立即报告', inferred: '推定：“立即”按发生当日或次日计' },
  serious_or_new: { days: 15, label: '新的、严重的应当在15日内报告', inferred: null },
  other: { days: 30, label: '其他应当在30日内报告', inferred: null },
} as const;
export type AdrDeadlineRule = keyof typeof ADR_DEADLINE_RULES;
export const ADR_DEADLINE_BASIS = '推定：国家系统导出数据无“获知日期”，期限自不良反应发生日期起算';

/** Which deadline applies, the due date and whether the report came late. Pure, for server and web. */
export function adrDeadline(r: { seriousness: Seriousness; isNew: boolean; death: boolean; onsetOn: string; reportedOn: string }) {
  const rule: AdrDeadlineRule = r.death ? 'death' : r.seriousness === 'serious' || r.isNew ? 'serious_or_new' : 'other';
  const dueOn = addDays(r.onsetOn, ADR_DEADLINE_RULES[rule].days);
  return { rule, dueOn, late: r.reportedOn > dueOn, daysLate: Math.max(0, daysBetween(dueOn, r.reportedOn)) };
}

/** Default targets and cluster thresholds (the bureau may change them: settings are data). */
export const ADR_DEFAULT_SETTINGS = {
  /** Seed 001: 不少于600份/百万人口. */
  targetPerMillion: 600,
  /** Seed 001: 医疗机构报告比例达到80%以上. */
  medicalSharePct: 80,
  /** 推定: a cluster is at least 3 reports of one drug, batch or manufacturer in one county within 7 days. */
  clusterMinReports: 3,
  clusterWindowDays: 7,
  /** 推定: above the key's mean weekly count over the previous 8 weeks (scaled to the window) × 2. */
  baselineWeeks: 8,
  baselineFactor: 2,
  /** 推定: the disproportionality signal rule (ADR_SIGNAL_RULE). */
  signalMinN: 3,
  signalMinPrr: 2,
  signalMinChi2: 4,
  signalMinIc025: 0,
  signalMinEb05: 2,
};
export const ADR_SETTINGS_SOURCES = {
  targetPerMillion: '方案原文（001）：“确保年度药品不良反应报告不少于600份/百万人口”',
  medicalSharePct: '方案原文（001）：“医疗机构报告比例达到80%以上”',
  cluster: '推定：方案（002）只要求“对药品不良事件聚集性信号……进行实时监测”，未给出阈值',
  signal:
    '推定：方案未给出信号判定规则；默认 N ≥ 3，且 PRR ≥ 2 与 χ² ≥ 4（Evans 2001）、IC025 > 0（Bate 1998）、EB05 ≥ 2（Szarfman 2002）满足其一',
};

const text = (max: number, what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不超过${max}字`);
const optText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what}不超过${max}字`)
    .nullish()
    .transform((v) => v || null);

export const adrDrugInput = z.object({
  genericName: text(100, '通用名称（产品名称）'),
  batchNo: optText(50, '批号'),
  manufacturer: optText(100, '生产企业'),
});

export const adrReportInput = z
  .object({
    kind: enumOf(ADR_KINDS, '请选择报告类别'),
    reportCode: z
      .string({ error: '请填写报告编码' })
      .trim()
      .min(1, '请填写报告编码')
      .max(40, '报告编码不超过40字')
      .regex(/^[0-9A-Za-z-]+$/, '报告编码只能包含数字、字母和连字符'),
    reporterName: text(100, '报告单位名称'),
    reporterKind: enumOf(REPORTER_KINDS, '请选择报告单位类别'),
    reporterCreditCode: optText(18, '统一社会信用代码'),
    /** Where the report belongs (county or below); default the reporting unit's area, else the caller's. */
    jurisdictionId: id.nullish(),
    patientSex: enumOf(PATIENT_SEXES, '请选择患者性别'),
    patientAge: int(0, 150).nullish(),
    drugs: z.array(adrDrugInput).min(1, '至少填写一个怀疑药品（器械）').max(10, '最多10个怀疑药品（器械）'),
    reactions: z.array(text(100, '不良反应名称')).min(1, '至少填写一个不良反应名称').max(20, '最多20个不良反应名称'),
    seriousness: enumOf(SERIOUSNESS, '请选择严重程度'),
    isNew: z.boolean({ error: '请选择是否新的' }),
    onsetOn: isoDate,
    reportedOn: isoDate,
    outcome: enumOf(OUTCOMES, '请选择转归'),
    death: z.boolean({ error: '请选择是否死亡' }),
  })
  .refine((r) => r.reportedOn >= r.onsetOn, { path: ['reportedOn'], message: '报告日期不能早于发生日期' })
  .refine((r) => !(r.outcome === 'death' && !r.death), { path: ['death'], message: '转归为死亡时请勾选“死亡”' });
export type AdrReportInput = z.infer<typeof adrReportInput>;

export const adrReportsQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  jurisdictionId: idParam.optional(),
  drug: z.string().trim().max(100).optional(),
  kind: enumOf(ADR_KINDS, '报告类别不正确').optional(),
  seriousness: enumOf(SERIOUSNESS, '严重程度不正确').optional(),
  late: z.enum(['true', 'false'], { error: '迟报筛选不正确' }).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const adrReport = z.object({
  id: z.number(),
  kind: z.string(),
  reportCode: z.string(),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  countyId: z.number(),
  reporterName: z.string(),
  reporterKind: z.string(),
  reporterCreditCode: z.string().nullable(),
  entityId: z.number().nullable(),
  patientSex: z.string(),
  patientAge: z.number().nullable(),
  drugs: z.array(z.object({ genericName: z.string(), batchNo: z.string().nullable(), manufacturer: z.string().nullable() })),
  reactions: z.array(z.string()),
  seriousness: z.string(),
  isNew: z.boolean(),
  death: z.boolean(),
  outcome: z.string(),
  onsetOn: z.string(),
  reportedOn: z.string(),
  deadlineRule: z.string(),
  dueOn: z.string(),
  late: z.boolean(),
  daysLate: z.number(),
  version: z.number(),
});
export type AdrReport = z.infer<typeof adrReport>;

/** What a report write answers: the report and the cluster alerts it opened (fired now). */
export const adrReportSaved = z.object({ report: adrReport, alertsOpened: z.array(z.number()) });

// ---- import ----

/** The import's columns: the national system's usual export headers (aliases accepted). */
export const ADR_IMPORT_COLUMNS = [
  { key: 'reportCode', header: '报告编码', aliases: ['报告编号', '报表编码'], required: true },
  { key: 'kind', header: '报告类别', aliases: ['报告种类'], required: false },
  { key: 'reporterName', header: '报告单位名称', aliases: ['报告单位'], required: true },
  { key: 'reporterKind', header: '报告单位类别', aliases: ['报告单位类型'], required: true },
  { key: 'reporterCreditCode', header: '统一社会信用代码', aliases: [], required: false },
  { key: 'jurisdiction', header: '所属辖区', aliases: ['所属监管所', '报告地区'], required: false },
  { key: 'patientSex', header: '患者性别', aliases: ['性别'], required: true },
  { key: 'patientAge', header: '年龄', aliases: ['患者年龄'], required: false },
  { key: 'genericName', header: '通用名称', aliases: ['药品通用名称', '产品名称'], required: true },
  { key: 'batchNo', header: '批号', aliases: ['生产批号'], required: false },
  { key: 'manufacturer', header: '生产企业', aliases: ['生产厂家'], required: false },
  { key: 'reactions', header: '不良反应名称', aliases: ['不良反应/事件名称', '不良事件名称'], required: true },
  { key: 'seriousness', header: '严重程度', aliases: ['报告类型'], required: true },
  { key: 'isNew', header: '新的', aliases: ['是否新的'], required: false },
  { key: 'onsetOn', header: '发生日期', aliases: ['不良反应发生时间', '发生时间'], required: true },
  { key: 'reportedOn', header: '报告日期', aliases: ['报告时间'], required: true },
  { key: 'outcome', header: '转归', aliases: ['不良反应结果'], required: false },
  { key: 'death', header: '是否死亡', aliases: ['死亡'], required: false },
] as const;
export type AdrImportColumn = (typeof ADR_IMPORT_COLUMNS)[number]['key'];

export const DUPLICATE_MODES = { update: '更新已有报告', skip: '跳过已有报告' } as const;
export type DuplicateMode = keyof typeof DUPLICATE_MODES;

export const ADR_IMPORT_STATUSES = {
  validated: '校验通过',
  invalid: '有错误',
  running: '导入中',
  done: '已导入',
  failed: '导入失败',
} as const;

export const adrImportJob = z.object({
  id: z.number(),
  fileName: z.string(),
  status: z.string(),
  duplicates: z.string(),
  total: z.number(),
  valid: z.number(),
  toCreate: z.number(),
  toUpdate: z.number(),
  toSkip: z.number(),
  /** Report codes already registered (first 50): updated or skipped as `duplicates` says. */
  duplicateCodes: z.array(z.string()),
  errors: z.array(sheetRowError),
  errorCount: z.number(),
  alertsOpened: z.number(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type AdrImportJob = z.infer<typeof adrImportJob>;

// ---- targets and population ----

export const adrTargetRow = z.object({
  countyId: z.number(),
  countyName: z.string(),
  year: z.number(),
  population: z.number().nullable(),
  populationDemo: z.boolean(),
  reports: z.number(),
  drugReports: z.number(),
  deviceReports: z.number(),
  seriousReports: z.number(),
  lateReports: z.number(),
  perMillion: z.number().nullable(),
  targetPerMillion: z.number(),
  /** Drug reports still needed for the target (null: no population on record). */
  shortfall: z.number().nullable(),
  medicalReports: z.number(),
  medicalSharePct: z.number().nullable(),
  targetMedicalSharePct: z.number(),
  institutions: z.array(z.object({ entityId: z.number().nullable(), name: z.string(), reports: z.number() })),
  silentInstitutions: z.array(z.object({ entityId: z.number(), name: z.string(), jurisdictionName: z.string() })),
});
export const adrTargets = z.object({ year: z.number(), sources: z.record(z.string(), z.string()), rows: z.array(adrTargetRow) });
export type AdrTargets = z.infer<typeof adrTargets>;

export const adrPopulationRow = z.object({
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  year: z.number(),
  population: z.number().nullable(),
  demo: z.boolean(),
  /** 0 = no row yet. */
  version: z.number(),
});
export const adrPopulationInput = z.object({
  jurisdictionId: id,
  year: int(2000, 2100),
  population: int(1, 200_000_000),
  version: int(0, 2_147_483_647),
});

export const adrSettings = z.object({
  jurisdictionId: z.number(),
  targetPerMillion: z.number(),
  medicalSharePct: z.number(),
  clusterMinReports: z.number(),
  clusterWindowDays: z.number(),
  baselineWeeks: z.number(),
  baselineFactor: z.number(),
  signalMinN: z.number(),
  signalMinPrr: z.number(),
  signalMinChi2: z.number(),
  signalMinIc025: z.number(),
  signalMinEb05: z.number(),
  /** 0 = the defaults (no row yet). */
  version: z.number(),
});
export type AdrSettings = z.infer<typeof adrSettings>;
export const adrSettingsInput = z.object({
  jurisdictionId: id,
  targetPerMillion: int(1, 100_000),
  medicalSharePct: int(0, 100),
  clusterMinReports: int(2, 1000),
  clusterWindowDays: int(1, 90),
  baselineWeeks: int(1, 52),
  baselineFactor: z.number({ error: '请填写倍数' }).min(1, '倍数不能小于1').max(100, '倍数不能大于100'),
  /** Signal rule; left out = unchanged. */
  signalMinN: int(1, 1000).optional(),
  signalMinPrr: z.number().min(1, 'PRR 阈值不能小于1').max(100, 'PRR 阈值不能大于100').optional(),
  signalMinChi2: z.number().min(0, 'χ² 阈值不能小于0').max(100, 'χ² 阈值不能大于100').optional(),
  signalMinIc025: z.number().min(-10, 'IC025 阈值不能小于-10').max(10, 'IC025 阈值不能大于10').optional(),
  signalMinEb05: z.number().min(0, 'EB05 阈值不能小于0').max(100, 'EB05 阈值不能大于100').optional(),
  version: int(0, 2_147_483_647),
});

// ---- cluster alerts ----

export const CLUSTER_KEY_KINDS = { drug: '同一药品（器械）', batch: '同一批号', manufacturer: '同一生产企业' } as const;
export type ClusterKeyKind = keyof typeof CLUSTER_KEY_KINDS;

export const ALERT_STATUSES = { new: '新', assessed: '已研判', risk: '已转风险', clue: '已转线索', dismissed: '已排除' } as const;
export type AlertStatus = keyof typeof ALERT_STATUSES;
export const ALERT_ACTIONS = { assess: '研判', to_risk: '转为风险', to_clue: '转为线索', dismiss: '排除' } as const;
export type AlertAction = keyof typeof ALERT_ACTIONS;

export const adrAlert = z.object({
  id: z.number(),
  countyId: z.number(),
  countyName: z.string(),
  keyKind: z.string(),
  keyLabel: z.string(),
  category: z.string(),
  episodeStart: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  windowReports: z.number(),
  reportCount: z.number(),
  lastOnsetOn: z.string(),
  expected: z.number(),
  status: z.string(),
  note: z.string().nullable(),
  riskId: z.number().nullable(),
  clueId: z.number().nullable(),
  createdAt: z.string(),
  version: z.number(),
  actions: z.array(z.string()),
});
export type AdrAlert = z.infer<typeof adrAlert>;
export const adrAlertsQuery = z.object({
  status: enumOf(ALERT_STATUSES, '状态不正确').optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const adrAlertActionInput = z.object({
  action: enumOf(ALERT_ACTIONS, '请选择操作'),
  note: z.string().trim().max(1000, '说明不超过1000字').optional(),
  version: int(1, 2_147_483_647),
});

// ---- disproportionality signals, trend and funnel ----

/**
 * When a drug–reaction pair is shown as a signal (推定: the plans set no rule). Defaults after the usual
 * references: Evans et al. 2001 (PRR ≥ 2, χ² ≥ 4, N ≥ 3), Bate et al. 1998 (IC025 > 0) and
 * Szarfman et al. 2002 (EB05 ≥ 2); a pair is a signal if N ≥ minN and any one of the three holds.
 */
export const ADR_SIGNAL_RULE =
  '推定：N ≥ 3，且满足其一：PRR ≥ 2 且 χ² ≥ 4（Evans 2001）；IC025 > 0（Bate 1998）；EB05 ≥ 2（Szarfman 2002）';
/** The rule as in force for an area (the settings' thresholds), worded like ADR_SIGNAL_RULE. */
export function signalRuleText(s: Pick<AdrSettings, 'signalMinN' | 'signalMinPrr' | 'signalMinChi2' | 'signalMinIc025' | 'signalMinEb05'>) {
  return `N ≥ ${s.signalMinN}，且满足其一：PRR ≥ ${s.signalMinPrr} 且 χ² ≥ ${s.signalMinChi2}；IC025 > ${s.signalMinIc025}；EB05 ≥ ${s.signalMinEb05}（默认值推定，依据 Evans 2001、Bate 1998、Szarfman 2002）`;
}

export const SIGNAL_SORTS = { N: '报告数', PRR: 'PRR', ROR: 'ROR', IC025: 'IC025', EB05: 'EB05' } as const;
export type SignalSort = keyof typeof SIGNAL_SORTS;

export const adrSignalsQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  jurisdictionId: idParam.optional(),
  drug: z.string().trim().max(100).optional(),
  event: z.string().trim().max(100).optional(),
  minN: z.coerce.number().int().min(1).max(100000).optional(),
  onlySignals: z.enum(['true', 'false'], { error: '只看信号应为 true 或 false' }).optional(),
  sort: enumOf(SIGNAL_SORTS, '排序字段不正确').default('N'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** JSON has no Infinity or NaN: such a measure is sent as null, and `nonFinite` says which it was. */
const measure = z.number().nullable();
export const NON_FINITE = ['Infinity', '-Infinity', 'NaN'] as const;
export const SIGNAL_MEASURES = ['E', 'PRR', 'PRR_chi2', 'ROR', 'ROR_lower95', 'IC', 'IC025', 'EBGM', 'EB05', 'EB95'] as const;
export const adrSignalRow = z.object({
  drug: z.string(),
  event: z.string(),
  N: z.number(),
  E: measure,
  PRR: measure,
  PRR_chi2: measure,
  ROR: measure,
  ROR_lower95: measure,
  IC: measure,
  IC025: measure,
  EBGM: measure,
  EB05: measure,
  EB95: measure,
  /** Measures sent as null → what they were (e.g. ROR with no other report of the reaction: Infinity). */
  nonFinite: z.record(z.string(), z.enum(NON_FINITE)),
  signal: z.boolean(),
});
export type AdrSignalRow = z.infer<typeof adrSignalRow>;
export const adrSignals = z.object({
  items: z.array(adrSignalRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Fitted gamma-mixture prior (null parameters when there was nothing to fit). */
  hyper: z.object({
    alpha1: measure,
    beta1: measure,
    alpha2: measure,
    beta2: measure,
    P: measure,
    logLik: measure,
    converged: z.boolean(),
    starts: z.number(),
    /** When the prior in use was fitted, whether this request reused a stored fit of the same counts, how long the fit took. */
    fittedAt: z.string(),
    reused: z.boolean(),
    fitMs: z.number(),
    /** The fit lies on the boundary of the parameter space: EBGM/EB05/EB95 of large N/E are unstable there. */
    boundary: z.boolean(),
  }),
  totals: z.object({ reports: z.number(), pairs: z.number(), signals: z.number() }),
  rule: z.string(),
});
export type AdrSignals = z.infer<typeof adrSignals>;

export const adrSignalReportsQuery = z.object({
  drug: z.string({ error: '请填写药品' }).trim().min(1, '请填写药品').max(100),
  event: z.string({ error: '请填写不良反应' }).trim().min(1, '请填写不良反应').max(100),
  from: isoDate.optional(),
  to: isoDate.optional(),
  jurisdictionId: idParam.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const adrTrendQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  jurisdictionId: idParam.optional(),
  drug: z.string().trim().max(100).optional(),
});
export const adrTrend = z.array(z.object({ month: z.string(), reports: z.number(), serious: z.number() }));
export type AdrTrend = z.infer<typeof adrTrend>;

/**
 * Funnel plot of drug reports per million by county (Spiegelhalter 2005, Poisson, normal approximation):
 * overall rate p = Σ reports / Σ population over counties with a population; for a population n the 95%
 * limits are (p ± 1.96·√(p/n)) × 10⁶ per million (lower limit not below 0).
 */
export const ADR_FUNNEL_FORMULA = '控制限：p ± 1.96 × √(p / n)（p 为全辖区每人报告数，n 为县（区）人口；泊松分布正态近似，95%）';
export const adrFunnel = z.object({
  year: z.number(),
  overallPerMillion: z.number().nullable(),
  formula: z.string(),
  points: z.array(
    z.object({
      countyId: z.number(),
      countyName: z.string(),
      population: z.number().nullable(),
      reports: z.number(),
      perMillion: z.number().nullable(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      /** 'high' above the upper limit, 'low' below the lower one. */
      outside: z.enum(['high', 'low']).nullable(),
    }),
  ),
  limits: z.array(z.object({ population: z.number(), lower: z.number(), upper: z.number() })),
});
export type AdrFunnel = z.infer<typeof adrFunnel>;
