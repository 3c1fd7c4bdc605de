import { eq } from 'drizzle-orm';
import type { DataScope, Role } from '../../../../contracts/permissions.js';
import { sessions, users } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { clearLoginFailures } from '../../auth/public.js';
import { assertManagesPath, assertManagesPerson, assertRoleGrant, assertScopeGrant } from '../policy.js';
import { presentPerson } from '../presenter.js';
import { getJurisdiction, getOrgUnit, getPerson } from '../queries.js';

export interface PersonPatch {
  displayName?: string;
  role?: Role;
  dataScope?: DataScope;
  orgUnitId?: number;
  jurisdictionId?: number;
  title?: string | null;
  phone?: string | null;
  badgeNo?: string | null;
  email?: string | null;
  active?: boolean;
  unlock?: boolean;
  /** The version the editor read; a stale one gets 409 STALE_VERSION. */
  version: number;
}

export async function updatePerson(ctx: Ctx, id: number, patch: PersonPatch) {
  return ctx.db.transaction(async (tx) => {
    const before = await getPerson(tx, id);
    assertManagesPerson(ctx.actor, before);
    const { unlock, version, ...fields } = patch;
    const current = async () => presentPerson(await getPerson(tx, id));
    await assertVersion(before.version, version, current);
    if (fields.dataScope) assertScopeGrant(ctx.actor, fields.dataScope);
    if (fields.role) assertRoleGrant(ctx.actor, fields.role);
    if (id === ctx.actor.id && (fields.active === false || (fields.role && fields.role !== before.role))) {
      throw invalid('不能停用自己的账户或修改自己的角色');
    }
    const unit = await getOrgUnit(tx, fields.orgUnitId ?? before.orgUnitId);
    if (fields.orgUnitId) {
      assertManagesPath(ctx.actor, unit.path);
      if (!fields.jurisdictionId) fields.jurisdictionId = unit.unit.jurisdictionId;
    }
    if (fields.jurisdictionId) {
      const j = await getJurisdiction(tx, fields.jurisdictionId);
      assertManagesPath(ctx.actor, j.path);
      if (!j.path.startsWith(unit.path))
        throw invalid('人员负责的辖区须在所属机构辖区之内', [{ path: 'jurisdictionId', message: '须在所属机构辖区之内' }]);
    }
    const set: Record<string, unknown> = { ...fields, email: fields.email === '' ? null : fields.email, updatedAt: new Date() };
    if (unlock) {
      Object.assign(set, { lockedUntil: null, failedLogins: 0 });
      await clearLoginFailures(tx, before.username);
    }
    await updateVersioned(tx, users, id, version, set, current);
    if (fields.active === false || fields.role || fields.dataScope) await tx.delete(sessions).where(eq(sessions.userId, id));
    const after = await getPerson(tx, id);
    await audit(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      jurisdictionId: after.jurisdictionId,
      summary: `修改人员 ${after.displayName}`,
      before,
      after,
    });
    return presentPerson(after);
  });
}
