import { compareCodePoints } from './collate.js';
import { countRows, expectedCount, type PairCounts } from './counts.js';
import { ic, ic025 } from './ic.js';
import { groupPoints, type Points } from './points.js';
import { ebgm, posteriorQuantile, posteriorWeight } from './posterior.js';
import { fitPrior, type Hyperparameters } from './prior.js';
import { prr, prrChi2 } from './prr.js';
import { ror, rorLower95 } from './ror.js';

export type { Hyperparameters } from './prior.js';
export { countCoded, countRows, countsFromTotals, expectedCount } from './counts.js';
export { prr, prrChi2 } from './prr.js';
export { ror, rorLower95, Z975 } from './ror.js';
export { ic, ic025 } from './ic.js';
export { fitPrior, negLogLik, onBoundary, priorKey, START_GRID, PARAM_LIMIT } from './prior.js';
export { ebgm, posteriorQuantile, posteriorWeight } from './posterior.js';
export { gammaP, gammaQuantile, mixtureQuantile, digamma, lnGamma } from './gamma.js';
export { groupPoints } from './points.js';
export { compareCodePoints } from './collate.js';

/**
 * Disproportionality signals for every observed drug–event pair of a set of spontaneous reports:
 * counts of distinct reports, PRR (+ Yates χ²), ROR (+ Woolf lower bound), IC (+ IC025) and
 * DuMouchel's EBGM (+ EB05/EB95) with a gamma-mixture prior fitted to these counts (or given).
 * Formulas and conventions: docs/adr-signals.md.
 */

export interface SignalInputRow {
  reportId: string;
  drug: string;
  event: string;
}

/** Rule for flagging a pair; every bound given must hold (unset ones are ignored). */
export interface SignalThresholds {
  minN?: number;
  minPRR?: number;
  minPRR_chi2?: number;
  minROR_lower95?: number;
  minIC025?: number;
  minEB05?: number;
}

export interface SignalRow {
  drug: string;
  event: string;
  N: number;
  E: number;
  PRR: number;
  PRR_chi2: number;
  ROR: number;
  ROR_lower95: number;
  IC: number;
  IC025: number;
  EBGM: number;
  EB05: number;
  EB95: number;
}

export interface SignalResult {
  /** One row per observed pair, sorted by drug then event in code-point order. */
  pairs: SignalRow[];
  hyper: Hyperparameters;
  totals: { reports: number; N_total: number };
}

export function computeSignals(rows: Iterable<SignalInputRow>, opts?: { hyper?: Hyperparameters }): SignalResult {
  const counted = countSignals(rows);
  return signalsWith(counted, opts?.hyper ?? fitFor(counted));
}

/** Counts, expected counts and distinct points of a set of rows: what the prior is fitted to. */
export interface CountedSignals {
  counts: PairCounts;
  E: Float64Array;
  pts: Points;
}

export function countSignals(rows: Iterable<SignalInputRow>): CountedSignals {
  return countedFrom(countRows(rows));
}

/** The same from counts made elsewhere (countRows, or countsFromTotals over a database's counts). */
export function countedFrom(c: PairCounts): CountedSignals {
  const E = new Float64Array(c.N.length);
  for (let i = 0; i < c.N.length; i++) E[i] = expectedCount(c.drugN[c.pairDrug[i]], c.eventN[c.pairEvent[i]], c.reports);
  return { counts: c, E, pts: groupPoints(c.N, E) };
}

/** The prior fitted to counted rows (no pairs: the empty fit, every value NaN). */
export function fitFor(counted: CountedSignals): Hyperparameters {
  return counted.counts.N.length ? fitPrior(counted.pts) : fitPrior(counted.pts, []);
}

/** Every measure of every pair, given the prior (fitted by fitFor, or the same fit stored earlier). */
export function signalsWith(counted: CountedSignals, hyper: Hyperparameters): SignalResult {
  const { counts: c, E, pts } = counted;
  const total = c.reports;
  // Measures that depend on (N, E) only, once per distinct point.
  const m = pts.n.length;
  const icv = new Float64Array(m);
  const ic25 = new Float64Array(m);
  const gm = new Float64Array(m);
  const q05 = new Float64Array(m);
  const q95 = new Float64Array(m);
  const fitted = Number.isFinite(hyper.P);
  for (let k = 0; k < m; k++) {
    const N = pts.n[k];
    const e = pts.e[k];
    icv[k] = ic(N, e);
    ic25[k] = ic025(N, e);
    if (fitted) {
      const qn = posteriorWeight(hyper, N, e);
      gm[k] = ebgm(hyper, N, e, qn);
      q05[k] = posteriorQuantile(0.05, hyper, N, e, qn);
      q95[k] = posteriorQuantile(0.95, hyper, N, e, qn);
    } else {
      gm[k] = q05[k] = q95[k] = NaN;
    }
  }

  const drugRank = ranks(c.drugs);
  const eventRank = ranks(c.events);
  // Order by (drug rank, event rank): a counting sort by event, then a stable one by drug.
  const byEvent = countingSort(
    Int32Array.from(c.pairEvent, (e) => eventRank[e]),
    c.events.length,
    null,
  );
  const order = countingSort(
    Int32Array.from(c.pairDrug, (d) => drugRank[d]),
    c.drugs.length,
    byEvent,
  );
  const pairs = Array.from(order, (i): SignalRow => {
    const a = c.N[i];
    const nd = c.drugN[c.pairDrug[i]];
    const ne = c.eventN[c.pairEvent[i]];
    const b = nd - a;
    const cc = ne - a;
    const d = total - nd - ne + a;
    const k = pts.pointOf[i];
    return {
      drug: c.drugs[c.pairDrug[i]],
      event: c.events[c.pairEvent[i]],
      N: a,
      E: E[i],
      PRR: prr(a, b, cc, d),
      PRR_chi2: prrChi2(a, b, cc, d),
      ROR: ror(a, b, cc, d),
      ROR_lower95: rorLower95(a, b, cc, d),
      IC: icv[k],
      IC025: ic25[k],
      EBGM: gm[k],
      EB05: q05[k],
      EB95: q95[k],
    };
  });
  return { pairs, hyper, totals: { reports: total, N_total: total } };
}

/** Whether a pair meets every bound set in `t` (NaN never meets a bound). */
export function meetsThresholds(row: SignalRow, t: SignalThresholds): boolean {
  const ok = (v: number, min: number | undefined) => min === undefined || v >= min;
  return (
    ok(row.N, t.minN) &&
    ok(row.PRR, t.minPRR) &&
    ok(row.PRR_chi2, t.minPRR_chi2) &&
    ok(row.ROR_lower95, t.minROR_lower95) &&
    ok(row.IC025, t.minIC025) &&
    ok(row.EB05, t.minEB05)
  );
}

function ranks(names: string[]): Int32Array {
  const order = names.map((_, i) => i).sort((i, j) => compareCodePoints(names[i], names[j]));
  const rank = new Int32Array(names.length);
  order.forEach((code, r) => (rank[code] = r));
  return rank;
}

/** Indices 0…key.length−1 (or `within`, in its order) stably sorted by key ∈ [0, size). */
function countingSort(key: Int32Array, size: number, within: Int32Array | null): Int32Array {
  const start = new Int32Array(size + 1);
  for (let i = 0; i < key.length; i++) start[key[i] + 1]++;
  for (let k = 0; k < size; k++) start[k + 1] += start[k];
  const out = new Int32Array(key.length);
  for (let j = 0; j < key.length; j++) {
    const i = within ? within[j] : j;
    out[start[key[i]]++] = i;
  }
  return out;
}
