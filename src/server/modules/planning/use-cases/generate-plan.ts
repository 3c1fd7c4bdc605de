import { randomInt } from 'node:crypto';
import type { GeneratePlanInput } from '../../../../contracts/plans.js';
import { plans } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { checkPlan, generatePlan as plan, withExisting } from '../engine/index.js';
import { contextOf, loadCampaign, loadPlanningInput } from '../loader.js';
import { existingVisits, patchInputOf, rememberPlanContext } from '../coverage-source.js';
import { storedFindings } from '../findings.js';
import { assertManagesPlan } from '../policy.js';
import { presentPlan } from '../presenter.js';
import { getPlan } from '../queries.js';
import { storeTasks } from '../store-tasks.js';

/**
 * Generate a draft plan for a campaign: every quota rule met with the fewest inspections, units
 * and inspectors drawn from the recorded seed. Impossible quotas are kept as shortfalls.
 */
export async function generatePlanForCampaign(ctx: Ctx, input: GeneratePlanInput) {
  const campaign = await loadCampaign(ctx.db, input.campaignId);
  assertManagesPlan(ctx.actor, campaign.jurisdictionPath);
  if (!campaign.rules.length)
    throw new AppError(
      'NO_QUOTAS',
      `该专项行动没有检查指标规则，无法生成计划${campaign.missing.length ? `。${campaign.missing.join('；')}` : ''}`,
      400,
    );
  const seed = input.seed ?? randomInt(0, 2_147_483_647);
  const {
    input: engineInput,
    stations,
    fingerprint,
  } = await loadPlanningInput(ctx.db, campaign.jurisdictionPath, campaign.rules, campaign.period);
  const full = contextOf(engineInput);
  // Done and still-open inspections of the campaign count: only what is missing is planned.
  const { context, creditedUnits: counted } = withExisting(
    full,
    await existingVisits(ctx.db, campaign.jurisdictionPath, campaign.period, campaign.id),
  );
  const result = plan(engineInput, seed, context);
  // Values the plan leaves unset are planned at their default (once) and said so, not invented.
  result.warnings.unshift(...campaign.missing);
  const check = checkPlan(context, result.tasks, { lastInspectors: engineInput.lastInspectors, minimum: result.stats.lowerBound });
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({
        campaignId: campaign.id,
        campaignVersion: campaign.version,
        jurisdictionId: campaign.jurisdictionId,
        name: input.name ?? `${campaign.name}检查计划`,
        seed,
        rules: campaign.rules,
        period: campaign.period,
        minimum: result.stats.lowerBound,
        optimal: result.stats.optimal,
        findings: { ...storedFindings(result, check), counted },
        createdBy: ctx.actor.id || null,
      })
      .returning();
    await storeTasks(tx, row.id, result.tasks);
    await audit(tx, ctx, {
      action: 'plan.generate',
      entityType: 'plan',
      entityId: row.id,
      jurisdictionId: campaign.jurisdictionId,
      summary: `生成检查计划「${row.name}」：${result.tasks.length} 项任务（最少需要 ${result.stats.lowerBound} 项${counted ? `；${counted} 家单位已检或已有待检任务，不再重复安排` : ''}），抽取编号 ${seed}`,
      after: {
        campaignId: campaign.id,
        campaignVersion: campaign.version,
        seed,
        tasks: result.tasks.length,
        shortfalls: result.shortfalls.length,
        counted,
      },
    });
    return row.id;
  });
  // The full requirements just built are the plan's (same rules, period and registry): coverage starts warm.
  rememberPlanContext(ctx.db, id, { fingerprint, context: full, stations, input: patchInputOf(engineInput) });
  return presentPlan(await getPlan(ctx.db, id));
}
