import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../contracts/permissions.js';
import { complaintWorkflow, rewardWorkflow } from './workflow.js';

/**
 * The complaint (投诉举报) and reward (举报奖励) state machines by role, against hand-written
 * expectations: complaint work by those who handle complaints, rewards approved only by the bureau
 * leader, its office or an administrator; 403 to the others, 409 from the wrong state.
 */
const HANDLERS: Role[] = ['admin', 'office', 'department', 'enforcement', 'station_head', 'inspector'];
const APPROVERS: Role[] = ['admin', 'leader', 'office'];

function byRole(take: (role: Role) => unknown, allowed: Role[], what: string) {
  for (const role of ROLES) {
    if (allowed.includes(role)) expect(take(role), `${role} ${what}`).toBeTruthy();
    else
      expect(() => take(role), `${role} ${what}`).toThrow(
        expect.objectContaining({ status: 403, message: expect.stringMatching(/^无权/) }),
      );
  }
}

describe('complaint workflow by role', () => {
  it('受理, 不予受理 (with reason), 告知 once the clue is decided, 答复 after acceptance', () => {
    const facts = { mayInform: true };
    byRole((role) => complaintWorkflow.take({ role }, 'accept', 'received', { facts }), HANDLERS, 'accept');
    byRole((role) => complaintWorkflow.take({ role }, 'refuse', 'received', { facts, note: '不属于本部门职责' }), HANDLERS, 'refuse');
    byRole((role) => complaintWorkflow.take({ role }, 'inform', 'accepted', { facts }), HANDLERS, 'inform');
    byRole((role) => complaintWorkflow.take({ role }, 'reply', 'accepted', { facts, note: '已答复' }), HANDLERS, 'reply');
    expect(() => complaintWorkflow.take({ role: 'admin' }, 'reply', 'received', { facts, note: '答复' })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    expect(() => complaintWorkflow.take({ role: 'admin' }, 'inform', 'accepted', { facts: { mayInform: false } })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    expect(() => complaintWorkflow.take({ role: 'admin' }, 'refuse', 'received', { facts, note: ' ' })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('a reward is approved or refused by the approvers only, once', () => {
    byRole((role) => rewardWorkflow.take({ role }, 'approve', 'requested'), APPROVERS, 'approve');
    byRole((role) => rewardWorkflow.take({ role }, 'reject', 'requested', { note: '不符合奖励条件' }), APPROVERS, 'reject');
    expect(() => rewardWorkflow.take({ role: 'admin' }, 'approve', 'approved')).toThrow(expect.objectContaining({ status: 409 }));
  });
});
