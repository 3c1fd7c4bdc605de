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

/**
 * Done inspections in compact form, as the coverage source reads them for every request: visit k is
 * of the unit with numeric id `ids[k]` on day `days[k]` (days since 1970-01-01). No object or string
 * per inspection: a province has 100,000+ of them.
 */
export interface DoneFacts {
  ids: Int32Array;
  days: Int32Array;
}

const isCompact = (facts: InspectionFact[] | DoneFacts): facts is DoneFacts => !Array.isArray(facts);

/** A unit id's number when it is a canonical decimal integer (no sign, no leading zero), else -1. */
function idNumber(id: string): number {
  if (id.length === 0 || id.length > 10 || (id.length > 1 && id.charCodeAt(0) === 48)) return -1;
  let v = 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v <= 0x7fffffff ? v : -1;
}

/**
 * A context's index by numeric id (units whose id is a decimal number): a dense array when the ids
 * are not too sparse, else a map. Kept per index map, so a context patched with the same units in the
 * same places (an edit) shares it with the context it came from.
 */
const numericIndexes = new WeakMap<PlanningContext['index'], (id: number) => number | undefined>();
export function numericIndex(ctx: PlanningContext): (id: number) => number | undefined {
  let lookup = numericIndexes.get(ctx.index);
  if (lookup) return lookup;
  const ids = new Int32Array(ctx.entities.length);
  let max = -1;
  ctx.entities.forEach((e, u) => {
    const id = (ids[u] = idNumber(e.id));
    if (id > max) max = id;
  });
  if (max < 4 * ids.length + 1_000_000) {
    const dense = new Int32Array(max + 1).fill(-1);
    ids.forEach((id, u) => id >= 0 && (dense[id] = u));
    lookup = (id) => (id >= 0 && id <= max && dense[id] >= 0 ? dense[id] : undefined);
  } else {
    const m = new Map<number, number>();
    ids.forEach((id, u) => id >= 0 && m.set(id, u));
    lookup = (id) => m.get(id);
  }
  numericIndexes.set(ctx.index, lookup);
  return lookup;
}

export function doneVisits(ctx: PlanningContext, facts: InspectionFact[] | DoneFacts): { visits: Visits; outside: number } {
  const n = isCompact(facts) ? facts.ids.length : facts.length;
  const units = new Int32Array(n);
  const days = new Int32Array(n);
  let m = 0;
  let outside = 0;
  if (isCompact(facts)) {
    const at = numericIndex(ctx);
    for (let k = 0; k < n; k++) {
      const u = at(facts.ids[k]);
      if (u === undefined) outside++;
      else {
        units[m] = u;
        days[m++] = facts.days[k];
      }
    }
  } else
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

export function computeCoverage(ctx: PlanningContext, facts: InspectionFact[] | DoneFacts): Coverage {
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
