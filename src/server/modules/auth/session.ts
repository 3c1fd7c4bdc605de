import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { DataScope, Role } from '../../../contracts/permissions.js';
import type { DbOrTx } from '../../../db/client.js';
import { jurisdictions, sessions, users } from '../../../db/schema/index.js';
import type { Actor } from '../../core/context.js';

export const SESSION_COOKIE = 'yj_session';
export const CSRF_COOKIE = 'yj_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 12 * 3600 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export async function createSession(db: DbOrTx, userId: number, meta: { ip?: string; userAgent?: string }) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300),
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  return { token, csrfToken };
}

/** Resolve a session token to the acting person, or null when missing, expired or disabled. */
export async function resolveSession(db: DbOrTx, token: string) {
  const id = hashToken(token);
  const rows = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      id: users.id,
      username: users.username,
      name: users.displayName,
      role: users.role,
      scope: users.dataScope,
      orgUnitId: users.orgUnitId,
      jurisdictionId: users.jurisdictionId,
      jurisdictionPath: jurisdictions.path,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date()), eq(users.active, true)))
    .limit(1);
  const r = rows[0];
  if (!r) return null;
  const actor: Actor = {
    id: r.id,
    username: r.username,
    name: r.name,
    role: r.role as Role,
    scope: r.scope as DataScope,
    orgUnitId: r.orgUnitId,
    jurisdictionId: r.jurisdictionId,
    jurisdictionPath: r.jurisdictionPath,
  };
  return { sessionId: r.sessionId, csrfToken: r.csrfToken, actor, mustChangePassword: r.mustChangePassword };
}
