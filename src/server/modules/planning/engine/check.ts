import { toDay } from './dates.js';
import type { PlanningContext } from './requirements.js';
import { countMet, findExcess, Visits, type Excess } from './tally.js';

/**
 * Re-checks a plan (after manual changes) against the rules: every requirement met by the planned
 * visits, no unit visited beyond what its rules ask, inspectors drawn correctly (enough of them,
 * from the station's pool, not conflicted, not the same as the unit's last inspection).
 */
export interface TaskToCheck {
  id?: string;
  entityId: string;
  visit?: number;
  dueFrom: string | null;
  dueTo: string | null;
  inspectorIds: string[];
}

export interface Violation {
  requirementKey: string;
  ruleId: string;
  label: string;
  stationId: string | null;
  required: number;
  planned: number;
  missing: number;
}

export interface InspectorProblem {
  taskId?: string;
  entityId: string;
  inspectorId?: string;
  problem: 'too_few' | 'not_in_pool' | 'conflicted' | 'same_as_last';
}

export interface PlanCheck {
  ok: boolean;
  violations: Violation[];
  excess: Excess[];
  /** Tasks for units under no rule (allowed, but they serve no quota). */
  outsideRules: string[];
  inspectorProblems: InspectorProblem[];
  tasks: number;
  /** Tasks beyond the minimum the rules need (when the minimum is known). */
  surplus: number | null;
}

export function checkPlan(
  ctx: PlanningContext,
  tasks: TaskToCheck[],
  opts: { lastInspectors?: Record<string, string[]>; inspectorsPerTask?: number; minimum?: number } = {},
): PlanCheck {
  const units = new Int32Array(tasks.length);
  const from = new Int32Array(tasks.length);
  const to = new Int32Array(tasks.length);
  let m = 0;
  const outsideRules: string[] = [];
  for (const t of tasks) {
    const u = ctx.index.get(t.entityId);
    if (u === undefined || !ctx.entityReqs[u].some((r) => ctx.requirements[r].target > 0)) {
      outsideRules.push(t.entityId);
      if (u === undefined) continue;
    }
    units[m] = u;
    from[m] = t.dueFrom ? toDay(t.dueFrom) : ctx.campaignWindow.from;
    to[m++] = t.dueTo ? toDay(t.dueTo) : ctx.campaignWindow.to;
  }
  const visits = Visits.of(ctx.entities.length, units.subarray(0, m), from.subarray(0, m), to.subarray(0, m));
  const met = countMet(ctx, visits);
  const violations: Violation[] = [];
  ctx.requirements.forEach((r, i) => {
    if (met[i] < r.target) {
      violations.push({
        requirementKey: r.key,
        ruleId: r.ruleId,
        label: r.label,
        stationId: r.stationId,
        required: r.target,
        planned: met[i],
        missing: r.target - met[i],
      });
    }
  });
  const excess = findExcess(ctx, visits).filter((e) => e.needed > 0);

  const perTask = opts.inspectorsPerTask ?? 2;
  const inspectorProblems: InspectorProblem[] = [];
  // Who inspected each unit last: the recorded inspection, then each earlier visit of this plan.
  const recorded = opts.lastInspectors ?? {};
  const last = new Map<string, string[]>();
  // One pool (inspector → conflicted units) per station, not one per task.
  const pools = new Map<string, Map<string, Set<string>>>();
  const poolOf = (stationId: string | undefined) => {
    let pool = pools.get(stationId ?? '');
    if (!pool) {
      const station = stationId === undefined ? undefined : ctx.stationById.get(stationId);
      pools.set(stationId ?? '', (pool = new Map((station?.inspectorPool ?? []).map((p) => [p.id, new Set(p.conflictedEntityIds ?? [])]))));
    }
    return pool;
  };
  const byUnitVisit = (a: TaskToCheck, b: TaskToCheck) =>
    a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : (a.visit ?? 0) - (b.visit ?? 0);
  // Generated plans come in this order already: sort only when they do not.
  const ordered = tasks.every((t, i) => i === 0 || byUnitVisit(tasks[i - 1], t) <= 0) ? tasks : tasks.slice().sort(byUnitVisit);
  for (const t of ordered) {
    const u = ctx.index.get(t.entityId);
    const pool = poolOf(u === undefined ? undefined : ctx.entities[u].stationId);
    if (t.inspectorIds.length < perTask) inspectorProblems.push({ taskId: t.id, entityId: t.entityId, problem: 'too_few' });
    const previous = last.get(t.entityId) ?? (Object.hasOwn(recorded, t.entityId) ? recorded[t.entityId] : []);
    for (const id of t.inspectorIds) {
      if (!pool.has(id)) inspectorProblems.push({ taskId: t.id, entityId: t.entityId, inspectorId: id, problem: 'not_in_pool' });
      else if (pool.get(id)!.has(t.entityId))
        inspectorProblems.push({ taskId: t.id, entityId: t.entityId, inspectorId: id, problem: 'conflicted' });
      if (previous.includes(id)) inspectorProblems.push({ taskId: t.id, entityId: t.entityId, inspectorId: id, problem: 'same_as_last' });
    }
    last.set(t.entityId, t.inspectorIds);
  }
  const surplus = opts.minimum === undefined ? null : tasks.length - opts.minimum;
  return {
    ok: violations.length === 0 && excess.length === 0 && inspectorProblems.length === 0,
    violations,
    excess,
    outsideRules,
    inspectorProblems,
    tasks: tasks.length,
    surplus,
  };
}
