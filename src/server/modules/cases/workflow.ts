import {
  CASE_ACTIONS,
  CASE_STATUSES,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  type CaseAction,
  type CaseProcedure,
  type CaseStatus,
  type ReferralAction,
  type ReferralStatus,
} from '../../../contracts/cases.js';
import type { AuditAction } from '../../../contracts/audit.js';
import type { Role } from '../../../contracts/permissions.js';
import { defineWorkflow, type Transition } from '../../core/workflow.js';

export interface CaseFacts {
  procedure: CaseProcedure;
}

/** Case officers (承办人): the enforcement brigade and station heads; station inspectors only in 简易程序. */
const OFFICERS: readonly Role[] = ['admin', 'enforcement', 'station_head'];
const SIMPLE_OFFICERS: readonly Role[] = [...OFFICERS, 'inspector'];
const ordinary = (f: CaseFacts) => f.procedure === 'ordinary';
const simple = (f: CaseFacts) => f.procedure === 'simple';

type Row = Transition<CaseStatus, CaseAction, CaseFacts>;
const OPEN: CaseStatus[] = ['investigating', 'reviewing', 'reviewed', 'notified'];
const handled = (action: CaseAction, from: CaseStatus, to: CaseStatus, extra: Partial<Row> = {}): Row[] => [
  { action, from, to, permission: 'cases.handle', roles: OFFICERS, when: ordinary, ...extra },
  { action, from, to, permission: 'cases.handle', roles: SIMPLE_OFFICERS, when: simple, ...extra },
];

/**
 * The case (案件) states. 普通程序: the officer proposes (立案审批), the bureau head approves the
 * filing (立案: the case number is given), the officer investigates and submits to the legal review
 * (法制审核, the 法规股: `cases.review`), which passes or returns it; the officer serves the prior
 * notice (事先告知), the head decides (处罚决定: decision number, publication deadline) or decides
 * not to penalise (不予处罚); the officer records execution and closes. The head may revoke a filing
 * (撤销立案) or extend the 90-day decision deadline, each with a reason. 简易程序 (当场处罚,
 * 行政处罚法 第五十一条): filed at once, decided by the officer (station inspectors included), then
 * executed and closed.
 */
export const caseWorkflow = defineWorkflow<CaseStatus, CaseAction, CaseFacts>({
  record: '案件',
  states: CASE_STATUSES,
  actions: CASE_ACTIONS,
  transitions: [
    { action: 'approve_filing', from: 'proposed', to: 'investigating', permission: 'cases.approve' },
    {
      action: 'reject_filing',
      from: 'proposed',
      to: 'not_filed',
      permission: 'cases.approve',
      note: 'required',
      noteLabel: '不予立案理由',
    },
    { action: 'submit_review', from: 'investigating', to: 'reviewing', permission: 'cases.handle', roles: OFFICERS, when: ordinary },
    { action: 'pass_review', from: 'reviewing', to: 'reviewed', permission: 'cases.review' },
    {
      action: 'return_review',
      from: 'reviewing',
      to: 'investigating',
      permission: 'cases.review',
      note: 'required',
      noteLabel: '退回意见',
    },
    { action: 'notify', from: 'reviewed', to: 'notified', permission: 'cases.handle', roles: OFFICERS, when: ordinary },
    { action: 'decide', from: 'notified', to: 'decided', permission: 'cases.approve', when: ordinary },
    { action: 'decide', from: 'investigating', to: 'decided', permission: 'cases.handle', roles: SIMPLE_OFFICERS, when: simple },
    ...(['investigating', 'notified'] as const).map(
      (from): Row => ({
        action: 'no_penalty',
        from,
        to: 'not_penalised',
        permission: 'cases.approve',
        note: 'required',
        noteLabel: '不予处罚理由',
      }),
    ),
    ...handled('execute', 'decided', 'executed'),
    ...handled('close', 'executed', 'closed'),
    ...OPEN.map(
      (from): Row => ({ action: 'revoke', from, to: 'revoked', permission: 'cases.approve', note: 'required', noteLabel: '撤销理由' }),
    ),
    ...OPEN.map(
      (from): Row => ({
        action: 'extend',
        from,
        to: from,
        permission: 'cases.approve',
        note: 'required',
        noteLabel: '延期理由',
        when: ordinary,
      }),
    ),
  ],
});

/**
 * Referral to the police (移送公安): the officer proposes, the head approves (within 3 days) or
 * refuses with a reason; the file is sent (within 24 hours of approval), the police receipt and its
 * decision (立案 / 不立案) are recorded, and follow-ups are logged until the case is done.
 */
export const referralWorkflow = defineWorkflow<ReferralStatus, ReferralAction>({
  record: '移送',
  states: REFERRAL_STATUSES,
  actions: REFERRAL_ACTIONS,
  transitions: [
    { action: 'approve', from: 'proposed', to: 'approved', permission: 'cases.approve' },
    { action: 'reject', from: 'proposed', to: 'rejected', permission: 'cases.approve', note: 'required', noteLabel: '不予移送理由' },
    { action: 'send', from: 'approved', to: 'sent', permission: 'cases.handle' },
    { action: 'receive', from: 'sent', to: 'received', permission: 'cases.handle' },
    { action: 'police_file', from: 'received', to: 'police_filed', permission: 'cases.handle' },
    {
      action: 'police_decline',
      from: 'received',
      to: 'police_declined',
      permission: 'cases.handle',
      note: 'required',
      noteLabel: '不予立案理由',
    },
    ...(['sent', 'received', 'police_filed', 'police_declined'] as const).map((from) => ({
      action: 'follow_up' as const,
      from,
      to: from,
      permission: 'cases.handle' as const,
      note: 'required' as const,
      noteLabel: '跟进情况',
    })),
  ],
});

/** The audit action of each step (each one labelled in contracts/audit.ts). */
export const CASE_AUDIT_ACTIONS: Record<CaseAction, AuditAction> = {
  approve_filing: 'case.approve_filing',
  reject_filing: 'case.reject_filing',
  submit_review: 'case.submit_review',
  pass_review: 'case.pass_review',
  return_review: 'case.return_review',
  notify: 'case.notify',
  decide: 'case.decide',
  no_penalty: 'case.no_penalty',
  execute: 'case.execute',
  close: 'case.close',
  revoke: 'case.revoke',
  extend: 'case.extend',
};
export const REFERRAL_AUDIT_ACTIONS: Record<ReferralAction, AuditAction> = {
  approve: 'referral.approve',
  reject: 'referral.reject',
  send: 'referral.send',
  receive: 'referral.receive',
  police_file: 'referral.police_file',
  police_decline: 'referral.police_decline',
  follow_up: 'referral.follow_up',
};

/** May the actor draft a case's penalty or add to its file (the case officers of its procedure)? */
export function isOfficer(role: Role, procedure: CaseProcedure): boolean {
  return (procedure === 'simple' ? SIMPLE_OFFICERS : OFFICERS).includes(role);
}
