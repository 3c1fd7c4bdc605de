import { canGrantRole, canGrantScope, canManagePerson, type DataScope, type Role } from '../../../contracts/permissions.js';
import type { Actor } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';

/**
 * Who may change the organisation: holders of org.manage / users.manage (checked at the route),
 * and only inside their own jurisdiction subtree.
 */
export function assertManagesPath(actor: Actor, path: string) {
  if (!pathInScope(actor, path)) throw forbidden('只能管理本辖区内的机构和人员');
}

/** A person's data scope may never be wider than the scope of the one who sets it. */
export function assertScopeGrant(actor: Actor, scope: DataScope) {
  if (!canGrantScope(actor.scope, scope)) throw forbidden('不能授予超出本人范围的数据权限');
}

/** Only admins make admins; no role above one's own (see canGrantRole). */
export function assertRoleGrant(actor: Actor, role: Role) {
  if (canGrantRole(actor.role, role)) return;
  throw forbidden(role === 'admin' ? '只有系统管理员可以设置管理员' : '不能授予权限超出本人的角色');
}

/** Nobody manages a person whose role or data scope outranks their own (a station head and an admin in the station's area). */
export function assertManagesPerson(actor: Actor, person: { role: string; dataScope: string; jurisdictionPath: string }) {
  assertManagesPath(actor, person.jurisdictionPath);
  if (!canManagePerson(actor, { role: person.role as Role, dataScope: person.dataScope as DataScope })) {
    throw forbidden('不能管理角色或数据范围高于本人的人员');
  }
}
