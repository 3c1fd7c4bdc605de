import { OVERRIDE_ACTIONS, OVERRIDE_STATUSES, type OverrideAction, type OverrideStatus } from '../../../contracts/credit.js';
import { defineWorkflow } from '../../core/workflow.js';

export interface OverrideFacts {
  /** The caller requested it: the requester never decides their own request (a second person approves). */
  ownRequest: boolean;
}

/**
 * Manual grade override (人工调整信用等级): requested (待审批) with a reason by 信用监管 staff
 * (`credit.manage`, see request-override.ts), then approved (已批准) or rejected (已驳回) by another
 * person holding `credit.approve`. An approved override wins over the computed grade until the next
 * rule version or its expiry date. Every transition is audited.
 */
export const overrideWorkflow = defineWorkflow<OverrideStatus, OverrideAction, OverrideFacts>({
  record: '信用等级调整申请',
  states: OVERRIDE_STATUSES,
  actions: OVERRIDE_ACTIONS,
  transitions: [
    { action: 'approve', from: 'requested', to: 'approved', permission: 'credit.approve', note: 'optional', when: (f) => !f.ownRequest },
    {
      action: 'reject',
      from: 'requested',
      to: 'rejected',
      permission: 'credit.approve',
      note: 'required',
      noteLabel: '驳回理由',
      when: (f) => !f.ownRequest,
    },
  ],
});
