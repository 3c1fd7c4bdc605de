import { describe, expect, it } from 'vitest';
import { ebgm, posteriorQuantile, posteriorWeight } from './posterior.js';
import type { Hyperparameters } from './prior.js';

// openEBGM's published caers estimate (vignette 3, autoHyper(squashed = FALSE)).
const h: Hyperparameters = {
  alpha1: 3.25596685,
  beta1: 0.39998994,
  alpha2: 2.02376139,
  beta2: 1.90614108,
  P: 0.06530755,
  logLik: NaN,
  converged: true,
  starts: 3,
};

// [N, E, Qn, EBGM, EB05, EB95] computed independently with mpmath 1.3.0 at 40 digits (offline):
// Qn from the two negative-binomial marginals, EBGM = exp(Σ w (ψ(α+N) − ln(β+E))), and the quantiles by
// 200 bisection steps on the mixture CDF Qn·P(α1+N, (β1+E)x) + (1−Qn)·P(α2+N, (β2+E)x); printed to 17
// digits and written here as the nearest double.
const REF: [number, number, number, number, number, number][] = [
  [1, 0.03605482717520858, 0.28194489195566425, 2.226896782178849, 0.4908740608066385, 13.858567685603607],
  [3, 0.5, 0.3110084628850867, 2.7562307405017967, 0.9209677404018471, 9.627296078743102],
  [10, 2.5, 0.2519528048082955, 2.982303316948254, 1.6540900543319375, 5.6144658655175155],
  [50, 12.3, 0.42286881090551226, 3.8411444802055987, 2.97159267431351, 4.931175193628066],
  [200, 180.7, 0.0022987414221586136, 1.1036355499482275, 0.9815219112440073, 1.2374506124412596],
];

describe('posterior of λ (DuMouchel gamma-Poisson shrinker)', () => {
  it('Qn, EBGM, EB05 and EB95 agree with an independent 40-digit computation', () => {
    for (const [N, E, q, gm, q05, q95] of REF) {
      const qn = posteriorWeight(h, N, E);
      expect(Math.abs(qn - q), `Qn(${N})`).toBeLessThan(1e-13);
      expect(Math.abs(ebgm(h, N, E, qn) / gm - 1), `EBGM(${N})`).toBeLessThan(1e-13);
      expect(Math.abs(posteriorQuantile(0.05, h, N, E, qn) / q05 - 1), `EB05(${N})`).toBeLessThan(1e-13);
      expect(Math.abs(posteriorQuantile(0.95, h, N, E, qn) / q95 - 1), `EB95(${N})`).toBeLessThan(1e-13);
    }
  });

  it('orders EB05 ≤ EBGM ≤ EB95 and shrinks a single report towards the prior', () => {
    const qn = posteriorWeight(h, 1, 0.001);
    const gm = ebgm(h, 1, 0.001, qn);
    expect(posteriorQuantile(0.05, h, 1, 0.001, qn)).toBeLessThan(gm);
    expect(posteriorQuantile(0.95, h, 1, 0.001, qn)).toBeGreaterThan(gm);
    // The raw ratio N/E is 1000; the shrunk estimate stays in single digits.
    expect(gm).toBeLessThan(10);
  });
});
