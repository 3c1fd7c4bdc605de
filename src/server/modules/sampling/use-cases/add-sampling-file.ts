import { eq } from 'drizzle-orm';
import type { StoredFile } from '../../../../contracts/files.js';
import { samplingRecords } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { presentFile, storeUpload } from '../../../core/files/index.js';
import type { Upload } from '../../../core/uploads.js';
import { REPORT_FILES, SEAL_FILES } from '../presenter.js';
import { visibleRecord } from '../queries.js';

export type SamplingFilePurpose = 'seal' | 'report';

/**
 * A seal photo of the sample (封样照片, photos only) or the lab's report file (检验报告, photo or
 * PDF, once the result is in). A withdrawn record takes no more files.
 */
export async function addSamplingFile(ctx: Ctx, id: number, purpose: SamplingFilePurpose, upload: Upload): Promise<StoredFile> {
  const r = await visibleRecord(ctx, id);
  const check = (status: string) => {
    if (status === 'withdrawn') throw new AppError('ILLEGAL_TRANSITION', '已撤销的抽样记录不能再上传材料', 409);
    if (purpose === 'report' && !['qualified', 'unqualified', 'handled'].includes(status))
      throw new AppError('ILLEGAL_TRANSITION', '请先录入检验结果，再上传检验报告', 409);
  };
  check(r.status);
  const row = await storeUpload(ctx, upload, async (tx, attach) => {
    const [s] = await tx
      .select({ status: samplingRecords.status, number: samplingRecords.number })
      .from(samplingRecords)
      .where(eq(samplingRecords.id, id))
      .for('update');
    check(s.status);
    const f = await attach({ recordType: purpose === 'seal' ? SEAL_FILES : REPORT_FILES, recordId: id, jurisdictionId: r.jurisdiction_id });
    await audit(tx, ctx, {
      action: 'sampling.file.add',
      entityType: 'sampling_record',
      entityId: id,
      jurisdictionId: r.jurisdiction_id,
      summary: `抽样记录 ${s.number} 上传${purpose === 'seal' ? '封样照片' : '检验报告'}：${f.originalName}`,
      after: { fileId: f.id, name: f.originalName, size: f.size, purpose },
    });
    return f;
  });
  return presentFile(row);
}
