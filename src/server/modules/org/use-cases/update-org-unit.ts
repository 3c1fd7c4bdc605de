import { eq } from 'drizzle-orm';
import { orgUnits } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertManagesPath } from '../policy.js';
import { presentOrgUnit } from '../presenter.js';
import { getJurisdiction, getOrgUnit } from '../queries.js';
import type { OrgUnitInput } from './create-org-unit.js';

export async function updateOrgUnit(ctx: Ctx, id: number, input: Partial<OrgUnitInput> & { active?: boolean }) {
  const current = await getOrgUnit(ctx.db, id);
  assertManagesPath(ctx.actor, current.path);
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
    const [after] = await tx.update(orgUnits).set({ ...input, updatedAt: new Date() }).where(eq(orgUnits.id, id)).returning();
    await audit(tx, ctx, { action: 'org_unit.update', entityType: 'org_unit', entityId: id, jurisdictionId: after.jurisdictionId, summary: `修改机构 ${after.name}`, before: current.unit, after });
    return presentOrgUnit({ ...after, jurisdictionName: jName });
  });
}
