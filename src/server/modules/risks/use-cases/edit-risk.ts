import { eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { EditRiskInput, RiskStatus, RiskView } from '../../../../contracts/risks.js';
import { riskEntities, risks } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { rows } from '../../../core/sql.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { presentRiskById } from '../presenter.js';
import { assertEntities, assertOwner, visibleRisk } from '../queries.js';
import { riskWorkflow } from '../workflow.js';

/** Correct a risk not yet up for closure (description, grade, measure, owner, deadline, units), from the version read. */
export async function editRisk(ctx: Ctx, id: number, { version, entityIds, ...patch }: EditRiskInput): Promise<RiskView> {
  const r = await visibleRisk(ctx, id);
  await assertVersion(r.version, version, () => presentRiskById(ctx, id));
  riskWorkflow.take(ctx.actor, 'edit', r.status as RiskStatus);
  if (patch.deadline && patch.deadline !== r.deadline && patch.deadline < shanghaiToday())
    throw invalid('管控期限不能早于今天', [{ path: 'deadline', message: '不能早于今天' }]);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(risks).where(eq(risks.id, id)).for('update');
    const [{ path }] = await rows<{ path: string }>(tx, sql`select path from jurisdictions where id = ${before.jurisdictionId}`);
    if (patch.ownerId && patch.ownerId !== before.ownerId) await assertOwner(tx, path, patch.ownerId);
    const units = entityIds ? await assertEntities(tx, path, entityIds) : null;
    await riskWorkflow.apply(tx, ctx, {
      action: 'edit',
      state: before.status as RiskStatus,
      change: async () => {
        const set = {
          ...patch,
          ...(patch.controlMeasure !== undefined ? { controlMeasure: patch.controlMeasure || null } : {}),
          ...(patch.productTags ? { productTags: [...new Set(patch.productTags)] } : {}),
          updatedAt: new Date(),
        };
        const after = await updateVersioned(tx, risks, id, version, set, () => presentRiskById(ctx, id, tx));
        if (units) {
          await tx.delete(riskEntities).where(eq(riskEntities.riskId, id));
          if (units.length)
            await tx.insert(riskEntities).values(units.map((u) => ({ riskId: id, entityId: u.id, jurisdictionId: u.jurisdiction_id })));
        }
        return { ...after, ...(units ? { entityIds: units.map((u) => u.id) } : {}) };
      },
      audit: {
        action: 'risk.edit',
        entityType: 'risk',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `修改风险隐患：${before.title}`,
        before: { ...before, entityIds: r.entities.map((e) => e.id) },
      },
    });
  });
  return presentRiskById(ctx, id);
}
