import { count, eq } from 'drizzle-orm';
import { TIP_PHOTO_MAX_BYTES, TIP_PHOTO_TYPES, TIP_PHOTOS_PER_TIP } from '../../../../contracts/tips.js';
import { tipPhotos, tips } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { tooLarge } from '../../../core/uploads.js';
import { assertReporterMayEdit } from '../policy.js';
import { getVisibleTip } from '../queries.js';
import { getTip } from './get-tip.js';

/** The image type from the file's first bytes; the declared type is not trusted. */
export function sniffImage(data: Buffer): (typeof TIP_PHOTO_TYPES)[number] | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export const photoTooLarge = () => tooLarge('照片', TIP_PHOTO_MAX_BYTES);

export async function addTipPhoto(ctx: Ctx, id: number, file: { fileName: string; data: Buffer }) {
  if (file.data.length === 0) throw invalid('照片文件为空');
  if (file.data.length > TIP_PHOTO_MAX_BYTES) throw photoTooLarge();
  const mimeType = sniffImage(file.data);
  if (!mimeType) throw invalid('只能上传 JPG、PNG 或 WebP 格式的照片');
  await getVisibleTip(ctx.db, ctx.actor, id);
  await ctx.db.transaction(async (tx) => {
    const [tip] = await tx.select().from(tips).where(eq(tips.id, id)).for('update');
    assertReporterMayEdit(ctx.actor, tip);
    const [{ n }] = await tx.select({ n: count() }).from(tipPhotos).where(eq(tipPhotos.tipId, id));
    if (Number(n) >= TIP_PHOTOS_PER_TIP) throw invalid(`每条上报最多${TIP_PHOTOS_PER_TIP}张照片`);
    const fileName = file.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(-100) || 'photo';
    const [row] = await tx
      .insert(tipPhotos)
      .values({ tipId: id, jurisdictionId: tip.jurisdictionId, fileName, mimeType, size: file.data.length, data: file.data })
      .returning({ id: tipPhotos.id });
    await audit(tx, ctx, {
      action: 'tip.photo.add',
      entityType: 'tip',
      entityId: id,
      jurisdictionId: tip.jurisdictionId,
      summary: `上传照片 ${fileName}`,
      after: { photoId: row.id, fileName, mimeType, size: file.data.length },
    });
  });
  return getTip(ctx, id);
}
