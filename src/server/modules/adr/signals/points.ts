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

export function groupPoints(N: ArrayLike<number>, E: ArrayLike<number>): Points {
  const count = N.length;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((i, j) => N[i] - N[j] || E[i] - E[j]);
  const n: number[] = [];
  const e: number[] = [];
  const w: number[] = [];
  const pointOf = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const i = order[k];
    const last = n.length - 1;
    if (last >= 0 && n[last] === N[i] && e[last] === E[i]) w[last]++;
    else {
      n.push(N[i]);
      e.push(E[i]);
      w.push(1);
    }
    pointOf[i] = n.length - 1;
  }
  return { n: Float64Array.from(n), e: Float64Array.from(e), weight: Float64Array.from(w), pointOf };
}
