import { ROLE_PERMISSIONS, type Permission, type Role } from '../../../contracts/permissions.js';
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
const WIDTH = { own: 0, unit: 1, jurisdiction: 2, all: 3 } as const;
export function assertScopeGrant(actor: Actor, scope: keyof typeof WIDTH) {
  if (WIDTH[scope] > WIDTH[actor.scope]) throw forbidden('不能授予超出本人范围的数据权限');
}

/**
 * Only an administrator makes administrators, and nobody grants a role that may do more than
 * they may themselves (a station head can appoint inspectors and coordinators, not bureau leaders).
 * Submitting a tip opens no data, so it does not count as more.
 */
const OPENS_NO_DATA = new Set<Permission>(['tips.submit']);
export function assertRoleGrant(actor: Actor, role: Role) {
  if (actor.role === 'admin') return;
  if (role === 'admin') throw forbidden('只有系统管理员可以设置管理员');
  const mine = new Set(ROLE_PERMISSIONS[actor.role]);
  if (ROLE_PERMISSIONS[role].some((p) => !mine.has(p) && !OPENS_NO_DATA.has(p))) throw forbidden('不能授予权限超出本人的角色');
}
