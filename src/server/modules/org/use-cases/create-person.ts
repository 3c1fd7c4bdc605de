import { sql } from 'drizzle-orm';
import { ROLE_DEFAULT_SCOPE, type DataScope, type Role } from '../../../../contracts/permissions.js';
import type { DbOrTx } from '../../../../db/client.js';
import { users } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, invalid } from '../../../core/errors.js';
import { assertPasswordNotCommon, hashPassword } from '../../auth/public.js';
import { assertManagesPath, assertRoleGrant, assertScopeGrant } from '../policy.js';
import { presentPerson } from '../presenter.js';
import { getJurisdiction, getOrgUnit, getPerson } from '../queries.js';

export interface PersonInput {
  username: string;
  displayName: string;
  role: Role;
  dataScope?: DataScope;
  orgUnitId: number;
  jurisdictionId?: number;
  title?: string | null;
  phone?: string | null;
  badgeNo?: string | null;
  email?: string | null;
  password?: string;
}

/**
 * Validate a new person against the organisation; returns the row to insert. Shared by create and
 * import. `passwordHash` is the hash of `input.password`, made by the caller before its transaction
 * (argon2's ~0.3 s a hash is not spent holding one); null for a dry run, which inserts nothing.
 */
export async function preparePerson(ctx: Ctx, db: DbOrTx, input: PersonInput, passwordHash: string | null) {
  const unit = await getOrgUnit(db, input.orgUnitId);
  assertManagesPath(ctx.actor, unit.path);
  let jurisdictionId = unit.unit.jurisdictionId;
  if (input.jurisdictionId && input.jurisdictionId !== jurisdictionId) {
    const j = await getJurisdiction(db, input.jurisdictionId);
    if (!j.path.startsWith(unit.path))
      throw invalid('人员负责的辖区须在所属机构辖区之内', [{ path: 'jurisdictionId', message: '须在所属机构辖区之内' }]);
    jurisdictionId = j.id;
  }
  if (input.password) assertPasswordNotCommon(input.password, 'password');
  const dataScope = input.dataScope ?? ROLE_DEFAULT_SCOPE[input.role];
  assertScopeGrant(ctx.actor, dataScope);
  assertRoleGrant(ctx.actor, input.role);
  const [dup] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  if (dup) throw new AppError('CONFLICT', `用户名“${input.username}”已被使用`, 409, [{ path: 'username', message: '用户名已被使用' }]);
  return {
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    dataScope,
    orgUnitId: input.orgUnitId,
    jurisdictionId,
    title: input.title ?? null,
    phone: input.phone ?? null,
    badgeNo: input.badgeNo ?? null,
    email: input.email || null,
    passwordHash: input.password ? passwordHash : null,
    mustChangePassword: !!input.password,
  };
}

export async function createPerson(ctx: Ctx, input: PersonInput) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return ctx.db.transaction(async (tx) => {
    const values = await preparePerson(ctx, tx, input, passwordHash);
    const [row] = await tx.insert(users).values(values).returning();
    await audit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      jurisdictionId: row.jurisdictionId,
      summary: `新增人员 ${row.displayName}`,
      after: row,
    });
    return presentPerson(await getPerson(tx, row.id));
  });
}
