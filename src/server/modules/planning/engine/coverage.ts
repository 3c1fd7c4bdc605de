import { fromDay, toDay } from './dates.js';
import type { PlanningContext } from './requirements.js';
import { countMet, findExcess, Visits, type Excess } from './tally.js';

/**
 * Live coverage: for every requirement (rule × station, or × credit grade), how many units the
 * rules ask for, how many have been inspected often enough inside the window, and what remains.
 * Computed from completed inspections only.
 */
/** A recorded inspection: its day as an ISO date, or as a day number (days since 1970-01-01). */
export type InspectionFact = { entityId: string; status: 'planned' | 'done' | 'cancelled' } & (
  | { date: string; day?: undefined }
  | { day: number; date?: undefined }
);

/** The fact's day number. */
export const factDay = (f: InspectionFact) => (f.day !== undefined ? f.day : toDay(f.date));

export interface CoverageRow {
  requirementKey: string;
  ruleId: string;
  label: string;
  rulePath: string[];
  parentKey: string | null;
  stationId: string | null;
  stationShortName: string | null;
  /** The county or city of a rule counted per county / city. */
  area: { level: 'county' | 'city'; id: string } | null;
  grade: string | null;
  /** Units the rule asks for. */
  required: number;
  /** Units that exist in the population. */
  available: number;
  times: number;
  windowFrom: string | null;
  windowTo: string | null;
  done: number;
  /** Still to do, counting only what can be done (min(required, available) − done). */
  remaining: number;
  /** Cannot be met: the population is smaller than required. */
  shortfall: number;
}

export interface Coverage {
  rows: CoverageRow[];
  /** Units inspected more often than any of their rules asks (重复检查). */
  excess: Excess[];
  /** Done inspections of units under no rule of the campaign. */
  outsideRules: number;
  totals: { required: number; done: number; remaining: number };
}

export function doneVisits(ctx: PlanningContext, facts: InspectionFact[]): { visits: Visits; outside: number } {
  const units = new Int32Array(facts.length);
  const days = new Int32Array(facts.length);
  let m = 0;
  let outside = 0;
  for (const f of facts) {
    if (f.status !== 'done') continue;
    const u = ctx.index.get(f.entityId);
    if (u === undefined) {
      outside++;
      continue;
    }
    units[m] = u;
    days[m++] = factDay(f);
  }
  return { visits: Visits.of(ctx.entities.length, units.subarray(0, m), days.subarray(0, m), days.subarray(0, m)), outside };
}

export function computeCoverage(ctx: PlanningContext, facts: InspectionFact[]): Coverage {
  const { visits, outside } = doneVisits(ctx, facts);
  const met = countMet(ctx, visits);
  const rows = ctx.requirements.map((r, i): CoverageRow => {
    const station = r.stationId ? ctx.stationById.get(r.stationId) : undefined;
    const done = Math.min(met[i], r.target);
    return {
      requirementKey: r.key,
      ruleId: r.ruleId,
      label: r.label,
      rulePath: r.rulePath,
      parentKey: r.parentKey,
      stationId: r.stationId,
      stationShortName: station?.shortName ?? null,
      area: r.area,
      grade: r.grade,
      required: r.wanted,
      available: r.population.length,
      times: r.times,
      windowFrom: fromDay(r.window.from),
      windowTo: fromDay(r.window.to),
      done: met[i],
      remaining: r.target - done,
      shortfall: Math.max(0, r.wanted - r.population.length),
    };
  });
  const excess = findExcess(ctx, visits);
  let outsideRules = outside;
  for (const u of visits.units()) if (!ctx.entityReqs[u].some((r) => ctx.requirements[r].target > 0)) outsideRules += visits.count(u);
  return {
    rows,
    excess: excess.filter((e) => e.needed > 0),
    outsideRules,
    totals: {
      required: rows.reduce((s, r) => s + r.required, 0),
      done: rows.reduce((s, r) => s + Math.min(r.done, r.required), 0),
      remaining: rows.reduce((s, r) => s + r.remaining, 0),
    },
  };
}

export interface MissingItem {
  row: CoverageRow;
  /** Units with an open planned task serving this requirement. */
  plannedEntityIds: string[];
}

/** What is still missing: requirements with remaining > 0, and the planned units that would close them. */
export function listMissing(coverage: Coverage, openTasks: { entityId: string; rules: { requirementKey: string }[] }[]): MissingItem[] {
  const byReq = new Map<string, Set<string>>();
  for (const t of openTasks) {
    for (const r of t.rules) {
      let s = byReq.get(r.requirementKey);
      if (!s) byReq.set(r.requirementKey, (s = new Set()));
      s.add(t.entityId);
    }
  }
  return coverage.rows
    .filter((r) => r.remaining > 0)
    .map((row) => ({ row, plannedEntityIds: [...(byReq.get(row.requirementKey) ?? [])].sort() }));
}
