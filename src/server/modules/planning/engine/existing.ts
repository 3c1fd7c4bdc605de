import { internSignatures, type PlanningContext } from './requirements.js';
import { countMetUnits, Visits } from './tally.js';

/**
 * Visits the campaign already has: done inspections (their day) and still-open planned inspections
 * (their due window). Day numbers as in `DayWindow`.
 */
export interface ExistingVisit {
  entityId: string;
  from: number;
  to: number;
}

export interface Residual {
  /** The requirements still to plan: met units removed from each population, targets reduced. */
  context: PlanningContext;
  /** Per requirement (same order as the full context), units already counted toward it. */
  credited: number[];
  /** Units credited toward at least one requirement. */
  creditedUnits: number;
}

/**
 * Plans only what is missing (seed 000: "除规定的检查频次外，要避免重复检查"): a unit whose existing
 * visits already meet a requirement (often enough, inside its window) counts toward that
 * requirement's target and is not planned for it again. A unit only partly served (one visit of
 * two) is not credited and stays plannable in full: its requirement still needs a unit served
 * from scratch or topped up, and a second plan must not count a visit twice.
 * Shortfalls stay those of the full rules (they are about the registry, not about progress).
 */
export function withExisting(ctx: PlanningContext, existing: ExistingVisit[]): Residual {
  const units: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (const v of existing) {
    const u = ctx.index.get(v.entityId);
    if (u === undefined) continue;
    units.push(u);
    from.push(v.from);
    to.push(v.to);
  }
  if (!units.length) return { context: ctx, credited: ctx.requirements.map(() => 0), creditedUnits: 0 };
  const met = countMetUnits(ctx, Visits.of(ctx.entities.length, units, from, to));
  const credited = met.map((s) => s.size);
  const creditedUnits = new Set(met.flatMap((s) => [...s])).size;
  const requirements = ctx.requirements.map((r, i) => {
    if (!met[i].size) return r;
    const population = r.population.filter((u) => !met[i].has(u));
    const done = met[i].size;
    return { ...r, population, target: Math.max(0, Math.min(r.target - done, population.length)), wanted: Math.max(0, r.wanted - done) };
  });
  return { context: { ...ctx, requirements, ...internSignatures(ctx.entities.length, requirements) }, credited, creditedUnits };
}
