/**
 * Unconstrained minimisation by BFGS with an Armijo backtracking line search (quadratic interpolation
 * of the step), for smooth objectives with an analytic gradient. Runs until the line search can no
 * longer decrease f (the result is then as precise as f allows), or maxIter; a trial step whose
 * predicted decrease is below f's rounding noise (NOISE·|f|) ends the search.
 */

/** Relative rounding noise of f, a sum over many terms: the line search gives up below it. */
const NOISE = 1e-15;

export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface MinimizeResult {
  x: Float64Array;
  f: number;
  /** Largest absolute gradient component at x. */
  gradNorm: number;
  iterations: number;
  evaluations: number;
}

export function minimizeBfgs(fn: Objective, x0: ArrayLike<number>, maxIter = 500): MinimizeResult {
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = fn(x, g);
  let evaluations = 1;
  // Inverse Hessian approximation, row-major; starts as the identity (scaled after the first step).
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const dir = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iterations = 0;
  let firstStep = true;
  if (!Number.isFinite(f)) return { x, f, gradNorm: Infinity, iterations, evaluations };

  for (; iterations < maxIter; iterations++) {
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= H[i * n + j] * g[j];
      dir[i] = v;
      slope += v * g[i];
    }
    if (!(slope < 0)) {
      // Not a descent direction: reset to steepest descent.
      H.fill(0);
      for (let i = 0; i < n; i++) H[i * n + i] = 1;
      slope = 0;
      for (let i = 0; i < n; i++) {
        dir[i] = -g[i];
        slope -= g[i] * g[i];
      }
      if (slope === 0) break;
    }
    let t = 1;
    if (firstStep) {
      let norm = 0;
      for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(dir[i]));
      t = Math.min(1, 0.5 / norm);
    }
    let fNew = NaN;
    let accepted = false;
    for (let k = 0; k < 60; k++) {
      // A step whose predicted decrease is below f's rounding noise cannot be told from no step.
      if (-t * slope < NOISE * Math.abs(f)) break;
      for (let i = 0; i < n; i++) xNew[i] = x[i] + t * dir[i];
      fNew = fn(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      const tq = Number.isFinite(fNew) ? (-slope * t * t) / (2 * (fNew - f - slope * t)) : 0.1 * t;
      t = Math.min(0.5 * t, Math.max(0.1 * t, tq));
    }
    if (!accepted || !(fNew < f)) break;
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    [x, g] = [Float64Array.from(xNew), Float64Array.from(gNew)];
    f = fNew;
    if (sy > 1e-12 * Math.sqrt(yy) * Math.sqrt(s.reduce((a, v) => a + v * v, 0))) {
      if (firstStep) {
        const scale = sy / yy;
        for (let i = 0; i < n * n; i++) H[i] *= scale;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += H[i * n + j] * y[j];
        Hy[i] = v;
        yHy += y[i] * v;
      }
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] += rho * ((1 + rho * yHy) * s[i] * s[j] - Hy[i] * s[j] - s[i] * Hy[j]);
        }
      }
    }
    firstStep = false;
  }
  let gradNorm = 0;
  for (let i = 0; i < n; i++) gradNorm = Math.max(gradNorm, Math.abs(g[i]));
  return { x, f, gradNorm, iterations, evaluations };
}
