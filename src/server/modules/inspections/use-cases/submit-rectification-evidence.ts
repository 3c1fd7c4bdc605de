import { eq } from 'drizzle-orm';
import type { RectificationStatus, RectificationView } from '../../../../contracts/inspections.js';
import { rectifications } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { storeUpload } from '../../../core/files/index.js';
import type { Upload } from '../../../core/uploads.js';
import { bumpVersion } from '../../../core/versions.js';
import { presentRectificationById, visibleRectification } from '../rectification-queries.js';
import { rectificationWorkflow } from '../workflow.js';

/** The unit's rectification evidence (photo or document, with a note) is recorded by the station: 整改中 → 已提交整改材料. */
export async function submitRectificationEvidence(ctx: Ctx, id: number, upload: Upload): Promise<RectificationView> {
  const r = await visibleRectification(ctx, id);
  rectificationWorkflow.take(ctx.actor, 'submit_evidence', r.status);
  const note = upload.fields.note?.trim().slice(0, 500) || null;
  await storeUpload(ctx, upload, async (tx, attach) => {
    const [before] = await tx.select().from(rectifications).where(eq(rectifications.id, id)).for('update');
    return rectificationWorkflow.apply(tx, ctx, {
      action: 'submit_evidence',
      state: before.status as RectificationStatus,
      change: async (to) => {
        const f = await attach({ recordType: 'rectification', recordId: id, jurisdictionId: before.jurisdictionId });
        const [row] = await tx
          .update(rectifications)
          .set({ status: to, evidenceNote: note ?? before.evidenceNote, updatedAt: new Date(), version: bumpVersion(rectifications) })
          .where(eq(rectifications.id, id))
          .returning();
        return { ...row, fileId: f.id };
      },
      audit: {
        action: 'rectification.submit_evidence',
        entityType: 'rectification',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `整改事项 #${id}（${r.entity_name}）提交整改材料${note ? `：${note}` : ''}`,
        before: { status: before.status },
        after: (x) => ({ status: x.status, fileId: x.fileId, note }),
      },
    });
  });
  return presentRectificationById(ctx, id);
}
