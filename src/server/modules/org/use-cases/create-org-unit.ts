import { orgUnits } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertManagesPath } from '../policy.js';
import { presentOrgUnit } from '../presenter.js';
import { getJurisdiction, getOrgUnit } from '../queries.js';

export interface OrgUnitInput {
  parentId?: number | null;
  jurisdictionId: number;
  kind: 'upper' | 'bureau' | 'department' | 'station' | 'brigade' | 'squad' | 'grassroots';
  name: string;
  shortName?: string | null;
  phone?: string | null;
  address?: string | null;
}

export async function createOrgUnit(ctx: Ctx, input: OrgUnitInput) {
  const j = await getJurisdiction(ctx.db, input.jurisdictionId);
  assertManagesPath(ctx.actor, j.path);
  if (input.kind === 'station' && j.level !== 'station') throw invalid('市场监管所须挂在“市场监管所”级辖区上');
  if (input.parentId) {
    const parent = await getOrgUnit(ctx.db, input.parentId);
    assertManagesPath(ctx.actor, parent.path);
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(orgUnits)
      .values({ ...input, parentId: input.parentId ?? null })
      .returning();
    await audit(tx, ctx, {
      action: 'org_unit.create',
      entityType: 'org_unit',
      entityId: row.id,
      jurisdictionId: row.jurisdictionId,
      summary: `新增机构 ${row.name}`,
      after: row,
    });
    return presentOrgUnit({ ...row, jurisdictionName: j.name, peopleCount: 0 });
  });
}
