import { z } from 'zod';
import { isoDate } from './calendar.js';
import { versioned } from './versions.js';

/** Grassroots tips (基层上报): contracts shared by server and web. */
export const TIP_KINDS = ['hazard', 'clue', 'other'] as const;
export type TipKind = (typeof TIP_KINDS)[number];
export const TIP_KIND_LABELS: Record<TipKind, string> = { hazard: '隐患', clue: '线索', other: '其他' };

export const TIP_STATUSES = ['submitted', 'accepted', 'rejected', 'forwarded'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];
export const TIP_STATUS_LABELS: Record<TipStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  forwarded: '已转办',
};

export const TIP_ACTIONS = ['accept', 'reject', 'forward', 'reopen'] as const;
export type TipAction = (typeof TIP_ACTIONS)[number];
export const TIP_ACTION_LABELS: Record<TipAction, string> = { accept: '受理', reject: '不予受理', forward: '转办', reopen: '撤回受理' };

/** Photo limits: checked at upload and again by the database. */
export const TIP_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const TIP_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const TIP_PHOTOS_PER_TIP = 6;

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const optText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}字`).nullish();

export const createTipInput = z.object({
  kind: z.enum(TIP_KINDS, { message: '请选择类别' }),
  title: text('标题', 100),
  description: z.string().trim().max(2000, '情况描述不能超过2000字').default(''),
  place: text('地点', 200),
  entityName: optText('涉及单位名称', 100),
  entityAddress: optText('涉及单位地址', 200),
  occurredOn: isoDate,
});
export type CreateTipInput = z.infer<typeof createTipInput>;
export const updateTipInput = createTipInput.partial().extend(versioned);

export const transitionTipInput = z.object({
  action: z.enum(TIP_ACTIONS),
  note: z.string().trim().max(500, '说明不能超过500字').optional(),
});

export const tipPhoto = z.object({ id: z.number(), fileName: z.string(), mimeType: z.string(), size: z.number() });

export const tip = z.object({
  id: z.number(),
  kind: z.enum(TIP_KINDS),
  title: z.string(),
  description: z.string(),
  place: z.string(),
  entityName: z.string().nullable(),
  entityAddress: z.string().nullable(),
  occurredOn: z.string(),
  status: z.enum(TIP_STATUSES),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  reportedBy: z.number(),
  reporterName: z.string(),
  reviewNote: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  forwardNote: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  createdAt: z.string(),
  photos: z.array(tipPhoto),
  /** What the current actor may do with it now (from the workflow table). */
  actions: z.array(z.enum(TIP_ACTIONS)),
  editable: z.boolean(),
  /** Optimistic-concurrency version: send it back with an update (contracts/versions.ts). */
  version: z.number(),
});
export type Tip = z.infer<typeof tip>;

export const listTipsQuery = z.object({
  status: z.enum(TIP_STATUSES).optional(),
  kind: z.enum(TIP_KINDS).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
