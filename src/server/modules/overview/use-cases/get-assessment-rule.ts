import { desc, eq } from 'drizzle-orm';
import { isoTimestamp } from '../../../../contracts/calendar.js';
import type { AssessmentRuleView } from '../../../../contracts/overview.js';
import { can } from '../../../../contracts/permissions.js';
import type { DbOrTx } from '../../../../db/client.js';
import { assessmentRules, users } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { currentAssessmentRule, indicatorInfos } from '../rules.js';

/** The assessment rule in force with its version history and the indicators a rule may name. */
export async function getAssessmentRule(ctx: Pick<Ctx, 'db' | 'actor' | 'ext'>, db: DbOrTx = ctx.db): Promise<AssessmentRuleView> {
  const rule = await currentAssessmentRule(db);
  const history = await db
    .select({
      version: assessmentRules.version,
      reason: assessmentRules.reason,
      createdBy: users.displayName,
      createdAt: assessmentRules.createdAt,
    })
    .from(assessmentRules)
    .leftJoin(users, eq(users.id, assessmentRules.createdBy))
    .orderBy(desc(assessmentRules.version))
    .limit(50);
  return {
    version: rule.version,
    definition: rule.definition,
    reason: rule.reason,
    createdBy: rule.createdBy,
    createdAt: isoTimestamp(rule.createdAt),
    indicators: indicatorInfos(ctx.ext),
    history: history.map((h) => ({ ...h, createdAt: isoTimestamp(h.createdAt) })),
    actions: can(ctx.actor.role, 'overview.manage') ? ['edit'] : [],
  };
}
