import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feasible, solveIlp } from './ilp.js';
import { solveLp } from './lp.js';

/** Random small covering programs (0/1 rows ≥ b, capacity rows ≤ n) against exhaustive search. */
const programArb = fc.record({ vars: fc.integer({ min: 1, max: 5 }), reqs: fc.integer({ min: 1, max: 4 }) }).chain(({ vars, reqs }) =>
  fc.record({
    c: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: vars, maxLength: vars }),
    rows: fc.array(fc.array(fc.boolean(), { minLength: vars, maxLength: vars }), { minLength: reqs, maxLength: reqs }),
    b: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: reqs, maxLength: reqs }),
    cap: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: vars, maxLength: vars }),
  }),
);

function toDense(p: { c: number[]; rows: boolean[][]; b: number[]; cap: number[] }) {
  const G: number[][] = p.rows.map((r) => r.map((x) => (x ? 1 : 0)));
  const h = p.b.slice();
  p.cap.forEach((n, j) => {
    G.push(p.c.map((_, k) => (k === j ? -1 : 0)));
    h.push(-n);
  });
  return { G, h };
}

/** The test's own feasibility check, from the program as generated (not the solver's `feasible`). */
function meets(p: { rows: boolean[][]; b: number[]; cap: number[] }, x: number[]): boolean {
  if (x.some((v, j) => !Number.isInteger(v) || v < 0 || v > p.cap[j])) return false;
  return p.rows.every((row, k) => row.reduce((s, on, j) => s + (on ? x[j] : 0), 0) >= p.b[k]);
}

function brute(c: number[], p: { rows: boolean[][]; b: number[]; cap: number[] }): { cost: number; all: number[][] } {
  const cap = p.cap;
  let best = Infinity;
  const all: number[][] = [];
  const x = new Array<number>(c.length).fill(0);
  const dfs = (j: number) => {
    if (j === c.length) {
      if (meets(p, x)) {
        all.push(x.slice());
        best = Math.min(
          best,
          x.reduce((s, v, k) => s + v * c[k], 0),
        );
      }
      return;
    }
    for (let v = 0; v <= cap[j]; v++) {
      x[j] = v;
      dfs(j + 1);
    }
    x[j] = 0;
  };
  dfs(0);
  return { cost: best, all };
}

describe('integer covering program', () => {
  it('finds the exact optimum or proves infeasibility, with and without a starting solution', () => {
    fc.assert(
      fc.property(programArb, fc.nat(), (p, pick) => {
        const { G, h } = toDense(p);
        const { cost: want, all } = brute(p.c, p);
        if (want === Infinity) {
          expect(() => solveIlp(p.c, G, h, null)).toThrow();
          return;
        }
        // Production always passes a feasible start (solver.ts: every unit of every class); so
        // does the second run here, with any feasible solution as the start.
        for (const start of [null, all[pick % all.length]]) {
          const r = solveIlp(p.c, G, h, start ? start.slice() : null);
          expect(meets(p, r.x), JSON.stringify(r.x)).toBe(true);
          expect(r.cost).toBe(r.x.reduce((s, v, k) => s + v * p.c[k], 0));
          expect(r.cost).toBe(want);
          expect(r.optimal).toBe(true);
          expect(r.lowerBound).toBe(want);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("feasible() agrees with the test's own check", () => {
    fc.assert(
      fc.property(programArb, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }), (p, raw) => {
        const x = raw.slice(0, p.c.length);
        const { G, h } = toDense(p);
        expect(feasible(G, h, x)).toBe(meets(p, x));
      }),
      { numRuns: 500 },
    );
  });

  it('branches when the relaxation is fractional (odd cycle: three pairs, one each)', () => {
    // x0+x1 ≥ 1, x1+x2 ≥ 1, x0+x2 ≥ 1, each x ≤ 1: LP optimum 1.5, integer optimum 2.
    const G = [
      [1, 1, 0],
      [0, 1, 1],
      [1, 0, 1],
      [-1, 0, 0],
      [0, -1, 0],
      [0, 0, -1],
    ];
    const h = [1, 1, 1, -1, -1, -1];
    expect(solveLp([1, 1, 1], G, h).objective).toBeCloseTo(1.5);
    const r = solveIlp([1, 1, 1], G, h, null);
    expect(r.cost).toBe(2);
    expect(r.nodes).toBeGreaterThan(1);
  });

  it('reports an infeasible relaxation', () => {
    expect(solveLp([1], [[1], [-1]], [2, -1]).status).toBe('infeasible');
  });
});
