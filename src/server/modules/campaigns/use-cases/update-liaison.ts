import type { CampaignDefinition, LiaisonInput } from '../../../../contracts/campaigns.js';
import { campaignLiaisons } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion, staleVersion, updateVersioned } from '../../../core/versions.js';
import { presentLiaison } from '../presenter.js';
import { assertActsForUnit } from '../policy.js';
import { getCampaignRow } from '../queries.js';
import { bureauUnits, resolveRef } from '../resolve-units.js';
import { and, eq } from 'drizzle-orm';

/** A unit fills in (or replaces) its own liaison row (联络员报名表), from the version it read (0: none yet). */
export async function updateLiaison(ctx: Ctx, id: number, orgUnitId: number, input: LiaisonInput) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  assertActsForUnit(ctx.actor, orgUnitId, c.jurisdictionPath);
  const def = c.definition as CampaignDefinition;
  const units = await bureauUnits(ctx.db, c.jurisdictionId);
  const listed = (def.liaisons?.units ?? []).some((r) => resolveRef(r, units).some((u) => u.id === orgUnitId));
  if (!listed) throw invalid('该单位不在本行动的联络员填报范围内');
  const values = {
    name: input.name,
    department: input.department || null,
    title: input.title || null,
    officePhone: input.officePhone || null,
    mobile: input.mobile || null,
    email: input.email || null,
    updatedBy: ctx.actor.id || null,
    updatedAt: new Date(),
  };
  return ctx.db.transaction(async (tx) => {
    const read = async () =>
      (
        await tx
          .select()
          .from(campaignLiaisons)
          .where(and(eq(campaignLiaisons.campaignId, id), eq(campaignLiaisons.orgUnitId, orgUnitId)))
      )[0];
    const current = async () => presentLiaison(await read());
    const before = await read();
    await assertVersion(before?.version ?? 0, input.version, current);
    let row: typeof campaignLiaisons.$inferSelect;
    if (!before) {
      // First filling-in (version 0): a racing first filling-in makes this insert a no-op → stale.
      const [ins] = await tx
        .insert(campaignLiaisons)
        .values({ campaignId: id, jurisdictionId: c.jurisdictionId, orgUnitId, ...values })
        .onConflictDoNothing()
        .returning();
      if (!ins) throw staleVersion(await current());
      row = ins;
    } else {
      row = await updateVersioned(tx, campaignLiaisons, before.id, input.version, values, current);
    }
    await audit(tx, ctx, {
      action: 'campaign.liaison',
      entityType: 'campaign',
      entityId: id,
      jurisdictionId: c.jurisdictionId,
      summary: `填报联络员 ${input.name}`,
      before: before ?? null,
      after: row,
    });
    return { orgUnitId, ...presentLiaison(row)! };
  });
}
