import { dueWindow, satisfies, scheduleVisits, type Demand } from './schedule.js';
import type { Requirement } from './types.js';

/**
 * What can be done with one unit of a class (units that belong to exactly the same requirements):
 * each option is a visit schedule, its cost (number of visits) and the requirements it satisfies.
 * Only non-dominated options are kept (no other option satisfies more for the same or less).
 */
export interface UnitOption {
  cost: number;
  /** Requirement indices satisfied, ascending. */
  satisfied: number[];
  days: number[];
}

export const demandOf = (r: Requirement): Demand => ({ window: r.window, times: r.times });

const MAX_ENUMERATED = 8;

/** Options depend only on the demands of the signature, which repeat across stations: cache by pattern. */
export function unitOptionsCached(cache: Map<string, UnitOption[]>, sig: number[], reqs: Requirement[]): UnitOption[] {
  const pattern = sig.map((r) => `${reqs[r].window.from}:${reqs[r].window.to}:${reqs[r].times}`).join('|');
  let local = cache.get(pattern);
  if (!local) {
    // Computed on positions 0..n-1 of the signature, then mapped back.
    const positions = sig.map((_, i) => i);
    const fake = sig.map((r) => reqs[r]);
    cache.set(pattern, (local = unitOptions(positions, fake)));
  }
  return local.map((o) => ({ cost: o.cost, days: o.days, satisfied: o.satisfied.map((i) => sig[i]) }));
}

export function unitOptions(sig: number[], reqs: Requirement[]): UnitOption[] {
  const distinct = new Map<string, Demand>();
  for (const r of sig) {
    const d = demandOf(reqs[r]);
    distinct.set(`${d.window.from}:${d.window.to}:${d.times}`, d);
  }
  const demands = [...distinct.values()];
  const subsets: Demand[][] = [];
  if (demands.length <= MAX_ENUMERATED) {
    for (let mask = 1; mask < 1 << demands.length; mask++) subsets.push(demands.filter((_, i) => mask & (1 << i)));
  } else {
    demands.forEach((d) => subsets.push([d]));
    const byTimes = demands.slice().sort((a, b) => a.times - b.times);
    byTimes.forEach((_, i) => subsets.push(byTimes.slice(0, i + 1)));
  }
  const bySatisfied = new Map<string, UnitOption>();
  for (const subset of subsets) {
    const days = scheduleVisits(subset);
    const satisfied = sig.filter((r) => satisfies(days, demandOf(reqs[r])));
    const key = satisfied.join(',');
    const prev = bySatisfied.get(key);
    if (!prev || prev.cost > days.length) bySatisfied.set(key, { cost: days.length, satisfied, days });
  }
  const all = [...bySatisfied.values()].filter((o) => o.satisfied.length > 0);
  const kept = all.filter(
    (o) =>
      !all.some(
        (p) => p !== o && p.cost <= o.cost && p.satisfied.length > o.satisfied.length && o.satisfied.every((r) => p.satisfied.includes(r)),
      ),
  );
  return kept.sort(
    (a, b) => b.cost - a.cost || b.satisfied.length - a.satisfied.length || a.satisfied.join(',').localeCompare(b.satisfied.join(',')),
  );
}

/** Due windows of a unit's visits given the option it was given. */
export function visitWindows(option: UnitOption, reqs: Requirement[], fallback: Requirement['window']) {
  const demands = option.satisfied.map((r) => demandOf(reqs[r]));
  return option.days.map((day) => dueWindow(day, demands, fallback));
}
