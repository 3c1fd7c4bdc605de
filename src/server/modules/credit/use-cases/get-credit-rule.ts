import { desc, eq } from 'drizzle-orm';
import { isoTimestamp } from '../../../../contracts/calendar.js';
import type { CreditRuleView } from '../../../../contracts/credit.js';
import { can } from '../../../../contracts/permissions.js';
import type { DbOrTx } from '../../../../db/client.js';
import { creditRules, users } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { pointOf } from '../../../core/extensions.js';
import { currentRule } from '../rules.js';

/** The rule in force with its version history and the indicators a rule may refer to. */
export async function getCreditRule(ctx: Pick<Ctx, 'db' | 'actor' | 'ext'>, db: DbOrTx = ctx.db): Promise<CreditRuleView> {
  const rule = await currentRule(db);
  const history = await db
    .select({ version: creditRules.version, reason: creditRules.reason, createdBy: users.displayName, createdAt: creditRules.createdAt })
    .from(creditRules)
    .leftJoin(users, eq(users.id, creditRules.createdBy))
    .orderBy(desc(creditRules.version))
    .limit(50);
  return {
    version: rule.version,
    definition: rule.definition,
    reason: rule.reason,
    createdBy: rule.createdBy,
    createdAt: isoTimestamp(rule.createdAt),
    indicators: pointOf(ctx.ext, 'creditIndicators').map((i) => ({ key: i.key, label: i.label, unit: i.unit })),
    history: history.map((h) => ({ ...h, createdAt: isoTimestamp(h.createdAt) })),
    actions: can(ctx.actor.role, 'credit.manage') ? ['edit'] : [],
  };
}
