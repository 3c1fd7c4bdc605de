import {
  COVERAGE_EXCESS_CAP,
  type CoverageDto,
  type CoverageQuery,
  type CoverageRowDto,
  type StationCoverageDto,
} from '../../../../contracts/plans.js';
import type { Ctx } from '../../../core/context.js';
import { computeCoverage } from '../engine/index.js';
import { doneInspections, planContext } from '../coverage-source.js';
import { assertReadsPlan, seesStation, seesWholeArea } from '../policy.js';
import { getPlan, withAreaNames, type LoadedPlan } from '../queries.js';

/**
 * Live coverage of a plan's rules: required, done, remaining per rule × station, in the actor's
 * scope; optionally one station only, or one total per station (a province plan has 17,000+ rows).
 */
export async function getCoverage(ctx: Ctx, planId: number, query: CoverageQuery = {}): Promise<CoverageDto> {
  const p = await getPlan(ctx.db, planId);
  assertReadsPlan(ctx.actor, p.path);
  return (await coverageOfPlan(ctx, p, query)).dto;
}

/** Coverage of a loaded plan, with the requirements and facts it was computed from (for the missing list). */
export async function coverageOfPlan(ctx: Ctx, p: LoadedPlan, query: CoverageQuery = {}) {
  const planId = p.plan.id;
  const [{ context, stations }, facts] = await Promise.all([planContext(ctx.db, p), doneInspections(ctx.db, p)]);
  const cov = computeCoverage(context, facts);
  const whole = seesWholeArea(ctx.actor, p.path);
  const visible = new Set(stations.filter((s) => whole || seesStation(ctx.actor, s.path)).map((s) => String(s.id)));
  const order = new Map(stations.map((s, i) => [String(s.id), i]));
  const only = query.stationId === undefined ? null : String(query.stationId);
  // A county's / city's row is seen by whoever sees all of its stations (the county bureau of a city campaign).
  const seesArea = (a: { level: 'county' | 'city'; id: string }) => {
    const mine = stations.filter((s) => String(s[a.level]) === a.id);
    return mine.length > 0 && mine.every((s) => visible.has(String(s.id)));
  };
  const seen = cov.rows
    .filter((r) =>
      r.stationId
        ? visible.has(r.stationId) && (only === null || r.stationId === only)
        : (whole || (r.area !== null && seesArea(r.area))) && only === null,
    )
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (order.get(a.r.stationId ?? '') ?? -1) - (order.get(b.r.stationId ?? '') ?? -1) || a.i - b.i)
    .map((x) => x.r);
  const all = await withAreaNames(ctx.db, seen);
  const excess = cov.excess.filter((e) => visible.has(e.stationId) && (only === null || e.stationId === only));
  const byStation = query.view === 'stations';
  const dto: CoverageDto = {
    planId,
    asOf: new Date().toISOString(),
    rows: byStation ? all.filter((r) => !r.stationId) : all,
    ...(byStation ? { stations: stationTotals(all) } : {}),
    excess: excess.slice(0, COVERAGE_EXCESS_CAP),
    excessCount: excess.length,
    outsideRules: whole && only === null ? cov.outsideRules : 0,
    totals: {
      required: all.reduce((s, r) => s + r.required, 0),
      done: all.reduce((s, r) => s + Math.min(r.done, r.required), 0),
      remaining: all.reduce((s, r) => s + r.remaining, 0),
    },
  };
  return { dto, context, facts };
}

/** Rows summed per station, in row order. */
export function stationTotals(rows: CoverageRowDto[]): StationCoverageDto[] {
  const by = new Map<string, StationCoverageDto>();
  for (const r of rows) {
    if (!r.stationId) continue;
    let t = by.get(r.stationId);
    if (!t)
      by.set(
        r.stationId,
        (t = { stationId: r.stationId, name: r.stationShortName ?? r.stationId, required: 0, done: 0, remaining: 0, rulesOpen: 0 }),
      );
    t.required += r.required;
    t.done += Math.min(r.done, r.required);
    t.remaining += r.remaining;
    if (r.remaining > 0) t.rulesOpen++;
  }
  return [...by.values()];
}
