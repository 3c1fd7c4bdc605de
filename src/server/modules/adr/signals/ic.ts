import { gammaQuantile } from './gamma.js';

/**
 * Information component with Norén et al.'s (2013) shrinkage: IC = log2((N + 0.5)/(E + 0.5)),
 * IC025 = log2 of the 2.5 % quantile of Gamma(shape N + 0.5, rate E + 0.5). Always finite for E ≥ 0.
 */
export function ic(N: number, E: number): number {
  return Math.log2((N + 0.5) / (E + 0.5));
}

export function ic025(N: number, E: number): number {
  return Math.log2(gammaQuantile(0.025, N + 0.5, E + 0.5));
}
