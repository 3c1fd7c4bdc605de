/**
 * Groups observed pairs by identical (N, E), so the prior's likelihood and the posterior measures are
 * computed once per distinct point: a point's weight is the number of pairs that share it.
 */
export interface Points {
  n: Float64Array;
  e: Float64Array;
  weight: Float64Array;
  /** For each input pair, the index of its point. */
  pointOf: Int32Array;
}

/** `N` are counts (non-negative integers); points come out ordered by N, then E. */
export function groupPoints(N: ArrayLike<number>, E: ArrayLike<number>): Points {
  const count = N.length;
  // Bucket the pairs by N (counting sort; N are small non-negative integers) ...
  let maxN = 0;
  for (let i = 0; i < count; i++) if (N[i] > maxN) maxN = N[i];
  const start = new Int32Array(maxN + 2);
  for (let i = 0; i < count; i++) start[N[i] + 1]++;
  for (let v = 0; v <= maxN; v++) start[v + 1] += start[v];
  const fill = start.slice(0, maxN + 1);
  const byN = new Int32Array(count);
  for (let i = 0; i < count; i++) byN[fill[N[i]]++] = i;
  // ... then within each bucket sort the E values natively, keep the distinct ones as points (ordered by
  // N, then E) and find each pair's point by binary search.
  const n = new Float64Array(count);
  const e = new Float64Array(count);
  const w = new Float64Array(count);
  const pointOf = new Int32Array(count);
  let m = 0;
  for (let v = 0; v <= maxN; v++) {
    const from = start[v];
    const to = start[v + 1];
    if (from === to) continue;
    const es = new Float64Array(to - from);
    for (let j = from; j < to; j++) es[j - from] = E[byN[j]];
    es.sort();
    const first = m;
    for (let j = 0; j < es.length; j++) {
      if (j > 0 && es[j] === es[j - 1]) continue;
      n[m] = v;
      e[m] = es[j];
      m++;
    }
    for (let j = from; j < to; j++) {
      const i = byN[j];
      const x = E[i];
      let lo = first;
      let hi = m - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (e[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      pointOf[i] = lo;
      w[lo]++;
    }
  }
  return { n: n.slice(0, m), e: e.slice(0, m), weight: w.slice(0, m), pointOf };
}
