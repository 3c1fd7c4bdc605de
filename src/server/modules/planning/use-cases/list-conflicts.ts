import { sql } from 'drizzle-orm';
import type { InspectorConflict } from '../../../../contracts/plans.js';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { rows } from '../queries.js';

/** Declared conflicts in the actor's data scope, optionally of one unit. */
export async function listConflicts(ctx: Ctx, q: { entityId?: number }): Promise<InspectorConflict[]> {
  const list = await rows(
    ctx.db,
    sql`select c.*, u.display_name, e.name as entity_name from inspector_conflicts c
        join users u on u.id = c.user_id left join entities e on e.id = c.entity_id
        where ${scopeWhere(ctx.actor, { jurisdiction: sql`c.jurisdiction_id` })} ${q.entityId ? sql`and c.entity_id = ${q.entityId}` : sql``}
        order by c.id desc limit 500`,
  );
  return list.map((c) => ({
    id: c.id,
    userId: c.user_id,
    userName: c.display_name,
    entityId: c.entity_id,
    entityName: c.entity_name ?? `#${c.entity_id}`,
    reason: c.reason,
    createdAt: new Date(c.created_at).toISOString(),
  }));
}
