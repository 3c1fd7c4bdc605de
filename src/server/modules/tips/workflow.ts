import { ROLE_PERMISSIONS, type Role } from '../../../contracts/permissions.js';
import { TIP_ACTION_LABELS, TIP_STATUS_LABELS, type TipAction, type TipStatus } from '../../../contracts/tips.js';
import { AppError } from '../../core/errors.js';

/** Station staff who review grassroots tips (each also holds tips.review). */
const REVIEWERS: Role[] = ['station_head', 'inspector', 'office', 'admin'];

/**
 * The one table of a tip's life: submitted → accepted | rejected; accepted → forwarded.
 * An acceptance can be undone (撤回受理, reason required) while nothing depends on it yet, i.e.
 * before it is forwarded: accepted → submitted.
 * Each row names the roles that may take it and whether a note (reason) is required.
 */
export const TIP_WORKFLOW: readonly { action: TipAction; from: TipStatus; to: TipStatus; roles: readonly Role[]; note: 'optional' | 'required'; noteLabel: string }[] = [
  { action: 'accept', from: 'submitted', to: 'accepted', roles: REVIEWERS, note: 'optional', noteLabel: '受理意见' },
  { action: 'reject', from: 'submitted', to: 'rejected', roles: REVIEWERS, note: 'required', noteLabel: '不予受理理由' },
  { action: 'forward', from: 'accepted', to: 'forwarded', roles: REVIEWERS, note: 'required', noteLabel: '转办说明' },
  { action: 'reopen', from: 'accepted', to: 'submitted', roles: REVIEWERS, note: 'required', noteLabel: '撤回原因' },
];

/** The reporter may still edit and add photos only while nobody has reviewed it. */
export const EDITABLE_STATUS: TipStatus = 'submitted';

export function actionsFor(role: Role, status: TipStatus): TipAction[] {
  if (!ROLE_PERMISSIONS[role].includes('tips.review')) return [];
  return TIP_WORKFLOW.filter((t) => t.from === status && t.roles.includes(role)).map((t) => t.action);
}

/** The transition for (action, current status, role), or a Chinese refusal. */
export function transitionFor(action: TipAction, status: TipStatus, role: Role, note?: string) {
  const t = TIP_WORKFLOW.find((x) => x.action === action && x.from === status);
  if (!t) {
    throw new AppError('ILLEGAL_TRANSITION', `当前状态为“${TIP_STATUS_LABELS[status]}”，不能${TIP_ACTION_LABELS[action]}`, 409);
  }
  if (!t.roles.includes(role) || !ROLE_PERMISSIONS[role].includes('tips.review')) {
    throw new AppError('FORBIDDEN', `无权${TIP_ACTION_LABELS[action]}基层上报`, 403);
  }
  if (t.note === 'required' && !note?.trim()) throw new AppError('VALIDATION', `请填写${t.noteLabel}`, 400);
  return t;
}
