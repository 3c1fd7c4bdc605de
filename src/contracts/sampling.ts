import { z } from 'zod';
import { isoDate } from './calendar.js';
import { id, idList, idParam, int } from './fields.js';
import { storedFile } from './files.js';
import { recordVersion } from './versions.js';

/**
 * 监督抽检 (sampling): annual plans at three levels, sampling records, the lab's result and the
 * follow-up (核查处置) of an 不合格 result. Shared by server and web.
 *
 * Seed 001 (宝坻区, 2022, task 10): "配合市药监局进行国家药品抽检工作，按照市药监局工作部署完成市级药品抽检工作，
 * 将区级药品抽检工作纳入年初工作计划并积极组织开展 … 形成国家、市、区三级药品抽检网络"; task 14: 区抽 focuses on
 * 中药材、中药饮片.
 */

/** The three levels of seed 001 (国家、市、区 抽检); a county records the tasks of each level it carries out. */
export const SAMPLING_LEVELS = { national: '国家抽检', provincial: '省（市）抽检', county: '县（区）抽检' } as const;
export type SamplingLevel = keyof typeof SAMPLING_LEVELS;
export const SAMPLING_LEVEL_KEYS = Object.keys(SAMPLING_LEVELS) as [SamplingLevel, ...SamplingLevel[]];

/** Product categories (两品一械). */
export const PRODUCT_CATEGORIES = { drug: '药品', device: '医疗器械', cosmetic: '化妆品' } as const;
export type ProductCategory = keyof typeof PRODUCT_CATEGORIES;
export const PRODUCT_CATEGORY_KEYS = Object.keys(PRODUCT_CATEGORIES) as [ProductCategory, ...ProductCategory[]];

/**
 * Sub-categories as data (a plan line may name one). 中药材/中药饮片 are seed 001's focus of the
 * county level; the rest are the usual classes of the three product laws (a bureau may extend this list).
 */
export const PRODUCT_SUBCATEGORIES: Record<ProductCategory, Record<string, string>> = {
  drug: {
    chemical: '化学药品',
    tcm_patent: '中成药',
    tcm_pieces: '中药饮片',
    tcm_herbs: '中药材',
    biological: '生物制品',
  },
  device: { active: '有源医疗器械', passive: '无源医疗器械', ivd: '体外诊断试剂' },
  cosmetic: { general: '普通化妆品', special: '特殊化妆品' },
};
export const subcategoryLabel = (c: ProductCategory, s: string | null | undefined) =>
  s ? (PRODUCT_SUBCATEGORIES[c]?.[s] ?? s) : PRODUCT_CATEGORIES[c];

/** A sampling record's states. */
export const SAMPLING_STATUSES = {
  sampled: '已抽样',
  testing: '检验中',
  qualified: '合格',
  unqualified: '不合格',
  handled: '已处置',
  withdrawn: '已撤销',
} as const;
export type SamplingStatus = keyof typeof SAMPLING_STATUSES;
export const SAMPLING_STATUS_KEYS = Object.keys(SAMPLING_STATUSES) as [SamplingStatus, ...SamplingStatus[]];

export const SAMPLING_ACTIONS = {
  send: '送检',
  result: '录入检验结果',
  follow_up: '登记核查处置',
  handle: '处置完毕',
  edit: '更正',
  withdraw: '撤销',
} as const;
export type SamplingAction = keyof typeof SAMPLING_ACTIONS;

export const SAMPLING_VERDICTS = { qualified: '合格', unqualified: '不合格' } as const;
export type SamplingVerdict = keyof typeof SAMPLING_VERDICTS;

/** 控制措施 on an 不合格 product (核查处置). */
export const CONTROL_MEASURES = {
  seal: '查封扣押',
  recall: '召回',
  suspend_sale: '暂停销售',
  suspend_use: '暂停使用',
  other: '其他控制措施',
} as const;
export type ControlMeasure = keyof typeof CONTROL_MEASURES;
export const CONTROL_MEASURE_KEYS = Object.keys(CONTROL_MEASURES) as [ControlMeasure, ...ControlMeasure[]];

/**
 * Legal deadlines of the follow-up, as data. None is in the seeds, so each is 推定 (inferred) with
 * its source; `days: null` = not set (the bureau fills in the date, nothing is assumed).
 */
export interface SamplingDeadline {
  key: string;
  label: string;
  days: number | null;
  unit: 'working' | 'calendar';
  /** The date it counts from. */
  from: 'delivered' | 'reportReceived';
  status: 'inferred' | 'unset';
  source: string;
}
export const SAMPLING_DEADLINES: readonly SamplingDeadline[] = [
  {
    key: 'recheck',
    label: '被抽样单位申请复检期限',
    days: 7,
    unit: 'working',
    from: 'delivered',
    status: 'inferred',
    source:
      '推定：《药品质量抽查检验管理办法》(2019)、《医疗器械质量抽查检验管理办法》(2020)、《化妆品监督管理条例》(2020) 规定被抽样单位对检验结果有异议的，可自收到检验报告之日起7个工作日内申请复检；《药品管理法》(2019) 称“复验”，期限写作“七日”，以适用的规定为准。',
  },
  {
    key: 'delivery',
    label: '检验报告送达被抽样单位期限',
    days: null,
    unit: 'working',
    from: 'reportReceived',
    status: 'unset',
    source: '种子方案未规定，由本局按适用的抽检管理办法设定；系统只记录实际送达日期。',
  },
];
export const RECHECK_DEADLINE = SAMPLING_DEADLINES.find((d) => d.key === 'recheck')!;

const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过${max}字`);
const optionalText = (max: number) => z.string().trim().max(max, `不能超过${max}字`).nullish();
const level = z.enum(SAMPLING_LEVEL_KEYS, { error: '抽检层级须为国家、省（市）或县（区）' });
const category = z.enum(PRODUCT_CATEGORY_KEYS, { error: '产品类别须为药品、医疗器械或化妆品' });
const quantityCount = z.number({ error: '数量须为整数' }).int('数量须为整数').min(0, '数量不能为负数').max(100_000, '数量过大');

// ---------------------------------------------------------------------------------------------
// Plans

export const planLineInput = z
  .object({
    /** An existing line's id when a plan is edited (absent: a new line). */
    id: id.optional(),
    category,
    subCategory: z.string().trim().max(40).nullish(),
    /** 计划批次. */
    planned: quantityCount,
    /** Units to sample at (optional). */
    entityIds: idList(200).optional(),
    note: optionalText(200),
  })
  .refine((l) => !l.subCategory || l.subCategory in PRODUCT_SUBCATEGORIES[l.category], {
    message: '子类别不属于该产品类别',
    path: ['subCategory'],
  });
export type PlanLineInput = z.infer<typeof planLineInput>;

export const createSamplingPlanInput = z.object({
  level,
  year: int(2000, 2100),
  name: text(100, '计划名称'),
  /** Who set the plan (e.g. 国家药监局 / 市药监局 / 本局). */
  issuer: optionalText(100),
  note: optionalText(1000),
  lines: z.array(planLineInput).min(1, '至少一个品种类别').max(50, '最多50个品种类别'),
});
export type CreateSamplingPlanInput = z.infer<typeof createSamplingPlanInput>;

export const updateSamplingPlanInput = createSamplingPlanInput.omit({ level: true, year: true }).extend({ version: recordVersion });
export type UpdateSamplingPlanInput = z.infer<typeof updateSamplingPlanInput>;

export const listSamplingPlansQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: level.optional(),
});

/** Progress of one line or group: planned vs sampled vs results in. */
export const samplingProgress = z.object({
  planned: z.number(),
  sampled: z.number(),
  resultsIn: z.number(),
  unqualified: z.number(),
});
export type SamplingProgress = z.infer<typeof samplingProgress>;

export const samplingPlanLine = samplingProgress.extend({
  id: z.number(),
  category,
  subCategory: z.string().nullable(),
  label: z.string(),
  note: z.string().nullable(),
  entities: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type SamplingPlanLine = z.infer<typeof samplingPlanLine>;

export const samplingPlan = z.object({
  id: z.number(),
  level,
  year: z.number(),
  name: z.string(),
  issuer: z.string().nullable(),
  note: z.string().nullable(),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  lines: z.array(samplingPlanLine),
  /** Totals per product category. */
  byCategory: z.array(samplingProgress.extend({ category })),
  total: samplingProgress,
  editable: z.boolean(),
  version: z.number(),
});
export type SamplingPlan = z.infer<typeof samplingPlan>;

/** Progress of a year in the caller's area, by level and category. */
export const samplingProgressReport = z.object({
  year: z.number(),
  rows: z.array(samplingProgress.extend({ level, category })),
});

// ---------------------------------------------------------------------------------------------
// Records

const recordFields = {
  planLineId: id.nullish(),
  productName: text(100, '产品名称'),
  batchNo: text(60, '批号'),
  manufacturer: text(200, '标示生产企业'),
  specification: optionalText(100),
  /** 抽样数量 (e.g. 6 盒). */
  quantity: z.number({ error: '抽样数量须为整数' }).int('抽样数量须为整数').min(1, '抽样数量须大于0').max(100_000, '抽样数量过大'),
  quantityUnit: text(10, '数量单位'),
  /** The two (or more) samplers. */
  samplerIds: z.array(id).min(2, '抽样人员不得少于2人').max(6, '最多6名抽样人员'),
  sampledOn: isoDate,
  category,
  note: optionalText(1000),
};

export const createSamplingRecordInput = z.object({ entityId: id, ...recordFields });
export type CreateSamplingRecordInput = z.infer<typeof createSamplingRecordInput>;

export const editSamplingRecordInput = z.object({
  ...recordFields,
  reason: text(200, '更正原因'),
  version: recordVersion,
});
export type EditSamplingRecordInput = z.infer<typeof editSamplingRecordInput>;

export const withdrawSamplingRecordInput = z.object({ reason: text(200, '撤销原因'), version: recordVersion });
export const sendSamplingRecordInput = z.object({
  labName: text(100, '检验机构'),
  sentOn: isoDate,
  version: recordVersion,
});
export type SendSamplingRecordInput = z.infer<typeof sendSamplingRecordInput>;

export const failedItemInput = z.object({
  /** 不合格项目, e.g. 含量测定. */
  item: text(100, '不合格项目'),
  /** The standard (检验依据), e.g. 《中国药典》2020年版一部. */
  standard: text(200, '标准依据'),
  /** What the lab found / the limit. */
  result: optionalText(200),
});
export type FailedItemInput = z.infer<typeof failedItemInput>;

export const recordSamplingResultInput = z
  .object({
    verdict: z.enum(['qualified', 'unqualified'], { error: '检验结论须为合格或不合格' }),
    failedItems: z.array(failedItemInput).max(20, '最多20个不合格项目').default([]),
    reportNo: text(60, '检验报告编号'),
    labName: text(100, '检验机构'),
    reportDate: isoDate,
    /** The day the bureau received the report. */
    receivedOn: isoDate,
    note: optionalText(1000),
    version: recordVersion,
  })
  .superRefine((v, c) => {
    if (v.verdict === 'unqualified' && v.failedItems.length === 0)
      c.addIssue({ code: 'custom', path: ['failedItems'], message: '不合格的检验结果须填写不合格项目及标准依据' });
    if (v.verdict === 'qualified' && v.failedItems.length > 0)
      c.addIssue({ code: 'custom', path: ['failedItems'], message: '合格的检验结果不应填写不合格项目' });
    if (v.receivedOn < v.reportDate) c.addIssue({ code: 'custom', path: ['receivedOn'], message: '收到报告日期不能早于报告日期' });
  });
export type RecordSamplingResultInput = z.infer<typeof recordSamplingResultInput>;

export const followUpInput = z.object({
  measures: z.array(z.enum(CONTROL_MEASURE_KEYS, { error: '未知的控制措施' })).max(5),
  /** The day the report was served on (送达) the sampled unit. */
  deliveredOn: isoDate.nullish(),
  /** The unit applied for 复检. */
  recheckRequested: z.boolean().default(false),
  note: optionalText(1000),
  version: recordVersion,
});
export type FollowUpInput = z.infer<typeof followUpInput>;

export const handleSamplingInput = z.object({ note: text(500, '处置结果'), version: recordVersion });

export const listSamplingRecordsQuery = z.object({
  status: z.enum(SAMPLING_STATUS_KEYS, { error: '未知的状态' }).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  planId: idParam.optional(),
  entityId: idParam.optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListSamplingRecordsQuery = z.output<typeof listSamplingRecordsQuery>;

export const samplingResultView = z.object({
  verdict: z.enum(['qualified', 'unqualified']),
  failedItems: z.array(z.object({ item: z.string(), standard: z.string(), result: z.string().nullable().optional() })),
  reportNo: z.string(),
  labName: z.string(),
  reportDate: z.string(),
  receivedOn: z.string(),
  note: z.string().nullable(),
  files: z.array(storedFile),
});

export const followUpLink = z.object({ key: z.string(), label: z.string(), type: z.string(), id: z.number() });
export type FollowUpLink = z.infer<typeof followUpLink>;

export const followUpView = z.object({
  measures: z.array(z.enum(CONTROL_MEASURE_KEYS)),
  deliveredOn: z.string().nullable(),
  recheckDueOn: z.string().nullable(),
  recheckDeadline: z.object({ label: z.string(), source: z.string() }),
  recheckRequested: z.boolean(),
  note: z.string().nullable(),
  handledNote: z.string().nullable(),
  links: z.array(followUpLink),
});

export const samplingRecord = z.object({
  id: z.number(),
  number: z.string(),
  status: z.enum(SAMPLING_STATUS_KEYS),
  entityId: z.number(),
  entityName: z.string(),
  stationId: z.number(),
  stationName: z.string(),
  planLineId: z.number().nullable(),
  planName: z.string().nullable(),
  planLevel: level.nullable(),
  category,
  productName: z.string(),
  batchNo: z.string(),
  manufacturer: z.string(),
  specification: z.string().nullable(),
  quantity: z.number(),
  quantityUnit: z.string(),
  samplers: z.array(z.object({ id: z.number(), name: z.string() })),
  sampledOn: z.string(),
  labName: z.string().nullable(),
  sentOn: z.string().nullable(),
  note: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  sealPhotos: z.array(storedFile),
  result: samplingResultView.nullable(),
  followUp: followUpView.nullable(),
  actions: z.array(z.enum(Object.keys(SAMPLING_ACTIONS) as [SamplingAction, ...SamplingAction[]])),
  version: z.number(),
});
export type SamplingRecord = z.infer<typeof samplingRecord>;

export const samplingListItem = samplingRecord.pick({
  id: true,
  number: true,
  status: true,
  entityId: true,
  entityName: true,
  stationName: true,
  category: true,
  productName: true,
  batchNo: true,
  manufacturer: true,
  sampledOn: true,
  planName: true,
  planLevel: true,
  version: true,
});
export type SamplingListItem = z.infer<typeof samplingListItem>;

/** People who may be named as samplers of a unit (the form's picker). */
export const samplerOption = z.object({ id: z.number(), name: z.string(), unitName: z.string() });
export const planLineOption = z.object({
  id: z.number(),
  label: z.string(),
  planName: z.string(),
  level,
  year: z.number(),
  category,
});
