import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertPasswordNotCommon, hashPassword, verifyPassword } from '../passwords.js';

/** Change one's own password; other sessions of the same person are signed out. */
export async function changePassword(ctx: Ctx, sessionId: string, input: { oldPassword: string; newPassword: string }) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.id));
  if (!user || !(await verifyPassword(user.passwordHash, input.oldPassword))) {
    throw new AppError('BAD_CREDENTIALS', '原密码错误', 400);
  }
  if (input.oldPassword === input.newPassword) throw new AppError('VALIDATION', '新密码不能与原密码相同', 400);
  assertPasswordNotCommon(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId)));
    await audit(tx, ctx, { action: 'user.password_changed', entityType: 'user', entityId: user.id, summary: '修改密码' });
  });
}
