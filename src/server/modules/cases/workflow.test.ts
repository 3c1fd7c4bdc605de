import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../contracts/permissions.js';
import type { Workflow } from '../../core/workflow.js';
import { caseWorkflow, referralWorkflow, type CaseFacts } from './workflow.js';

/**
 * The case and referral state machines by role, against hand-written expectations (who may take
 * each step, in each procedure), not read back from the tables: the allowed roles get the step,
 * every other role is refused with 403 and a Chinese message, and a step from the wrong state is 409.
 */
const HEAD: Role[] = ['admin', 'leader'];
const OFFICERS: Role[] = ['admin', 'enforcement', 'station_head'];
const SIMPLE_OFFICERS: Role[] = [...OFFICERS, 'inspector'];
const REVIEW: Role[] = ['admin', 'leader', 'department'];
const HANDLERS: Role[] = ['admin', 'enforcement', 'station_head', 'inspector'];
const ordinary: CaseFacts = { procedure: 'ordinary' };
const simple: CaseFacts = { procedure: 'simple' };

function check<S extends string, A extends string, F>(
  wf: Workflow<S, A, F>,
  rows: [action: A, from: S, to: S, allowed: Role[], facts?: F, note?: string][],
  wrong: [action: A, from: S, facts?: F][],
) {
  for (const [action, from, to, allowed, facts, note] of rows) {
    for (const role of ROLES) {
      const take = () => wf.take({ role }, action, from, { facts, note: note ?? '理由' });
      if (allowed.includes(role)) {
        expect(take().to, `${role} ${action} from ${from}`).toBe(to);
        expect(wf.actionsFor({ role }, from, facts)).toContain(action);
      } else {
        expect(take, `${role} ${action} from ${from}`).toThrow(
          expect.objectContaining({ status: 403, message: expect.stringMatching(/^无权/) }),
        );
        expect(wf.actionsFor({ role }, from, facts)).not.toContain(action);
      }
    }
  }
  for (const [action, from, facts] of wrong) {
    expect(() => wf.take({ role: 'admin' }, action, from, { facts, note: '理由' }), `${action} from ${from}`).toThrow(
      expect.objectContaining({ status: 409, code: 'ILLEGAL_TRANSITION' }),
    );
  }
}

describe('case workflow by role', () => {
  it('普通程序: the head files and decides, officers investigate, notify, execute and close, the 法规股 reviews', () => {
    check(
      caseWorkflow,
      [
        ['approve_filing', 'proposed', 'investigating', HEAD, ordinary],
        ['reject_filing', 'proposed', 'not_filed', HEAD, ordinary],
        ['submit_review', 'investigating', 'reviewing', OFFICERS, ordinary],
        ['pass_review', 'reviewing', 'reviewed', REVIEW, ordinary],
        ['return_review', 'reviewing', 'investigating', REVIEW, ordinary],
        ['notify', 'reviewed', 'notified', OFFICERS, ordinary],
        ['decide', 'notified', 'decided', HEAD, ordinary],
        ['no_penalty', 'notified', 'not_penalised', HEAD, ordinary],
        ['execute', 'decided', 'executed', OFFICERS, ordinary],
        ['close', 'executed', 'closed', OFFICERS, ordinary],
        ['revoke', 'reviewing', 'revoked', HEAD, ordinary],
        ['extend', 'notified', 'notified', HEAD, ordinary],
      ],
      [
        ['decide', 'investigating', ordinary],
        ['decide', 'reviewed', ordinary],
        ['notify', 'investigating', ordinary],
        ['close', 'decided', ordinary],
        ['approve_filing', 'investigating', ordinary],
        ['revoke', 'decided', ordinary],
      ],
    );
  });

  it('简易程序: the station inspector may decide, execute and close on the spot; no review, no extension', () => {
    check(
      caseWorkflow,
      [
        ['decide', 'investigating', 'decided', SIMPLE_OFFICERS, simple],
        ['execute', 'decided', 'executed', SIMPLE_OFFICERS, simple],
        ['close', 'executed', 'closed', SIMPLE_OFFICERS, simple],
        ['no_penalty', 'investigating', 'not_penalised', HEAD, simple],
      ],
      [
        ['submit_review', 'investigating', simple],
        ['extend', 'investigating', simple],
      ],
    );
  });

  it('a reason is required where the law wants one (不予立案, 退回, 不予处罚, 撤销, 延期)', () => {
    for (const [action, from] of [
      ['reject_filing', 'proposed'],
      ['return_review', 'reviewing'],
      ['no_penalty', 'notified'],
      ['revoke', 'investigating'],
      ['extend', 'investigating'],
    ] as const)
      expect(() => caseWorkflow.take({ role: 'admin' }, action, from, { facts: ordinary, note: ' ' }), action).toThrow(
        expect.objectContaining({ status: 400 }),
      );
  });
});

describe('referral (移送公安) workflow by role', () => {
  it('the head approves or refuses; the case officers send, record the receipt, the police decision and follow-ups', () => {
    check(
      referralWorkflow,
      [
        ['approve', 'proposed', 'approved', HEAD],
        ['reject', 'proposed', 'rejected', HEAD],
        ['send', 'approved', 'sent', HANDLERS],
        ['receive', 'sent', 'received', HANDLERS],
        ['police_file', 'received', 'police_filed', HANDLERS],
        ['police_decline', 'received', 'police_declined', HANDLERS],
        ['follow_up', 'police_filed', 'police_filed', HANDLERS],
      ],
      [
        ['send', 'proposed'],
        ['approve', 'approved'],
        ['police_file', 'sent'],
        ['follow_up', 'approved'],
      ],
    );
  });
});
