import { createHash } from 'node:crypto';
import { digamma, lnGamma } from './gamma.js';
import { minimizeBfgs } from './optimize.js';
import type { Points } from './points.js';

/**
 * DuMouchel's gamma-Poisson shrinker prior: λ ~ P·Gamma(α1, β1) + (1−P)·Gamma(α2, β2) (rates β), so
 * N | E has the negative-binomial mixture marginal
 *   f_k(N) = Γ(α_k+N)/(Γ(α_k) N!) · (β_k/(β_k+E))^α_k · (E/(β_k+E))^N.
 * Fitted by maximum likelihood over the observed pairs (N ≥ 1) with the zero-truncated marginal
 * f_k(N)/(1 − f_k(0)), unsquashed — openEBGM's negLL with N_star = 1, as autoHyper(squashed = FALSE,
 * zeroes = FALSE). Minimised by BFGS with the analytic gradient in (ln α1, ln β1, ln α2, ln β2, logit P)
 * from each start of START_GRID; the start with the best log-likelihood wins.
 */

export interface Hyperparameters {
  alpha1: number;
  beta1: number;
  alpha2: number;
  beta2: number;
  P: number;
  /** Log-likelihood at the estimate (openEBGM's "minimum" is its negative). */
  logLik: number;
  /** Whether the chosen start converged (gradient test) inside the parameter limits. */
  converged: boolean;
  /** Number of starts of START_GRID that converged inside the limits. */
  starts: number;
}

/** Starting points (α1, β1, α2, β2, P): the theta_init grid of openEBGM's vignette and tests. */
export const START_GRID: readonly (readonly [number, number, number, number, number])[] = [
  [0.2, 0.1, 2, 4, 1 / 3],
  [0.1, 0.2, 10, 10, 0.2],
  [0.3, 0.5, 6, 6, 0.5],
];

/** openEBGM's param_limit: an estimate with some α or β ≥ this is not accepted as converged. */
export const PARAM_LIMIT = 100;

/** Convergence test: largest |∂(−logLik)/∂θ| in the transformed parameters ≤ GRAD_TOL · max(1, |logLik|). */
const GRAD_TOL = 1e-6;

/** ln E per point, computed once per set of points. */
const logECache = new WeakMap<Points, Float64Array>();
function logEOf(pts: Points): Float64Array {
  let v = logECache.get(pts);
  if (!v) logECache.set(pts, (v = pts.e.map(Math.log)));
  return v;
}

/**
 * −log-likelihood and its gradient with respect to θ = (ln α1, ln β1, ln α2, ln β2, logit P), summed
 * over grouped points (weight = number of pairs at that (N, E)).
 */
export function negLogLik(theta: ArrayLike<number>, pts: Points, grad?: Float64Array): number {
  const a1 = Math.exp(theta[0]);
  const b1 = Math.exp(theta[1]);
  const a2 = Math.exp(theta[2]);
  const b2 = Math.exp(theta[3]);
  const P = 1 / (1 + Math.exp(-theta[4]));
  const logP = -Math.log1p(Math.exp(-theta[4]));
  const log1mP = -Math.log1p(Math.exp(theta[4]));
  const lb1 = Math.log(b1);
  const lb2 = Math.log(b2);
  const ib1 = 1 / b1;
  const ib2 = 1 / b2;
  const la1 = lnGamma(a1);
  const la2 = lnGamma(a2);
  const da1 = grad ? digamma(a1) : 0;
  const da2 = grad ? digamma(a2) : 0;
  // Terms that depend on N only, cached over the run of equal N (points are sorted by N).
  let lastN = -1;
  let c1 = 0;
  let c2 = 0;
  let d1 = 0;
  let d2 = 0;
  let ga1 = 0;
  let gb1 = 0;
  let ga2 = 0;
  let gb2 = 0;
  let gp = 0;
  let total = 0;
  const { n, e, weight } = pts;
  const logE = logEOf(pts);
  for (let i = 0; i < n.length; i++) {
    const N = n[i];
    const E = e[i];
    const w = weight[i];
    if (N !== lastN) {
      lastN = N;
      const lnf = lnGamma(N + 1);
      c1 = lnGamma(a1 + N) - la1 - lnf;
      c2 = lnGamma(a2 + N) - la2 - lnf;
      if (grad) {
        d1 = digamma(a1 + N) - da1;
        d2 = digamma(a2 + N) - da2;
      }
    }
    const lE = logE[i];
    const r1 = Math.log1p(E * ib1); // ln((β+E)/β)
    const r2 = Math.log1p(E * ib2);
    const z1 = -a1 * r1; // ln f(0)
    const z2 = -a2 * r2;
    const q1 = -Math.expm1(z1); // 1 − f(0)
    const q2 = -Math.expm1(z2);
    const lf1 = c1 + z1 + N * (lE - lb1 - r1) - Math.log(q1);
    const lf2 = c2 + z2 + N * (lE - lb2 - r2) - Math.log(q2);
    const u1 = logP + lf1;
    const u2 = log1mP + lf2;
    // ll = ln(e^u1 + e^u2) and the posterior weight w1 = e^(u1−ll) from one exponential.
    const d = u2 - u1;
    const t = Math.exp(d > 0 ? -d : d);
    const ll = (d > 0 ? u2 : u1) + Math.log1p(t);
    total -= w * ll;
    if (grad) {
      const w1 = d > 0 ? t / (1 + t) : 1 / (1 + t);
      const w2 = 1 - w1;
      const f01 = 1 - q1;
      const f02 = 1 - q2;
      // ∂ ln f*/∂α = ψ(α+N) − ψ(α) − ln(1+E/β) / (1 − f(0))
      ga1 += w * w1 * a1 * (d1 - r1 / q1);
      ga2 += w * w2 * a2 * (d2 - r2 / q2);
      // ∂ ln f*/∂β = α/β − (α+N)/(β+E) + f(0)/(1−f(0)) · αE/(β(β+E)); times β for ln β
      gb1 += w * w1 * (a1 - ((a1 + N) * b1) / (b1 + E) + ((f01 / q1) * a1 * E) / (b1 + E));
      gb2 += w * w2 * (a2 - ((a2 + N) * b2) / (b2 + E) + ((f02 / q2) * a2 * E) / (b2 + E));
      gp += w * (w1 - P);
    }
  }
  if (grad) {
    grad[0] = -ga1;
    grad[1] = -gb1;
    grad[2] = -ga2;
    grad[3] = -gb2;
    grad[4] = -gp;
  }
  return total;
}

function toTheta(s: readonly number[]): Float64Array {
  return Float64Array.from([Math.log(s[0]), Math.log(s[1]), Math.log(s[2]), Math.log(s[3]), Math.log(s[4] / (1 - s[4]))]);
}

/** Above this many distinct points, starts are screened on a coarsened copy first (see screenPoints). */
export const SCREEN_POINTS = 10_000;

/**
 * A coarsened copy for screening starts: within each run of equal N, blocks of consecutive points (by E)
 * are replaced by their middle point carrying the block's total weight, leaving about `target` points.
 */
export function screenPoints(pts: Points, target = SCREEN_POINTS): Points {
  const m = pts.n.length;
  const k = Math.ceil(m / target);
  const n: number[] = [];
  const e: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < m; ) {
    let j = i;
    while (j < m && pts.n[j] === pts.n[i]) j++;
    for (let b = i; b < j; b += k) {
      const end = Math.min(j, b + k);
      let sum = 0;
      for (let t = b; t < end; t++) sum += pts.weight[t];
      const mid = (b + end - 1) >> 1;
      n.push(pts.n[mid]);
      e.push(pts.e[mid]);
      w.push(sum);
    }
    i = j;
  }
  return { n: Float64Array.from(n), e: Float64Array.from(e), weight: Float64Array.from(w), pointOf: new Int32Array(0) };
}

/**
 * Fits the prior from each start and returns the best by log-likelihood, labelled so that P ≤ 0.5.
 * With more than `screenAt` distinct points, each start is first run on screenPoints(pts) (cheap, most of
 * the way), and each of those estimates is then refined on all points: the result is always a maximum of
 * the full unsquashed likelihood, and `starts` counts the starts whose refinement converged.
 */
export function fitPrior(pts: Points, starts: readonly (readonly number[])[] = START_GRID, screenAt = SCREEN_POINTS): Hyperparameters {
  if (pts.n.length > screenAt) {
    const coarse = screenPoints(pts, screenAt);
    starts = starts.map((start) => {
      const h = fitStarts(coarse, [start]);
      return Number.isFinite(h.logLik) ? [h.alpha1, h.beta1, h.alpha2, h.beta2, h.P] : start;
    });
  }
  return fitStarts(pts, starts);
}

function fitStarts(pts: Points, starts: readonly (readonly number[])[]): Hyperparameters {
  let best: Hyperparameters | null = null;
  let convergedStarts = 0;
  for (const start of starts) {
    const r = minimizeBfgs((x, g) => negLogLik(x, pts, g), toTheta(start));
    if (!Number.isFinite(r.f)) continue;
    const [a1, b1, a2, b2] = [Math.exp(r.x[0]), Math.exp(r.x[1]), Math.exp(r.x[2]), Math.exp(r.x[3])];
    const P = 1 / (1 + Math.exp(-r.x[4]));
    const inBounds = [a1, b1, a2, b2].every((v) => v > 0 && v < PARAM_LIMIT) && P > 0 && P < 1;
    const converged = inBounds && r.gradNorm <= GRAD_TOL * Math.max(1, Math.abs(r.f));
    if (converged) convergedStarts++;
    const h: Hyperparameters =
      P <= 0.5
        ? { alpha1: a1, beta1: b1, alpha2: a2, beta2: b2, P, logLik: -r.f, converged, starts: 0 }
        : { alpha1: a2, beta1: b2, alpha2: a1, beta2: b1, P: 1 - P, logLik: -r.f, converged, starts: 0 };
    // A converged start beats one that did not converge; then the higher log-likelihood wins.
    if (!best || (h.converged && !best.converged) || (h.converged === best.converged && h.logLik > best.logLik)) best = h;
  }
  if (!best) return { alpha1: NaN, beta1: NaN, alpha2: NaN, beta2: NaN, P: NaN, logLik: NaN, converged: false, starts: 0 };
  return { ...best, starts: convergedStarts };
}

/**
 * Revision of the fit procedure: raise it whenever a change to the likelihood, the optimiser or its
 * tolerances could change a fitted value, so priors stored under the old procedure are not reused.
 */
export const FIT_REVISION = 1;

/**
 * The identity of a fit: a SHA-256 over the fit procedure (revision, starts, limits, screening size) and
 * the exact bytes of the distinct points (N, E, weight). Equal keys give equal fits, so a stored prior
 * can stand in for fitting again; any change of a count or of E changes the key.
 */
export function priorKey(pts: Points, starts: readonly (readonly number[])[] = START_GRID): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ rev: FIT_REVISION, starts, limit: PARAM_LIMIT, tol: GRAD_TOL, screen: SCREEN_POINTS }));
  for (const a of [pts.n, pts.e, pts.weight]) {
    h.update(String(a.length));
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return h.digest('hex');
}

/** Below this a shape, rate or mixing weight counts as on the boundary of the parameter space. */
export const BOUNDARY_LIMIT = 1e-6;

/**
 * Whether the fit stopped on the boundary (a component's shape or rate, or P, tending to 0, or a shape
 * or rate at or past PARAM_LIMIT, as a tiny data set's fit runs off to infinity): the
 * likelihood is then flat along that direction and EBGM/EB05/EB95 of pairs with large N/E scale with
 * where the optimiser happened to stop (docs/adr-signals.md), so they are shown with a caution.
 */
export function onBoundary(h: Hyperparameters): boolean {
  return (
    [h.alpha1, h.beta1, h.alpha2, h.beta2, h.P].some((v) => Number.isFinite(v) && v < BOUNDARY_LIMIT) ||
    [h.alpha1, h.beta1, h.alpha2, h.beta2].some((v) => v >= PARAM_LIMIT)
  );
}
