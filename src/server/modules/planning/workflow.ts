import type { Permission } from '../../../contracts/permissions.js';
import type { InspectionStatus } from '../../../contracts/plans.js';
import { conflict } from '../../core/errors.js';

/**
 * Inspection states: a published plan task becomes a planned inspection; recording completes it,
 * or it is cancelled with a reason. An unplanned inspection is recorded directly as done.
 * Corrections: a done inspection may be edited (date, inspectors, note; with a reason), or
 * withdrawn (撤回, with a reason): a plan task's inspection goes back to planned (the task is open
 * again, its due date and drawn inspectors restored) while its plan is in force; an unplanned one,
 * or one of a superseded plan, becomes cancelled. Every transition is audited with its reason.
 */
export type InspectionAction = 'record' | 'cancel' | 'edit' | 'withdraw';

export const INSPECTION_TRANSITIONS: {
  action: InspectionAction;
  from: InspectionStatus;
  to: InspectionStatus;
  when?: 'plan_task' | 'unplanned';
  permission: Permission;
}[] = [
  { action: 'record', from: 'planned', to: 'done', permission: 'inspections.record' },
  { action: 'cancel', from: 'planned', to: 'cancelled', permission: 'inspections.record' },
  { action: 'edit', from: 'done', to: 'done', permission: 'inspections.record' },
  { action: 'withdraw', from: 'done', to: 'planned', when: 'plan_task', permission: 'inspections.record' },
  { action: 'withdraw', from: 'done', to: 'cancelled', when: 'unplanned', permission: 'inspections.record' },
];

const REFUSED: Record<InspectionAction, string> = {
  record: '该检查已完成或已取消，不能再次录入',
  cancel: '只有待检查的任务可以取消',
  edit: '只有已完成的检查可以修改',
  withdraw: '只有已完成的检查可以撤回',
};

/** The state an action leads to from `from`; `planTask`: the inspection belongs to a plan in force. */
export function transition(action: InspectionAction, from: string, planTask = false): InspectionStatus {
  const t = INSPECTION_TRANSITIONS.find(
    (x) => x.action === action && x.from === from && (!x.when || x.when === (planTask ? 'plan_task' : 'unplanned')),
  );
  if (!t) throw conflict(REFUSED[action]);
  return t.to;
}

/** Plans: draft → published (then tasks become planned inspections) → superseded by a later plan. */
export const PLAN_TRANSITIONS = [
  { action: 'publish', from: 'draft', to: 'published', permission: 'plans.manage' as Permission },
  { action: 'supersede', from: 'published', to: 'superseded', permission: 'plans.manage' as Permission },
];
