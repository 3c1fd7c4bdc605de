import { z } from 'zod';
import { MAX_FREE_ROWS } from './row-sources.js';
import { isoDate } from './calendar.js';
import { id, idParam } from './fields.js';
import { tableResult } from './reports.js';

/**
 * Report submissions (报送) and the obligations calendar (报送日历). A submission answers one due
 * date of one campaign obligation for one submitting unit; it goes 草稿 → 待审核 (unit head) →
 * 待领导审核 (when the obligation's review includes the leader) → 已上报 (table frozen) → 已受理
 * (locked) or 已退回 (with a reason, back to the drafter).
 */
export const SUBMISSION_STATUSES = {
  draft: '草稿',
  unit_review: '待审核',
  leader_review: '待领导审核',
  reported: '已上报',
  accepted: '已受理',
  returned: '已退回',
} as const;
export type SubmissionStatus = keyof typeof SUBMISSION_STATUSES;
const statusKeys = Object.keys(SUBMISSION_STATUSES) as [SubmissionStatus, ...SubmissionStatus[]];

export const SUBMISSION_ACTIONS = {
  edit: '修改',
  submit: '提交审核',
  approve: '审核通过',
  reject: '审核退回',
  accept: '受理',
  return: '退回',
  withdraw: '撤回',
} as const;
export type SubmissionAction = keyof typeof SUBMISSION_ACTIONS;

/** Status of one due date in the calendar. */
export const DUE_STATUSES = {
  pending: '待报',
  on_time: '按时报送',
  late: '逾期报送',
  missing: '未报',
  accepted: '已受理',
} as const;
export type DueStatus = keyof typeof DUE_STATUSES;

const noCtl = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s);
const sectionText = z.string().max(20_000, '每部分不能超过20000字').refine(noCtl, '含有无效字符');
/** A typed cell: a number (number/money columns), text or yes/no; null clears it. */
export const typedCell = z.union([z.number().finite('须为有效数字'), z.string().max(500, '不能超过500字'), z.boolean()]).nullable();

export const submissionContent = z.object({
  /** Narrative sections in the obligation's order, by title. */
  sections: z
    .array(z.object({ title: z.string().max(100), text: sectionText }))
    .max(30, '最多30部分')
    .optional(),
  /** Typed cells of the table: rowKey → columnKey → value. */
  cells: z.record(z.string().max(60), z.record(z.string().max(60), typedCell)).optional(),
  /** A table of free rows (问题清单): its rows in order, each columnKey → value; replaces the list when sent. */
  freeRows: z
    .array(z.record(z.string().max(60), typedCell))
    .max(MAX_FREE_ROWS, `最多${MAX_FREE_ROWS}行`)
    .optional(),
  /** A title for items reported one by one (典型案例的标题). */
  title: z.string().trim().max(200, '标题不能超过200字').refine(noCtl, '含有无效字符').optional(),
});
export type SubmissionContent = z.infer<typeof submissionContent>;

export const createSubmissionInput = z.object({
  campaignId: id,
  obligationKey: z.string().regex(/^[a-z0-9_-]{1,60}$/, '报送事项编号无效'),
  /** The due date answered; omitted for an ad-hoc obligation (随时报送). */
  dueDate: isoDate.optional(),
  /** The submitting unit (default the caller's). */
  orgUnitId: id.optional(),
});
export type CreateSubmissionInput = z.infer<typeof createSubmissionInput>;

export const editSubmissionInput = submissionContent.extend({ version: z.number().int().min(1).max(2_147_483_647) });
export type EditSubmissionInput = z.infer<typeof editSubmissionInput>;

export const submissionTransitionInput = z.object({
  action: z.enum(['submit', 'approve', 'reject', 'accept', 'return', 'withdraw'], { error: '操作不正确' }),
  reason: z.string().trim().max(1000, '原因不能超过1000字').refine(noCtl, '含有无效字符').optional(),
  version: z.number().int().min(1).max(2_147_483_647),
});
export type SubmissionTransitionInput = z.infer<typeof submissionTransitionInput>;
const actionInput = <A extends SubmissionTransitionInput['action']>(actions: [A, ...A[]]) =>
  submissionTransitionInput.extend({ action: z.enum(actions, { error: '操作不正确' }) });
/** The submitting unit: 提交审核 / 撤回. */
export const submitActionInput = actionInput(['submit', 'withdraw']);
/** The unit head / the leader in charge: 审核通过 / 审核退回. */
export const reviewActionInput = actionInput(['approve', 'reject']);
/** The receiving level: 受理 / 退回. */
export const receiveActionInput = actionInput(['accept', 'return']);
/** Which route takes which action (the web calls the one for the button). */
export const ACTION_ROUTES: Record<Exclude<SubmissionAction, 'edit'>, 'transition' | 'review' | 'receive'> = {
  submit: 'transition',
  withdraw: 'transition',
  approve: 'review',
  reject: 'review',
  accept: 'receive',
  return: 'receive',
};

export const submissionCheck = z.object({
  level: z.enum(['error', 'warning']),
  message: z.string(),
  row: z.string().nullable(),
  column: z.string().nullable(),
  /** The table definition's check that failed (行校验 / 跨行校验), when this is one. */
  rule: z.string().optional(),
});
export type SubmissionCheck = z.infer<typeof submissionCheck>;

export const submissionListItem = z.object({
  id,
  campaignId: id,
  campaignName: z.string(),
  obligationKey: z.string(),
  obligationLabel: z.string(),
  formType: z.string(),
  dueDate: z.string().nullable(),
  dueAt: z.string().nullable(),
  orgUnitId: id,
  orgUnitName: z.string(),
  status: z.enum(statusKeys),
  title: z.string().nullable(),
  firstReportedAt: z.string().nullable(),
  late: z.boolean(),
  updatedAt: z.string(),
});
export type SubmissionListItem = z.infer<typeof submissionListItem>;

export const SUBMISSION_BOXES = { mine: '本单位报送', approve: '待我审核', receive: '待我受理', all: '全部' } as const;
export type SubmissionBox = keyof typeof SUBMISSION_BOXES;
export const listSubmissionsQuery = z.object({
  box: z.enum(Object.keys(SUBMISSION_BOXES) as [SubmissionBox, ...SubmissionBox[]], { error: '列表类型不正确' }).default('all'),
  campaignId: idParam.optional(),
  status: z.enum(statusKeys, { error: '状态不正确' }).optional(),
});

export const submissionView = submissionListItem.extend({
  version: z.number(),
  rule: z.string(),
  recipient: z.string().nullable(),
  review: z.array(z.string()),
  stampedScan: z.boolean(),
  draftedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  reportedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  /** The narrative sections with the definition's minimum and hint. */
  sections: z.array(
    z.object({ title: z.string(), text: z.string(), minChars: z.number().nullable(), hint: z.string().nullable(), chars: z.number() }),
  ),
  /** The table: live values plus typed cells while a draft, the frozen snapshot once sent up. */
  table: tableResult.nullable(),
  frozen: z.boolean(),
  checks: z.array(submissionCheck),
  scans: z.array(z.object({ id, name: z.string(), size: z.number(), uploadedAt: z.string() })),
  history: z.array(z.object({ at: z.string(), by: z.string().nullable(), action: z.string(), summary: z.string() })),
  actions: z.array(z.enum(Object.keys(SUBMISSION_ACTIONS) as [SubmissionAction, ...SubmissionAction[]])),
  /** May the caller upload the stamped scan now. */
  canUploadScan: z.boolean(),
});
export type SubmissionView = z.infer<typeof submissionView>;

// ---- the calendar ----

export const calendarQuery = z.object({
  /** One submitting unit (default: the caller's unit when it submits, else every unit the caller oversees). */
  orgUnitId: idParam.optional(),
});

export const calendarEntry = z.object({
  obligationKey: z.string(),
  dueDate: z.string().nullable(),
  dueAt: z.string().nullable(),
  status: z.enum(Object.keys(DUE_STATUSES) as [DueStatus, ...DueStatus[]]),
  /** Hours late (逾期报送; 未报: hours since the deadline). */
  hoursLate: z.number().nullable(),
  submissionId: id.nullable(),
  submissionStatus: z.enum(statusKeys).nullable(),
});
export type CalendarEntry = z.infer<typeof calendarEntry>;

export const obligationCalendar = z.object({
  campaignId: id,
  campaignName: z.string(),
  today: z.string(),
  obligations: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      rule: z.string(),
      formType: z.string(),
      recipient: z.string().nullable(),
      /** 方案未定… when no dates can be computed. */
      missing: z.string().nullable(),
      minCount: z.object({ count: z.number(), per: z.string() }).nullable(),
    }),
  ),
  units: z.array(
    z.object({
      orgUnitId: id,
      name: z.string(),
      jurisdictionId: id,
      entries: z.array(calendarEntry.extend({ orgUnitId: id })),
      /** Per ad-hoc obligation with a minimum count: submitted vs required in each period so far. */
      counts: z.array(
        z.object({
          obligationKey: z.string(),
          period: z.string(),
          from: z.string(),
          to: z.string(),
          required: z.number(),
          submitted: z.number(),
          met: z.boolean(),
        }),
      ),
      totals: z.object({ due: z.number(), onTime: z.number(), late: z.number(), missing: z.number(), pending: z.number() }),
    }),
  ),
});
export type ObligationCalendar = z.infer<typeof obligationCalendar>;

/** Timeliness and completeness per jurisdiction (roll-up, assessment). */
export interface SubmissionStats {
  jurisdictionId: number;
  due: number;
  onTime: number;
  late: number;
  missing: number;
}

/** Characters counted toward a section's minimum: every character except whitespace. */
export const countChars = (s: string) => [...s.replace(/\s+/g, '')].length;
