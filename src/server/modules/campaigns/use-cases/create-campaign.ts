import { shanghaiToday } from '../../../../contracts/calendar.js';
import { definitionWarnings, fillUnset } from '../../../../contracts/campaigns.js';
import { campaigns, campaignVersions } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertManagesCampaign } from '../policy.js';
import { presentCampaign } from '../presenter.js';
import { definitionSaved } from '../public.js';
import { getTemplate } from '../templates.js';
import { owningJurisdiction, validDefinition } from './validate-definition.js';

export interface CreateCampaignInput {
  jurisdictionId?: number;
  template?: string;
  definition?: unknown;
  status: 'draft' | 'active';
  note?: string;
}

/** Create a campaign from a definition (or a seed template as-is), as version 1. */
export async function createCampaign(ctx: Ctx, input: CreateCampaignInput) {
  const j = await owningJurisdiction(ctx.db, input.jurisdictionId ?? ctx.actor.jurisdictionId);
  assertManagesCampaign(ctx.actor, j.path);
  let raw = input.definition;
  if (raw === undefined && input.template) {
    const t = getTemplate(input.template);
    if (!t) throw invalid(`模板“${input.template}”不存在`, [{ path: 'template', message: '模板不存在' }]);
    raw = t.definition;
  }
  if (raw === undefined) throw invalid('请提供方案定义或选择模板', [{ path: 'definition', message: '请提供方案定义' }]);
  // A value the template leaves unset (方案未定) that the office filled in is the bureau's.
  const def = await validDefinition(ctx.db, j.id, fillUnset(raw, ctx.actor.name, shanghaiToday()));
  const saved = await ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(campaigns)
      .values({
        jurisdictionId: j.id,
        name: def.name,
        status: input.status,
        version: 1,
        templateCode: input.template ?? null,
        periodFrom: def.period?.from ?? null,
        periodTo: def.period?.to ?? null,
        createdBy: ctx.actor.id || null,
      })
      .returning();
    await tx.insert(campaignVersions).values({
      campaignId: c.id,
      jurisdictionId: j.id,
      version: 1,
      definition: def,
      authorId: ctx.actor.id || null,
      authorName: ctx.actor.name,
      note: input.note ?? (input.template ? `由模板 ${input.template} 创建` : '新建'),
    });
    await audit(tx, ctx, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: c.id,
      jurisdictionId: j.id,
      summary: `新建专项行动 ${def.name}`,
      after: { ...c, definition: def },
    });
    return { ...presentCampaign({ ...c, jurisdictionName: j.name, definition: def }), warnings: definitionWarnings(def) };
  });
  await definitionSaved(ctx, def);
  return saved;
}
