import { eq } from 'drizzle-orm';
import type { CreateTipInput } from '../../../../contracts/tips.js';
import { tips } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { assertReporterMayEdit } from '../policy.js';
import { getTip } from './get-tip.js';
import { getVisibleTip } from '../queries.js';

/** The reporter corrects a tip that has not been reviewed yet. */
export async function updateTip(ctx: Ctx, id: number, input: Partial<CreateTipInput>) {
  await getVisibleTip(ctx.db, ctx.actor, id);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(tips).where(eq(tips.id, id)).for('update');
    assertReporterMayEdit(ctx.actor, before);
    const patch = { ...input, updatedAt: new Date() };
    if ('entityName' in input) patch.entityName = input.entityName || null;
    if ('entityAddress' in input) patch.entityAddress = input.entityAddress || null;
    const [after] = await tx.update(tips).set(patch).where(eq(tips.id, id)).returning();
    await audit(tx, ctx, { action: 'tip.update', entityType: 'tip', entityId: id, jurisdictionId: after.jurisdictionId, summary: `修改上报 ${after.title}`, before, after });
  });
  return getTip(ctx, id);
}
