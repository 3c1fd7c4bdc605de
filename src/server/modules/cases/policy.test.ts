import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/permissions.js';
import { actorWith, refusal } from '../../../test/policy.js';
import { assertOfficer, assertState } from './policy.js';
import type { CaseRow } from './queries.js';

/** Who handles a case's file, and in which states it may change, as pure rules (the routes: cases.test.ts). */
const simple = { procedure: 'simple', status: 'investigating' } as CaseRow;
const ordinary = { procedure: 'ordinary', status: 'investigating' } as CaseRow;
const officer = (role: Role) => actorWith({ role });

describe('assertOfficer', () => {
  it('lets inspectors handle simple-procedure cases, and only enforcement staff and station heads (and admins) ordinary ones', () => {
    for (const role of ['inspector', 'enforcement', 'station_head', 'admin'] as const)
      expect(refusal(() => assertOfficer(officer(role), simple))).toBeUndefined();
    for (const role of ['enforcement', 'station_head', 'admin'] as const)
      expect(refusal(() => assertOfficer(officer(role), ordinary))).toBeUndefined();
  });

  it('refuses an inspector on an ordinary case, naming who handles those', () => {
    expect(refusal(() => assertOfficer(officer('inspector'), ordinary))).toEqual({
      code: 'FORBIDDEN',
      status: 403,
      message: '普通程序案件由执法人员或所长承办',
    });
  });

  it('refuses roles without cases.handle', () => {
    for (const role of ['office', 'leader', 'viewer'] as const)
      expect(refusal(() => assertOfficer(officer(role), simple))).toEqual({ code: 'FORBIDDEN', status: 403, message: '无权办理该案件' });
  });
});

describe('assertState', () => {
  it('passes an allowed state and refuses another as an illegal transition naming the step', () => {
    expect(refusal(() => assertState(simple, ['filed', 'investigating'], '修改'))).toBeUndefined();
    expect(refusal(() => assertState(simple, ['decided'], '上传证据'))).toEqual({
      code: 'ILLEGAL_TRANSITION',
      status: 409,
      message: '案件当前状态不能上传证据',
    });
  });
});
