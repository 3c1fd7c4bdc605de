import type { Ctx } from '../../../core/context.js';
import { presentTip } from '../presenter.js';
import { getVisibleTip, photosOf } from '../queries.js';

export async function getTip(ctx: Ctx, id: number) {
  const row = await getVisibleTip(ctx.db, ctx.actor, id);
  const photos = await photosOf(ctx.db, [id]);
  return presentTip(row, ctx.actor, photos.get(id) ?? []);
}
