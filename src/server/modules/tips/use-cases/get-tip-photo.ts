import { and, eq } from 'drizzle-orm';
import { tipPhotos } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { getVisibleTip } from '../queries.js';

/** A photo's bytes, only for those who may see its tip. */
export async function getTipPhoto(ctx: Ctx, tipId: number, photoId: number) {
  await getVisibleTip(ctx.db, ctx.actor, tipId);
  const [p] = await ctx.db
    .select({ fileName: tipPhotos.fileName, mimeType: tipPhotos.mimeType, data: tipPhotos.data })
    .from(tipPhotos)
    .where(and(eq(tipPhotos.id, photoId), eq(tipPhotos.tipId, tipId)));
  if (!p) throw notFound('照片');
  return p;
}
