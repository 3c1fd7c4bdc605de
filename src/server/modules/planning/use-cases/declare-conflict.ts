import { sql } from 'drizzle-orm';
import type { InspectorConflict } from '../../../../contracts/plans.js';
import { inspectorConflicts } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { assertInspectorPool, rows } from '../queries.js';
import { listConflicts } from './list-conflicts.js';

/** Declare that a person must not inspect a unit (利害关系回避); later draws leave them out. */
export async function declareConflict(ctx: Ctx, input: { userId: number; entityId: number; reason: string }): Promise<InspectorConflict> {
  const [e] = await rows(
    ctx.db,
    sql`select e.id, e.name, e.jurisdiction_id, j.path from entities e join jurisdictions j on j.id = e.jurisdiction_id where e.id = ${input.entityId}`,
  );
  if (!e || !pathInScope(ctx.actor, e.path)) throw notFound('检查对象');
  await assertInspectorPool(ctx.db, e.jurisdiction_id, [input.userId]);
  const [u] = await rows(ctx.db, sql`select id, display_name from users where id = ${input.userId}`);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectorConflicts)
      .values({
        userId: input.userId,
        entityId: input.entityId,
        jurisdictionId: e.jurisdiction_id,
        reason: input.reason,
        createdBy: ctx.actor.id || null,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'inspector_conflict.declare',
      entityType: 'inspector_conflict',
      entityId: row.id,
      jurisdictionId: e.jurisdiction_id,
      summary: `${u.display_name} 对 ${e.name} 回避：${input.reason}`,
      after: row,
    });
    return row.id;
  });
  return (await listConflicts(ctx, { entityId: input.entityId })).find((c) => c.id === id)!;
}
