import { and, asc, isNotNull, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { auditVisible } from './list-audit.js';

/** Distinct actions, entity types and actors among the rows the actor may see (filter drop-downs). */
export async function auditFacets(ctx: Ctx) {
  const visible: SQL | undefined = auditVisible(ctx);
  const distinct = async (col: typeof auditLog.action | typeof auditLog.entityType) =>
    (await ctx.db.selectDistinct({ v: col }).from(auditLog).where(visible).orderBy(asc(col)).limit(500)).map((r) => r.v);
  const actors = await ctx.db
    .selectDistinct({ id: auditLog.actorId, name: auditLog.actorName })
    .from(auditLog)
    .where(and(visible, isNotNull(auditLog.actorId), sql`${auditLog.actorId} > 0`))
    .orderBy(asc(auditLog.actorName))
    .limit(1000);
  return {
    actions: await distinct(auditLog.action),
    entityTypes: await distinct(auditLog.entityType),
    actors: actors.map((a) => ({ id: a.id!, name: a.name })),
  };
}
