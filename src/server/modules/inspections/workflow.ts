import {
  INSPECTION_ACTIONS,
  INSPECTION_STATUSES,
  RECTIFICATION_ACTIONS,
  RECTIFICATION_STATUSES,
  type InspectionAction,
  type InspectionStatus,
  type RectificationAction,
  type RectificationStatus,
} from '../../../contracts/inspections.js';
import { defineWorkflow } from '../../core/workflow.js';

/** What a transition needs to know beyond the state. */
export interface InspectionFacts {
  /** The inspection's origin (a task of a published plan) is still in force. */
  originInForce: boolean;
  /** Every inspector on it has signed and so has the unit's person (or it is a paper record). */
  complete: boolean;
}

/**
 * Inspection states. A published plan task becomes a planned inspection. Recording it (or an
 * unplanned one) on site makes it 待签名 (draft) until every inspector has confirmed from their own
 * session (or with their password on the same phone) and the unit's person has signed; then it is
 * done (signed: coverage counts it, its documents are numbered, its rectifications start). A paper
 * record back-entered is done at once. Corrections: a done inspection may be edited (with a
 * reason) or withdrawn (撤回, with a reason) — back to planned while its origin is in force, else
 * cancelled; an unsigned draft may be withdrawn the same way. Every transition is audited.
 */
export const inspectionWorkflow = defineWorkflow<InspectionStatus, InspectionAction, InspectionFacts>({
  record: '检查记录',
  states: INSPECTION_STATUSES,
  actions: INSPECTION_ACTIONS,
  transitions: [
    { action: 'record', from: 'planned', to: 'done', permission: 'inspections.record', when: (f) => f.complete },
    { action: 'record', from: 'planned', to: 'draft', permission: 'inspections.record', when: (f) => !f.complete },
    { action: 'sign', from: 'draft', to: 'done', permission: 'inspections.record', when: (f) => f.complete },
    { action: 'sign', from: 'draft', to: 'draft', permission: 'inspections.record', when: (f) => !f.complete },
    { action: 'cancel', from: 'planned', to: 'cancelled', permission: 'inspections.record', note: 'required', noteLabel: '取消原因' },
    { action: 'edit', from: 'done', to: 'done', permission: 'inspections.record', note: 'required', noteLabel: '修改原因' },
    {
      action: 'withdraw',
      from: 'done',
      to: 'planned',
      permission: 'inspections.record',
      note: 'required',
      noteLabel: '撤回原因',
      when: (f) => f.originInForce,
    },
    {
      action: 'withdraw',
      from: 'done',
      to: 'cancelled',
      permission: 'inspections.record',
      note: 'required',
      noteLabel: '撤回原因',
      when: (f) => !f.originInForce,
    },
    {
      action: 'withdraw',
      from: 'draft',
      to: 'planned',
      permission: 'inspections.record',
      note: 'required',
      noteLabel: '撤回原因',
      when: (f) => f.originInForce,
    },
    {
      action: 'withdraw',
      from: 'draft',
      to: 'cancelled',
      permission: 'inspections.record',
      note: 'required',
      noteLabel: '撤回原因',
      when: (f) => !f.originInForce,
    },
  ],
});

/**
 * Rectification (整改): ordered at a signed inspection → the unit's evidence submitted → closed
 * (销号) by a 复查 inspection, or extended (new deadline, with a reason) and then closed. Overdue is
 * not a state but a fact (deadline passed while not closed), listed per station with days overdue.
 */
export const rectificationWorkflow = defineWorkflow<RectificationStatus, RectificationAction>({
  record: '整改',
  states: RECTIFICATION_STATUSES,
  actions: RECTIFICATION_ACTIONS,
  transitions: [
    { action: 'submit_evidence', from: 'ordered', to: 'evidence_submitted', permission: 'inspections.record' },
    { action: 'submit_evidence', from: 'extended', to: 'evidence_submitted', permission: 'inspections.record' },
    { action: 'submit_evidence', from: 'evidence_submitted', to: 'evidence_submitted', permission: 'inspections.record' },
    { action: 'close', from: 'ordered', to: 'closed', permission: 'inspections.record' },
    { action: 'close', from: 'evidence_submitted', to: 'closed', permission: 'inspections.record' },
    { action: 'close', from: 'extended', to: 'closed', permission: 'inspections.record' },
    { action: 'extend', from: 'ordered', to: 'extended', permission: 'inspections.record', note: 'required', noteLabel: '延期原因' },
    {
      action: 'extend',
      from: 'evidence_submitted',
      to: 'extended',
      permission: 'inspections.record',
      note: 'required',
      noteLabel: '延期原因',
    },
    { action: 'extend', from: 'extended', to: 'extended', permission: 'inspections.record', note: 'required', noteLabel: '延期原因' },
  ],
});
