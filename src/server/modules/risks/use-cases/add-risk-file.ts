import { eq } from 'drizzle-orm';
import type { RiskStatus } from '../../../../contracts/risks.js';
import type { StoredFile } from '../../../../contracts/files.js';
import { risks } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { presentFile, storeUpload } from '../../../core/files/index.js';
import type { Upload } from '../../../core/uploads.js';
import { visibleRisk } from '../queries.js';
import { EVIDENCE_STATES, riskWorkflow } from '../workflow.js';

const refuseState = () => new AppError('ILLEGAL_TRANSITION', '风险隐患已申请销号或已销号，不能再添加证明材料', 409);

/** Evidence that the control is in place (photo or document, with a note): what a closure is verified on. */
export async function addRiskFile(ctx: Ctx, id: number, upload: Upload): Promise<StoredFile> {
  const r = await visibleRisk(ctx, id);
  // Whoever may edit the risk may add evidence to it.
  riskWorkflow.take(ctx.actor, 'edit', EVIDENCE_STATES.includes(r.status as RiskStatus) ? (r.status as RiskStatus) : 'open');
  if (!EVIDENCE_STATES.includes(r.status as RiskStatus)) throw refuseState();
  const note = upload.fields.note?.trim().slice(0, 500) || null;
  const file = await storeUpload(ctx, upload, async (tx, attach) => {
    const [before] = await tx.select().from(risks).where(eq(risks.id, id)).for('update');
    if (!EVIDENCE_STATES.includes(before.status as RiskStatus)) throw refuseState();
    const f = await attach({ recordType: 'risk', recordId: id, jurisdictionId: before.jurisdictionId });
    await audit(tx, ctx, {
      action: 'risk.file.add',
      entityType: 'risk',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `风险隐患“${before.title}”上传证明材料 ${f.originalName}${note ? `：${note}` : ''}`,
      after: { fileId: f.id, fileName: f.originalName, note },
    });
    return f;
  });
  return presentFile(file);
}
