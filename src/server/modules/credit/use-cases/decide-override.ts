import { eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { CreditOverride, DecideOverrideInput } from '../../../../contracts/credit.js';
import { creditGradeChanges, creditOverrides } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { rows } from '../../../core/sql.js';
import { staleVersion } from '../../../core/versions.js';
import { setCreditGrades } from '../../entities/public.js';
import { overrideSelect, presentOverride, visibleOverride, type OverrideRow } from '../queries.js';
import { currentRule } from '../rules.js';
import { overrideWorkflow } from '../workflow.js';

/**
 * Approve or reject an override request (workflow.ts). The requester never decides their own
 * request. Approval sets the unit's current grade at once (recorded in its grade history) and binds
 * the override to the rule version in force; the next rule version or the expiry date ends it.
 */
export async function decideOverride(ctx: Ctx, id: number, input: DecideOverrideInput): Promise<CreditOverride> {
  return ctx.db.transaction(async (tx) => {
    const o = await visibleOverride(tx, ctx.actor, id, true);
    const rule = await currentRule(tx);
    if (o.version !== input.version) throw staleVersion(presentOverride(o, ctx.actor, rule.version));
    const ownRequest = o.requested_by === ctx.actor.id;
    if (ownRequest && o.status === 'requested') throw new AppError('FORBIDDEN', '申请人不能审批本人提出的等级调整申请', 403);
    if (input.action === 'approve' && o.expires_on && o.expires_on < shanghaiToday())
      throw new AppError('EXPIRED', '该申请的有效期已过，不能批准', 409);
    const after = await overrideWorkflow.apply(tx, ctx, {
      action: input.action,
      state: o.status,
      facts: { ownRequest },
      note: input.note,
      change: async (to) => {
        await tx
          .update(creditOverrides)
          .set({
            status: to,
            decidedBy: ctx.actor.id || null,
            decidedAt: new Date(),
            decisionNote: input.note ?? null,
            ...(to === 'approved' ? { ruleVersion: rule.version } : {}),
            version: sql`${creditOverrides.version} + 1`,
          })
          .where(eq(creditOverrides.id, id));
        if (to === 'approved') {
          const [e] = await rows<{ credit_grade: string | null }>(tx, sql`select credit_grade from entities where id = ${o.entity_id}`);
          if (e?.credit_grade !== o.grade) {
            await tx.insert(creditGradeChanges).values({
              entityId: o.entity_id,
              jurisdictionId: o.jurisdiction_id,
              overrideId: id,
              fromGrade: e?.credit_grade ?? null,
              toGrade: o.grade,
              source: 'override',
              ruleVersion: rule.version,
              note: o.reason,
            });
            await setCreditGrades(tx, sql`select ${o.entity_id}::int, ${o.grade}::text`);
          }
        }
        const [row] = await rows<OverrideRow>(tx, overrideSelect(sql`o.id = ${id}`));
        return row!;
      },
      audit: {
        action: input.action === 'approve' ? 'credit_override.approve' : 'credit_override.reject',
        entityType: 'credit_override',
        entityId: id,
        jurisdictionId: o.jurisdiction_id,
        summary: `${o.entity_name}：${input.action === 'approve' ? '批准' : '驳回'}将信用等级调整为${o.grade}级${input.note ? `（${input.note}）` : ''}`,
        before: { status: o.status },
        after: (r) => ({ status: r.status, grade: r.grade, decisionNote: r.decision_note }),
      },
    });
    return presentOverride(after, ctx.actor, rule.version);
  });
}
