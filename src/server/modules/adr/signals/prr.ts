/**
 * Proportional reporting ratio on the 2×2 table of distinct reports
 *   a = N, b = N_drug − N, c = N_event − N, d = N_total − N_drug − N_event + N,
 * PRR = (a/(a+b)) / (c/(c+d)), with IEEE arithmetic: c = 0 (every report of the event names the drug)
 * gives Infinity; c + d = 0 (the drug is on every report) gives NaN.
 */
export function prr(a: number, b: number, c: number, d: number): number {
  return a / (a + b) / (c / (c + d));
}

/**
 * Yates-corrected chi-square of the same table, as R's chisq.test(correct = TRUE) and scipy's
 * chi2_contingency: n (|ad − bc| − min(n/2, |ad − bc|))² / ((a+b)(c+d)(a+c)(b+d)), so the correction
 * never pushes past zero. NaN when a margin is empty (0/0).
 */
export function prrChi2(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const diff = Math.abs(a * d - b * c);
  const corrected = diff - Math.min(n / 2, diff);
  return (n * corrected * corrected) / ((a + b) * (c + d) * (a + c) * (b + d));
}
