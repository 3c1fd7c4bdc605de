import { eq } from 'drizzle-orm';
import { ROLE_PERMISSIONS } from '../../../../contracts/permissions.js';
import type { Me } from '../../../../contracts/auth.js';
import type { DbOrTx } from '../../../../db/client.js';
import { jurisdictions, orgUnits, users } from '../../../../db/schema/index.js';
import { notFound } from '../../../core/errors.js';

export async function getMe(db: DbOrTx, userId: number): Promise<Me> {
  const [r] = await db
    .select({ u: users, unitName: orgUnits.name, jurName: jurisdictions.name })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .where(eq(users.id, userId));
  if (!r) throw notFound('用户');
  const role = r.u.role as Me['role'];
  return {
    id: r.u.id,
    username: r.u.username,
    name: r.u.displayName,
    role,
    scope: r.u.dataScope as Me['scope'],
    orgUnitId: r.u.orgUnitId,
    orgUnitName: r.unitName,
    jurisdictionId: r.u.jurisdictionId,
    jurisdictionName: r.jurName,
    permissions: ROLE_PERMISSIONS[role],
    mustChangePassword: r.u.mustChangePassword,
  };
}
