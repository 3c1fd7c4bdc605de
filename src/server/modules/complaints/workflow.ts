import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  REWARD_STATUSES,
  type ComplaintAction,
  type ComplaintStatus,
  type RewardStatus,
} from '../../../contracts/complaints.js';
import { defineWorkflow } from '../../core/workflow.js';

export interface ComplaintFacts {
  /** A report (举报) by a named reporter whose clue has been decided (立案 or 不予立案) and who has not been told yet. */
  mayInform: boolean;
}

/**
 * Complaint states: 待受理 → 已受理 | 不予受理 (reason required); 已受理 → 已答复 (the reply recorded).
 * A named reporter is told whether a case was opened (告知, no change of state) once the clue made
 * from the report is decided. Nothing is replied before it is accepted.
 */
export const complaintWorkflow = defineWorkflow<ComplaintStatus, ComplaintAction, ComplaintFacts>({
  record: '投诉举报',
  states: COMPLAINT_STATUSES,
  actions: COMPLAINT_ACTIONS,
  transitions: [
    { action: 'accept', from: 'received', to: 'accepted', permission: 'complaints.manage' },
    { action: 'refuse', from: 'received', to: 'refused', permission: 'complaints.manage', note: 'required', noteLabel: '不予受理理由' },
    { action: 'inform', from: 'accepted', to: 'accepted', permission: 'complaints.manage', when: (f) => f.mayInform },
    { action: 'inform', from: 'replied', to: 'replied', permission: 'complaints.manage', when: (f) => f.mayInform },
    { action: 'reply', from: 'accepted', to: 'replied', permission: 'complaints.manage', note: 'required', noteLabel: '答复内容' },
  ],
});

/** A reward (奖励) for a report: requested by one person, approved or rejected by another who holds complaints.reward_approve. */
export const rewardWorkflow = defineWorkflow<RewardStatus, 'approve' | 'reject'>({
  record: '举报奖励',
  states: REWARD_STATUSES,
  actions: { approve: '批准', reject: '不予批准' },
  transitions: [
    { action: 'approve', from: 'requested', to: 'approved', permission: 'complaints.reward_approve' },
    {
      action: 'reject',
      from: 'requested',
      to: 'rejected',
      permission: 'complaints.reward_approve',
      note: 'required',
      noteLabel: '不予批准理由',
    },
  ],
});
