import { eq, sql } from 'drizzle-orm';
import { passwordRule } from '../../../../contracts/auth.js';
import type { Db } from '../../../../db/client.js';
import { jurisdictions, orgUnits, users } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import { systemActor } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { insertTree } from '../../org/public.js';
import { hashPassword, isCommonPassword } from '../passwords.js';
import { clearLoginFailures } from './login.js';

/**
 * Production bootstrap (no default password exists there): create or reset a system administrator.
 * On an empty database this also creates the root jurisdiction and its unit.
 */
export async function createAdmin(db: Db, input: { username: string; password: string; region?: string }) {
  const ok = passwordRule.safeParse(input.password);
  if (!ok.success) throw invalid(`密码不符合要求：${ok.error.issues[0].message}`);
  if (isCommonPassword(input.password)) throw invalid('密码不符合要求：密码过于常见，容易被猜中');
  if (!/^[A-Za-z0-9_.-]{2,40}$/.test(input.username)) throw invalid('用户名须为2-40位字母、数字、下划线、点或连字符');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    let [root] = await tx.select().from(jurisdictions).where(eq(jurisdictions.depth, 0)).limit(1);
    if (!root) {
      await insertTree(tx, [{ name: input.region ?? '本级', level: 'province', label: '省' }]);
      [root] = await tx.select().from(jurisdictions).where(eq(jurisdictions.depth, 0)).limit(1);
    }
    let [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.jurisdictionId, root.id)).limit(1);
    if (!unit) {
      [unit] = await tx
        .insert(orgUnits)
        .values({ jurisdictionId: root.id, kind: 'upper', name: `${root.name}药品监督管理部门` })
        .returning();
    }
    const [existing] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`);
    const fields = {
      passwordHash,
      role: 'admin',
      dataScope: 'all',
      active: true,
      lockedUntil: null,
      failedLogins: 0,
      mustChangePassword: false,
    };
    const [row] = existing
      ? await tx.update(users).set(fields).where(eq(users.id, existing.id)).returning()
      : await tx
          .insert(users)
          .values({ ...fields, username: input.username, displayName: '系统管理员', orgUnitId: unit.id, jurisdictionId: root.id })
          .returning();
    await clearLoginFailures(tx, input.username);
    await audit(
      tx,
      { actor: systemActor() },
      {
        action: existing ? 'user.reset_admin' : 'user.create_admin',
        entityType: 'user',
        entityId: row.id,
        jurisdictionId: root.id,
        summary: `命令行设置管理员 ${input.username}`,
      },
    );
    return { id: row.id, created: !existing };
  });
}
