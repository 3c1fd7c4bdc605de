import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { jurisdictions, orgUnits, users } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { inSubtree, scopeWhere } from '../../../core/scope.js';
import { presentPerson } from '../presenter.js';
import { getJurisdiction, personColumns } from '../queries.js';

export interface ListPeopleQuery {
  orgUnitId?: number;
  jurisdictionId?: number;
  role?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listPeople(ctx: Ctx, q: ListPeopleQuery) {
  const conds: SQL[] = [scopeWhere(ctx.actor, { jurisdiction: users.jurisdictionId, unit: users.orgUnitId, owner: users.id })];
  if (q.orgUnitId) conds.push(eq(users.orgUnitId, q.orgUnitId));
  if (q.role) conds.push(eq(users.role, q.role));
  if (q.jurisdictionId) {
    const j = await getJurisdiction(ctx.db, q.jurisdictionId);
    conds.push(inSubtree(users.jurisdictionId, j.path));
  }
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    conds.push(sql`(${users.displayName} ilike ${like} or ${users.username} ilike ${like} or ${users.phone} ilike ${like})`);
  }
  const where = and(...conds);
  const [{ total }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .where(where);
  // Pick the page on users alone, then join: joining a city's thousands of people before the
  // sort cost more than the count (bench/suites/org.ts).
  const pageIds = ctx.db
    .select({ id: users.id })
    .from(users)
    .where(where)
    .orderBy(asc(users.orgUnitId), asc(users.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const rows = await ctx.db
    .select(personColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .where(inArray(users.id, pageIds))
    .orderBy(asc(users.orgUnitId), asc(users.id));
  return { items: rows.map(presentPerson), total, page: q.page, pageSize: q.pageSize };
}
