import type { CreateTipInput } from '../../../../contracts/tips.js';
import { tips } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { presentTip } from '../presenter.js';
import { getVisibleTip } from '../queries.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';

/** A coordinator or informant reports a hazard or clue; it is filed under their own area. */
export async function submitTip(ctx: Ctx, input: CreateTipInput) {
  if (input.occurredOn > shanghaiToday()) throw invalid('发生日期不能晚于今天');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tips)
      .values({
        ...input,
        entityName: input.entityName || null,
        entityAddress: input.entityAddress || null,
        jurisdictionId: ctx.actor.jurisdictionId,
        orgUnitId: ctx.actor.orgUnitId,
        reportedBy: ctx.actor.id,
        status: 'submitted',
      })
      .returning();
    await audit(tx, ctx, {
      action: 'tip.submit',
      entityType: 'tip',
      entityId: row.id,
      jurisdictionId: row.jurisdictionId,
      summary: `上报${row.title}`,
      after: row,
    });
    return row.id;
  });
  return presentTip(await getVisibleTip(ctx.db, ctx.actor, id), ctx.actor, []);
}
