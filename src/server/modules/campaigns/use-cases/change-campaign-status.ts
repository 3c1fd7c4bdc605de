import { and, eq } from 'drizzle-orm';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../../../contracts/campaigns.js';
import { campaigns } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { assertManagesCampaign } from '../policy.js';
import { presentCampaign } from '../presenter.js';
import { getCampaignRow } from '../queries.js';
import { actionTo, campaignWorkflow } from '../workflow.js';

export async function changeCampaignStatus(ctx: Ctx, id: number, to: CampaignStatus) {
  const cur = await getCampaignRow(ctx.db, ctx.actor, id);
  assertManagesCampaign(ctx.actor, cur.jurisdictionPath);
  const from = cur.status as CampaignStatus;
  const action = actionTo(to);
  if (action === 'amend' || campaignWorkflow.next(ctx.actor, action, from) !== to)
    throw conflict(`不能从“${CAMPAIGN_STATUSES[from]}”变为“${CAMPAIGN_STATUSES[to]}”`);
  return ctx.db.transaction(async (tx) => {
    // Only from the state read above: a racing change makes this one a conflict, not a second move.
    const c = await campaignWorkflow.apply(tx, ctx, {
      action,
      state: from,
      change: async () => {
        const [row] = await tx
          .update(campaigns)
          .set({ status: to, updatedAt: new Date() })
          .where(and(eq(campaigns.id, id), eq(campaigns.status, from)))
          .returning();
        if (!row) throw conflict('专项行动状态已被他人更改，请刷新后重试');
        return row;
      },
      audit: {
        action: 'campaign.status',
        entityType: 'campaign',
        entityId: id,
        jurisdictionId: cur.jurisdictionId,
        summary: `专项行动 ${cur.name}：${CAMPAIGN_STATUSES[from]} → ${CAMPAIGN_STATUSES[to]}`,
        before: { status: from },
        after: () => ({ status: to }),
      },
    });
    return presentCampaign({ ...c, jurisdictionName: cur.jurisdictionName, definition: cur.definition });
  });
}
