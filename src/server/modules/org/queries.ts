import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { jurisdictions, orgUnits, users } from '../../../db/schema/index.js';
import { notFound } from '../../core/errors.js';

export async function getJurisdiction(db: DbOrTx, id: number) {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id));
  if (!j) throw notFound('辖区');
  return j;
}

export async function getOrgUnit(db: DbOrTx, id: number) {
  const [u] = await db
    .select({ unit: orgUnits, path: jurisdictions.path, jurisdictionName: jurisdictions.name })
    .from(orgUnits)
    .innerJoin(jurisdictions, eq(jurisdictions.id, orgUnits.jurisdictionId))
    .where(eq(orgUnits.id, id));
  if (!u) throw notFound('机构');
  return u;
}

export const personColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  dataScope: users.dataScope,
  orgUnitId: users.orgUnitId,
  orgUnitName: orgUnits.name,
  jurisdictionId: users.jurisdictionId,
  jurisdictionName: jurisdictions.name,
  jurisdictionPath: jurisdictions.path,
  title: users.title,
  phone: users.phone,
  email: users.email,
  active: users.active,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  version: users.version,
};

export async function getPerson(db: DbOrTx, id: number) {
  const [p] = await db
    .select(personColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .where(eq(users.id, id));
  if (!p) throw notFound('人员');
  return p;
}

export const childCountSql = sql<number>`(select count(*)::int from jurisdictions c where c.parent_id = "jurisdictions"."id")`;
