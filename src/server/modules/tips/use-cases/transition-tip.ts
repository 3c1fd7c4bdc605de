import { eq } from 'drizzle-orm';
import { TIP_ACTION_LABELS, type TipAction, type TipStatus } from '../../../../contracts/tips.js';
import { tips } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { bumpVersion } from '../../../core/versions.js';
import { getVisibleTip } from '../queries.js';
import { tipWorkflow } from '../workflow.js';
import { getTip } from './get-tip.js';

/**
 * Station staff accept (受理), reject (不予受理, reason required) or forward (转办) a tip in
 * their area, or undo an acceptance not yet forwarded (撤回受理, reason required). The state is re-read under a row lock so two reviewers cannot both act on it.
 */
export async function transitionTip(ctx: Ctx, id: number, input: { action: TipAction; note?: string }) {
  await getVisibleTip(ctx.db, ctx.actor, id);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(tips).where(eq(tips.id, id)).for('update');
    const note = input.note?.trim() || null;
    const now = new Date();
    // Undoing an acceptance clears the review (the reason stays in the audit log).
    const set = (to: TipStatus) =>
      input.action === 'forward'
        ? { status: to, forwardNote: note, forwardedBy: ctx.actor.id, forwardedAt: now, updatedAt: now, version: bumpVersion(tips) }
        : input.action === 'reopen'
          ? { status: to, reviewNote: null, reviewedBy: null, reviewedAt: null, updatedAt: now, version: bumpVersion(tips) }
          : { status: to, reviewNote: note, reviewedBy: ctx.actor.id, reviewedAt: now, updatedAt: now, version: bumpVersion(tips) };
    await tipWorkflow.apply(tx, ctx, {
      action: input.action,
      state: before.status as TipStatus,
      note: input.note,
      change: async (to) => (await tx.update(tips).set(set(to)).where(eq(tips.id, id)).returning())[0],
      audit: {
        action: `tip.${input.action}`,
        entityType: 'tip',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `${TIP_ACTION_LABELS[input.action]}：${before.title}${note ? `（${note}）` : ''}`,
        before: { status: before.status },
        after: (row) => ({ status: row.status, note }),
      },
    });
  });
  return getTip(ctx, id);
}
