import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { subtreeIds } from '../../../core/scope.js';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  q?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Audit rows the actor may see: everything for 'all', else rows about their jurisdiction subtree or by themselves. */
export async function listAudit(ctx: Ctx, q: AuditQuery) {
  const conds: SQL[] = [];
  if (ctx.actor.scope !== 'all') {
    conds.push(sql`(${auditLog.jurisdictionId} in ${subtreeIds(ctx.actor.jurisdictionPath)} or ${auditLog.actorId} = ${ctx.actor.id})`);
  }
  if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.q) conds.push(sql`(${auditLog.summary} ilike ${'%' + q.q + '%'} or ${auditLog.actorName} ilike ${'%' + q.q + '%'})`);
  if (q.from) conds.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) conds.push(lte(auditLog.at, new Date(q.to)));
  const where = conds.length ? and(...conds) : undefined;
  const [{ total }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
