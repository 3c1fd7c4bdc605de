import type { CampaignDefinition } from '../../../../../contracts/campaigns.js';
import { shanghaiToday } from '../../../../../contracts/calendar.js';
import type { ObligationCalendar } from '../../../../../contracts/submissions.js';
import type { Ctx } from '../../../../core/context.js';
import { notFound } from '../../../../core/errors.js';
import { pathInScope } from '../../../../core/scope.js';
import { workCalendar } from '../../../calendar/public.js';
import { bureauUnits, getCampaignRow } from '../../../campaigns/public.js';
import { obligationLegend, submittingUnits, unitCalendars } from '../calendar.js';

/**
 * 报送日历: every due date of every obligation for each submitting unit the caller may see (their
 * own unit, or the units of their area: a leader sees the units below with their completeness), or
 * for one unit (`orgUnitId`).
 */
export async function obligationCalendar(ctx: Ctx, campaignId: number, q: { orgUnitId?: number }): Promise<ObligationCalendar> {
  const campaign = await getCampaignRow(ctx.db, ctx.actor, campaignId);
  const def = campaign.definition as CampaignDefinition;
  const all = await bureauUnits(ctx.db, campaign.jurisdictionId);
  const visible = (await submittingUnits(ctx.db, def, all)).filter((u) => u.id === ctx.actor.orgUnitId || pathInScope(ctx.actor, u.path));
  const units = q.orgUnitId ? visible.filter((u) => u.id === q.orgUnitId) : visible;
  if (q.orgUnitId && !units.length) throw notFound('报送单位');
  // The caller's own unit first, then the bureau's order.
  units.sort((a, b) => Number(b.id === ctx.actor.orgUnitId) - Number(a.id === ctx.actor.orgUnitId));
  const now = new Date();
  return {
    campaignId,
    campaignName: campaign.name,
    today: shanghaiToday(now),
    obligations: obligationLegend(def, all),
    units: await unitCalendars(ctx.db, campaignId, def, all, units, await workCalendar(ctx.db), now),
  };
}
