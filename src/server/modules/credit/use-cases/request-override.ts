import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { CreditOverride, RequestOverrideInput } from '../../../../contracts/credit.js';
import { creditOverrides } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, invalid } from '../../../core/errors.js';
import { rows } from '../../../core/sql.js';
import { overrideSelect, presentOverride, visibleUnit, type OverrideRow } from '../queries.js';
import { currentRule } from '../rules.js';

/** Ask to set a unit's grade by hand, with a reason; another person decides (workflow.ts). One open request per unit. */
export async function requestOverride(ctx: Ctx, input: RequestOverrideInput): Promise<CreditOverride> {
  if (input.expiresOn && input.expiresOn < shanghaiToday())
    throw invalid('有效期不能早于今天', [{ path: 'expiresOn', message: '有效期不能早于今天' }]);
  return ctx.db.transaction(async (tx) => {
    const unit = await visibleUnit(tx, ctx.actor, input.entityId);
    const rule = await currentRule(tx);
    if (!rule.definition.entityKinds.includes(unit.kind as never))
      throw new AppError('NOT_GRADED', '该类监管对象不在信用评价规则的适用范围内', 409);
    await tx.execute(sql`select 1 from entities where id = ${unit.id} for update`);
    const [open] = await rows(tx, sql`select id from credit_overrides where entity_id = ${unit.id} and status = 'requested' limit 1`);
    if (open) throw new AppError('CONFLICT', '该单位已有待审批的等级调整申请', 409);
    const [{ id }] = (await tx
      .insert(creditOverrides)
      .values({
        entityId: unit.id,
        jurisdictionId: unit.jurisdiction_id,
        grade: input.grade,
        computedGrade: unit.credit_grade,
        reason: input.reason,
        expiresOn: input.expiresOn ?? null,
        ruleVersion: rule.version,
        requestedBy: ctx.actor.id || null,
      })
      .returning({ id: creditOverrides.id })) as [{ id: number }];
    const [row] = await rows<OverrideRow>(tx, overrideSelect(sql`o.id = ${id}`));
    await audit(tx, ctx, {
      action: 'credit_override.request',
      entityType: 'credit_override',
      entityId: id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}：申请将信用等级调整为${input.grade}级（${input.reason}）`,
      after: {
        status: 'requested',
        grade: input.grade,
        computedGrade: unit.credit_grade,
        reason: input.reason,
        expiresOn: input.expiresOn ?? null,
      },
    });
    return presentOverride(row!, ctx.actor, rule.version);
  });
}
