import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { addDays, isCalendarDate, startOfDay } from '../../../../contracts/calendar.js';
import { auditLog } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { inSubtree } from '../../../core/scope.js';

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
export function auditVisible(ctx: Ctx): SQL | undefined {
  if (ctx.actor.scope === 'all') return undefined;
  return sql`(${inSubtree(auditLog.jurisdictionId, ctx.actor.jurisdictionPath)} or ${auditLog.actorId} = ${ctx.actor.id})`;
}

export async function listAudit(ctx: Ctx, q: AuditQuery) {
  const conds: SQL[] = [];
  const visible = auditVisible(ctx);
  if (visible) conds.push(visible);
  if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    conds.push(sql`(${auditLog.summary} ilike ${like} or ${auditLog.actorName} ilike ${like} or ${auditLog.entityId} = ${q.q})`);
  }
  // A bare date is a Beijing calendar day: from its start, or through its end.
  if (q.from) conds.push(gte(auditLog.at, isCalendarDate(q.from) ? startOfDay(q.from) : new Date(q.from)));
  if (q.to) conds.push(isCalendarDate(q.to) ? lt(auditLog.at, startOfDay(addDays(q.to, 1))) : lte(auditLog.at, new Date(q.to)));
  const where = conds.length ? and(...conds) : undefined;
  const [{ total }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(where);
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
