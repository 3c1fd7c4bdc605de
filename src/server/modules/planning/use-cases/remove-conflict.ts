import { eq, sql } from 'drizzle-orm';
import { inspectorConflicts } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { rows } from '../queries.js';

/** Withdraw a declared conflict. */
export async function removeConflict(ctx: Ctx, id: number) {
  const [c] = await rows(
    ctx.db,
    sql`select c.*, j.path from inspector_conflicts c join jurisdictions j on j.id = c.jurisdiction_id where c.id = ${id}`,
  );
  if (!c || !pathInScope(ctx.actor, c.path)) throw notFound('回避记录');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(inspectorConflicts).where(eq(inspectorConflicts.id, id));
    await audit(tx, ctx, {
      action: 'inspector_conflict.remove',
      entityType: 'inspector_conflict',
      entityId: id,
      jurisdictionId: c.jurisdiction_id,
      summary: `撤销回避 #${id}`,
      before: c,
    });
  });
  return { ok: true as const };
}
