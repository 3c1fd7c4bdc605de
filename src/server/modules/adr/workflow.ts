import { ALERT_ACTIONS, ALERT_STATUSES, type AlertAction, type AlertStatus } from '../../../contracts/adr.js';
import { defineWorkflow } from '../../core/workflow.js';

/**
 * A cluster alert: 新 → 已研判 (with a note) / 已转风险 / 已转线索 / 已排除 (with a reason); an assessed
 * alert may still become a risk or a clue or be dismissed. Turning into a risk or a clue opens it
 * in the same transaction (risks/public.ts openRisk, clues/public.ts openClue).
 */
export const alertWorkflow = defineWorkflow<AlertStatus, AlertAction>({
  record: '聚集性信号',
  states: ALERT_STATUSES,
  actions: ALERT_ACTIONS,
  transitions: [
    { action: 'assess', from: 'new', to: 'assessed', permission: 'adr.write', note: 'required', noteLabel: '研判意见' },
    { action: 'to_risk', from: 'new', to: 'risk', permission: 'adr.write' },
    { action: 'to_risk', from: 'assessed', to: 'risk', permission: 'adr.write' },
    { action: 'to_clue', from: 'new', to: 'clue', permission: 'adr.write' },
    { action: 'to_clue', from: 'assessed', to: 'clue', permission: 'adr.write' },
    { action: 'dismiss', from: 'new', to: 'dismissed', permission: 'adr.write', note: 'required', noteLabel: '排除理由' },
    { action: 'dismiss', from: 'assessed', to: 'dismissed', permission: 'adr.write', note: 'required', noteLabel: '排除理由' },
  ],
});
