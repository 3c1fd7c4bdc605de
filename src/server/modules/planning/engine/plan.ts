import { contains, fromDay } from './dates.js';
import { drawInspectors } from './inspectors.js';
import { demandOf, visitWindows, type UnitOption } from './options.js';
import { satisfies, spreadWindows } from './schedule.js';
import { DEFAULT_MIN_GAP_DAYS, type QuotaRule } from '../../../../contracts/quota-rules.js';
import { DEFAULT_WEIGHTS, reasonsOf } from './random.js';
import { buildContext, perProfile, type PlanningContext } from './requirements.js';
import { solve } from './solver.js';
import type { DayWindow, Plan, PlannedTask, PlanningInput, RuleServed } from './types.js';

/**
 * Generates a plan: per-station tasks meeting every rule with the fewest inspections, units drawn
 * at random from the seed (weighted toward risk and key objects), inspectors drawn with recusal.
 * Rules that cannot be met (too few units) are planned as far as possible and reported as shortfalls.
 */
type Layout = { dueFrom: string | null; dueTo: string | null; rules: RuleServed[] };

export function generatePlan(input: PlanningInput, seed: number, ctx: PlanningContext = buildContext(input)): Plan {
  const weights = { ...DEFAULT_WEIGHTS, ...input.options?.weights };
  const result = solve(ctx, seed, weights, input.options?.nodeLimit);
  const tasks: PlannedTask[] = [];
  // Visits sharing one due window (a unit to inspect twice) are spread over it, apart by the
  // largest gap their rules ask for.
  const gaps = gapsOf(input.rules);
  const spread = (windows: DayWindow[], served: number[]) => {
    const groups = new Map<string, number[]>();
    windows.forEach((w, v) => {
      const key = `${w.from}:${w.to}`;
      const g = groups.get(key);
      if (g) g.push(v);
      else groups.set(key, [v]);
    });
    const out = windows.slice();
    for (const visits of groups.values()) {
      if (visits.length < 2) continue;
      const w = windows[visits[0]];
      const gap = Math.max(
        0,
        ...served
          .filter((r) => ctx.requirements[r].times > 1 && contains(ctx.requirements[r].window, w.from))
          .map((r) => gaps.get(ctx.requirements[r].ruleId) ?? DEFAULT_MIN_GAP_DAYS),
      );
      spreadWindows(w, visits.length, gap || DEFAULT_MIN_GAP_DAYS).forEach((x, i) => (out[visits[i]] = x));
    }
    return out;
  };
  // A visit serves every requirement of the unit whose window holds it and whose frequency the
  // unit's whole schedule meets. Layouts repeat across units of a class: computed once per
  // (option, requirements of the unit).
  const layouts = new Map<UnitOption, Map<number, Layout[]>>();
  const layout = (option: UnitOption, unit: number) => {
    const key = ctx.sigOf[unit];
    let byOption = layouts.get(option);
    if (!byOption) layouts.set(option, (byOption = new Map()));
    let l = byOption.get(key);
    if (!l) {
      const sig = ctx.signatures[key].filter((r) => ctx.requirements[r].target > 0);
      const served = sig.filter((r) => satisfies(option.days, demandOf(ctx.requirements[r])));
      const windows = spread(visitWindows({ ...option, satisfied: served }, ctx.requirements, ctx.campaignWindow), served);
      l = option.days.map((day, v) => ({
        dueFrom: fromDay(windows[v].from),
        dueTo: fromDay(windows[v].to),
        rules: served
          .filter((r) => contains(ctx.requirements[r].window, day))
          .map((r) => ({ ruleId: ctx.requirements[r].ruleId, requirementKey: ctx.requirements[r].key })),
      }));
      byOption.set(key, l);
    }
    return l;
  };
  const reasonsOfUnit = perProfile(ctx, reasonsOf);
  for (const { unit, option } of result.assignments) {
    const e = ctx.entities[unit];
    const reasons = reasonsOfUnit(unit);
    layout(option, unit).forEach((v, i) => {
      tasks.push({
        entityId: e.id,
        stationId: e.stationId,
        visit: i + 1,
        dueFrom: v.dueFrom,
        dueTo: v.dueTo,
        rules: v.rules.slice(),
        inspectorIds: [],
        reasons,
      });
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

/** Each rule's minimum gap between repeated visits (children inherit their parent's). */
function gapsOf(rules: QuotaRule[]): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (r: QuotaRule, inherited: number) => {
    const gap = r.minGapDays ?? inherited;
    out.set(r.id, gap);
    for (const c of r.children ?? []) walk(c, gap);
  };
  for (const r of rules) walk(r, DEFAULT_MIN_GAP_DAYS);
  return out;
}
