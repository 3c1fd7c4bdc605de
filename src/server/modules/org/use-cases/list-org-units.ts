import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { jurisdictions, orgUnits } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { inSubtree, scopeWhere } from '../../../core/scope.js';
import { presentOrgUnit } from '../presenter.js';
import { getJurisdiction } from '../queries.js';

/** Units in the actor's area, optionally within one jurisdiction subtree. */
export async function listOrgUnits(ctx: Ctx, q: { jurisdictionId?: number }) {
  const conds = [
    scopeWhere(
      { ...ctx.actor, scope: ctx.actor.scope === 'own' ? 'jurisdiction' : ctx.actor.scope },
      { jurisdiction: orgUnits.jurisdictionId, unit: orgUnits.id },
    ),
  ];
  if (q.jurisdictionId) {
    const j = await getJurisdiction(ctx.db, q.jurisdictionId);
    conds.push(inSubtree(orgUnits.jurisdictionId, j.path));
  }
  const rows = await ctx.db
    .select({
      ...getTableColumns(orgUnits),
      jurisdictionName: jurisdictions.name,
      peopleCount: sql<number>`(select count(*)::int from users u where u.org_unit_id = "org_units"."id" and u.active)`,
    } as any)
    .from(orgUnits)
    .innerJoin(jurisdictions, eq(jurisdictions.id, orgUnits.jurisdictionId))
    .where(and(...conds))
    .orderBy(asc(jurisdictions.depth), asc(orgUnits.sortOrder), asc(orgUnits.id))
    .limit(5000);
  return rows.map(presentOrgUnit);
}
