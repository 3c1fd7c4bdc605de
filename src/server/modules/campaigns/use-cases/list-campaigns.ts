import { and, desc, eq } from 'drizzle-orm';
import type { CampaignDefinition } from '../../../../contracts/campaigns.js';
import { campaigns, campaignVersions, jurisdictions } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { presentCampaign } from '../presenter.js';
import { campaignVisible, getCampaignRow } from '../queries.js';

export async function listCampaigns(ctx: Ctx, q: { status?: string }) {
  const rows = await ctx.db
    .select({ c: campaigns, jurisdictionName: jurisdictions.name, definition: campaignVersions.definition })
    .from(campaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, campaigns.jurisdictionId))
    .innerJoin(campaignVersions, and(eq(campaignVersions.campaignId, campaigns.id), eq(campaignVersions.version, campaigns.version)))
    .where(and(campaignVisible(ctx.actor), q.status ? eq(campaigns.status, q.status) : undefined))
    .orderBy(desc(campaigns.periodFrom), desc(campaigns.id));
  return rows.map((r) => presentCampaign({ ...r.c, jurisdictionName: r.jurisdictionName, definition: r.definition as CampaignDefinition }));
}

export async function getCampaign(ctx: Ctx, id: number) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  return { ...presentCampaign(c), definition: c.definition, templateCode: c.templateCode };
}
