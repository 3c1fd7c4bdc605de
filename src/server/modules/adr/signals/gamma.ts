/**
 * Special functions for the gamma distribution, to full double precision where the signal measures
 * need them: ln Γ, digamma, the regularised lower incomplete gamma P(a, x), the gamma density and
 * quantile. The incomplete gamma follows R's approach (Loader's saddle-point prefix `dpois_raw` with
 * `stirlerr`/`bd0`, then a power series below the mode and a Lentz continued fraction above it), so
 * no digits are lost to cancellation in x^a e^-x / Γ(a) when a and x are large.
 * Validated against scipy.special (gamma.test.ts). For large shapes near the mode, where the series and
 * the continued fraction need ~√a terms, P comes from R's `ppois_asymp` expansion (pAsymptotic).
 */
import erfc from '@stdlib/math-base-special-erfc';

const LN_SQRT_2PI = 0.9189385332046728; // ln √(2π)
const TWO_PI = 2 * Math.PI;
const EPS = 2.220446049250313e-16;

// Lanczos approximation, g = 7, n = 9 (relative error ~1e-15 for x > 0).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series (truncation < 1e-16). */
export function digamma(x: number): number {
  let r = 0;
  while (x < 10) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  // Bernoulli terms: 1/12, 1/120, 1/252, 1/240, 1/132, 691/32760, 1/12
  const t = f * (-1 / 12 + f * (1 / 120 + f * (-1 / 252 + f * (1 / 240 + f * (-1 / 132 + f * (691 / 32760 + f * (-1 / 12)))))));
  return r + Math.log(x) - 0.5 / x + t;
}

/** stirlerr(n) = ln Γ(n+1) − ((n+½) ln n − n + ln √(2π)), the error of Stirling's formula. */
function stirlerr(n: number): number {
  if (n <= 15) return lnGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** bd0(x, m) = x ln(x/m) + m − x, computed without cancellation when x ≈ m (Loader 2000). */
function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** x^a e^-x / Γ(a+1) for a > 0, x ≥ 0 (R's dpois_raw with a real "count"). */
function poissonPrefix(a: number, x: number): number {
  return prefixWith(a, x, stirlerr(a), Math.sqrt(TWO_PI * a));
}

/** poissonPrefix with stirlerr(a) and √(2πa) given (constant while a quantile search varies x). */
function prefixWith(a: number, x: number, se: number, root: number): number {
  if (x === 0) return 0;
  if (!Number.isFinite(x)) return 0;
  return Math.exp(-se - bd0(a, x)) / root;
}

/** Regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), a > 0, x ≥ 0. */
export function gammaP(a: number, x: number): number {
  if (!(x > 0)) return x === 0 ? 0 : NaN;
  if (x === Infinity) return 1;
  return pFromPrefix(a, x, poissonPrefix(a, x));
}

/** P(a, x) by the power series or the continued fraction alone (the reference for pAsymptotic's tests). */
export function gammaPDirect(a: number, x: number): number {
  if (!(x > 0)) return x === 0 ? 0 : NaN;
  if (x === Infinity) return 1;
  return pFromPrefix(a, x, poissonPrefix(a, x), false);
}

/**
 * From this shape on, P(a, x) with x between about 0.8a and 1.25a comes from pAsymptotic: the series
 * and the continued fraction would take ~√a terms there (a = 6.6e8, as a flat prior's component can
 * have: ~25,000 terms, 50 µs a call). R switches from about a = 200 (pgamma.c); 1,000 leaves a margin.
 */
export const ASYMPTOTIC_SHAPE = 1000;

/** Whether R's pgamma_raw would use ppois_asymp for (a, x): x ≥ 1 and near the mode on both sides. */
function nearMode(a: number, x: number): boolean {
  return x <= a - 1 ? x >= 0.8 * (a + 50) : a >= 0.8 * (x + 50);
}

const ASYMP_A = [2 / 3, -4 / 135, 8 / 2835, 16 / 8505, -8992 / 12629925, -334144 / 492567075, 698752 / 1477701225];
const ASYMP_B = [1 / 12, 1 / 288, -139 / 51840, -571 / 2488320, 163879 / 209018880, 5246819 / 75246796800, -534703531 / 902961561600];

/** log(1 + x) − x without cancellation for small x (R's log1pmx, with the series of its continued fraction). */
export function log1pmx(x: number): number {
  if (x > 1 || x < -0.79149064) return Math.log1p(x) - x;
  // log1p(x) = 2 atanh(r), r = x/(2+x); log1p(x) − x = r·(2y·Σ y^k/(2k+3) − x), y = r².
  const r = x / (2 + x);
  const y = r * r;
  let sum = 0;
  let pow = 1;
  for (let k = 0; k < 200; k++) {
    const term = pow / (2 * k + 3);
    sum += term;
    if (term < sum * EPS) break;
    pow *= y;
  }
  return r * (2 * y * sum - x);
}

/**
 * P(a, x) = P(Poisson(x) ≥ a) for large a near the mode: R's ppois_asymp(a − 1, x, lower_tail = FALSE)
 * (pgamma.c, after Temme's uniform expansion): Φ(s) + f·φ(s) with s = ±√(2(a−1)·pt),
 * pt = −log1pmx((x − a + 1)/(a − 1)), and the correction f from seven terms in 1/(a − 1).
 */
function pAsymptotic(a: number, x: number): number {
  const n = a - 1;
  const dfm = x - n;
  const pt = -log1pmx(dfm / n);
  let s2pt = Math.sqrt(2 * n * pt);
  if (dfm < 0) s2pt = -s2pt;
  let res12 = 0;
  let res1Term = Math.sqrt(n);
  let res1 = res1Term;
  let res2Term = s2pt;
  let res2 = res2Term;
  for (let i = 1; i < 8; i++) {
    res12 += res1 * ASYMP_A[i - 1] + res2 * ASYMP_B[i - 1];
    res1Term *= pt / i;
    res2Term *= (2 * pt) / (2 * i + 1);
    res1 = res1 / n + res1Term;
    res2 = res2 / n + res2Term;
  }
  let elfb = n;
  let elfbTerm = 1;
  for (let i = 1; i < 8; i++) {
    elfb += elfbTerm * ASYMP_B[i - 1];
    elfbTerm /= n;
  }
  const f = res12 / -elfb;
  const np = 0.5 * erfc(-s2pt / Math.SQRT2); // Φ(s2pt)
  const nd = Math.exp(-n * pt) / Math.sqrt(TWO_PI); // φ(s2pt), s2pt² = 2n·pt
  return np + f * nd;
}

/** P(a, x) for 0 < x < ∞ given prefix = x^a e^-x / Γ(a+1). */
function pFromPrefix(a: number, x: number, prefix: number, asymptotic = true): number {
  if (asymptotic && a >= ASYMPTOTIC_SHAPE && nearMode(a, x)) return pAsymptotic(a, x);
  if (x < a + 1) {
    // P = x^a e^-x / Γ(a+1) · Σ_k x^k / ((a+1)…(a+k))
    let sum = 1;
    let term = 1;
    for (let k = 1; k < 100000; k++) {
      term *= x / (a + k);
      sum += term;
      if (term < sum * EPS) break;
    }
    return prefix * sum;
  }
  // Q = x^a e^-x / Γ(a) · 1/(x+1−a− 1(1−a)/(x+3−a− 2(2−a)/(x+5−a− …))) by modified Lentz.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  const q = a * prefix * h;
  return 1 - q;
}

/** Density of Gamma(shape a, rate 1) at x. */
export function gammaDensity(a: number, x: number): number {
  if (!(x > 0)) return 0;
  return (a * poissonPrefix(a, x)) / x;
}

/**
 * Quantile of Gamma(shape, rate) at probability p ∈ (0, 1): Halley's method on u = ln x, kept inside a
 * bracket that every evaluation narrows (bisection when a step leaves it), until the step is below
 * one unit in the last place.
 */
export function gammaQuantile(p: number, shape: number, rate = 1): number {
  return mixtureQuantile(p, [1], [shape], [rate]);
}

/**
 * Quantile of a finite mixture of gammas Σ w_k Gamma(shape_k, rate_k) at probability p (weights sum to 1).
 * Same method as gammaQuantile; the mixture CDF is monotone, so the bracket always holds the root.
 */
export function mixtureQuantile(p: number, weights: readonly number[], shapes: readonly number[], rates: readonly number[]): number {
  if (!(p > 0 && p < 1)) return p === 0 ? 0 : p === 1 ? Infinity : NaN;
  const m = weights.length;
  // Per component, the parts of the Poisson prefix that do not depend on x.
  const se = new Float64Array(m);
  const root = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    if (weights[k] === 0) continue;
    se[k] = stirlerr(shapes[k]);
    root[k] = Math.sqrt(TWO_PI * shapes[k]);
  }
  const out = new Float64Array(4);
  // Start at the Wilson–Hilferty approximation of the heaviest component's p-quantile (within a few
  // per cent for shapes ≥ 1), else at the log of the mixture's mean.
  let mean = 0;
  let heavy = 0;
  for (let k = 0; k < m; k++) {
    mean += (weights[k] * shapes[k]) / rates[k];
    if (weights[k] > weights[heavy]) heavy = k;
  }
  const c = 1 / (9 * shapes[heavy]);
  const cube = 1 - c + normalQuantileApprox(p) * Math.sqrt(c);
  let u = cube > 0.2 ? Math.log((shapes[heavy] * cube * cube * cube) / rates[heavy]) : Math.log(mean);
  let lo = -Infinity;
  let hi = Infinity;
  for (let iter = 0; iter < 200; iter++) {
    const x = Math.exp(u);
    evaluateMixture(x, p, weights, shapes, rates, se, root, out);
    const g = out[0];
    const g1 = out[2];
    const g2 = out[3];
    if (g === 0) return x;
    if (g > 0) hi = u;
    else lo = u;
    let next: number;
    if (g1 > 0) {
      const r = g / g1;
      const denom = 1 - (r * g2) / (2 * g1);
      next = u - (denom > 0.5 && denom < 2 ? r / denom : r);
    } else {
      next = NaN;
    }
    if (!(next > lo && next < hi)) {
      if (Number.isFinite(lo) && Number.isFinite(hi)) next = (lo + hi) / 2;
      else next = g > 0 ? u - Math.max(1, Math.abs(u)) : u + Math.max(1, Math.abs(u));
    }
    const step = Math.abs(next - u);
    u = next;
    if (step <= 1e-9 || hi - lo <= 1e-9) break;
  }
  // Polish in x itself: ln x carries only |u|·ε of relative precision when x is far from 1.
  let x = Math.exp(u);
  for (let iter = 0; iter < 8; iter++) {
    evaluateMixture(x, p, weights, shapes, rates, se, root, out);
    const g = out[0];
    const g1 = out[1];
    if (g === 0 || !(g1 > 0)) break;
    const next = x - g / g1;
    if (!(next > 0)) break;
    const step = Math.abs(next - x);
    x = next;
    if (step <= 2 * EPS * x) break;
  }
  return x;
}

/**
 * For mixtureQuantile at x: out = [G(x) − p, dG/dx (the mixture density), dG/du, d²G/du²] with u = ln x,
 * each component's Poisson prefix computed once (se, root: its stirlerr(a) and √(2πa)).
 */
function evaluateMixture(
  x: number,
  p: number,
  weights: readonly number[],
  shapes: readonly number[],
  rates: readonly number[],
  se: Float64Array,
  root: Float64Array,
  out: Float64Array,
): void {
  let cdf = -p;
  let pdf = 0;
  let du1 = 0;
  let du2 = 0;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k];
    if (w === 0) continue;
    const a = shapes[k];
    const y = rates[k] * x;
    if (!(y > 0)) {
      if (y !== 0) cdf = NaN; // P(a, 0) = 0 and the density is 0
      continue;
    }
    if (y === Infinity) {
      cdf += w;
      continue;
    }
    const pre = prefixWith(a, y, se[k], root[k]);
    const density = (a * pre) / y;
    cdf += w * pFromPrefix(a, y, pre);
    pdf += w * rates[k] * density;
    const t = w * y * density; // = w r x f(r x)
    du1 += t;
    du2 += t * (a - y);
  }
  out[0] = cdf;
  out[1] = pdf;
  out[2] = du1;
  out[3] = du2;
}

/** Standard normal quantile, Abramowitz & Stegun 26.2.23 (absolute error < 4.5e-4): a starting point only. */
function normalQuantileApprox(p: number): number {
  const q = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  const z = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
  return p < 0.5 ? -z : z;
}
