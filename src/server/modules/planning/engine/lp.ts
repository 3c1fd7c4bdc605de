/**
 * A small dense linear-programming solver for covering problems:
 *   minimise c·x  subject to  G x ≥ h,  x ≥ 0,  with every c ≥ 0.
 * It runs the primal simplex on the dual (max h·y, Gᵀy ≤ c, y ≥ 0), whose origin is feasible
 * because c ≥ 0, so no phase one is needed; the primal solution is read off the dual's slack
 * reduced costs. An unbounded dual means the primal is infeasible.
 */
export interface LpResult {
  status: 'optimal' | 'infeasible';
  x: number[];
  objective: number;
  pivots: number;
}

const EPS = 1e-9;

export function solveLp(c: number[], G: number[][], h: number[], maxPivots = 50_000): LpResult {
  const n = c.length; // primal vars = dual constraints (tableau rows)
  const m = G.length; // primal rows = dual vars
  const cols = m + n;
  const width = cols + 1;
  const T = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const row = i * width;
    for (let k = 0; k < m; k++) T[row + k] = G[k][i];
    T[row + m + i] = 1;
    T[row + cols] = c[i];
  }
  const z = new Float64Array(cols);
  for (let k = 0; k < m; k++) z[k] = h[k];
  const basis = Array.from({ length: n }, (_, i) => m + i);
  let value = 0;
  let pivots = 0;
  const bland = () => pivots > 5_000;
  for (;;) {
    let q = -1;
    let best = EPS;
    for (let j = 0; j < cols; j++) {
      if (z[j] > best) {
        q = j;
        if (bland()) break;
        best = z[j];
      }
    }
    if (q < 0) break;
    let p = -1;
    let ratio = Infinity;
    for (let i = 0; i < n; i++) {
      const a = T[i * width + q];
      if (a > EPS) {
        const r = T[i * width + cols] / a;
        if (r < ratio - EPS || (r < ratio + EPS && p >= 0 && basis[i] < basis[p])) {
          ratio = r;
          p = i;
        }
      }
    }
    if (p < 0) return { status: 'infeasible', x: [], objective: Infinity, pivots };
    if (++pivots > maxPivots) throw new Error('LP pivot limit reached');
    const prow = p * width;
    const piv = T[prow + q];
    for (let j = 0; j < width; j++) T[prow + j] /= piv;
    for (let i = 0; i < n; i++) {
      if (i === p) continue;
      const row = i * width;
      const f = T[row + q];
      if (f !== 0) for (let j = 0; j < width; j++) T[row + j] -= f * T[prow + j];
    }
    const f = z[q];
    for (let j = 0; j < cols; j++) z[j] -= f * T[prow + j];
    value += f * T[prow + cols];
    basis[p] = q;
  }
  const x = Array.from({ length: n }, (_, i) => Math.max(0, -z[m + i]));
  return { status: 'optimal', x, objective: value, pivots };
}
