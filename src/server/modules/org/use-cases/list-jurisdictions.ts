import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { jurisdictions } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { presentJurisdiction } from '../presenter.js';
import { childCountSql, getJurisdiction } from '../queries.js';

/**
 * Children of a jurisdiction, for a lazily loaded tree (a province has ~20,000 villages).
 * Without a parent: the actor's own root (everything's roots for the 'all' scope).
 */
export async function listJurisdictions(ctx: Ctx, parentId?: number) {
  const cols = { ...getTableColumns(jurisdictions), childCount: childCountSql } as any;
  if (parentId === undefined) {
    const where = ctx.actor.scope === 'all' ? sql`${jurisdictions.parentId} is null` : eq(jurisdictions.id, ctx.actor.jurisdictionId);
    const rows = await ctx.db.select(cols).from(jurisdictions).where(where).orderBy(asc(jurisdictions.sortOrder), asc(jurisdictions.id));
    return rows.map(presentJurisdiction);
  }
  const parent = await getJurisdiction(ctx.db, parentId);
  if (!pathInScope(ctx.actor, parent.path)) return [];
  const rows = await ctx.db
    .select(cols)
    .from(jurisdictions)
    .where(eq(jurisdictions.parentId, parentId))
    .orderBy(asc(jurisdictions.sortOrder), asc(jurisdictions.id));
  return rows.map(presentJurisdiction);
}

/** The chain from the root down to a jurisdiction (breadcrumbs, pickers). */
export async function jurisdictionChain(ctx: Ctx, id: number) {
  const j = await getJurisdiction(ctx.db, id);
  if (!pathInScope(ctx.actor, j.path)) throw notFound('辖区');
  const ids = j.path.split('/').filter(Boolean).map(Number);
  const rows = await ctx.db
    .select({ ...getTableColumns(jurisdictions), childCount: childCountSql } as any)
    .from(jurisdictions)
    .where(
      sql`${jurisdictions.id} in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    )
    .orderBy(asc(jurisdictions.depth));
  return rows.map(presentJurisdiction);
}
