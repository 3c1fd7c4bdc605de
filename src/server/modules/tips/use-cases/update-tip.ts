import { eq } from 'drizzle-orm';
import type { CreateTipInput } from '../../../../contracts/tips.js';
import { tips } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { assertReporterMayEdit } from '../policy.js';
import { presentTip } from '../presenter.js';
import { getTip } from './get-tip.js';
import { getVisibleTip, photosOf } from '../queries.js';

/** The reporter corrects a tip that has not been reviewed yet, from the version they read. */
export async function updateTip(ctx: Ctx, id: number, { version, ...input }: Partial<CreateTipInput> & { version: number }) {
  await getVisibleTip(ctx.db, ctx.actor, id);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(tips).where(eq(tips.id, id)).for('update');
    assertReporterMayEdit(ctx.actor, before);
    const current = async () => presentTip(await getVisibleTip(tx, ctx.actor, id), ctx.actor, (await photosOf(tx, [id])).get(id) ?? []);
    await assertVersion(before.version, version, current);
    const patch = { ...input, updatedAt: new Date() };
    if ('entityName' in input) patch.entityName = input.entityName || null;
    if ('entityAddress' in input) patch.entityAddress = input.entityAddress || null;
    const after = await updateVersioned(tx, tips, id, version, patch, current);
    await audit(tx, ctx, {
      action: 'tip.update',
      entityType: 'tip',
      entityId: id,
      jurisdictionId: after.jurisdictionId,
      summary: `修改上报 ${after.title}`,
      before,
      after,
    });
  });
  return getTip(ctx, id);
}
