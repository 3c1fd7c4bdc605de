import { eq, sql } from 'drizzle-orm';
import type { StoredFile } from '../../../../contracts/files.js';
import { clueTransfers } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { presentFile, storeUpload } from '../../../core/files/index.js';
import type { Upload } from '../../../core/uploads.js';
import { visibleRow } from '../queries.js';

/** The transfer letter (移交函, field purpose=letter, the default) or the receipt's scan (purpose=receipt). */
export async function addTransferFile(ctx: Ctx, id: number, upload: Upload): Promise<StoredFile> {
  const r = await visibleRow(ctx.db, ctx.actor, 'clue_transfers', id, '移交记录');
  const receipt = upload.fields.purpose === 'receipt';
  const row = await storeUpload(ctx, upload, async (tx, attach) => {
    await tx.select({ id: clueTransfers.id }).from(clueTransfers).where(eq(clueTransfers.id, id)).for('update');
    const f = await attach({ recordType: 'clue_transfer', recordId: id, jurisdictionId: r.jurisdiction_id });
    await tx
      .update(clueTransfers)
      .set({
        ...(receipt ? { receiptFileId: f.id } : { letterFileId: f.id }),
        updatedAt: new Date(),
        version: sql`${clueTransfers.version} + 1`,
      })
      .where(eq(clueTransfers.id, id));
    await audit(tx, ctx, {
      action: 'clue_transfer.file.add',
      entityType: 'clue_transfer',
      entityId: id,
      jurisdictionId: r.jurisdiction_id,
      summary: `移交记录 ${id} 上传${receipt ? '回执' : '移交函'}：${f.originalName}`,
      after: { fileId: f.id, name: f.originalName, purpose: receipt ? 'receipt' : 'letter' },
    });
    return f;
  });
  return presentFile(row);
}
