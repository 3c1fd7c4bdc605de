import { eq } from 'drizzle-orm';
import type { Inspection, InspectionStatus, SignInput } from '../../../../contracts/inspections.js';
import { inspections, inspectionSignatures } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { releaseStaged } from '../../../core/files/index.js';
import { bumpVersion } from '../../../core/versions.js';
import { checkSignatures, insertSignatures, signOff, stageSignatures } from '../on-site.js';
import { presentInspection, signaturesComplete } from '../presenter.js';
import { visibleInspection } from '../queries.js';
import { inspectionWorkflow } from '../workflow.js';

/**
 * An inspector confirms an on-site record awaiting signatures (谁检查、谁签名): from their own
 * session, or another inspector of it on the same phone with their password. The last signature
 * signs it off (documents numbered, rectifications started, coverage counts it).
 */
export async function signInspection(ctx: Ctx, id: number, input: SignInput): Promise<Inspection> {
  const r = await visibleInspection(ctx, id);
  if (r.status !== 'draft') throw new AppError('ILLEGAL_TRANSITION', '该检查记录不在待签名状态', 409);
  const userId = input.userId ?? ctx.actor.id;
  const checked = await checkSignatures(ctx, ctx.db, r.inspector_ids ?? [], [
    { signer: 'inspector', userId, password: input.password, image: input.image },
  ]);
  const staged = await stageSignatures(ctx, checked);
  try {
    await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
      const existing = await tx
        .select({ signer: inspectionSignatures.signer, userId: inspectionSignatures.userId })
        .from(inspectionSignatures)
        .where(eq(inspectionSignatures.inspectionId, id));
      if (existing.some((s) => s.userId === userId)) throw new AppError('ALREADY_SIGNED', '该检查人员已签名', 409);
      const complete = signaturesComplete(before.inspectorIds, [...existing, { signer: 'inspector', userId }]);
      await inspectionWorkflow.apply(tx, ctx, {
        action: 'sign',
        state: before.status as InspectionStatus,
        facts: { originInForce: true, complete },
        change: async (to) => {
          await insertSignatures(tx, ctx, { id, jurisdictionId: before.jurisdictionId }, checked, staged);
          const [row] = await tx
            .update(inspections)
            .set({ status: to, updatedAt: new Date(), version: bumpVersion(inspections) })
            .where(eq(inspections.id, id))
            .returning();
          if (to === 'done') await signOff(tx, ctx, id);
          return row;
        },
        audit: {
          action: 'inspection.sign',
          entityType: 'inspection',
          entityId: id,
          jurisdictionId: before.jurisdictionId,
          summary: `${checked[0].name}签名确认检查记录 #${id}${complete ? '（签名齐全，已完成）' : ''}`,
          before: { status: before.status },
          after: (row) => ({ status: row.status, signer: checked[0].name, method: checked[0].method }),
        },
      });
    });
  } catch (e) {
    await Promise.all(staged.map((s) => releaseStaged(ctx, s).catch(() => undefined)));
    throw e;
  }
  return presentInspection(ctx, ctx.db, id);
}
