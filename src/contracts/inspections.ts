import { z } from 'zod';
import { isoDate } from './calendar.js';
import { id } from './fields.js';
import { recordVersion } from './versions.js';

/** The inspection record (监督检查记录): shared by server and web. Planning creates planned ones. */
export const INSPECTION_STATUSES = { planned: '待检查', done: '已完成', cancelled: '已取消' } as const;
export type InspectionStatus = keyof typeof INSPECTION_STATUSES;
export const INSPECTION_STATUS_KEYS = Object.keys(INSPECTION_STATUSES) as [InspectionStatus, ...InspectionStatus[]];

/** What a person may do to an inspection (the presenter lists those the caller may take now). */
export const INSPECTION_ACTIONS = { record: '录入', cancel: '取消', edit: '更正', withdraw: '撤回' } as const;
export type InspectionAction = keyof typeof INSPECTION_ACTIONS;
export const INSPECTION_ACTION_KEYS = Object.keys(INSPECTION_ACTIONS) as [InspectionAction, ...InspectionAction[]];

export const personRef = z.object({ id: z.number(), name: z.string() });

export const recordInspectionInput = z
  .object({
    /** Complete a planned task… */
    planTaskId: id.optional(),
    /** …or record an unplanned inspection of a unit. */
    entityId: id.optional(),
    date: isoDate,
    inspectorIds: z.array(id).min(1, '至少一名检查人员').max(10),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((v) => !!v.planTaskId !== !!v.entityId, { message: '请指定计划任务或检查对象（二选一）' });
export type RecordInspectionInput = z.infer<typeof recordInspectionInput>;

export const cancelInspectionInput = z.object({ reason: z.string().trim().min(1, '请填写取消原因').max(200) });

/** Correct a recorded inspection: what changed and why; `version` as read (a change in between → 409). */
export const editInspectionInput = z.object({
  date: isoDate,
  inspectorIds: z.array(id).min(1, '至少一名检查人员').max(10),
  note: z.string().trim().max(2000).nullish(),
  reason: z.string().trim().min(1, '请填写修改原因').max(200),
  version: recordVersion,
});
export type EditInspectionInput = z.infer<typeof editInspectionInput>;

/** Withdraw (撤回) a recorded inspection: a plan task's goes back to 待检查, an unplanned one is cancelled. */
export const withdrawInspectionInput = z.object({ reason: z.string().trim().min(1, '请填写撤回原因').max(200), version: recordVersion });
export type WithdrawInspectionInput = z.infer<typeof withdrawInspectionInput>;

export const inspection = z.object({
  id: z.number(),
  planTaskId: z.number().nullable(),
  planId: z.number().nullable(),
  entityId: z.number(),
  entityName: z.string(),
  jurisdictionId: z.number(),
  date: z.string(),
  inspectors: z.array(personRef),
  status: z.enum(INSPECTION_STATUS_KEYS),
  note: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Version for edits: send back as read (contracts/versions.ts). */
  version: z.number(),
  recordedAt: z.string().nullable(),
  /** The actions the caller may take now (workflow). */
  actions: z.array(z.enum(INSPECTION_ACTION_KEYS)),
});
export type Inspection = z.infer<typeof inspection>;
