import type { Role } from '../../../contracts/permissions.js';
import { TIP_ACTION_LABELS, TIP_STATUS_LABELS, type TipAction, type TipStatus } from '../../../contracts/tips.js';
import { defineWorkflow } from '../../core/workflow.js';

/** Station staff who review grassroots tips (each also holds tips.review). */
const REVIEWERS: Role[] = ['station_head', 'inspector', 'office', 'admin'];

/**
 * The one table of a tip's life: submitted → accepted | rejected; accepted → forwarded.
 * An acceptance can be undone (撤回受理, reason required) while nothing depends on it yet, i.e.
 * before it is forwarded: accepted → submitted.
 * Each row names the roles that may take it and whether a note (reason) is required.
 */
export const tipWorkflow = defineWorkflow<TipStatus, TipAction>({
  record: '基层上报',
  states: TIP_STATUS_LABELS,
  actions: TIP_ACTION_LABELS,
  transitions: [
    {
      action: 'accept',
      from: 'submitted',
      to: 'accepted',
      permission: 'tips.review',
      roles: REVIEWERS,
      note: 'optional',
      noteLabel: '受理意见',
    },
    {
      action: 'reject',
      from: 'submitted',
      to: 'rejected',
      permission: 'tips.review',
      roles: REVIEWERS,
      note: 'required',
      noteLabel: '不予受理理由',
    },
    {
      action: 'forward',
      from: 'accepted',
      to: 'forwarded',
      permission: 'tips.review',
      roles: REVIEWERS,
      note: 'required',
      noteLabel: '转办说明',
    },
    {
      action: 'reopen',
      from: 'accepted',
      to: 'submitted',
      permission: 'tips.review',
      roles: REVIEWERS,
      note: 'required',
      noteLabel: '撤回原因',
    },
  ],
});

/** The reporter may still edit and add photos only while nobody has reviewed it. */
export const EDITABLE_STATUS: TipStatus = 'submitted';
