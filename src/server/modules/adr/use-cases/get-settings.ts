import type { Ctx } from '../../../core/context.js';
import { reportPlace, settingsFor } from '../queries.js';

/** The targets and thresholds in force for a county of the caller's area (default: the caller's county). */
export async function getSettings(ctx: Ctx, jurisdictionId?: number) {
  const place = await reportPlace(ctx.db, ctx.actor, jurisdictionId ?? null);
  return settingsFor(ctx.db, place.countyId);
}
