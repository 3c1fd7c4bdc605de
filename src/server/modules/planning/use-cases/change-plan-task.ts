import { and, eq, sql } from 'drizzle-orm';
import type { ChangePlanTaskInput } from '../../../../contracts/plans.js';
import { planTasks } from '../../../../db/schema/index.js';
import { cancelPlanned, createPlannedForTask, reassignPlanned, taskHasDoneInspection } from '../../inspections/public.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { conflict, notFound } from '../../../core/errors.js';
import { assertManagesPlan } from '../policy.js';
import { assertInspectorPool, getPlan, rows } from '../queries.js';
import { planContext } from '../coverage-source.js';
import { recheckPlan } from '../recheck.js';

/**
 * A manual change to a plan: add a unit, remove a task, or reassign its inspectors. Audited, and
 * the plan is re-checked against its rules in the same transaction; the check (violations, repeats
 * beyond frequency, inspector problems) is returned so the user sees at once what the change broke.
 */
export async function changePlanTask(ctx: Ctx, planId: number, input: ChangePlanTaskInput) {
  const p = await getPlan(ctx.db, planId);
  assertManagesPlan(ctx.actor, p.path);
  const published = p.plan.status === 'published';
  // Requirements come from the cache, outside the transaction (one connection on PGlite).
  const { context } = await planContext(ctx.db, p);
  return ctx.db.transaction(async (tx) => {
    const task = async (id: number) => {
      const [t] = await tx
        .select()
        .from(planTasks)
        .where(and(eq(planTasks.id, id), eq(planTasks.planId, planId)));
      if (!t) throw notFound('计划任务');
      return t;
    };
    const assertPool = (stationId: number, ids: number[]) => assertInspectorPool(tx, stationId, ids);
    let summary: string;
    let before: unknown = null;
    let after: unknown = null;
    if (input.action === 'add') {
      const [e] = await rows(
        tx,
        sql`select e.id, e.name, e.jurisdiction_id from entities e join jurisdictions j on j.id = e.jurisdiction_id where e.id = ${input.entityId} and j.path like ${p.path + '%'}`,
      );
      if (!e) throw notFound('检查对象');
      await assertPool(e.jurisdiction_id, input.inspectorIds ?? []);
      const [{ v }] = await rows(
        tx,
        sql`select coalesce(max(visit), 0)::int + 1 as v from plan_tasks where plan_id = ${planId} and entity_id = ${e.id}`,
      );
      const [row] = await tx
        .insert(planTasks)
        .values({
          planId,
          entityId: e.id,
          jurisdictionId: e.jurisdiction_id,
          visit: v,
          dueFrom: input.dueFrom ?? null,
          dueTo: input.dueTo ?? null,
          inspectorIds: input.inspectorIds ?? [],
          manual: true,
        })
        .returning();
      if (published) await createPlannedForTask(tx, row, (p.plan.period as any)?.to);
      after = row;
      summary = `计划「${p.plan.name}」手工增加检查对象 ${e.name}（第 ${v} 次）`;
    } else if (input.action === 'remove') {
      const t = await task(input.taskId);
      if (await taskHasDoneInspection(tx, t.id)) throw conflict('该任务已完成检查，不能从计划中删除');
      if (published) await cancelPlanned(tx, { planTaskId: t.id }, input.reason ?? '计划调整');
      await tx.delete(planTasks).where(eq(planTasks.id, t.id));
      before = t;
      summary = `计划「${p.plan.name}」删除任务 #${t.id}`;
    } else {
      const t = await task(input.taskId);
      await assertPool(t.jurisdictionId, input.inspectorIds);
      const [row] = await tx
        .update(planTasks)
        .set({ inspectorIds: input.inspectorIds, manual: true, updatedAt: new Date() })
        .where(eq(planTasks.id, t.id))
        .returning();
      if (published) await reassignPlanned(tx, t.id, input.inspectorIds);
      before = t;
      after = row;
      summary = `计划「${p.plan.name}」调整任务 #${t.id} 的检查人员`;
    }
    const check = await recheckPlan(tx, p, context);
    await audit(tx, ctx, {
      action: `plan.task.${input.action}`,
      entityType: 'plan',
      entityId: planId,
      jurisdictionId: p.plan.jurisdictionId,
      summary: `${summary}${input.reason ? `（${input.reason}）` : ''}；复核：${check.ok ? '符合全部规则' : `${check.counts.violations} 项指标不足、${check.counts.excess} 项重复检查、${check.counts.inspectorProblems} 项人员问题`}`,
      before,
      after: {
        change: after,
        check: { ok: check.ok, violations: check.counts.violations, excess: check.counts.excess, surplus: check.surplus },
      },
    });
    return check;
  });
}
