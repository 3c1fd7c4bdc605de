import { sql } from 'drizzle-orm';
import type { CreditRuleView, SaveCreditRuleInput } from '../../../../contracts/credit.js';
import { creditRules } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { staleVersion } from '../../../core/versions.js';
import { assertKnownIndicators, currentRule } from '../rules.js';
import { getCreditRule } from './get-credit-rule.js';

/**
 * Save a new version of the scoring rule (the previous versions stay). `version` is the version the
 * editor loaded (0 = the bundled default): another save since → 409 STALE_VERSION. A rule referring
 * to an indicator no module contributes, or with unordered thresholds, is refused with nothing stored.
 */
export async function saveCreditRule(ctx: Ctx, input: SaveCreditRuleInput): Promise<CreditRuleView> {
  assertKnownIndicators(ctx.ext, input.definition);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('credit.rule'))`);
    const before = await currentRule(tx);
    if (before.version !== input.version) throw staleVersion(await getCreditRule(ctx, tx));
    const version = before.version + 1;
    await tx.insert(creditRules).values({
      version,
      definition: input.definition,
      reason: input.reason,
      jurisdictionId: ctx.actor.jurisdictionId,
      createdBy: ctx.actor.id || null,
    });
    await audit(tx, ctx, {
      action: 'credit_rule.save',
      entityType: 'credit_rule',
      entityId: version,
      jurisdictionId: ctx.actor.jurisdictionId || null,
      summary: `信用评价规则第${version}版：${input.reason}`,
      before: { version: before.version, ...before.definition },
      after: { version, ...input.definition },
    });
    return getCreditRule(ctx, tx);
  });
}
