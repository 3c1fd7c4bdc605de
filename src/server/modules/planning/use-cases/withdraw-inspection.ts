import { eq, sql } from 'drizzle-orm';
import type { Inspection, WithdrawInspectionInput } from '../../../../contracts/plans.js';
import { inspections } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { conflict, notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { rows } from '../queries.js';
import { transition } from '../workflow.js';
import { inspectionVersion, presentInspection } from './get-inspection.js';

/**
 * Withdraw (撤回) a recorded inspection with a reason, e.g. recorded on the wrong unit. A plan
 * task's inspection goes back to 待检查 (due date and drawn inspectors of the task restored), so the
 * task is open again and coverage no longer counts it; an unplanned inspection, or one whose plan
 * was superseded, becomes 已取消. Applies only to the version that was read.
 */
export async function withdrawInspection(ctx: Ctx, id: number, input: WithdrawInspectionInput): Promise<Inspection> {
  const [r] = await rows(
    ctx.db,
    sql`select i.status, i.jurisdiction_id, j.path, t.id as task_id, p.status as plan_status
        from inspections i join jurisdictions j on j.id = i.jurisdiction_id
        left join plan_tasks t on t.id = i.plan_task_id left join plans p on p.id = t.plan_id
        where i.id = ${id}`,
  );
  if (!r || !pathInScope(ctx.actor, r.path)) throw notFound('检查记录');
  const inForce = !!r.task_id && r.plan_status === 'published';
  transition('withdraw', r.status, inForce);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
    const to = transition('withdraw', before.status, inForce);
    const [same] = await rows(tx, sql`select ${inspectionVersion(sql`updated_at`)} = ${input.updatedAt} as ok from inspections where id = ${id}`);
    if (!same?.ok) throw conflict('该检查记录已被他人修改，请刷新后重试');
    if (to === 'planned') {
      await tx.execute(sql`update inspections i set status = 'planned', date = coalesce(t.due_to, (p.period->>'to')::date, i.date), due_from = t.due_from,
            inspector_ids = t.inspector_ids, note = null, cancel_reason = null, recorded_by = null, recorded_at = null, updated_at = now()
          from plan_tasks t join plans p on p.id = t.plan_id where t.id = i.plan_task_id and i.id = ${id}`);
    } else {
      await tx.update(inspections).set({ status: 'cancelled', cancelReason: `撤回：${input.reason}`, updatedAt: new Date() }).where(eq(inspections.id, id));
    }
    const [after] = await tx.select().from(inspections).where(eq(inspections.id, id));
    await audit(tx, ctx, {
      action: 'inspection.withdraw',
      entityType: 'inspection',
      entityId: id,
      jurisdictionId: r.jurisdiction_id,
      summary: `撤回检查记录 #${id}（${to === 'planned' ? '恢复为待检查' : '改为已取消'}）：${input.reason}`,
      before,
      after: { ...after, reason: input.reason },
    });
  });
  return presentInspection(ctx.db, id);
}
