import { describe, expect, it } from 'vitest';
import { actorWith, refusal } from '../../../test/policy.js';
import { assertManagesPath, assertManagesPerson, assertRoleGrant, assertScopeGrant } from './policy.js';

/** Who changes the organisation, as pure rules (the routes against the database: scope.test.ts). */
const head = actorWith({ role: 'station_head', scope: 'jurisdiction', jurisdictionPath: '/1/2/5/' });
const admin = actorWith({ role: 'admin', scope: 'all', jurisdictionPath: '/' });
const forbidden = (message: string) => ({ code: 'FORBIDDEN', status: 403, message });

describe('assertManagesPath', () => {
  it('allows the own area and below, refuses a sibling and the area above', () => {
    expect(refusal(() => assertManagesPath(head, '/1/2/5/'))).toBeUndefined();
    expect(refusal(() => assertManagesPath(head, '/1/2/5/8/'))).toBeUndefined();
    expect(refusal(() => assertManagesPath(head, '/1/2/6/'))).toEqual(forbidden('只能管理本辖区内的机构和人员'));
    expect(refusal(() => assertManagesPath(head, '/1/2/'))).toEqual(forbidden('只能管理本辖区内的机构和人员'));
  });
});

describe('assertScopeGrant', () => {
  it('grants a data scope up to the own one, never wider', () => {
    for (const scope of ['own', 'unit', 'jurisdiction'] as const) expect(refusal(() => assertScopeGrant(head, scope))).toBeUndefined();
    expect(refusal(() => assertScopeGrant(head, 'all'))).toEqual(forbidden('不能授予超出本人范围的数据权限'));
    expect(refusal(() => assertScopeGrant(admin, 'all'))).toBeUndefined();
  });
});

describe('assertRoleGrant', () => {
  it('grants roles within the own permissions; admin only by an admin, each refusal saying why', () => {
    expect(refusal(() => assertRoleGrant(head, 'inspector'))).toBeUndefined();
    expect(refusal(() => assertRoleGrant(head, 'leader'))).toEqual(forbidden('不能授予权限超出本人的角色'));
    expect(refusal(() => assertRoleGrant(head, 'admin'))).toEqual(forbidden('只有系统管理员可以设置管理员'));
    expect(refusal(() => assertRoleGrant(admin, 'admin'))).toBeUndefined();
  });
});

describe('assertManagesPerson', () => {
  const inspector = { role: 'inspector', dataScope: 'jurisdiction', jurisdictionPath: '/1/2/5/' };
  it('manages a person of the own area whose role and scope do not outrank the own', () => {
    expect(refusal(() => assertManagesPerson(head, inspector))).toBeUndefined();
  });

  it('refuses a person elsewhere, and one whose role or data scope outranks the own', () => {
    expect(refusal(() => assertManagesPerson(head, { ...inspector, jurisdictionPath: '/1/2/6/' }))).toEqual(
      forbidden('只能管理本辖区内的机构和人员'),
    );
    expect(refusal(() => assertManagesPerson(head, { ...inspector, role: 'office' }))).toEqual(
      forbidden('不能管理角色或数据范围高于本人的人员'),
    );
    expect(refusal(() => assertManagesPerson(head, { ...inspector, dataScope: 'all' }))).toEqual(
      forbidden('不能管理角色或数据范围高于本人的人员'),
    );
  });
});
