import { demandOf } from './options.js';
import type { PlanningContext } from './requirements.js';
import { scheduleVisits } from './schedule.js';

/**
 * Counting shared by coverage and plan checks. A visit is a window of days: a done inspection is
 * its single day; a planned task is its due window and counts for a requirement only if the whole
 * due window lies inside the requirement's window (wherever in it the visit happens, it counts).
 */
export class Visits {
  private constructor(
    /** Unit u's visits are at positions start[u] .. start[u + 1] - 1 of `from` / `to`. */
    readonly start: Int32Array,
    readonly from: Int32Array,
    readonly to: Int32Array,
  ) {}

  /**
   * Visits in compact form (typed arrays indexed by unit, no object per visit): coverage counts a
   * province's done inspections on every request, so this is on the hot path.
   * Visit k is of unit `units[k]` (a context index) in the window from[k] .. to[k] (day numbers).
   */
  static of(unitCount: number, units: ArrayLike<number>, from: ArrayLike<number>, to: ArrayLike<number>): Visits {
    const start = new Int32Array(unitCount + 1);
    for (let k = 0; k < units.length; k++) start[units[k] + 1]++;
    for (let u = 0; u < unitCount; u++) start[u + 1] += start[u];
    const next = start.slice(0, unitCount);
    const f = new Int32Array(units.length);
    const t = new Int32Array(units.length);
    for (let k = 0; k < units.length; k++) {
      const p = next[units[k]]++;
      f[p] = from[k];
      t[p] = to[k];
    }
    return new Visits(start, f, t);
  }

  count(unit: number): number {
    return this.start[unit + 1] - this.start[unit];
  }

  /** Units with at least one visit, ascending. */
  *units(): Generator<number> {
    for (let u = 0; u < this.start.length - 1; u++) if (this.start[u + 1] > this.start[u]) yield u;
  }
}

/** Per requirement, units whose visits meet its frequency in its window. */
export function countMet(ctx: PlanningContext, visits: Visits): number[] {
  const { start, from, to } = visits;
  return ctx.requirements.map((r) => {
    let met = 0;
    const wf = r.window.from;
    const wt = r.window.to;
    for (const u of r.population) {
      const s = start[u];
      const e = start[u + 1];
      if (e - s < r.times) continue;
      let n = 0;
      for (let k = s; k < e; k++) if (from[k] >= wf && to[k] <= wt) n++;
      if (n >= r.times) met++;
    }
    return met;
  });
}

/** Per requirement, the units whose visits meet its frequency in its window (a second plan skips them). */
export function countMetUnits(ctx: PlanningContext, visits: Visits): Set<number>[] {
  const { start, from, to } = visits;
  return ctx.requirements.map((r) => {
    const met = new Set<number>();
    for (const u of r.population) {
      const s = start[u];
      const e = start[u + 1];
      if (e - s < r.times) continue;
      let n = 0;
      for (let k = s; k < e; k++) if (from[k] >= r.window.from && to[k] <= r.window.to) n++;
      if (n >= r.times) met.add(u);
    }
    return met;
  });
}

/** Most visits any combination of the unit's rules can ask for (more is a repeat beyond frequency). */
export function neededVisits(ctx: PlanningContext): (unit: number) => number {
  const cache = new Map<number, number>();
  return (unit) => {
    const key = ctx.sigOf[unit];
    let n = cache.get(key);
    if (n === undefined) {
      const sig = ctx.signatures[key].filter((r) => ctx.requirements[r].target > 0);
      cache.set(key, (n = scheduleVisits(sig.map((r) => demandOf(ctx.requirements[r]))).length));
    }
    return n;
  };
}

export interface Excess {
  entityId: string;
  stationId: string;
  visits: number;
  needed: number;
}

export function findExcess(ctx: PlanningContext, visits: Visits): Excess[] {
  const needed = neededVisits(ctx);
  const out: Excess[] = [];
  for (const u of visits.units()) {
    const n = needed(u);
    const v = visits.count(u);
    if (v > n) out.push({ entityId: ctx.entities[u].id, stationId: ctx.entities[u].stationId, visits: v, needed: n });
  }
  return out;
}
