import type { StoredFile } from '../../../../contracts/files.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { presentFile, storeUpload } from '../../../core/files/index.js';
import type { Upload } from '../../../core/uploads.js';
import { visibleRow } from '../queries.js';

/** A photo or document as material of a clue (来文、截图、核查材料). */
export async function addClueFile(ctx: Ctx, id: number, upload: Upload): Promise<StoredFile> {
  const r = await visibleRow(ctx.db, ctx.actor, 'clues', id, '线索');
  const row = await storeUpload(ctx, upload, async (tx, attach) => {
    const f = await attach({ recordType: 'clue', recordId: id, jurisdictionId: r.jurisdiction_id });
    await audit(tx, ctx, {
      action: 'clue.file.add',
      entityType: 'clue',
      entityId: id,
      jurisdictionId: r.jurisdiction_id,
      summary: `线索 ${id} 上传材料：${f.originalName}`,
      after: { fileId: f.id, name: f.originalName, size: f.size },
    });
    return f;
  });
  return presentFile(row);
}
