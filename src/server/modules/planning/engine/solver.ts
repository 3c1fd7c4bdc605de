import { solveIlp } from './ilp.js';
import { unitOptionsCached, type UnitOption } from './options.js';
import { rngFor, weightOf, weightedOrder } from './random.js';
import { perProfile, type PlanningContext } from './requirements.js';
import type { Weights } from './types.js';

/**
 * Chooses which units to inspect and how often, with the fewest visits. Units that belong to
 * exactly the same requirements form a class and are interchangeable for the count, so the
 * problem becomes a small integer program over "how many units of class c get option o"; it is
 * solved exactly per connected component (requirements linked by shared units) by branch and
 * bound. Which units of a class are taken is then a seeded weighted draw.
 */
export interface UnitClass {
  /** Requirement indices the units belong to (active ones only). */
  sig: number[];
  /** Stable key from requirement keys, used to seed the draw. */
  key: string;
  units: number[];
  options: UnitOption[];
}

export interface Assignment {
  unit: number;
  option: UnitOption;
}

export interface SolveResult {
  assignments: Assignment[];
  lowerBound: number;
  optimal: boolean;
  components: number;
  nodes: number;
}

/** Beyond this many (class, option) variables a component is planned greedily, with a bound. */
export const EXACT_VAR_LIMIT = 300;

class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(a: number): number {
    while (this.parent[a] !== a) a = this.parent[a] = this.parent[this.parent[a]];
    return a;
  }
  union(a: number, b: number) {
    const x = this.find(a);
    const y = this.find(b);
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

/** The problem after presolve: units fixed by full-coverage rules, and the rest as components. */
export interface Decomposition {
  components: UnitClass[][];
  /** Units every feasible plan must serve this way (see below), with their option. */
  fixed: Assignment[];
  fixedCost: number;
  /** Per requirement, units still needed once the fixed units are counted. */
  residual: number[];
}

/**
 * Presolve, then group the remaining units by the set of still-needed requirements they belong to,
 * per connected component. A unit under a full-coverage requirement (全覆盖) must satisfy it in
 * every feasible plan; if the cheapest option doing so also serves all its other requirements, that
 * option dominates every alternative, so the unit is fixed and counted. This is exact, and it cuts
 * the links that "all high-risk units" rules would otherwise make between unrelated populations.
 */
export function buildComponents(ctx: PlanningContext): Decomposition {
  const reqs = ctx.requirements;
  const residual = reqs.map((r) => r.target);
  const forced = reqs.map((r) => r.target > 0 && r.target === r.population.length);
  const optionCache = new Map<string, UnitOption[]>();
  // Per signature: the requirements still to plan, and the option a forced unit is fixed to.
  const active = ctx.signatures.map((sig) => sig.filter((r) => reqs[r].target > 0));
  const fixedOption = active.map((sig): UnitOption | null => {
    if (!sig.some((r) => forced[r])) return null;
    const compatible = unitOptionsCached(optionCache, sig, reqs).filter((o) => sig.every((r) => !forced[r] || o.satisfied.includes(r)));
    const min = Math.min(...compatible.map((o) => o.cost));
    return compatible.find((o) => o.cost === min && o.satisfied.length === sig.length) ?? null;
  });
  const fixed: Assignment[] = [];
  let fixedCost = 0;
  const n = ctx.entities.length;
  for (let unit = 0; unit < n; unit++) {
    const option = fixedOption[ctx.sigOf[unit]];
    if (!option) continue;
    fixed.push({ unit, option });
    fixedCost += option.cost;
    for (const r of option.satisfied) residual[r]--;
  }
  const open = active.map((sig, s) => (fixedOption[s] ? [] : sig.filter((r) => residual[r] > 0)));
  const uf = new UnionFind(reqs.length);
  for (const sig of open) for (let k = 1; k < sig.length; k++) uf.union(sig[0], sig[k]);
  const comps = new Map<number, Map<string, UnitClass>>();
  const classOf: (UnitClass | null)[] = open.map((sig) => {
    if (!sig.length) return null;
    const root = uf.find(sig[0]);
    let classes = comps.get(root);
    if (!classes) comps.set(root, (classes = new Map()));
    const id = sig.join(',');
    let cls = classes.get(id);
    if (!cls) classes.set(id, (cls = { sig, key: sig.map((r) => reqs[r].key).join('|'), units: [], options: [] }));
    return cls;
  });
  for (let unit = 0; unit < n; unit++) classOf[ctx.sigOf[unit]]?.units.push(unit);
  const components = [...comps.keys()]
    .sort((a, b) => a - b)
    .map((root) => {
      const classes = [...comps.get(root)!.values()];
      for (const c of classes) c.options = unitOptionsCached(optionCache, c.sig, reqs);
      return classes;
    });
  return { components, fixed, fixedCost, residual };
}

interface Program {
  vars: { cls: number; opt: number }[];
  /** First variable index of each class (variables are laid out class by class). */
  offset: number[];
  c: number[];
  /** Requirement rows (positions in reqIds) each variable counts toward. */
  rowsOf: number[][];
  target: number[];
  cap: number[];
}

function buildProgram(classes: UnitClass[], residual: number[]): Program {
  const vars: Program['vars'] = [];
  const offset: number[] = [];
  classes.forEach((cl, ci) => {
    offset.push(vars.length);
    cl.options.forEach((_, oi) => vars.push({ cls: ci, opt: oi }));
  });
  const reqIds = [...new Set(classes.flatMap((cl) => cl.sig))].sort((a, b) => a - b);
  const row = new Map(reqIds.map((r, k) => [r, k]));
  return {
    vars,
    offset,
    c: vars.map((v) => classes[v.cls].options[v.opt].cost),
    rowsOf: vars.map((v) => classes[v.cls].options[v.opt].satisfied.map((r) => row.get(r)!)),
    target: reqIds.map((r) => residual[r]),
    cap: classes.map((cl) => cl.units.length),
  };
}

/** Dense G x ≥ h for the exact solver: requirement rows, then class capacity rows (−x ≥ −n). */
function dense(p: Program): { G: number[][]; h: number[] } {
  const G = p.target.map(() => new Array<number>(p.vars.length).fill(0));
  p.rowsOf.forEach((rows, j) => rows.forEach((k) => (G[k][j] = 1)));
  for (let ci = 0; ci < p.cap.length; ci++) G.push(p.vars.map((v) => (v.cls === ci ? -1 : 0)));
  return { G, h: [...p.target, ...p.cap.map((n) => -n)] };
}

/**
 * Greedy start: repeatedly take the move with the fewest visits per still-needed requirement,
 * either a fresh unit of a class (cost of the option) or an upgrade of an already chosen unit to a
 * richer option (cost difference). Returns null if it gets stuck (the caller then falls back).
 */
function greedy(p: Program, classes: UnitClass[]): number[] | null {
  const x = new Array<number>(p.vars.length).fill(0);
  const deficit = p.target.slice();
  const cap = p.cap.slice();
  const sets = p.rowsOf.map((rows) => new Set(rows));
  for (;;) {
    let best: { j: number; from: number; ratio: number; gain: number } | null = null;
    for (let j = 0; j < p.vars.length; j++) {
      const ci = p.vars[j].cls;
      const consider = (from: number, cost: number) => {
        let gain = 0;
        for (const k of p.rowsOf[j]) if (deficit[k] > 0 && (from < 0 || !sets[from].has(k))) gain++;
        if (!gain) return;
        const ratio = cost / gain;
        if (!best || ratio < best.ratio - 1e-12 || (Math.abs(ratio - best.ratio) <= 1e-12 && gain > best.gain))
          best = { j, from, ratio, gain };
      };
      if (cap[ci] > 0) consider(-1, p.c[j]);
      for (let oi = 0; oi < classes[ci].options.length; oi++) {
        const f = p.offset[ci] + oi;
        if (f === j || x[f] <= 0) continue;
        if ([...sets[f]].every((k) => sets[j].has(k))) consider(f, p.c[j] - p.c[f]);
      }
    }
    if (!best) break;
    const { j, from } = best as { j: number; from: number };
    let need = Infinity;
    for (const k of p.rowsOf[j]) if (deficit[k] > 0 && (from < 0 || !sets[from].has(k))) need = Math.min(need, deficit[k]);
    const amount = Math.max(1, Math.min(from < 0 ? cap[p.vars[j].cls] : x[from], need));
    x[j] += amount;
    if (from < 0) cap[p.vars[j].cls] -= amount;
    else x[from] -= amount;
    for (const k of p.rowsOf[j]) if (from < 0 || !sets[from].has(k)) deficit[k] -= amount;
  }
  return deficit.every((d) => d <= 0) ? x : null;
}

/** Always feasible: every unit of every class with the option that satisfies all its requirements. */
function everything(p: Program, classes: UnitClass[]): number[] {
  const x = new Array<number>(p.vars.length).fill(0);
  classes.forEach((cl, ci) => {
    const oi = cl.options.findIndex((o) => o.satisfied.length === cl.sig.length);
    x[p.offset[ci] + oi] = cl.units.length;
  });
  return x;
}

export function solve(ctx: PlanningContext, seed: number, weights: Weights, nodeLimit = 2_000): SolveResult {
  const { components, fixed, fixedCost, residual } = buildComponents(ctx);
  const weightOfUnit = perProfile(ctx, (e) => weightOf(e, weights));
  const assignments: Assignment[] = fixed.slice();
  let lowerBound = fixedCost;
  let optimal = true;
  let nodes = 0;
  for (const classes of components) {
    const p = buildProgram(classes, residual);
    let x: number[];
    if (classes.length === 1 && classes[0].options.length === 1) {
      // One kind of unit and one way to serve it: the largest target is exactly what is needed.
      x = [Math.max(...p.target)];
      lowerBound += x[0] * p.c[0];
    } else if (p.vars.length <= EXACT_VAR_LIMIT) {
      const { G, h } = dense(p);
      const r = solveIlp(p.c, G, h, everything(p, classes), nodeLimit);
      x = r.x;
      lowerBound += r.lowerBound;
      optimal &&= r.optimal;
      nodes += r.nodes;
    } else {
      x = greedy(p, classes) ?? everything(p, classes);
      const cost = x.reduce((s, v, j) => s + v * p.c[j], 0);
      // Each requirement alone needs `target` units at its cheapest option: a valid lower bound.
      const cheapest = p.target.map(() => Infinity);
      p.rowsOf.forEach((rows, j) => rows.forEach((k) => (cheapest[k] = Math.min(cheapest[k], p.c[j]))));
      const bound = Math.max(0, ...p.target.map((t, k) => t * cheapest[k]));
      lowerBound += bound;
      optimal &&= cost === bound;
    }
    classes.forEach((cl, ci) => {
      const counts = cl.options.map((_, oi) => x[p.offset[ci] + oi]);
      const total = counts.reduce((a, b) => a + b, 0);
      if (!total) return;
      // Everyone in the class gets the same option: no draw to make.
      const whole = total === cl.units.length && counts.filter((n) => n > 0).length === 1;
      const order = whole ? cl.units : weightedOrder(cl.units, weightOfUnit, rngFor(seed, cl.key));
      let k = 0;
      cl.options.forEach((option, oi) => {
        for (let n = 0; n < counts[oi]; n++) assignments.push({ unit: order[k++], option });
      });
    });
  }
  assignments.sort((a, b) => a.unit - b.unit);
  return { assignments, lowerBound, optimal, components: components.length, nodes };
}
