import { z } from 'zod';
import { isoDate } from './calendar.js';
import { id, idParam } from './fields.js';
import { storedFile } from './files.js';
import { recordVersion } from './versions.js';

/**
 * Clues (线索), their transfers (移交) and assist requests (协查函): shared by server and web.
 * Path (domain.md): clue → verify (核查) → 立案 (handed to the cases module) / 不予立案 (with reason)
 * / 移交 (to another department or region).
 */

/** Where a clue comes from (domain.md "Clue sources"), plus the grassroots tips of the tips module. */
export const CLUE_SOURCES = {
  inspection: '监督检查',
  sampling: '监督抽检',
  adr: '不良反应监测',
  online: '网络监测',
  complaint: '投诉举报',
  opinion: '舆情',
  dept_transfer: '其他部门移送',
  assigned: '上级交办',
  assist: '协查请求',
  tip: '基层上报',
} as const;
export type ClueSource = keyof typeof CLUE_SOURCES;
export const CLUE_SOURCE_KEYS = Object.keys(CLUE_SOURCES) as [ClueSource, ...ClueSource[]];
/** Sources a person enters by hand (the others are made from their record: a tip, a finding, a complaint, an assist request). */
export const MANUAL_CLUE_SOURCES = ['sampling', 'adr', 'online', 'opinion', 'dept_transfer', 'assigned'] as const;
export type ManualClueSource = (typeof MANUAL_CLUE_SOURCES)[number];

export const CLUE_STATUSES = {
  pending: '待核查',
  verifying: '核查中',
  filed: '已立案',
  not_filed: '不予立案',
  transferred: '已移交',
} as const;
export type ClueStatus = keyof typeof CLUE_STATUSES;
export const CLUE_STATUS_KEYS = Object.keys(CLUE_STATUSES) as [ClueStatus, ...ClueStatus[]];

export const CLUE_ACTIONS = { verify: '开始核查', file: '立案', dismiss: '不予立案', transfer: '移交' } as const;
export type ClueAction = keyof typeof CLUE_ACTIONS;
export const CLUE_ACTION_KEYS = Object.keys(CLUE_ACTIONS) as [ClueAction, ...ClueAction[]];

/**
 * Time to verify a clue and decide whether to file a case: 15 working days from discovering it or
 * receiving the material (《市场监督管理行政处罚程序规定》, rule on 立案: "自发现线索或者收到材料之日起
 * 十五个工作日内予以核查，由市场监督管理部门负责人决定是否立案"; extendable by 15 working days with the
 * head's approval). Article number not cited here: not checked against the text.
 */
export const CLUE_DECISION_WORKING_DAYS = 15;

/** Bodies a clue or case is handed over to (移交). */
export const TRANSFER_TARGETS = {
  health: '卫生健康部门',
  medical_insurance: '医疗保障部门',
  police: '公安机关',
  region: '其他地区',
  other: '其他部门',
} as const;
export type TransferTarget = keyof typeof TRANSFER_TARGETS;
export const TRANSFER_TARGET_KEYS = Object.keys(TRANSFER_TARGETS) as [TransferTarget, ...TransferTarget[]];

export const TRANSFER_STATUSES = { sent: '已移交', receipted: '已回执' } as const;
export type TransferStatus = keyof typeof TRANSFER_STATUSES;
export const TRANSFER_ACTIONS = { receipt: '登记回执' } as const;
export type TransferAction = keyof typeof TRANSFER_ACTIONS;

export const ASSIST_DIRECTIONS = { outgoing: '发出', incoming: '收到' } as const;
export type AssistDirection = keyof typeof ASSIST_DIRECTIONS;
export const ASSIST_STATUSES = { open: '待回复', replied: '已回复' } as const;
export type AssistStatus = keyof typeof ASSIST_STATUSES;
export const ASSIST_ACTIONS = { reply: '登记回复', to_clue: '转为线索' } as const;
export type AssistAction = keyof typeof ASSIST_ACTIONS;

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const optText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}字`).nullish();

// ── Clues ─────────────────────────────────────────────────────────────────────────────────────

/** The fields every clue carries, however it is made. */
const clueFields = {
  /** A registered unit in the caller's area (absent: an unregistered party, named in `subjectName`). */
  entityId: id.nullish(),
  subjectName: optText('涉及对象', 200),
  /** Where the clue belongs when no unit is named (inside the caller's area; default the caller's own). */
  jurisdictionId: id.nullish(),
  summary: text('线索摘要', 200),
  description: z.string().trim().max(5000, '线索内容不能超过5000字').default(''),
  receivedOn: isoDate,
  /** The person who verifies it (an active member of staff in the caller's area). */
  handlerId: id.nullish(),
};

export const createClueInput = z.object({
  source: z.enum(MANUAL_CLUE_SOURCES, { error: '请选择线索来源' }),
  /** 来文单位、文号或监测编号. */
  sourceNote: optText('来源说明', 300),
  ...clueFields,
});
export type CreateClueInput = z.infer<typeof createClueInput>;

export const clueFromTipInput = z.object({ tipId: id, handlerId: id.nullish() });
export const clueFromInspectionInput = z.object({
  inspectionId: id,
  /** One finding of it; absent: the whole inspection (it must carry the measure 转为线索 or findings). */
  findingId: id.nullish(),
  handlerId: id.nullish(),
});

export const verificationInput = z.object({
  findings: text('核查情况', 5000),
  handlerId: id.nullish(),
  version: recordVersion,
});

export const transferFields = z.object({
  target: z.enum(TRANSFER_TARGET_KEYS, { error: '请选择移交对象' }),
  receivingBody: text('接收单位', 200),
  transferredOn: isoDate,
  letterNo: optText('移交函文号', 100),
  note: optText('说明', 1000),
});
export type TransferFields = z.infer<typeof transferFields>;

export const clueTransitionInput = z.object({
  action: z.enum(CLUE_ACTION_KEYS, { error: '未知的操作' }),
  /** 不予立案: the reason (required); other decisions: an optional note. */
  reason: optText('理由', 1000),
  /** 移交: where to (required for that decision). */
  transfer: transferFields.optional(),
  /**
   * 立案: what the case needs that the clue does not say — the procedure (default 普通程序), the
   * violation type from the catalogue (default 其他), the day of the conduct (default the day the
   * clue was received, the earliest the bureau knows of).
   */
  filing: z
    .object({
      procedure: z.enum(['simple', 'ordinary'], { error: '程序须为简易程序或普通程序' }).optional(),
      violationType: optText('违法类型', 80),
      violationDate: isoDate.optional(),
    })
    .optional(),
  version: recordVersion,
});
export type ClueTransitionInput = z.infer<typeof clueTransitionInput>;

export const clueTransfer = z.object({
  id: z.number(),
  clueId: z.number().nullable(),
  caseId: z.number().nullable(),
  clueSummary: z.string().nullable(),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  target: z.enum(TRANSFER_TARGET_KEYS),
  receivingBody: z.string(),
  transferredOn: z.string(),
  letterNo: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(Object.keys(TRANSFER_STATUSES) as [TransferStatus, ...TransferStatus[]]),
  receiptOn: z.string().nullable(),
  receiptNote: z.string().nullable(),
  letterFile: storedFile.nullable(),
  receiptFile: storedFile.nullable(),
  actions: z.array(z.enum(Object.keys(TRANSFER_ACTIONS) as [TransferAction, ...TransferAction[]])),
  version: z.number(),
});
export type ClueTransfer = z.infer<typeof clueTransfer>;

export const clue = z.object({
  id: z.number(),
  source: z.enum(CLUE_SOURCE_KEYS),
  sourceId: z.number().nullable(),
  sourceDetailId: z.number().nullable(),
  sourceNote: z.string().nullable(),
  entityId: z.number().nullable(),
  subjectName: z.string().nullable(),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  summary: z.string(),
  description: z.string(),
  receivedOn: z.string(),
  /** Verify and decide by (15 working days, CLUE_DECISION_WORKING_DAYS); null when the year's holidays are not entered. */
  decideBy: z.string().nullable(),
  overdue: z.boolean(),
  handler: z.object({ id: z.number(), name: z.string() }).nullable(),
  status: z.enum(CLUE_STATUS_KEYS),
  findings: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  caseId: z.number().nullable(),
  caseNo: z.string().nullable(),
  files: z.array(storedFile),
  transfers: z.array(clueTransfer),
  createdAt: z.string(),
  actions: z.array(z.enum(CLUE_ACTION_KEYS)),
  /** May the caller record verification findings now (核查中, clues.manage). */
  canVerify: z.boolean(),
  version: z.number(),
});
export type Clue = z.infer<typeof clue>;

export const listCluesQuery = z.object({
  status: z.enum(CLUE_STATUS_KEYS, { error: '未知的状态' }).optional(),
  source: z.enum(CLUE_SOURCE_KEYS, { error: '未知的来源' }).optional(),
  entityId: idParam.optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListCluesQuery = z.infer<typeof listCluesQuery>;

export const transferReceiptInput = z.object({
  receiptOn: isoDate,
  note: optText('回执说明', 1000),
  version: recordVersion,
});

export const listTransfersQuery = z.object({
  status: z.enum(Object.keys(TRANSFER_STATUSES) as [TransferStatus, ...TransferStatus[]], { error: '未知的状态' }).optional(),
  target: z.enum(TRANSFER_TARGET_KEYS, { error: '未知的移交对象' }).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ── Assist requests (协查函) ──────────────────────────────────────────────────────────────────

export const createAssistInput = z.object({
  direction: z.enum(['outgoing', 'incoming'], { error: '请选择发出或收到' }),
  /** 请求协查的单位（收到）或被请求协查的单位（发出）. */
  counterpart: text('对方单位', 200),
  subject: text('协查事项', 200),
  /** What is to be checked: the party, products, batches, questions. */
  content: text('协查内容', 5000),
  /** The clue it serves (outgoing, optional): must be visible to the caller. */
  clueId: id.nullish(),
  /** 发出日期 / 收到日期. */
  date: isoDate,
  /** By when the reply is due. */
  dueOn: isoDate,
  /** 收到: the letter's own number. */
  letterNo: optText('来函文号', 100),
  contactName: optText('联系人', 50),
  contactPhone: optText('联系电话', 30),
});
export type CreateAssistInput = z.infer<typeof createAssistInput>;

export const assistReplyInput = z.object({
  repliedOn: isoDate,
  content: text('回复内容', 5000),
  version: recordVersion,
});

export const assistRequest = z.object({
  id: z.number(),
  direction: z.enum(['outgoing', 'incoming']),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  counterpart: z.string(),
  subject: z.string(),
  content: z.string(),
  clueId: z.number().nullable(),
  /** The clue made from an incoming request. */
  madeClueId: z.number().nullable(),
  date: z.string(),
  dueOn: z.string(),
  letterNo: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(['open', 'replied']),
  overdue: z.boolean(),
  repliedOn: z.string().nullable(),
  replyContent: z.string().nullable(),
  actions: z.array(z.enum(['reply', 'to_clue'])),
  /** An outgoing letter can be downloaded as .docx. */
  hasLetter: z.boolean(),
  version: z.number(),
});
export type AssistRequest = z.infer<typeof assistRequest>;

export const listAssistQuery = z.object({
  direction: z.enum(['outgoing', 'incoming'], { error: '未知的方向' }).optional(),
  status: z.enum(['open', 'replied'], { error: '未知的状态' }).optional(),
  overdue: z.enum(['true', 'false'], { error: '须为 true 或 false' }).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ── Weekly summary (每周报送, seed 000) ───────────────────────────────────────────────────────

/**
 * The columns of seed 000's weekly summary, as report measure keys: clues found, clues transferred,
 * cases filed, cases decided. A key no module implements is left out of the table (the cases
 * module adds cases.filed / cases.decided).
 */
export const WEEKLY_SUMMARY_COLUMNS: readonly string[] = ['clues.found', 'clues.transferred', 'cases.filed', 'cases.decided'];

export const weeklyQuery = z.object({
  /** Any day of the week (Monday–Sunday); default this week. */
  date: isoDate.optional(),
  /** The area summed (inside the caller's); default the caller's own. */
  jurisdictionId: idParam.optional(),
});

export const weeklySummary = z.object({
  from: z.string(),
  to: z.string(),
  areaName: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string(), definition: z.string() })),
  rows: z.array(z.object({ jurisdictionId: z.number().nullable(), name: z.string(), values: z.record(z.string(), z.number()) })),
  total: z.record(z.string(), z.number()),
});
export type WeeklySummary = z.infer<typeof weeklySummary>;
