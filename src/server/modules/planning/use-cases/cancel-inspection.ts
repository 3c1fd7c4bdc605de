import { eq, sql } from 'drizzle-orm';
import type { Inspection } from '../../../../contracts/plans.js';
import { inspections } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { rows } from '../queries.js';
import { transition } from '../workflow.js';
import { presentInspection } from './get-inspection.js';

/** Cancel a planned inspection (停业、搬迁…) with a reason; coverage then shows it as still missing. */
export async function cancelInspection(ctx: Ctx, id: number, reason: string): Promise<Inspection> {
  const [r] = await rows(ctx.db, sql`select i.status, i.jurisdiction_id, j.path from inspections i join jurisdictions j on j.id = i.jurisdiction_id where i.id = ${id}`);
  if (!r || !pathInScope(ctx.actor, r.path)) throw notFound('检查记录');
  transition('cancel', r.status); // fail fast before the transaction
  await ctx.db.transaction(async (tx) => {
    // The row is locked and its status checked again: a racing record or cancel cannot both win.
    const [before] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
    const to = transition('cancel', before.status);
    const [after] = await tx.update(inspections).set({ status: to, cancelReason: reason, updatedAt: new Date() }).where(eq(inspections.id, id)).returning();
    await audit(tx, ctx, { action: 'inspection.cancel', entityType: 'inspection', entityId: id, jurisdictionId: r.jurisdiction_id, summary: `取消检查 #${id}：${reason}`, before, after });
  });
  return presentInspection(ctx.db, id);
}
