import { eq } from 'drizzle-orm';
import type { StoredFile } from '../../../../../contracts/files.js';
import type { SubmissionStatus } from '../../../../../contracts/submissions.js';
import { reportSubmissions } from '../../../../../db/schema/index.js';
import { audit } from '../../../../core/audit.js';
import type { Ctx } from '../../../../core/context.js';
import { AppError, forbidden } from '../../../../core/errors.js';
import { presentFile, storeUpload } from '../../../../core/files/index.js';
import type { Upload } from '../../../../core/uploads.js';
import { factsOf, loadSubmission } from '../queries.js';
import { SCAN_STATES } from '../workflow.js';

const refuseState = () => new AppError('ILLEGAL_TRANSITION', '报送已受理，不能再上传盖章扫描件', 409);

/** The stamped scan (盖章扫描件, PDF or image) of a report whose obligation asks for one, by the submitting unit until accepted. */
export async function addSubmissionScan(ctx: Ctx, id: number, upload: Upload): Promise<StoredFile> {
  const sc = await loadSubmission(ctx, id);
  if (!factsOf(ctx.actor, sc).ownUnit) throw forbidden('只有报送单位可以上传盖章扫描件');
  if (!sc.obligation.stampedScan) throw new AppError('SCAN_NOT_REQUIRED', `“${sc.obligation.label}”不要求盖章扫描件`, 400);
  if (!SCAN_STATES.includes(sc.row.status as SubmissionStatus)) throw refuseState();
  const file = await storeUpload(ctx, upload, async (tx, attach) => {
    const [before] = await tx.select().from(reportSubmissions).where(eq(reportSubmissions.id, id)).for('update');
    if (!SCAN_STATES.includes(before.status as SubmissionStatus)) throw refuseState();
    const f = await attach({ recordType: 'report_submission', recordId: id, jurisdictionId: before.jurisdictionId });
    await audit(tx, ctx, {
      action: 'report_submission.scan.add',
      entityType: 'report_submission',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `上传盖章扫描件：${sc.unit?.name ?? ''}“${sc.obligation.label}”${f.originalName}`,
      after: { fileId: f.id, fileName: f.originalName },
    });
    return f;
  });
  return presentFile(file);
}
