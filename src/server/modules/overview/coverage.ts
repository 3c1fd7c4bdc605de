import type { ProgressFigure } from '../../../contracts/overview.js';
import type { Ctx } from '../../core/context.js';
import { campaignProgress, currentCampaign, progressOf } from '../campaigns/public.js';
import { unitOfEach } from './area.js';

/**
 * A campaign's live quota coverage (its current plan, through the `campaignProgress` point) summed
 * per unit over the campaign's top quota rules, and over all units; null without a published plan
 * or when the caller may not read it. Stations outside every unit are not counted.
 */
export async function coverageByUnit(ctx: Ctx, campaignId: number, units: { jurisdictionId: number; path: string }[]) {
  const p = await campaignProgress(ctx, campaignId);
  if (!p) return null;
  const top = (await currentCampaign(ctx.db, campaignId)).definition.quotas.map((r) => r.id);
  const owner = await unitOfEach(ctx.db, units, [...p.byStation.keys()]);
  const perUnit = new Map<number, ProgressFigure>();
  const total = { done: 0, required: 0 };
  for (const station of p.byStation.keys()) {
    const unit = owner.get(station);
    if (unit === undefined) continue;
    const x = progressOf(p, top, station);
    const s = perUnit.get(unit) ?? { done: 0, required: 0 };
    s.done += x.done;
    s.required += x.required;
    perUnit.set(unit, s);
    total.done += x.done;
    total.required += x.required;
  }
  return { planName: p.planName, perUnit, total };
}
