import { INSPECTION_ACTIONS, INSPECTION_STATUSES, type InspectionAction, type InspectionStatus } from '../../../contracts/inspections.js';
import { defineWorkflow } from '../../core/workflow.js';

/** What a transition needs to know beyond the state: whether the inspection's origin (a plan task) is still in force. */
export interface InspectionFacts {
  originInForce: boolean;
}

/**
 * Inspection states: a published plan task becomes a planned inspection; recording completes it,
 * or it is cancelled with a reason. An unplanned inspection is recorded directly as done.
 * Corrections: a done inspection may be edited (date, inspectors, note; with a reason), or
 * withdrawn (撤回, with a reason): an inspection whose origin is in force (a task of a published
 * plan) goes back to planned (its due date and drawn inspectors restored by the origin); any other
 * becomes cancelled. Every transition is audited with its reason.
 */
export const inspectionWorkflow = defineWorkflow<InspectionStatus, InspectionAction, InspectionFacts>({
  record: '检查记录',
  states: INSPECTION_STATUSES,
  actions: INSPECTION_ACTIONS,
  transitions: [
    { action: 'record', from: 'planned', to: 'done', permission: 'inspections.record' },
    { action: 'cancel', from: 'planned', to: 'cancelled', permission: 'inspections.record', note: 'required', noteLabel: '取消原因' },
    { action: 'edit', from: 'done', to: 'done', permission: 'inspections.record', note: 'required', noteLabel: '修改原因' },
    { action: 'withdraw', from: 'done', to: 'planned', permission: 'inspections.record', note: 'required', noteLabel: '撤回原因', when: (f) => f.originInForce },
    { action: 'withdraw', from: 'done', to: 'cancelled', permission: 'inspections.record', note: 'required', noteLabel: '撤回原因', when: (f) => !f.originInForce },
  ],
});
