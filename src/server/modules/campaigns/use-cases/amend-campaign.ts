import { and, eq, ne } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { definitionWarnings, fillUnset, markBureauSet, type CampaignDefinition } from '../../../../contracts/campaigns.js';
import { campaigns, campaignVersions } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import type { DbOrTx } from '../../../../db/client.js';
import { conflict } from '../../../core/errors.js';
import { staleVersion } from '../../../core/versions.js';
import { assertManagesCampaign } from '../policy.js';
import { presentCampaign } from '../presenter.js';
import { definitionSaved } from '../public.js';
import { getCampaignRow } from '../queries.js';
import { validDefinition } from './validate-definition.js';

/**
 * Amend a campaign (also while it runs): a new version with author and note, audited with
 * before/after. Only from the version the editor loaded (`input.version`): an amendment made
 * meanwhile makes this one 409 STALE_VERSION with the current definition.
 */
export async function amendCampaign(ctx: Ctx, id: number, input: { definition: unknown; note: string; version: number }) {
  const cur = await getCampaignRow(ctx.db, ctx.actor, id);
  assertManagesCampaign(ctx.actor, cur.jurisdictionPath);
  if (cur.status === 'closed') throw conflict('专项行动已结束，不能再修订');
  const current = async (db: DbOrTx) => {
    const c = await getCampaignRow(db, ctx.actor, id);
    return { ...presentCampaign(c), definition: c.definition, templateCode: c.templateCode };
  };
  if (cur.version !== input.version) throw staleVersion(await current(ctx.db));
  // A changed inferred/unset value becomes the bureau's (provenance), so it leaves the 待确认 list.
  const def = markBureauSet(
    cur.definition as CampaignDefinition,
    await validDefinition(ctx.db, cur.jurisdictionId, fillUnset(input.definition, ctx.actor.name, shanghaiToday())),
    ctx.actor.name,
    shanghaiToday(),
  );
  const saved = await ctx.db.transaction(async (tx) => {
    const version = input.version + 1;
    // Amend the version the editor loaded, and only while the campaign is open: a racing amendment
    // or closing makes this one a conflict instead of silently overwriting it.
    const [c] = await tx
      .update(campaigns)
      .set({ version, name: def.name, periodFrom: def.period?.from ?? null, periodTo: def.period?.to ?? null, updatedAt: new Date() })
      .where(and(eq(campaigns.id, id), eq(campaigns.version, input.version), ne(campaigns.status, 'closed')))
      .returning();
    if (!c) {
      const now = await current(tx);
      if (now.status === 'closed') throw conflict('专项行动已结束，不能再修订');
      throw staleVersion(now);
    }
    await tx.insert(campaignVersions).values({
      campaignId: id,
      jurisdictionId: cur.jurisdictionId,
      version,
      definition: def,
      authorId: ctx.actor.id || null,
      authorName: ctx.actor.name,
      note: input.note,
    });
    await audit(tx, ctx, {
      action: 'campaign.amend',
      entityType: 'campaign',
      entityId: id,
      jurisdictionId: cur.jurisdictionId,
      summary: `修订专项行动 ${def.name} 为第${version}版：${input.note}`,
      before: { version: cur.version, definition: cur.definition },
      after: { version, definition: def },
    });
    return { ...presentCampaign({ ...c, jurisdictionName: cur.jurisdictionName, definition: def }), warnings: definitionWarnings(def) };
  });
  await definitionSaved(ctx, def);
  return saved;
}
