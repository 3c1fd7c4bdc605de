import { eq } from 'drizzle-orm';
import type { StoredFile } from '../../../../contracts/files.js';
import { inspections } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { presentFile, storeUpload } from '../../../core/files/index.js';
import type { Upload } from '../../../core/uploads.js';
import { visibleInspection } from '../queries.js';

/** A photo or document as evidence of an inspection (an item's photo when `itemKey` is given). */
export async function addInspectionFile(ctx: Ctx, id: number, upload: Upload): Promise<StoredFile> {
  const r = await visibleInspection(ctx, id);
  if (r.status === 'cancelled') throw new AppError('ILLEGAL_TRANSITION', '已取消的检查不能再上传材料', 409);
  const itemKey = upload.fields.itemKey?.slice(0, 60) || null;
  const row = await storeUpload(ctx, upload, async (tx, attach) => {
    const [i] = await tx.select({ status: inspections.status }).from(inspections).where(eq(inspections.id, id)).for('update');
    if (i.status === 'cancelled') throw new AppError('ILLEGAL_TRANSITION', '已取消的检查不能再上传材料', 409);
    const f = await attach({ recordType: 'inspection', recordId: id, jurisdictionId: r.jurisdiction_id });
    await audit(tx, ctx, {
      action: 'inspection.file.add',
      entityType: 'inspection',
      entityId: id,
      jurisdictionId: r.jurisdiction_id,
      summary: `检查记录 #${id} 上传${f.kind === 'image' ? '照片' : '材料'}：${f.originalName}${itemKey ? `（检查项 ${itemKey}）` : ''}`,
      after: { fileId: f.id, name: f.originalName, size: f.size, itemKey },
    });
    return f;
  });
  return presentFile(row);
}
