import { contains, fromDay } from './dates.js';
import { drawInspectors } from './inspectors.js';
import { visitWindows, type UnitOption } from './options.js';
import { DEFAULT_WEIGHTS, reasonsOf } from './random.js';
import { buildContext, type PlanningContext } from './requirements.js';
import { solve } from './solver.js';
import type { Plan, PlannedTask, PlanningInput, RuleServed } from './types.js';

/**
 * Generates a plan: per-station tasks meeting every rule with the fewest inspections, units drawn
 * at random from the seed (weighted toward risk and key objects), inspectors drawn with recusal.
 * Rules that cannot be met (too few units) are planned as far as possible and reported as shortfalls.
 */
export function generatePlan(input: PlanningInput, seed: number, ctx: PlanningContext = buildContext(input)): Plan {
  const weights = { ...DEFAULT_WEIGHTS, ...input.options?.weights };
  const result = solve(ctx, seed, weights, input.options?.nodeLimit);
  const tasks: PlannedTask[] = [];
  // Visits of one option (shared by every unit of a class) are laid out once.
  const layouts = new Map<UnitOption, { dueFrom: string | null; dueTo: string | null; rules: RuleServed[] }[]>();
  const layout = (option: UnitOption) => {
    let l = layouts.get(option);
    if (!l) {
      const windows = visitWindows(option, ctx.requirements, ctx.campaignWindow);
      l = option.days.map((day, v) => ({
        dueFrom: fromDay(windows[v].from),
        dueTo: fromDay(windows[v].to),
        rules: option.satisfied
          .filter((r) => contains(ctx.requirements[r].window, day))
          .map((r) => ({ ruleId: ctx.requirements[r].ruleId, requirementKey: ctx.requirements[r].key })),
      }));
      layouts.set(option, l);
    }
    return l;
  };
  for (const { unit, option } of result.assignments) {
    const e = ctx.entities[unit];
    const reasons = reasonsOf(e);
    layout(option).forEach((v, i) => {
      tasks.push({ entityId: e.id, stationId: e.stationId, visit: i + 1, dueFrom: v.dueFrom, dueTo: v.dueTo, rules: v.rules.slice(), inspectorIds: [], reasons });
    });
  }
  const inspectorIssues = drawInspectors(tasks, ctx.stationById, seed, input.lastInspectors, input.options?.inspectorsPerTask ?? 2);
  return {
    seed,
    tasks,
    shortfalls: ctx.shortfalls,
    inspectorIssues,
    warnings: ctx.warnings,
    stats: {
      tasks: tasks.length,
      units: result.assignments.length,
      lowerBound: result.lowerBound,
      optimal: result.optimal,
      components: result.components,
      nodes: result.nodes,
    },
  };
}
