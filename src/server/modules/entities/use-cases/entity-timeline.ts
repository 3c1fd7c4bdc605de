import type { Ctx } from '../../../core/context.js';
import { getEntityRow } from '../queries.js';

/** The unit's history from every module's timeline source (core/extensions.ts), newest first. */
export async function entityTimeline(ctx: Ctx, id: number) {
  const entity = await getEntityRow(ctx.db, ctx.actor, id);
  const parts = await Promise.all(ctx.ext.timeline.map((s) => s.load(ctx.db, entity, ctx.actor)));
  return parts.flat().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
