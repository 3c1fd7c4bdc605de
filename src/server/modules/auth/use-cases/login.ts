import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../../db/client.js';
import { loginFailures, users } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { verifyPassword } from '../passwords.js';
import { createSession } from '../session.js';

/** Failed attempts that lock a user name; every further MAX_FAILED_LOGINS lock it again, twice as long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const MAX_LOCK_MINUTES = 24 * 60;
/** Failures older than this no longer count (a typo a week is not an attack). */
const FAILURES_FORGOTTEN_AFTER = '1 day';

const badCredentials = () => new AppError('BAD_CREDENTIALS', '用户名或密码错误', 401);
const locked = (until: Date) =>
  new AppError(
    'ACCOUNT_LOCKED',
    `密码错误次数过多，账户已锁定，请${Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000))}分钟后再试`,
    423,
  );

export const usernameKey = (username: string) => username.trim().toLowerCase();

/** Lock length after `failures` failed attempts: 15, 30, 60 … minutes, at most a day. */
export function lockMinutes(failures: number) {
  return Math.min(MAX_LOCK_MINUTES, LOCK_MINUTES * 2 ** (Math.floor(failures / MAX_FAILED_LOGINS) - 1));
}

/** Forget the failures of a user name (after a sign-in, an unlock or a password reset). */
export async function clearLoginFailures(db: DbOrTx, username: string) {
  await db.delete(loginFailures).where(eq(loginFailures.usernameKey, usernameKey(username)));
}

/**
 * Count one attempt for the name before its password is checked, in one atomic statement, unless
 * the name is locked; the attempt that reaches a multiple of MAX_FAILED_LOGINS sets the lock at
 * once, so parallel guesses beyond it are refused without being checked. Returns the count, or the
 * lock's end when the name is locked.
 */
const n = (v: number) => sql.raw(String(Math.trunc(v)));

async function reserveAttempt(db: Db, key: string): Promise<{ failures: number } | { lockedUntil: Date }> {
  const fresh = sql`${loginFailures.updatedAt} < now() - ${FAILURES_FORGOTTEN_AFTER}::interval`;
  const next = sql`(case when ${fresh} then 1 else ${loginFailures.failures} + 1 end)`;
  const [row] = await db
    .insert(loginFailures)
    .values({ usernameKey: key, failures: 1, lockedUntil: null })
    .onConflictDoUpdate({
      target: loginFailures.usernameKey,
      set: {
        failures: next,
        lockedUntil: sql`case when ${next} % ${n(MAX_FAILED_LOGINS)} = 0
          then now() + make_interval(mins => least(${n(MAX_LOCK_MINUTES)}, ${n(LOCK_MINUTES)} * power(2, ${next} / ${n(MAX_FAILED_LOGINS)} - 1))::int)
          else null end`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${loginFailures.lockedUntil} is null or ${loginFailures.lockedUntil} <= now()`,
    })
    .returning({ failures: loginFailures.failures });
  if (row) return { failures: row.failures };
  const [lock] = await db.select({ lockedUntil: loginFailures.lockedUntil }).from(loginFailures).where(eq(loginFailures.usernameKey, key));
  // The lock ended between the two statements: count the attempt again.
  if (!lock?.lockedUntil || lock.lockedUntil <= new Date()) return reserveAttempt(db, key);
  return { lockedUntil: lock.lockedUntil };
}

/**
 * Check the password and open a session. Unknown, inactive and existing names are counted and
 * locked alike, and each answer costs one password hash check, so neither the answer nor its
 * timing tells whether an account exists.
 */
export async function login(db: Db, input: { username: string; password: string }, meta: { ip?: string; userAgent?: string }) {
  const key = usernameKey(input.username);
  const attempt = await reserveAttempt(db, key);
  if ('lockedUntil' in attempt) throw locked(attempt.lockedUntil);

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${key}`)
    .limit(1);
  const known = !!user && user.active;
  const ok = await verifyPassword(known ? user.passwordHash : null, input.password);
  if (!known || !ok) {
    if (attempt.failures % MAX_FAILED_LOGINS !== 0) throw badCredentials();
    const until = new Date(Date.now() + lockMinutes(attempt.failures) * 60000);
    if (user) {
      const ctx = { actor: { id: user.id, name: user.displayName } as any, ip: meta.ip };
      await db.transaction(async (tx) => {
        await tx.update(users).set({ failedLogins: attempt.failures, lockedUntil: until }).where(eq(users.id, user.id));
        await audit(tx, ctx, {
          action: 'user.locked',
          entityType: 'user',
          entityId: user.id,
          summary: `连续${attempt.failures}次密码错误，锁定账户${lockMinutes(attempt.failures)}分钟`,
        });
      });
    }
    throw locked(until);
  }
  const ctx = { actor: { id: user.id, name: user.displayName } as any, ip: meta.ip };
  return db.transaction(async (tx) => {
    await clearLoginFailures(tx, key);
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, meta);
    await audit(tx, ctx, { action: 'auth.login', entityType: 'user', entityId: user.id, summary: '登录' });
    return { userId: user.id, ...session };
  });
}
