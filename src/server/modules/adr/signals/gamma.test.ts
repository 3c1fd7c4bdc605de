import { describe, expect, it } from 'vitest';
import { ASYMPTOTIC_SHAPE, digamma, gammaP, gammaPDirect, gammaQuantile, lnGamma, log1pmx, mixtureQuantile } from './gamma.js';

// Reference values from scipy 1.17.1 (scipy.special.gammainc / gammaincinv / gammaln / digamma),
// computed offline on this machine and pasted here; scipy is not needed to run the tests.
const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);

describe('gamma special functions', () => {
  it('P(a, x) matches scipy.special.gammainc to ~1e-14', () => {
    const cases: [number, number, number][] = [
      [1.5, 0.5, 0.19874804309879915],
      [1.5, 3, 0.8883897749052874],
      [2.3, 0.01, 9.295712872211001e-6],
      [10, 9, 0.4125917556680583],
      [1000, 950, 0.055054686230738045],
      [1000, 1100, 0.9989406767460701],
      [12345.6, 12000, 0.000853691773116006],
      [3.2, 40, 0.9999999999999938],
    ];
    for (const [a, x, want] of cases) expect(rel(gammaP(a, x), want), `P(${a}, ${x})`).toBeLessThan(1e-14);
    expect(gammaP(2, 0)).toBe(0);
    expect(gammaP(2, Infinity)).toBe(1);
  });

  it('ln Γ and ψ match scipy', () => {
    const cases: [number, number, number][] = [
      [0.3, 1.0957979948180756, -3.502524222200133],
      [1.5, -0.12078223763524526, 0.03648997397857652],
      [7.2, 6.95684807988834, 1.9030321442701752],
      [123.4, 469.3360974421906, 4.8113737751162775],
    ];
    for (const [x, lg, dg] of cases) {
      expect(Math.abs(lnGamma(x) - lg), `lnGamma(${x})`).toBeLessThan(1e-14 * Math.max(1, Math.abs(lg)));
      expect(Math.abs(digamma(x) - dg), `digamma(${x})`).toBeLessThan(1e-13);
    }
  });

  it('quantiles match scipy.special.gammaincinv to ~1e-14 (full precision, not rounded)', () => {
    const cases: [number, number, number][] = [
      [0.025, 1.5, 0.10789764131194893],
      [0.025, 3.5, 0.8449345903386775],
      [0.05, 3.25, 0.9483657797970421],
      [0.95, 3.25, 6.667161166721752],
      [0.025, 20.5, 12.607259319056254],
      [0.025, 5000.5, 4862.852259228797],
      [1e-10, 2, 1.414220229082974e-5],
      [0.5, 1.2, 0.887936213474793],
      [0.999, 7.3, 18.535037027899158],
    ];
    for (const [p, a, want] of cases) expect(rel(gammaQuantile(p, a), want), `q(${p}; ${a})`).toBeLessThan(1e-14);
    // Rate scales the quantile: Gamma(a, rate r) = Gamma(a, 1)/r.
    expect(rel(gammaQuantile(0.025, 3.5, 2.5), 0.8449345903386775 / 2.5)).toBeLessThan(1e-14);
  });

  it('a mixture quantile solves the mixture CDF exactly and lies between the components', () => {
    const w = [0.3, 0.7];
    const a = [4.25, 3.02];
    const r = [1.4, 2.9];
    const x = mixtureQuantile(0.05, w, a, r);
    const cdf = (t: number) => w[0] * gammaP(a[0], r[0] * t) + w[1] * gammaP(a[1], r[1] * t);
    expect(Math.abs(cdf(x) - 0.05)).toBeLessThan(1e-15);
    const q1 = gammaQuantile(0.05, a[0], r[0]);
    const q2 = gammaQuantile(0.05, a[1], r[1]);
    expect(x).toBeGreaterThan(Math.min(q1, q2));
    expect(x).toBeLessThan(Math.max(q1, q2));
  });
});

describe('large shapes near the mode (R’s ppois_asymp)', () => {
  it('agrees with the series and continued fraction within the function’s own conditioning (√a · ε)', () => {
    for (const a of [ASYMPTOTIC_SHAPE, 1000.7, 2345.6, 1e4 + 0.3, 1e5 + 0.1, 1e6 + 0.5, 3.3e7]) {
      for (let z = -9; z <= 9; z += 0.25) {
        const x = a + z * Math.sqrt(a);
        const ref = gammaPDirect(a, x);
        expect(Math.abs(gammaP(a, x) - ref), `a=${a} z=${z}`).toBeLessThan(4 * Math.sqrt(a) * 2.220446049250313e-16);
      }
    }
  });
  it('is continuous where the methods switch (0.8·(a + 50) and 1.25·a − 50)', () => {
    const a = 5000;
    for (const x of [0.8 * (a + 50), a / 0.8 - 50]) {
      const below = gammaP(a, x * (1 - 1e-12));
      const above = gammaP(a, x * (1 + 1e-12));
      expect(Math.abs(above - below)).toBeLessThan(1e-12);
    }
  });
  it('log1pmx keeps its digits for small arguments', () => {
    // log(1+x) − x = −x²/2 + x³/3 − …
    for (const x of [1e-8, -1e-8, 1e-4, -3e-3]) {
      let series = 0;
      for (let k = 2; k < 30; k++) series += ((k % 2 ? 1 : -1) * x ** k) / k;
      expect(Math.abs(log1pmx(x) - series) / Math.abs(series)).toBeLessThan(1e-14);
    }
    for (const x of [0.5, -0.5, 0.9, -0.78, 2, -0.9]) expect(log1pmx(x)).toBeCloseTo(Math.log1p(x) - x, 14);
  });
});
