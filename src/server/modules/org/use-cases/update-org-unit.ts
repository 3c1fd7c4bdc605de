import { orgUnits } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { assertManagesPath } from '../policy.js';
import { presentOrgUnit } from '../presenter.js';
import { getJurisdiction, getOrgUnit } from '../queries.js';
import type { OrgUnitInput } from './create-org-unit.js';

export async function updateOrgUnit(
  ctx: Ctx,
  id: number,
  { version, ...input }: Partial<OrgUnitInput> & { active?: boolean; version: number },
) {
  const current = await getOrgUnit(ctx.db, id);
  assertManagesPath(ctx.actor, current.path);
  const now = async (db = ctx.db) => {
    const u = await getOrgUnit(db, id);
    return presentOrgUnit({ ...u.unit, jurisdictionName: u.jurisdictionName });
  };
  await assertVersion(current.unit.version, version, now);
  let jName = current.jurisdictionName;
  if (input.jurisdictionId && input.jurisdictionId !== current.unit.jurisdictionId) {
    const j = await getJurisdiction(ctx.db, input.jurisdictionId);
    assertManagesPath(ctx.actor, j.path);
    jName = j.name;
  }
  if (input.parentId) {
    if (input.parentId === id) throw invalid('上级机构不能是自己', [{ path: 'parentId', message: '上级机构不能是自己' }]);
    assertManagesPath(ctx.actor, (await getOrgUnit(ctx.db, input.parentId)).path);
  }
  return ctx.db.transaction(async (tx) => {
    // Decided by the update itself: the unit read above may have changed since (then 409 with it as it is now).
    const after = await updateVersioned(tx, orgUnits, id, version, { ...input, updatedAt: new Date() }, () => now(tx));
    await audit(tx, ctx, {
      action: 'org_unit.update',
      entityType: 'org_unit',
      entityId: id,
      jurisdictionId: after.jurisdictionId,
      summary: `修改机构 ${after.name}`,
      before: current.unit,
      after,
    });
    return presentOrgUnit({ ...after, jurisdictionName: jName });
  });
}
