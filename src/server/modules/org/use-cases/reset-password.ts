import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { clearLoginFailures, hashPassword } from '../../auth/public.js';
import { assertManagesPerson } from '../policy.js';
import { getPerson } from '../queries.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** Issue a one-time password the person must change at next sign-in. */
export async function resetPassword(ctx: Ctx, id: number) {
  const person = await getPerson(ctx.db, id);
  assertManagesPerson(ctx.actor, person);
  let temp = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  if (!/[0-9]/.test(temp)) temp += randomInt(10);
  const passwordHash = await hashPassword(temp);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await clearLoginFailures(tx, person.username);
    await audit(tx, ctx, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      jurisdictionId: person.jurisdictionId,
      summary: `重置 ${person.displayName} 的密码`,
      before: { locked: !!person.lockedUntil },
      after: { mustChangePassword: true, locked: false },
    });
  });
  return { temporaryPassword: temp };
}
