import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { campaigns, campaignVersions, jurisdictions } from '../../../db/schema/index.js';
import type { Actor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { scopeWhere } from '../../core/scope.js';

/**
 * Who sees a campaign: those whose scope covers the owning bureau's jurisdiction, and everyone
 * inside that jurisdiction (a station works in its bureau's campaign).
 */
export function campaignVisible(actor: Actor) {
  return sql`(${scopeWhere(actor, { jurisdiction: campaigns.jurisdictionId })} or ${actor.jurisdictionPath} like ${jurisdictions.path} || '%')`;
}

export async function getCampaignRow(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await db
    .select({ c: campaigns, jurisdictionName: jurisdictions.name, jurisdictionPath: jurisdictions.path })
    .from(campaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, campaigns.jurisdictionId))
    .where(and(eq(campaigns.id, id), campaignVisible(actor)));
  if (!row) throw notFound('专项行动');
  const [v] = await db
    .select()
    .from(campaignVersions)
    .where(and(eq(campaignVersions.campaignId, id), eq(campaignVersions.version, row.c.version)));
  return {
    ...row.c,
    jurisdictionName: row.jurisdictionName,
    jurisdictionPath: row.jurisdictionPath,
    definition: v.definition as any,
    versionRow: v,
  };
}
