import { SUBMISSION_ACTIONS, SUBMISSION_STATUSES, type SubmissionAction, type SubmissionStatus } from '../../../../contracts/submissions.js';
import { defineWorkflow, type Transition } from '../../../core/workflow.js';

/** What a submission's transitions need beyond its state. */
export interface SubmissionFacts {
  /** The obligation's review asks for the unit head / the leader in charge. */
  reviewHead: boolean;
  reviewLeader: boolean;
  /** The caller belongs to the submitting unit (its liaison drafts and submits). */
  ownUnit: boolean;
  /** The caller drafted it: they may not approve it themselves. */
  isDrafter: boolean;
  /** The caller heads the submitting unit (or is a bureau leader over it). */
  isUnitHead: boolean;
  /** The caller belongs to the receiving level (the recipient unit, or a bureau leader). */
  isRecipient: boolean;
}

type T = Transition<SubmissionStatus, SubmissionAction, SubmissionFacts>;
const both = (from: SubmissionStatus[], row: Omit<T, 'from'>): T[] => from.map((f) => ({ ...row, from: f }));

/**
 * A report's way up (seed 003/004: 单位负责人审核, 分管局领导审核, 报送, 受理): the liaison drafts
 * and submits; the unit head approves (not the drafter); the leader in charge approves when the
 * obligation's review names the leader; then it is 已上报 (the table frozen) and the receiving
 * level accepts it (locked for good) or returns it with a reason (the liaison edits and submits
 * it again through the same review). A reviewer may send it back (审核退回) with a reason, and the
 * liaison may withdraw it (撤回) until it is accepted.
 */
export const submissionWorkflow = defineWorkflow<SubmissionStatus, SubmissionAction, SubmissionFacts>({
  record: '报送',
  states: SUBMISSION_STATUSES,
  actions: SUBMISSION_ACTIONS,
  transitions: [
    { action: 'edit', from: 'draft', to: 'draft', permission: 'reports.submit', when: (f) => f.ownUnit },
    { action: 'edit', from: 'returned', to: 'returned', permission: 'reports.submit', when: (f) => f.ownUnit },
    ...both(['draft', 'returned'], {
      action: 'submit',
      to: 'unit_review',
      permission: 'reports.submit',
      when: (f) => f.ownUnit && f.reviewHead,
    }),
    ...both(['draft', 'returned'], {
      action: 'submit',
      to: 'leader_review',
      permission: 'reports.submit',
      when: (f) => f.ownUnit && !f.reviewHead && f.reviewLeader,
    }),
    ...both(['draft', 'returned'], {
      action: 'submit',
      to: 'reported',
      permission: 'reports.submit',
      when: (f) => f.ownUnit && !f.reviewHead && !f.reviewLeader,
    }),
    {
      action: 'approve',
      from: 'unit_review',
      to: 'leader_review',
      permission: 'reports.approve',
      note: 'optional',
      noteLabel: '审核意见',
      when: (f) => f.reviewLeader && f.isUnitHead && !f.isDrafter,
    },
    {
      action: 'approve',
      from: 'unit_review',
      to: 'reported',
      permission: 'reports.approve',
      note: 'optional',
      noteLabel: '审核意见',
      when: (f) => !f.reviewLeader && f.isUnitHead && !f.isDrafter,
    },
    {
      action: 'approve',
      from: 'leader_review',
      to: 'reported',
      permission: 'reports.approve',
      roles: ['leader', 'admin'],
      note: 'optional',
      noteLabel: '审核意见',
      when: (f) => !f.isDrafter,
    },
    {
      action: 'reject',
      from: 'unit_review',
      to: 'returned',
      permission: 'reports.approve',
      note: 'required',
      noteLabel: '退回原因',
      when: (f) => f.isUnitHead && !f.isDrafter,
    },
    {
      action: 'reject',
      from: 'leader_review',
      to: 'returned',
      permission: 'reports.approve',
      roles: ['leader', 'admin'],
      note: 'required',
      noteLabel: '退回原因',
      when: (f) => !f.isDrafter,
    },
    { action: 'accept', from: 'reported', to: 'accepted', permission: 'reports.accept', note: 'optional', noteLabel: '受理意见', when: (f) => f.isRecipient },
    { action: 'return', from: 'reported', to: 'returned', permission: 'reports.accept', note: 'required', noteLabel: '退回原因', when: (f) => f.isRecipient },
    ...both(['unit_review', 'leader_review', 'reported'], { action: 'withdraw', to: 'draft', permission: 'reports.submit', when: (f) => f.ownUnit }),
  ],
});

/** States in which the unit may still change the content. */
export const EDITABLE: SubmissionStatus[] = ['draft', 'returned'];
/** States in which the stamped scan may be attached (until accepted). */
export const SCAN_STATES: SubmissionStatus[] = ['draft', 'returned', 'unit_review', 'leader_review', 'reported'];
