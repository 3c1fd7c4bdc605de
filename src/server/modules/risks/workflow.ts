import { RISK_ACTIONS, RISK_STATUSES, type RiskAction, type RiskStatus } from '../../../contracts/risks.js';
import { defineWorkflow } from '../../core/workflow.js';

/** What a risk transition needs beyond the state. */
export interface RiskFacts {
  /** The caller is the risk's owner (责任人): they may not verify their own closure. */
  isOwner: boolean;
  /** Evidence of the control (photos, documents) is attached: closure needs it. */
  hasEvidence: boolean;
}

/**
 * A risk's life (风险清单责任制和风险销号制, seed 003): registered 待管控 → 管控中 (the owner carries out the
 * control measure) → 申请销号 (with evidence attached) → 已销号, verified by someone other than the
 * owner holding risks.verify ("逐个验收销号"); a refused closure goes back to 管控中 with a reason; a
 * closed risk may be reopened (重新打开, reason required) and is controlled again. Every transition is
 * audited. Overdue (deadline passed, not closed) is a fact, not a state.
 */
export const riskWorkflow = defineWorkflow<RiskStatus, RiskAction, RiskFacts>({
  record: '风险隐患',
  states: RISK_STATUSES,
  actions: RISK_ACTIONS,
  transitions: [
    { action: 'edit', from: 'open', to: 'open', permission: 'risks.manage' },
    { action: 'edit', from: 'controlling', to: 'controlling', permission: 'risks.manage' },
    { action: 'control', from: 'open', to: 'controlling', permission: 'risks.manage', note: 'optional', noteLabel: '管控情况' },
    {
      action: 'request_closure',
      from: 'controlling',
      to: 'closure_requested',
      permission: 'risks.manage',
      note: 'optional',
      noteLabel: '销号说明',
      when: (f) => f.hasEvidence,
    },
    {
      action: 'close',
      from: 'closure_requested',
      to: 'closed',
      permission: 'risks.verify',
      note: 'optional',
      noteLabel: '验收意见',
      when: (f) => !f.isOwner && f.hasEvidence,
    },
    {
      action: 'refuse_closure',
      from: 'closure_requested',
      to: 'controlling',
      permission: 'risks.verify',
      note: 'required',
      noteLabel: '退回原因',
      when: (f) => !f.isOwner,
    },
    { action: 'reopen', from: 'closed', to: 'controlling', permission: 'risks.manage', note: 'required', noteLabel: '重新打开原因' },
  ],
});

/** States in which evidence may still be added. */
export const EVIDENCE_STATES: RiskStatus[] = ['open', 'controlling'];
