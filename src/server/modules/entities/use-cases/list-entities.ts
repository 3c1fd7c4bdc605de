import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { EntitySort, ListEntitiesQuery } from '../../../../contracts/entities.js';
import { entities } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { presentEntitySummary } from '../presenter.js';
import { entityScope, filterConditions, selectEntities } from '../queries.js';

/** Counting stops here: a page never scans more than this to tell "10,000+". */
export const COUNT_CAP = 10_000;

export function orderBy(sort: EntitySort): SQL[] {
  const d = sort.startsWith('-');
  const dir = d ? desc : asc;
  switch (sort.replace('-', '')) {
    case 'updated':
      return [dir(entities.updatedAt), dir(entities.id)];
    case 'risk':
      return [d ? asc(entities.riskRank) : desc(entities.riskRank), asc(entities.name), asc(entities.id)];
    case 'licence':
      return [d ? sql`${entities.licenceValidTo} desc nulls last` : sql`${entities.licenceValidTo} asc nulls last`, asc(entities.id)];
    case 'kind':
      return [dir(entities.kind), asc(entities.name), asc(entities.id)];
    default:
      return [dir(entities.name), dir(entities.id)];
  }
}

export async function entityWhere(ctx: Ctx, q: Omit<ListEntitiesQuery, 'page' | 'pageSize' | 'sort'>) {
  return and(await entityScope(ctx), ...(await filterConditions(ctx.db, q)));
}

/** A filtered, sorted page of the units the actor may see. */
export async function listEntities(ctx: Ctx, q: ListEntitiesQuery) {
  const where = await entityWhere(ctx, q);
  const [rows, counted] = await Promise.all([
    selectEntities(ctx.db)
      .where(where)
      .orderBy(...orderBy(q.sort))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.execute(sql`select count(*)::int as n from (select 1 from ${entities} where ${where} limit ${COUNT_CAP + 1}) s`),
  ]);
  const n = Number((counted as any).rows[0].n);
  return {
    items: rows.map(presentEntitySummary),
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
    page: q.page,
    pageSize: q.pageSize,
  };
}
