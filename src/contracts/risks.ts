import { z } from 'zod';
import { isoDate } from './calendar.js';
import { storedFile } from './files.js';
import { id, idList, idParam, intParam } from './fields.js';

/**
 * Risks (风险隐患), common risks (共性风险隐患) and risk/case consultations (风险会商/案件会商).
 * Seed 003: "完善风险清单责任制和风险销号制 … 落实责任到人，逐个验收销号，严格闭环管理"; "重点关注普遍性问题、
 * 多发性问题 … 发现一处、整治一类"; 附件3 counts hazards found/closed and risk meetings held/items
 * discussed (own level and the counties below).
 */

const enumOf = <K extends string>(labels: Record<K, string>, error: string) => z.enum(Object.keys(labels) as [K, ...K[]], { error });

/** Where a risk was found. Seed 003/004 list the channels 检查核查、监督抽检、不良反应（事件）监测、网络销售监测、投诉举报、舆情监测 (and 004: 大数据分析研判); 上级交办 from the case path. */
export const RISK_CHANNELS = {
  inspection: '检查发现',
  sampling: '监督抽检',
  adr: '不良反应监测',
  online: '网络监测',
  complaint: '投诉举报',
  opinion: '舆情监测',
  data: '数据分析',
  assigned: '上级交办',
} as const;
export type RiskChannel = keyof typeof RISK_CHANNELS;

/** 两品一械. */
export const RISK_CATEGORIES = { drug: '药品', device: '医疗器械', cosmetics: '化妆品' } as const;
export type RiskCategory = keyof typeof RISK_CATEGORIES;

/** Seed 003's key products (重点产品), quoted; optional tags on a risk. */
export const RISK_PRODUCT_TAGS = {
  vaccine: '疫苗',
  blood: '血液制品',
  special_drugs: '特殊管理药品',
  tcm_pieces: '中药饮片',
  sterile_implant: '无菌和植入类医疗器械',
  aesthetics: '医疗美容药品医疗器械',
  color_lens: '装饰性彩色隐形眼镜',
  procurement: '集采中选产品',
  insured_high_value: '医保高值药品',
  child_special_cosmetics: '儿童及特殊化妆品',
} as const;
export type RiskProductTag = keyof typeof RISK_PRODUCT_TAGS;

/**
 * Risk grade. 推定 (inferred): the seeds speak of 重大风险隐患 (seed 000) and 高风险 but give no scale;
 * the three grades follow the usual 一般/较大/重大 split of risk hazards. A bureau may rename them.
 */
export const RISK_GRADES = { general: '一般', major: '较大', serious: '重大' } as const;
export type RiskGrade = keyof typeof RISK_GRADES;
export const RISK_GRADES_INFERRED = '推定：方案只提“重大风险隐患”，未给出分级，按一般/较大/重大三级划分';

export const RISK_STATUSES = {
  open: '待管控',
  controlling: '管控中',
  closure_requested: '申请销号',
  closed: '已销号',
} as const;
export type RiskStatus = keyof typeof RISK_STATUSES;

export const RISK_ACTIONS = {
  edit: '修改',
  control: '落实管控',
  request_closure: '申请销号',
  close: '验收销号',
  refuse_closure: '退回销号申请',
  reopen: '重新打开',
} as const;
export type RiskAction = keyof typeof RISK_ACTIONS;

/** A module's record a risk came from (a finding, a sampling result, an ADR signal …). */
export const SOURCE_TYPE = /^[a-z][a-z_]{0,29}$/;
export const RISK_SOURCE_LABELS: Record<string, string> = {
  finding: '检查发现的问题',
  sampling: '抽检不合格',
  adr: '不良反应信号',
  complaint: '投诉举报',
  clue: '线索',
};

const text = (max: number, what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不超过${max}字`);
const optText = (max: number, what: string) => z.string().trim().max(max, `${what}不超过${max}字`).optional();

const riskFields = {
  title: text(100, '风险隐患名称'),
  description: text(2000, '风险描述'),
  category: enumOf(RISK_CATEGORIES, '请选择产品类别'),
  productTags: z.array(enumOf(RISK_PRODUCT_TAGS, '重点产品不正确')).max(10, '最多10项').optional(),
  level: enumOf(RISK_GRADES, '请选择风险等级'),
  controlMeasure: optText(1000, '管控措施'),
  ownerId: id,
  deadline: isoDate,
  entityIds: idList(50),
};

export const createRiskInput = z.object({
  ...riskFields,
  channel: enumOf(RISK_CHANNELS, '请选择发现渠道'),
  /** The station (or the bureau itself); default the caller's own jurisdiction. */
  jurisdictionId: id.optional(),
  /** Day found; default today. */
  foundOn: isoDate.optional(),
});
export type CreateRiskInput = z.infer<typeof createRiskInput>;

export const editRiskInput = z.object({
  title: riskFields.title.optional(),
  description: riskFields.description.optional(),
  category: riskFields.category.optional(),
  productTags: riskFields.productTags,
  level: riskFields.level.optional(),
  controlMeasure: riskFields.controlMeasure,
  ownerId: id.optional(),
  deadline: isoDate.optional(),
  entityIds: idList(50).optional(),
  version: z.number().int().min(1).max(2_147_483_647),
});
export type EditRiskInput = z.infer<typeof editRiskInput>;

export const riskFromFindingInput = z.object({
  findingId: id,
  ownerId: id,
  deadline: isoDate,
  level: riskFields.level.optional(),
  category: riskFields.category.optional(),
  controlMeasure: riskFields.controlMeasure,
});
export type RiskFromFindingInput = z.infer<typeof riskFromFindingInput>;

export const riskTransitionInput = z.object({
  action: z.enum(['control', 'request_closure', 'close', 'refuse_closure', 'reopen'], { error: '操作不正确' }),
  note: optText(1000, '说明'),
  version: z.number().int().min(1).max(2_147_483_647),
});
export type RiskTransitionInput = z.infer<typeof riskTransitionInput>;

export const listRisksQuery = z.object({
  stationId: idParam.optional(),
  level: enumOf(RISK_GRADES, '风险等级不正确').optional(),
  status: enumOf(RISK_STATUSES, '状态不正确').optional(),
  overdue: z.enum(['true', 'false'], { error: '逾期筛选不正确' }).optional(),
  channel: enumOf(RISK_CHANNELS, '发现渠道不正确').optional(),
  entityId: idParam.optional(),
  q: z.string().trim().max(50, '关键词不超过50字').optional(),
  page: intParam(1, 10_000).default(1),
  pageSize: intParam(1, 200).default(20),
});
export type ListRisksQuery = z.infer<typeof listRisksQuery>;

const ref = z.object({ id: z.number(), name: z.string() });

export const riskView = z.object({
  id: z.number(),
  jurisdictionId: z.number(),
  stationName: z.string(),
  channel: enumOf(RISK_CHANNELS, ''),
  source: z.object({ type: z.string(), id: z.number(), label: z.string() }).nullable(),
  category: enumOf(RISK_CATEGORIES, ''),
  productTags: z.array(z.string()),
  title: z.string(),
  description: z.string(),
  level: enumOf(RISK_GRADES, ''),
  controlMeasure: z.string().nullable(),
  owner: ref,
  deadline: z.string(),
  foundOn: z.string(),
  status: enumOf(RISK_STATUSES, ''),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  entities: z.array(ref),
  closureNote: z.string().nullable(),
  closedBy: ref.nullable(),
  closedOn: z.string().nullable(),
  evidence: z.array(storedFile),
  commonRisks: z.array(z.object({ id: z.number(), title: z.string() })),
  consultations: z.array(z.object({ id: z.number(), heldOn: z.string(), topic: z.string(), decision: z.string().nullable() })),
  actions: z.array(enumOf(RISK_ACTIONS, '')),
  version: z.number(),
});
export type RiskView = z.infer<typeof riskView>;

export const riskListItem = riskView.omit({ evidence: true, commonRisks: true, consultations: true, description: true });
export type RiskListItem = z.infer<typeof riskListItem>;

/** Per station: risks found and closed in a period (附件3: 发现风险隐患数 / 销号数), and overdue now. */
export const riskStatsQuery = z.object({ from: isoDate, to: isoDate, jurisdictionId: idParam.optional() });
export const riskStats = z.object({
  from: z.string(),
  to: z.string(),
  found: z.number(),
  closed: z.number(),
  common: z.number(),
  byStation: z.array(
    z.object({
      jurisdictionId: z.number(),
      name: z.string(),
      found: z.number(),
      closed: z.number(),
      open: z.number(),
      overdue: z.number(),
    }),
  ),
  consultations: z.object({
    own: z.object({ held: z.number(), items: z.number() }),
    below: z.object({ held: z.number(), items: z.number() }),
  }),
});
export type RiskStats = z.infer<typeof riskStats>;

// ── Common risks (共性风险隐患) ─────────────────────────────────────────────

export const commonRiskInput = z.object({
  title: text(200, '共性风险隐患'),
  category: enumOf(RISK_CATEGORIES, '请选择产品类别'),
  analysis: optText(2000, '分析研判'),
  controlMeasure: text(1000, '管控措施'),
  removed: z.boolean({ error: '请选择是否消除' }).optional(),
  riskIds: idList(200).optional(),
  findingIds: idList(200).optional(),
  jurisdictionId: id.optional(),
});
export type CommonRiskInput = z.infer<typeof commonRiskInput>;
export const editCommonRiskInput = commonRiskInput.omit({ jurisdictionId: true }).extend({
  version: z.number().int().min(1).max(2_147_483_647),
});
export type EditCommonRiskInput = z.infer<typeof editCommonRiskInput>;

export const commonRiskView = z.object({
  id: z.number(),
  jurisdictionId: z.number(),
  stationName: z.string(),
  title: z.string(),
  category: enumOf(RISK_CATEGORIES, ''),
  analysis: z.string().nullable(),
  controlMeasure: z.string(),
  removed: z.boolean(),
  removedOn: z.string().nullable(),
  risks: z.array(z.object({ id: z.number(), title: z.string(), status: enumOf(RISK_STATUSES, '') })),
  findings: z.array(z.object({ id: z.number(), inspectionId: z.number(), description: z.string() })),
  entities: z.array(ref),
  createdAt: z.string(),
  editable: z.boolean(),
  version: z.number(),
});
export type CommonRiskView = z.infer<typeof commonRiskView>;
/** Inspection findings a common risk may group (归并), newest first; `q` searches the problem and the unit. */
export const findingOptionsQuery = z.object({
  q: z.string().trim().max(50, '搜索内容不超过50字').optional(),
});
export const findingOption = z.object({
  id: z.number(),
  inspectionId: z.number(),
  date: z.string(),
  entityName: z.string(),
  severity: z.enum(['general', 'serious', 'severe']),
  description: z.string(),
});
export type FindingOption = z.infer<typeof findingOption>;
export const listCommonRisksQuery = z.object({
  stationId: idParam.optional(),
  removed: z.enum(['true', 'false'], { error: '是否消除筛选不正确' }).optional(),
  page: intParam(1, 10_000).default(1),
  pageSize: intParam(1, 200).default(20),
});
export type ListCommonRisksQuery = z.infer<typeof listCommonRisksQuery>;

// ── Consultations (风险会商 / 案件会商) ──────────────────────────────────────

export const CONSULTATION_KINDS = { risk: '风险会商', case: '案件会商' } as const;
export type ConsultationKind = keyof typeof CONSULTATION_KINDS;
/** The level a meeting is held at, from its jurisdiction (所 / 县 / 市). */
export const CONSULTATION_LEVELS = { station: '所级', county: '县级', city: '市级' } as const;
export type ConsultationLevel = keyof typeof CONSULTATION_LEVELS;

export const linkRef = z.object({
  type: z.string({ error: '关联类型不正确' }).regex(SOURCE_TYPE, '关联类型不正确'),
  id,
});
export const consultationItemInput = z.object({
  topic: text(500, '会商事项'),
  decision: optText(2000, '会商意见'),
  followUpUserId: id.optional(),
  links: z.array(linkRef).max(50, '最多关联50项').optional(),
});
export const consultationInput = z.object({
  kind: enumOf(CONSULTATION_KINDS, '请选择会商类型'),
  heldOn: isoDate,
  host: text(50, '主持人'),
  participants: z.array(text(50, '参会人员')).max(100, '参会人员最多100人').optional(),
  note: optText(2000, '备注'),
  jurisdictionId: id.optional(),
  items: z.array(consultationItemInput).min(1, '请至少填写一项会商事项').max(50, '会商事项最多50项'),
});
export type ConsultationInput = z.infer<typeof consultationInput>;
export const editConsultationInput = consultationInput.omit({ jurisdictionId: true, kind: true }).extend({
  /** Why a meeting record is corrected after the meeting (kept in the audit log). */
  reason: text(500, '修改原因'),
  version: z.number().int().min(1).max(2_147_483_647),
});
export type EditConsultationInput = z.infer<typeof editConsultationInput>;

export const consultationView = z.object({
  id: z.number(),
  kind: enumOf(CONSULTATION_KINDS, ''),
  level: enumOf(CONSULTATION_LEVELS, ''),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  heldOn: z.string(),
  host: z.string(),
  participants: z.array(z.string()),
  note: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.number(),
      topic: z.string(),
      decision: z.string().nullable(),
      followUp: ref.nullable(),
      links: z.array(z.object({ type: z.string(), id: z.number(), label: z.string(), title: z.string() })),
    }),
  ),
  editable: z.boolean(),
  version: z.number(),
});
export type ConsultationView = z.infer<typeof consultationView>;
export const listConsultationsQuery = z.object({
  kind: enumOf(CONSULTATION_KINDS, '会商类型不正确').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: intParam(1, 10_000).default(1),
  pageSize: intParam(1, 200).default(20),
});
export type ListConsultationsQuery = z.infer<typeof listConsultationsQuery>;
