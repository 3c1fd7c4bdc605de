import { demandOf } from './options.js';
import type { PlanningContext } from './requirements.js';
import { scheduleVisits } from './schedule.js';
import type { DayWindow } from './types.js';

/**
 * Counting shared by coverage and plan checks. A visit is a window of days: a done inspection is
 * its single day; a planned task is its due window and counts for a requirement only if the whole
 * due window lies inside the requirement's window (wherever in it the visit happens, it counts).
 */
export type VisitsByUnit = Map<number, DayWindow[]>;

const inside = (v: DayWindow, w: DayWindow) => v.from >= w.from && v.to <= w.to;

/** Per requirement, units whose visits meet its frequency in its window. */
export function countMet(ctx: PlanningContext, visits: VisitsByUnit): number[] {
  return ctx.requirements.map((r) => {
    let met = 0;
    for (const u of r.population) {
      const vs = visits.get(u);
      if (!vs || vs.length < r.times) continue;
      let n = 0;
      for (const v of vs) if (inside(v, r.window)) n++;
      if (n >= r.times) met++;
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

export function findExcess(ctx: PlanningContext, visits: VisitsByUnit): Excess[] {
  const needed = neededVisits(ctx);
  const out: Excess[] = [];
  for (const [u, vs] of [...visits.entries()].sort((a, b) => a[0] - b[0])) {
    const n = needed(u);
    if (vs.length > n) out.push({ entityId: ctx.entities[u].id, stationId: ctx.entities[u].stationId, visits: vs.length, needed: n });
  }
  return out;
}
