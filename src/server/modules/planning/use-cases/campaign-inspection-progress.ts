import { sql } from 'drizzle-orm';
import type { CoverageRowDto } from '../../../../contracts/plans.js';
import type { Ctx } from '../../../core/context.js';
import { can } from '../../../../contracts/permissions.js';
import { assertReadsPlan } from '../policy.js';
import { currentPlanOf, getPlan, rows } from '../queries.js';
import { coverageOfPlan } from './get-coverage.js';

/** Done and achievable (required less what the registry cannot give) over some coverage rows. */
export interface Progress {
  done: number;
  required: number;
}

export interface CampaignInspectionProgress {
  planId: number;
  planName: string;
  planStatus: string;
  /** Over the top rules (children count inside their parent), in the actor's view. */
  total: Progress;
  /** Per station jurisdiction id, per rule id (top rules and children). */
  byStation: Map<number, Map<string, Progress>>;
}

const add = (p: Progress, r: CoverageRowDto) => {
  const goal = r.required - r.shortfall;
  p.required += goal;
  p.done += Math.min(r.done, goal);
};

/** Sum of the given rules at one station (or over the whole view when `stationId` is null). */
export function progressOf(p: CampaignInspectionProgress, ruleIds: string[], stationId: number | null): Progress {
  const out = { done: 0, required: 0 };
  const stations = stationId === null ? [...p.byStation.values()] : [p.byStation.get(stationId) ?? new Map<string, Progress>()];
  for (const s of stations) for (const id of ruleIds) {
    const x = s.get(id);
    if (x) (out.done += x.done), (out.required += x.required);
  }
  return out;
}

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
