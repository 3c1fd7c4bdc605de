import { digamma, lnGamma, mixtureQuantile } from './gamma.js';
import type { Hyperparameters } from './prior.js';

/**
 * Posterior of λ for a pair with count N and expectation E under the fitted prior (DuMouchel 1999):
 * Qn·Gamma(α1+N, β1+E) + (1−Qn)·Gamma(α2+N, β2+E) (rates), as openEBGM's Qn / ebgm / quantBisect,
 * except that quantiles are solved to full double precision instead of rounded bisection.
 */

/** ln of the (untruncated) negative-binomial marginal f(N; α, β/(β+E)), as R's dnbinom. */
function logMarginal(alpha: number, beta: number, N: number, E: number): number {
  const r = Math.log1p(E / beta);
  return lnGamma(alpha + N) - lnGamma(alpha) - lnGamma(N + 1) - alpha * r + N * (Math.log(E) - Math.log(beta) - r);
}

/** Qn = P f1(N) / (P f1(N) + (1−P) f2(N)), in log space so it never becomes 0/0. */
export function posteriorWeight(h: Hyperparameters, N: number, E: number): number {
  const d = logMarginal(h.alpha2, h.beta2, N, E) + Math.log1p(-h.P) - (logMarginal(h.alpha1, h.beta1, N, E) + Math.log(h.P));
  return 1 / (1 + Math.exp(d));
}

/** EBGM = exp(E[ln λ | N]) with E[ln λ] = ψ(α+N) − ln(β+E) for each gamma component. */
export function ebgm(h: Hyperparameters, N: number, E: number, qn: number): number {
  const e1 = digamma(h.alpha1 + N) - Math.log(h.beta1 + E);
  const e2 = digamma(h.alpha2 + N) - Math.log(h.beta2 + E);
  return Math.exp(qn * e1 + (1 - qn) * e2);
}

/** The p-quantile of the posterior mixture (EB05: p = 0.05, EB95: p = 0.95). */
export function posteriorQuantile(p: number, h: Hyperparameters, N: number, E: number, qn: number): number {
  return mixtureQuantile(p, [qn, 1 - qn], [h.alpha1 + N, h.alpha2 + N], [h.beta1 + E, h.beta2 + E]);
}
