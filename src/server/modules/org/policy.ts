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
