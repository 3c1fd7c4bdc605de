import { eq } from 'drizzle-orm';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../../../contracts/campaigns.js';
import { campaigns } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { assertManagesCampaign } from '../policy.js';
import { presentCampaign } from '../presenter.js';
import { getCampaignRow } from '../queries.js';
import { canMove } from '../workflow.js';

export async function changeCampaignStatus(ctx: Ctx, id: number, to: CampaignStatus) {
  const cur = await getCampaignRow(ctx.db, ctx.actor, id);
  assertManagesCampaign(ctx.actor, cur.jurisdictionPath);
  const from = cur.status as CampaignStatus;
  if (!canMove(from, to)) throw conflict(`不能从“${CAMPAIGN_STATUSES[from]}”变为“${CAMPAIGN_STATUSES[to]}”`);
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.update(campaigns).set({ status: to, updatedAt: new Date() }).where(eq(campaigns.id, id)).returning();
    await audit(tx, ctx, { action: 'campaign.status', entityType: 'campaign', entityId: id, jurisdictionId: cur.jurisdictionId, summary: `专项行动 ${cur.name}：${CAMPAIGN_STATUSES[from]} → ${CAMPAIGN_STATUSES[to]}`, before: { status: from }, after: { status: to } });
    return presentCampaign({ ...c, jurisdictionName: cur.jurisdictionName, definition: cur.definition });
  });
}
