import { solveLp } from './lp.js';

/**
 * Integer covering program by branch and bound on the LP relaxation:
 *   minimise c·x  subject to  G x ≥ h,  x ≥ 0 integer,  c ≥ 0 integer.
 * Depth-first, best incumbent first (from a heuristic), bound = ⌈LP⌉ since costs are integers.
 * Returns the best solution, the proven lower bound and whether optimality was proven.
 */
export interface IlpResult {
  x: number[];
  cost: number;
  lowerBound: number;
  optimal: boolean;
  nodes: number;
}

const INT_EPS = 1e-6;

export function solveIlp(c: number[], G: number[][], h: number[], incumbent: number[] | null, nodeLimit = 2_000): IlpResult {
  const n = c.length;
  const costOf = (x: number[]) => x.reduce((s, v, j) => s + v * c[j], 0);
  let best = incumbent;
  let bestCost = incumbent ? costOf(incumbent) : Infinity;
  let nodes = 0;
  let rootBound = -Infinity;
  let exhausted = true;
  type Bound = { j: number; lo?: number; hi?: number };
  const stack: Bound[][] = [[]];
  while (stack.length) {
    if (nodes >= nodeLimit) {
      exhausted = false;
      break;
    }
    const bounds = stack.pop()!;
    nodes++;
    const rows = G.slice();
    const rhs = h.slice();
    for (const b of bounds) {
      const row = new Array<number>(n).fill(0);
      if (b.lo !== undefined) {
        row[b.j] = 1;
        rows.push(row);
        rhs.push(b.lo);
      } else {
        row[b.j] = -1;
        rows.push(row);
        rhs.push(-b.hi!);
      }
    }
    const lp = solveLp(c, rows, rhs);
    if (lp.status === 'infeasible') continue;
    const bound = Math.ceil(lp.objective - INT_EPS);
    if (bounds.length === 0) rootBound = bound;
    if (bound >= bestCost) continue;
    let frac = -1;
    let fracDist = 0;
    for (let j = 0; j < n; j++) {
      const d = Math.abs(lp.x[j] - Math.round(lp.x[j]));
      if (d > INT_EPS && d > fracDist) {
        frac = j;
        fracDist = d;
      }
    }
    if (frac < 0) {
      const x = lp.x.map((v) => Math.round(v));
      if (feasible(G, h, x)) {
        best = x;
        bestCost = costOf(x);
      }
      continue;
    }
    const v = lp.x[frac];
    // Explore "round up" first (pushed last): covering problems find feasible plans that way.
    stack.push([...bounds, { j: frac, hi: Math.floor(v) }]);
    stack.push([...bounds, { j: frac, lo: Math.ceil(v) }]);
  }
  if (!best) throw new Error('integer program has no solution');
  const optimal = exhausted;
  return { x: best, cost: bestCost, lowerBound: optimal ? bestCost : Math.max(0, rootBound), optimal, nodes };
}

export function feasible(G: number[][], h: number[], x: number[]): boolean {
  for (let k = 0; k < G.length; k++) {
    let s = 0;
    for (let j = 0; j < x.length; j++) s += G[k][j] * x[j];
    if (s < h[k] - INT_EPS) return false;
  }
  return x.every((v) => v >= 0);
}
