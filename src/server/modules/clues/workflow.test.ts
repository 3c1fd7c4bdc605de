import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../contracts/permissions.js';
import { assistWorkflow, clueWorkflow, transferWorkflow } from './workflow.js';

/**
 * The clue, transfer (移交) and assist-request (协查函) state machines by role, against hand-written
 * expectations: everyone doing clue work verifies, only the unit's responsible people decide (立案,
 * 不予立案, 移交); others are refused with 403, a step from the wrong state is 409.
 */
const CASEWORK: Role[] = ['admin', 'office', 'department', 'enforcement', 'station_head', 'inspector'];
const DECIDERS: Role[] = ['admin', 'office', 'enforcement', 'station_head'];

function byRole(take: (role: Role) => unknown, allowed: Role[], what: string) {
  for (const role of ROLES) {
    if (allowed.includes(role)) expect(take(role), `${role} ${what}`).toBeTruthy();
    else
      expect(() => take(role), `${role} ${what}`).toThrow(
        expect.objectContaining({ status: 403, message: expect.stringMatching(/^无权/) }),
      );
  }
}

describe('clue workflow by role', () => {
  it('verify by clue workers; 立案 / 不予立案 / 移交 by the deciders only; wrong states refused', () => {
    byRole((role) => clueWorkflow.take({ role }, 'verify', 'pending'), CASEWORK, 'verify');
    for (const action of ['file', 'dismiss', 'transfer'] as const)
      byRole((role) => clueWorkflow.take({ role }, action, 'verifying', { note: '理由' }), DECIDERS, action);
    expect(clueWorkflow.actionsFor({ role: 'inspector' }, 'verifying')).toEqual([]);
    expect(clueWorkflow.actionsFor({ role: 'station_head' }, 'verifying')).toEqual(['file', 'dismiss', 'transfer']);
    for (const [action, from] of [
      ['file', 'pending'],
      ['verify', 'verifying'],
      ['dismiss', 'filed'],
      ['transfer', 'not_filed'],
    ] as const)
      expect(() => clueWorkflow.take({ role: 'admin' }, action, from, { note: '理由' })).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => clueWorkflow.take({ role: 'admin' }, 'dismiss', 'verifying', { note: '' })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});

describe('transfer (移交) and assist request (协查函) workflows by role', () => {
  it('a transfer’s receipt is recorded by clue workers, once', () => {
    byRole((role) => transferWorkflow.take({ role }, 'receipt', 'sent'), CASEWORK, 'receipt');
    expect(() => transferWorkflow.take({ role: 'admin' }, 'receipt', 'receipted')).toThrow(expect.objectContaining({ status: 409 }));
  });

  it('a reply by clue workers, once; only a received letter not yet a clue becomes one', () => {
    const incoming = { incoming: true, hasClue: false };
    byRole((role) => assistWorkflow.take({ role }, 'reply', 'open', { facts: incoming }), CASEWORK, 'reply');
    byRole((role) => assistWorkflow.take({ role }, 'to_clue', 'replied', { facts: incoming }), CASEWORK, 'to_clue');
    expect(() => assistWorkflow.take({ role: 'admin' }, 'reply', 'replied', { facts: incoming })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    for (const facts of [
      { incoming: false, hasClue: false },
      { incoming: true, hasClue: true },
    ])
      expect(() => assistWorkflow.take({ role: 'admin' }, 'to_clue', 'open', { facts })).toThrow(expect.objectContaining({ status: 409 }));
  });
});
