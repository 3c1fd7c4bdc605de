import type { Role } from '../../../contracts/permissions.js';
import {
  SAMPLING_ACTIONS,
  SAMPLING_STATUSES,
  type SamplingAction,
  type SamplingStatus,
  type SamplingVerdict,
} from '../../../contracts/sampling.js';
import { defineWorkflow } from '../../core/workflow.js';

export interface SamplingFacts {
  /** The verdict being recorded (absent when listing what the caller may do). */
  verdict?: SamplingVerdict;
  /** The test report has been served on (送达) the sampled unit. */
  delivered?: boolean;
}

/** Who closes the follow-up of an 不合格 result: the department or the station head, not a single inspector. */
const CLOSERS: Role[] = ['department', 'office', 'station_head', 'admin'];

/**
 * The sampling record: 已抽样 (sampled) → 检验中 (testing, sent to the lab) → 合格 | 不合格 (the lab's
 * result) → 已处置 (the follow-up of an 不合格 result closed, after the report was served on the unit).
 * Before a result a record may be corrected (更正, with a reason) or withdrawn (撤销, with a reason).
 * A result is accepted only for a record at the lab (a record never sent, or withdrawn → 409).
 */
export const samplingWorkflow = defineWorkflow<SamplingStatus, SamplingAction, SamplingFacts | undefined>({
  record: '抽样记录',
  states: SAMPLING_STATUSES,
  actions: SAMPLING_ACTIONS,
  transitions: [
    { action: 'send', from: 'sampled', to: 'testing', permission: 'sampling.record' },
    {
      action: 'result',
      from: 'testing',
      to: 'qualified',
      permission: 'sampling.record',
      when: (f) => !f?.verdict || f.verdict === 'qualified',
    },
    { action: 'result', from: 'testing', to: 'unqualified', permission: 'sampling.record', when: (f) => f?.verdict === 'unqualified' },
    { action: 'follow_up', from: 'unqualified', to: 'unqualified', permission: 'sampling.record' },
    {
      action: 'handle',
      from: 'unqualified',
      to: 'handled',
      permission: 'sampling.record',
      roles: CLOSERS,
      note: 'required',
      noteLabel: '处置结果',
      when: (f) => !!f?.delivered,
    },
    { action: 'edit', from: 'sampled', to: 'sampled', permission: 'sampling.record', note: 'required', noteLabel: '更正原因' },
    { action: 'edit', from: 'testing', to: 'testing', permission: 'sampling.record', note: 'required', noteLabel: '更正原因' },
    { action: 'withdraw', from: 'sampled', to: 'withdrawn', permission: 'sampling.record', note: 'required', noteLabel: '撤销原因' },
    { action: 'withdraw', from: 'testing', to: 'withdrawn', permission: 'sampling.record', note: 'required', noteLabel: '撤销原因' },
  ],
});

/** States in which a record counts as sampled (not withdrawn). */
export const COUNTED = `('sampled','testing','qualified','unqualified','handled')`;
/** States with a result in. */
export const WITH_RESULT = `('qualified','unqualified','handled')`;
