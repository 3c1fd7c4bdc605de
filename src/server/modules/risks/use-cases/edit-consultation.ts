import { eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { ConsultationView, EditConsultationInput } from '../../../../contracts/risks.js';
import { consultationItems, consultations } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { rows } from '../../../core/sql.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { checkLinks, presentConsultations, visibleConsultation, writeItems } from '../consultations.js';

/** Correct a meeting record (date, host, participants, items) with a reason, from the version read. */
export async function editConsultation(
  ctx: Ctx,
  id: number,
  { version, items, reason, ...patch }: EditConsultationInput,
): Promise<ConsultationView> {
  const c = await visibleConsultation(ctx, id);
  const current = async () => (await presentConsultations(ctx, [await visibleConsultation(ctx, id)]))[0];
  await assertVersion(c.version, version, current);
  if (patch.heldOn > shanghaiToday()) throw invalid('会商日期不能晚于今天', [{ path: 'heldOn', message: '不能晚于今天' }]);
  const [{ path }] = await rows<{ path: string }>(ctx.db, sql`select path from jurisdictions where id = ${c.jurisdiction_id}`);
  const links = await checkLinks(ctx, path, items);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(consultations).where(eq(consultations.id, id)).for('update');
    const after = await updateVersioned(
      tx,
      consultations,
      id,
      version,
      { heldOn: patch.heldOn, host: patch.host, participants: patch.participants ?? [], note: patch.note || null, updatedAt: new Date() },
      async () => (await presentConsultations(ctx, [await visibleConsultation(ctx, id, tx)], tx))[0],
    );
    await tx.delete(consultationItems).where(eq(consultationItems.consultationId, id));
    await writeItems(tx, id, before.jurisdictionId, path, items, links);
    await audit(tx, ctx, {
      action: 'consultation.update',
      entityType: 'consultation',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `修改会商记录（${after.heldOn}，${items.length}项事项）：${reason}`,
      before: { ...before, items: c.items },
      after: { ...after, items, reason },
    });
  });
  return current();
}
