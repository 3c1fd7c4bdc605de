import { sql } from 'drizzle-orm';
import type { CoverageRowDto } from '../../../../contracts/plans.js';
import type { Ctx } from '../../../core/context.js';
import { can } from '../../../../contracts/permissions.js';
import { assertReadsPlan } from '../policy.js';
import { currentPlanOf, getPlan, rows } from '../queries.js';
import { coverageOfPlan } from './get-coverage.js';
import type { CampaignInspectionProgress, CampaignProgressSource, Progress } from '../../campaigns/public.js';

const add = (p: Progress, r: CoverageRowDto) => {
  const goal = r.required - r.shortfall;
  p.required += goal;
  p.done += Math.min(r.done, goal);
};

/**
 * Inspection progress of a campaign: live coverage of its current plan (当前方案), in the actor's
 * view. Null when the campaign has no published plan or the actor may not read plans.
 */
export async function campaignInspectionProgress(ctx: Ctx, campaignId: number): Promise<CampaignInspectionProgress | null> {
  if (!can(ctx.actor.role, 'plans.read')) return null;
  const [cur] = await rows<{ id: number | null }>(ctx.db, sql`select ${currentPlanOf(sql`${campaignId}::integer`)} as id`);
  if (!cur?.id) return null;
  const p = await getPlan(ctx.db, cur.id);
  try {
    assertReadsPlan(ctx.actor, p.path);
  } catch {
    return null;
  }
  const { dto } = await coverageOfPlan(ctx, p);
  const total = { done: 0, required: 0 };
  const byStation = new Map<number, Map<string, Progress>>();
  for (const r of dto.rows) {
    if (r.rulePath.length === 1) add(total, r);
    if (!r.stationId) continue;
    const sid = Number(r.stationId);
    let m = byStation.get(sid);
    if (!m) byStation.set(sid, (m = new Map()));
    let x = m.get(r.ruleId);
    if (!x) m.set(r.ruleId, (x = { done: 0, required: 0 }));
    add(x, r);
  }
  return { planId: p.plan.id, planName: p.plan.name, planStatus: p.plan.status, total, byStation };
}

/** Planning's contribution to campaigns: the current plan's coverage as the campaign's live progress. */
export const planCoverageProgress: CampaignProgressSource = { key: 'plan_coverage', progress: campaignInspectionProgress };
