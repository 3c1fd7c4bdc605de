import { and, desc, eq, inArray } from 'drizzle-orm';
import type { CampaignDefinition } from '../../../../contracts/campaigns.js';
import { campaigns, campaignVersions, jurisdictions } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { presentCampaign } from '../presenter.js';
import { campaignVisible, getCampaignRow } from '../queries.js';

export async function listCampaigns(ctx: Ctx, q: { status?: string }) {
  const rows = await ctx.db
    .select({ c: campaigns, jurisdictionName: jurisdictions.name })
    .from(campaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, campaigns.jurisdictionId))
    .where(and(campaignVisible(ctx.actor), q.status ? eq(campaigns.status, q.status) : undefined))
    .orderBy(desc(campaigns.periodFrom), desc(campaigns.id));
  if (rows.length === 0) return [];
  const versions = await ctx.db
    .select({ campaignId: campaignVersions.campaignId, version: campaignVersions.version, definition: campaignVersions.definition })
    .from(campaignVersions)
    .where(inArray(campaignVersions.campaignId, rows.map((r) => r.c.id)));
  const defOf = new Map(versions.map((v) => [`${v.campaignId}:${v.version}`, v.definition as CampaignDefinition]));
  return rows.map((r) => presentCampaign({ ...r.c, jurisdictionName: r.jurisdictionName, definition: defOf.get(`${r.c.id}:${r.c.version}`)! }));
}

export async function getCampaign(ctx: Ctx, id: number) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  return { ...presentCampaign(c), definition: c.definition, templateCode: c.templateCode };
}
