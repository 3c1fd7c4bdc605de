import { random, rngFor } from './random.js';
import type { InspectorIssue, PlannedTask, PlannerStation } from './types.js';

/**
 * 双随机: for each task draw `perTask` inspectors at random from the station's pool, with
 * recusal: never an inspector declared conflicted with the unit, never one who inspected the unit
 * last time (including the previous visit of the same plan). Among the eligible, the least loaded
 * are preferred so the work spreads evenly; ties are broken by the seeded shuffle.
 * Tasks are filled in place; a pool too small after recusal is reported, never silently ignored.
 */
export function drawInspectors(
  tasks: PlannedTask[],
  stations: Map<string, PlannerStation>,
  seed: number,
  lastInspectors: Record<string, string[]> = {},
  perTask = 2,
): InspectorIssue[] {
  const issues: InspectorIssue[] = [];
  const byStation = new Map<string, PlannedTask[]>();
  for (const t of tasks) {
    let list = byStation.get(t.stationId);
    if (!list) byStation.set(t.stationId, (list = []));
    list.push(t);
  }
  const last = new Map(Object.entries(lastInspectors));
  for (const stationId of [...byStation.keys()].sort()) {
    const pool = stations.get(stationId)?.inspectorPool ?? [];
    const ids = pool.map((p) => p.id);
    const conflicted = pool.filter((p) => p.conflictedEntityIds?.length).map((p) => ({ id: p.id, units: new Set(p.conflictedEntityIds) }));
    const load = new Map(ids.map((id) => [id, 0]));
    const rng = rngFor(seed, `inspectors|${stationId}`);
    const list = byStation
      .get(stationId)!
      .slice()
      .sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : a.visit - b.visit));
    for (const t of list) {
      const recused = last.get(t.entityId);
      const eligible: string[] = [];
      for (const id of ids) {
        if (recused?.includes(id)) continue;
        if (conflicted.length && conflicted.some((c) => c.id === id && c.units.has(t.entityId))) continue;
        eligible.push(id);
      }
      const drawn: string[] = [];
      // Least-loaded first; ties broken uniformly at random (reservoir over the tied).
      while (drawn.length < perTask && drawn.length < eligible.length) {
        let pick = '';
        let min = Infinity;
        let ties = 0;
        for (const id of eligible) {
          if (drawn.includes(id)) continue;
          const l = load.get(id)!;
          if (l < min) {
            min = l;
            pick = id;
            ties = 1;
          } else if (l === min && random(rng) * ++ties < 1) pick = id;
        }
        drawn.push(pick);
      }
      for (const id of drawn) load.set(id, load.get(id)! + 1);
      t.inspectorIds = drawn;
      last.set(t.entityId, drawn);
      if (drawn.length < perTask) {
        issues.push({
          entityId: t.entityId,
          stationId,
          visit: t.visit,
          needed: perTask,
          eligible: eligible.length,
          reason: 'pool_too_small',
        });
      }
    }
  }
  return issues;
}
