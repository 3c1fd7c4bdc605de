import type { CoverageDto } from '../../../../contracts/plans.js';
import type { Ctx } from '../../../core/context.js';
import { computeCoverage } from '../engine/index.js';
import { doneInspections, planContext } from '../coverage-source.js';
import { assertReadsPlan, seesStation, seesWholeArea } from '../policy.js';
import { getPlan } from '../queries.js';

/** Live coverage of a plan's rules: required, done, remaining per rule × station, in the actor's scope. */
export async function getCoverage(ctx: Ctx, planId: number): Promise<CoverageDto> {
  const p = await getPlan(ctx.db, planId);
  assertReadsPlan(ctx.actor, p.path);
  const [{ context, stations }, facts] = await Promise.all([planContext(ctx.db, p), doneInspections(ctx.db, p)]);
  const cov = computeCoverage(context, facts);
  const whole = seesWholeArea(ctx.actor, p.path);
  const visible = new Set(stations.filter((s) => whole || seesStation(ctx.actor, s.path)).map((s) => String(s.id)));
  const order = new Map(stations.map((s, i) => [String(s.id), i]));
  const rows = cov.rows
    .filter((r) => (r.stationId ? visible.has(r.stationId) : whole))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (order.get(a.r.stationId ?? '') ?? -1) - (order.get(b.r.stationId ?? '') ?? -1) || a.i - b.i)
    .map((x) => x.r);
  return {
    planId,
    asOf: new Date().toISOString(),
    rows,
    excess: cov.excess.filter((e) => visible.has(e.stationId)),
    outsideRules: whole ? cov.outsideRules : 0,
    totals: {
      required: rows.reduce((s, r) => s + r.required, 0),
      done: rows.reduce((s, r) => s + Math.min(r.done, r.required), 0),
      remaining: rows.reduce((s, r) => s + r.remaining, 0),
    },
  };
}
