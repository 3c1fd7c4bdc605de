import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { CreditUnitDetail } from '../../../../contracts/credit.js';
import { creditRuns } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { windowFrom } from '../compute.js';
import { visibleUnit } from '../queries.js';
import { currentRule } from '../rules.js';
import { executeRun } from '../run.js';
import { getCreditUnit } from './get-credit-unit.js';

/** Recompute one unit's grade now (same computation as an area run, restricted to the unit). */
export async function recomputeUnit(ctx: Ctx, entityId: number): Promise<CreditUnitDetail> {
  const unit = await visibleUnit(ctx.db, ctx.actor, entityId);
  await ctx.db.transaction(async (tx) => {
    const rule = await currentRule(tx);
    if (!rule.definition.entityKinds.includes(unit.kind as never))
      throw new AppError('NOT_GRADED', '该类监管对象不在信用评价规则的适用范围内', 409);
    const asOf = shanghaiToday();
    const [r] = await tx
      .insert(creditRuns)
      .values({
        scope: 'unit',
        jurisdictionId: unit.jurisdiction_id,
        path: '',
        entityId,
        ruleVersion: rule.version,
        asOf,
        windowFrom: windowFrom(asOf, rule.definition.windowMonths),
        createdBy: ctx.actor.id || null,
      })
      .returning({ id: creditRuns.id });
    await executeRun(tx, ctx.ext, r!.id, ctx);
  });
  return getCreditUnit(ctx, entityId);
}
