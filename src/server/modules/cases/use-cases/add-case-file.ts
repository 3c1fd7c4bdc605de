import { eq } from 'drizzle-orm';
import type { StoredFile } from '../../../../contracts/files.js';
import { cases } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { presentFile, storeUpload } from '../../../core/files/index.js';
import type { Upload } from '../../../core/uploads.js';
import { assertOfficer } from '../policy.js';
import { visibleCase } from '../queries.js';

const CLOSED = ['not_filed', 'revoked', 'closed'];

/** Evidence (证据材料: photos, scanned records, test reports) for a case. */
export async function addCaseFile(ctx: Ctx, id: number, upload: Upload): Promise<StoredFile> {
  const c = await visibleCase(ctx, id);
  assertOfficer(ctx.actor, c);
  if (CLOSED.includes(c.status)) throw new AppError('ILLEGAL_TRANSITION', '案件已结束，不能再上传证据材料', 409);
  const row = await storeUpload(ctx, upload, async (tx, attach) => {
    const [x] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, id)).for('update');
    if (CLOSED.includes(x!.status)) throw new AppError('ILLEGAL_TRANSITION', '案件已结束，不能再上传证据材料', 409);
    const f = await attach({ recordType: 'case', recordId: id, jurisdictionId: c.jurisdictionId });
    await audit(tx, ctx, {
      action: 'case.file.add',
      entityType: 'case',
      entityId: id,
      jurisdictionId: c.jurisdictionId,
      summary: `案件 ${c.caseNo ?? `#${id}`} 上传证据材料：${f.originalName}`,
      after: { fileId: f.id, name: f.originalName, size: f.size },
    });
    return f;
  });
  return presentFile(row);
}
