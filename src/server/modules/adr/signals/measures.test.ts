import { describe, expect, it } from 'vitest';
import { ic, ic025 } from './ic.js';
import { prr, prrChi2 } from './prr.js';
import { ror, rorLower95, Z975 } from './ror.js';

// 2×2 table a = N, b = N_drug − N, c = N_event − N, d = N_total − N_drug − N_event + N.
describe('PRR and its Yates chi-square', () => {
  it('a=3 b=1 c=2 d=10', () => {
    // PRR = (3/4)/(2/12) = 0.75/0.1666… = 4.5
    expect(prr(3, 1, 2, 10)).toBeCloseTo(4.5, 14);
    // n = 16, |ad − bc| = |30 − 2| = 28, minus n/2 = 8 → 20; 16·20² / (4·12·5·11) = 6400/2640 = 2.424242…
    // (scipy.stats.chi2_contingency([[3,1],[2,10]], correction=True) gives 2.4242424242424243)
    expect(prrChi2(3, 1, 2, 10)).toBeCloseTo(6400 / 2640, 14);
  });
  it('the correction stops at zero (as R chisq.test / scipy)', () => {
    // a=2 b=1 c=2 d=1: ad − bc = 0 → χ² = 0. a=1 b=2 c=1 d=10: n = 14, |10 − 2| = 8, 8 − 7 = 1 → 14·1²/(3·11·2·12) = 14/792
    expect(prrChi2(2, 1, 2, 1)).toBe(0);
    expect(prrChi2(1, 2, 1, 10)).toBeCloseTo(14 / 792, 15);
    // a=1 b=1 c=1 d=2: |2 − 1| = 1 < n/2 = 2.5 → corrected difference 0 → χ² = 0 (not (1 − 2.5)² > 0)
    expect(prrChi2(1, 1, 1, 2)).toBe(0);
  });
  it('zero cells: c = 0 gives Infinity, an empty margin gives NaN', () => {
    expect(prr(1, 0, 0, 5)).toBe(Infinity);
    // n = 6, |5 − 0| − 3 = 2 → 6·4/(1·5·1·5) = 24/25
    expect(prrChi2(1, 0, 0, 5)).toBeCloseTo(0.96, 15);
    expect(prr(2, 0, 0, 0)).toBeNaN(); // the drug is on every report: c/(c+d) = 0/0
    expect(prrChi2(2, 0, 0, 0)).toBeNaN();
  });
});

describe('ROR and the Woolf lower bound', () => {
  it('a=3 b=1 c=2 d=10', () => {
    // ROR = 3·10/(1·2) = 15; se = √(1/3 + 1 + 1/2 + 1/10) = √1.9333…; exp(ln 15 − 1.959964·1.390444) = 0.982977422478494
    expect(ror(3, 1, 2, 10)).toBe(15);
    expect(rorLower95(3, 1, 2, 10)).toBeCloseTo(0.982977422478494, 14);
  });
  it('ROR = 1 table: lower = exp(−z·√3) for cells 2,1,2,1', () => {
    // se = √(1/2 + 1 + 1/2 + 1) = √3; exp(−1.959963984540054 · 1.7320508075688772) = 0.03354869873265656
    expect(ror(2, 1, 2, 1)).toBe(1);
    expect(rorLower95(2, 1, 2, 1)).toBeCloseTo(0.03354869873265656, 15);
    expect(Z975).toBe(1.959963984540054);
  });
  it('zero cells: Infinity / 0 / NaN for ROR, NaN for the interval', () => {
    expect(ror(3, 0, 1, 2)).toBe(Infinity); // b = 0
    expect(ror(1, 1, 1, 0)).toBe(0); // d = 0
    expect(ror(1, 0, 1, 0)).toBeNaN(); // 0/0
    expect(rorLower95(3, 0, 1, 2)).toBeNaN();
    expect(rorLower95(1, 1, 1, 0)).toBeNaN();
  });
});

describe('IC and IC025 (Norén 2013)', () => {
  it('IC = log2((N + 0.5)/(E + 0.5))', () => {
    // N = 3, E = 2: log2(3.5/2.5) = log2(1.4) = 0.48542682717024166
    expect(ic(3, 2)).toBeCloseTo(0.48542682717024166, 15);
    // N = 1, E = 1/6: log2(1.5/(2/3)) = log2(2.25) = 1.1699250014423124
    expect(ic(1, 1 / 6)).toBeCloseTo(1.1699250014423124, 15);
    expect(ic(2, 2)).toBe(0);
  });
  it('IC025 = log2(Gamma(N+0.5, rate E+0.5) 2.5 % quantile), scipy references', () => {
    // log2(scipy.special.gammaincinv(N + 0.5, 0.025) / (E + 0.5)), scipy 1.17.1, computed offline
    const cases: [number, number, number][] = [
      [3, 2, -1.565016528671676],
      [2, 2, -2.588640378407277],
      [1, 1, -3.7972272683613477],
      [1, 1 / 6, -2.627302266919035],
      [50, 12.3, 1.5523515303638094],
      [200, 180.7, -0.06093335461141794],
    ];
    for (const [N, E, want] of cases) expect(Math.abs(ic025(N, E) - want), `IC025(${N}, ${E})`).toBeLessThan(1e-13);
  });
});
