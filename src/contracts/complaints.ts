import { z } from 'zod';
import { isoDate } from './calendar.js';
import { id, idParam } from './fields.js';
import { recordVersion } from './versions.js';

/**
 * Complaints and reports (投诉举报, 12315): shared by server and web. A complaint (投诉) asks for a
 * consumer dispute to be handled; a report (举报) points at a violation and becomes a clue.
 */
export const COMPLAINT_KINDS = { complaint: '投诉', report: '举报' } as const;
export type ComplaintKind = keyof typeof COMPLAINT_KINDS;

export const COMPLAINT_CHANNELS = {
  platform: '全国12315平台',
  hotline: '12315热线',
  letter: '来信',
  visit: '来访',
  transferred: '其他部门转办',
} as const;
export type ComplaintChannel = keyof typeof COMPLAINT_CHANNELS;
export const COMPLAINT_CHANNEL_KEYS = Object.keys(COMPLAINT_CHANNELS) as [ComplaintChannel, ...ComplaintChannel[]];

export const COMPLAINT_STATUSES = { received: '待受理', accepted: '已受理', refused: '不予受理', replied: '已答复' } as const;
export type ComplaintStatus = keyof typeof COMPLAINT_STATUSES;
export const COMPLAINT_STATUS_KEYS = Object.keys(COMPLAINT_STATUSES) as [ComplaintStatus, ...ComplaintStatus[]];

export const COMPLAINT_ACTIONS = { accept: '受理', refuse: '不予受理', inform: '告知是否立案', reply: '答复' } as const;
export type ComplaintAction = keyof typeof COMPLAINT_ACTIONS;
export const COMPLAINT_ACTION_KEYS = Object.keys(COMPLAINT_ACTIONS) as [ComplaintAction, ...ComplaintAction[]];

export const REWARD_STATUSES = { requested: '待审批', approved: '已批准', rejected: '不予批准' } as const;
export type RewardStatus = keyof typeof REWARD_STATUSES;

/**
 * The time limits of 《市场监督管理投诉举报处理暂行办法》 as data (deadline rules): which records a
 * rule applies to, the day it counts from, how many working days (holiday calendar), and where the
 * value comes from. `status: 'inferred'` (推定) carries its reason.
 */
export interface ComplaintDeadlineRule {
  key: 'accept' | 'inform';
  label: string;
  kinds: readonly ComplaintKind[];
  /** Only for reporters who gave their name (实名). */
  realNameOnly?: boolean;
  /** received: the day it was received; filing_decision: the day the clue made from it was decided (立案 or 不予立案). */
  from: 'received' | 'filing_decision';
  workingDays: number;
  status: 'quoted' | 'inferred';
  basis: string;
  reason?: string;
}

export const COMPLAINT_DEADLINE_RULES: readonly ComplaintDeadlineRule[] = [
  {
    key: 'accept',
    label: '作出受理或不予受理决定',
    kinds: ['complaint'],
    from: 'received',
    workingDays: 7,
    status: 'quoted',
    basis: '《市场监督管理投诉举报处理暂行办法》：自收到投诉之日起七个工作日内作出受理或者不予受理的决定，并告知投诉人。',
  },
  {
    key: 'accept',
    label: '作出受理或不予受理决定',
    kinds: ['report'],
    from: 'received',
    workingDays: 7,
    status: 'inferred',
    basis: '本局内部时限。',
    reason:
      '推定：办法中“七个工作日”的受理时限规定于投诉；举报按行政处罚程序核查处理。为在工作台提示，举报的登记受理沿用同一时限，可由本局修改。',
  },
  {
    key: 'inform',
    label: '告知实名举报人是否立案',
    kinds: ['report'],
    realNameOnly: true,
    from: 'filing_decision',
    workingDays: 5,
    status: 'quoted',
    basis:
      '《市场监督管理投诉举报处理暂行办法》：举报人实名举报的，有处理权限的市场监督管理部门还应当自作出是否立案决定之日起五个工作日内告知举报人。',
  },
];

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const optText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}字`).nullish();

export const createComplaintInput = z.object({
  kind: z.enum(['complaint', 'report'], { error: '请选择投诉或举报' }),
  channel: z.enum(COMPLAINT_CHANNEL_KEYS, { error: '请选择来源渠道' }),
  /** The 12315 platform's number, when it has one. */
  platformNo: optText('平台编号', 60),
  receivedOn: isoDate,
  realName: z.boolean({ error: '请选择是否实名' }),
  complainantName: optText('投诉举报人姓名', 50),
  complainantPhone: optText('联系电话', 30),
  entityId: id.nullish(),
  subjectName: optText('被投诉举报对象', 200),
  /** Where it belongs when no unit is named (inside the caller's area; default the caller's own). */
  jurisdictionId: id.nullish(),
  summary: text('摘要', 200),
  content: text('投诉举报内容', 5000),
});
export type CreateComplaintInput = z.infer<typeof createComplaintInput>;

export const complaintTransitionInput = z.object({
  action: z.enum(COMPLAINT_ACTION_KEYS, { error: '未知的操作' }),
  /** The day it was done (受理/不予受理/告知/答复); default today. */
  on: isoDate.optional(),
  /** 不予受理: the reason (required); 答复: the reply (required); others: a note. */
  note: optText('说明', 5000),
  version: recordVersion,
});
export type ComplaintTransitionInput = z.infer<typeof complaintTransitionInput>;

export const rewardRequestInput = z.object({
  amount: z.number({ error: '请填写奖励金额' }).positive('奖励金额须大于0').max(10_000_000, '奖励金额过大'),
  reason: text('奖励理由', 1000),
  version: recordVersion,
});
export const rewardDecisionInput = z.object({
  approve: z.boolean({ error: '请选择批准或不予批准' }),
  note: optText('审批意见', 1000),
  version: recordVersion,
});

export const complaintDeadline = z.object({
  key: z.enum(['accept', 'inform']),
  label: z.string(),
  due: z.string().nullable(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  inferred: z.boolean(),
  basis: z.string(),
});
export type ComplaintDeadline = z.infer<typeof complaintDeadline>;

export const complaintReward = z.object({
  amount: z.number(),
  reason: z.string(),
  status: z.enum(['requested', 'approved', 'rejected']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** May the caller approve or reject it (a leader who did not request it). */
  canDecide: z.boolean(),
});

export const complaint = z.object({
  id: z.number(),
  kind: z.enum(['complaint', 'report']),
  channel: z.enum(COMPLAINT_CHANNEL_KEYS),
  platformNo: z.string().nullable(),
  receivedOn: z.string(),
  realName: z.boolean(),
  complainantName: z.string().nullable(),
  complainantPhone: z.string().nullable(),
  entityId: z.number().nullable(),
  subjectName: z.string().nullable(),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  summary: z.string(),
  content: z.string(),
  status: z.enum(COMPLAINT_STATUS_KEYS),
  acceptedOn: z.string().nullable(),
  refusedOn: z.string().nullable(),
  refuseReason: z.string().nullable(),
  informedOn: z.string().nullable(),
  informNote: z.string().nullable(),
  repliedOn: z.string().nullable(),
  reply: z.string().nullable(),
  clueId: z.number().nullable(),
  /** The clue's decision (立案 / 不予立案) and its Beijing date, once made. */
  clueDecision: z.object({ status: z.string(), on: z.string() }).nullable(),
  deadlines: z.array(complaintDeadline),
  overdue: z.boolean(),
  reward: complaintReward.nullable(),
  actions: z.array(z.enum(COMPLAINT_ACTION_KEYS)),
  canMakeClue: z.boolean(),
  canRequestReward: z.boolean(),
  version: z.number(),
});
export type Complaint = z.infer<typeof complaint>;

export const listComplaintsQuery = z.object({
  status: z.enum(COMPLAINT_STATUS_KEYS, { error: '未知的状态' }).optional(),
  kind: z.enum(['complaint', 'report'], { error: '未知的类别' }).optional(),
  overdue: z.enum(['true', 'false'], { error: '须为 true 或 false' }).optional(),
  entityId: idParam.optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListComplaintsQuery = z.infer<typeof listComplaintsQuery>;

export const complaintToClueInput = z.object({ handlerId: id.nullish(), version: recordVersion });
