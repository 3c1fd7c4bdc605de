import type { Permission } from '../../../contracts/permissions.js';
import type { InspectionStatus } from '../../../contracts/plans.js';
import { conflict } from '../../core/errors.js';

/**
 * Inspection states: a published plan task becomes a planned inspection; recording completes it,
 * or it is cancelled with a reason. An unplanned inspection is recorded directly as done.
 */
export const INSPECTION_TRANSITIONS: { action: 'record' | 'cancel'; from: InspectionStatus; to: InspectionStatus; permission: Permission }[] = [
  { action: 'record', from: 'planned', to: 'done', permission: 'inspections.record' },
  { action: 'cancel', from: 'planned', to: 'cancelled', permission: 'inspections.record' },
];

export function transition(action: 'record' | 'cancel', from: string): InspectionStatus {
  const t = INSPECTION_TRANSITIONS.find((x) => x.action === action && x.from === from);
  if (!t) throw conflict(action === 'record' ? '该检查已完成或已取消，不能再次录入' : '只有待检查的任务可以取消');
  return t.to;
}

/** Plans: draft → published (then tasks become planned inspections). */
export const PLAN_TRANSITIONS = [{ action: 'publish', from: 'draft', to: 'published', permission: 'plans.manage' as Permission }];
