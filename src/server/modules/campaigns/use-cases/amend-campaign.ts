import { and, eq, ne } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { markBureauSet, type CampaignDefinition } from '../../../../contracts/campaigns.js';
import { campaigns, campaignVersions } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { assertManagesCampaign } from '../policy.js';
import { presentCampaign } from '../presenter.js';
import { getCampaignRow } from '../queries.js';
import { validDefinition } from './validate-definition.js';

/** Amend a campaign (also while it runs): a new version with author and note, audited with before/after. */
export async function amendCampaign(ctx: Ctx, id: number, input: { definition: unknown; note: string }) {
  const cur = await getCampaignRow(ctx.db, ctx.actor, id);
  assertManagesCampaign(ctx.actor, cur.jurisdictionPath);
  if (cur.status === 'closed') throw conflict('专项行动已结束，不能再修订');
  // A changed inferred/unset value becomes the bureau's (provenance), so it leaves the 待确认 list.
  const def = markBureauSet(cur.definition as CampaignDefinition, await validDefinition(ctx.db, cur.jurisdictionId, input.definition), ctx.actor.name, shanghaiToday());
  return ctx.db.transaction(async (tx) => {
    const version = cur.version + 1;
    // Amend the version that was read, and only while the campaign is open: a racing amendment or
    // closing makes this one a conflict instead of silently overwriting it.
    const [c] = await tx
      .update(campaigns)
      .set({ version, name: def.name, periodFrom: def.period.from, periodTo: def.period.to, updatedAt: new Date() })
      .where(and(eq(campaigns.id, id), eq(campaigns.version, cur.version), ne(campaigns.status, 'closed')))
      .returning();
    if (!c) throw conflict('专项行动已被他人修订或已结束，请刷新后重试');
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
    return presentCampaign({ ...c, jurisdictionName: cur.jurisdictionName, definition: def });
  });
}
