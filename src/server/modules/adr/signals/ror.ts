/**
 * Reporting odds ratio ROR = ad/(bc) on the 2×2 table of distinct reports (see prr.ts for a–d),
 * with Woolf's 95 % lower bound exp(ln ROR − z·√(1/a + 1/b + 1/c + 1/d)).
 * Zero cells: ROR follows IEEE arithmetic (b·c = 0 gives Infinity; with d = 0 as well, NaN; d = 0 alone
 * gives 0). Woolf's interval is undefined when any cell is 0, and ROR_lower95 is then NaN — it never
 * meets a "lower bound > 1" rule.
 */

/** Standard normal 97.5 % quantile. */
export const Z975 = 1.959963984540054;

export function ror(a: number, b: number, c: number, d: number): number {
  return (a * d) / (b * c);
}

export function rorLower95(a: number, b: number, c: number, d: number): number {
  if (a === 0 || b === 0 || c === 0 || d === 0) return NaN;
  return Math.exp(Math.log(ror(a, b, c, d)) - Z975 * Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d));
}
