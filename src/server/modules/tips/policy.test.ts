import { expect, it } from 'vitest';
import { actorWith, refusal } from '../../../test/policy.js';
import { assertReporterMayEdit } from './policy.js';

/** Who may still change a tip, as a pure rule (the routes: tips.test.ts). */
const reporter = actorWith({ id: 11, role: 'coordinator', scope: 'own' });

it('lets the reporter edit a tip not yet reviewed', () => {
  expect(refusal(() => assertReporterMayEdit(reporter, { reportedBy: 11, status: 'submitted' }))).toBeUndefined();
});

it('refuses anyone else, even on a tip not yet reviewed', () => {
  expect(
    refusal(() => assertReporterMayEdit(actorWith({ id: 12, role: 'admin', scope: 'all' }), { reportedBy: 11, status: 'submitted' })),
  ).toEqual({
    code: 'FORBIDDEN',
    status: 403,
    message: '只能修改本人上报的记录',
  });
});

it('refuses the reporter once station staff have reviewed it', () => {
  for (const status of ['accepted', 'rejected', 'forwarded'])
    expect(refusal(() => assertReporterMayEdit(reporter, { reportedBy: 11, status }))).toEqual({
      code: 'ILLEGAL_TRANSITION',
      status: 409,
      message: '已受理或已处理的上报不能再修改',
    });
});
