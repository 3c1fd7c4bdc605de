import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.js';
import { users } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { verifyPassword } from '../passwords.js';
import { createSession } from '../session.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const badCredentials = () => new AppError('BAD_CREDENTIALS', '用户名或密码错误', 401);

/** Check the password, count failures and lock the account after repeated ones, open a session. */
export async function login(db: Db, input: { username: string; password: string }, meta: { ip?: string; userAgent?: string }) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`)
    .limit(1);
  if (!user || !user.active) {
    await verifyPassword(null, input.password);
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60000);
    throw new AppError('ACCOUNT_LOCKED', `密码错误次数过多，账户已锁定，请${minutes}分钟后再试`, 423);
  }
  const ctx = { actor: { id: user.id, name: user.displayName } as any, ip: meta.ip };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedLogins: lock ? 0 : failed,
          lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      if (lock) await audit(tx, ctx, { action: 'user.locked', entityType: 'user', entityId: user.id, summary: `连续${failed}次密码错误，锁定账户` });
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED', `密码错误次数过多，账户已锁定${LOCK_MINUTES}分钟`, 423);
    throw badCredentials();
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, meta);
    await audit(tx, ctx, { action: 'auth.login', entityType: 'user', entityId: user.id, summary: '登录' });
    return { userId: user.id, ...session };
  });
}
