import { sql } from 'drizzle-orm';
import type { AssessmentRuleView, SaveAssessmentRuleInput } from '../../../../contracts/overview.js';
import { assessmentRules } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { staleVersion } from '../../../core/versions.js';
import { assertKnownIndicators, currentAssessmentRule } from '../rules.js';
import { getAssessmentRule } from './get-assessment-rule.js';

/**
 * Save a new version of the assessment rule (earlier versions stay) with the reason for the change,
 * audited in the same transaction. `version` is the version the editor loaded (0 = the bundled
 * default): another save since → 409 STALE_VERSION. Weights not adding up to 100 (validation) or an
 * indicator neither contributed nor reserved → 400 with nothing stored.
 */
export async function saveAssessmentRule(ctx: Ctx, input: SaveAssessmentRuleInput): Promise<AssessmentRuleView> {
  assertKnownIndicators(ctx.ext, input.definition);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('overview.assessment_rule'))`);
    const before = await currentAssessmentRule(tx);
    if (before.version !== input.version) throw staleVersion(await getAssessmentRule(ctx, tx));
    const version = before.version + 1;
    await tx.insert(assessmentRules).values({
      version,
      definition: input.definition,
      reason: input.reason,
      jurisdictionId: ctx.actor.jurisdictionId,
      createdBy: ctx.actor.id || null,
    });
    await audit(tx, ctx, {
      action: 'assessment_rule.save',
      entityType: 'assessment_rule',
      entityId: version,
      jurisdictionId: ctx.actor.jurisdictionId || null,
      summary: `考核规则第${version}版：${input.reason}`,
      before: { version: before.version, ...before.definition },
      after: { version, ...input.definition },
    });
    return getAssessmentRule(ctx, tx);
  });
}
