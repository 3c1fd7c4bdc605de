/**
 * Counting distinct reports, as openEBGM's `processRaw` does: for each observed (drug, event) pair
 * N = number of distinct reports that name both; N_drug and N_event = distinct reports naming the drug
 * (the event) at all; N_total = distinct reports overall. A (report, drug, event) row repeated counts once.
 * Works on integer codes in typed arrays; `countRows` interns the strings first.
 */

export interface CodedCounts {
  /** Per observed pair (in order of first appearance): drug code, event code, N. */
  pairDrug: Int32Array;
  pairEvent: Int32Array;
  N: Int32Array;
  /** Per drug code / event code: distinct reports naming it. */
  drugN: Int32Array;
  eventN: Int32Array;
  /** Distinct reports (N_total). */
  reports: number;
}

export interface PairCounts extends CodedCounts {
  /** Names by code. */
  drugs: string[];
  events: string[];
}

/** Dense lookup of pair codes while drugs × events fits in this many cells (64 MiB). */
const DENSE_LIMIT = 1 << 24;

/**
 * Counts from rows given as codes: rows `i < length` are (report[i], drug[i], event[i]); codes are
 * 0-based and below nReports / nDrugs / nEvents.
 */
export function countCoded(
  report: Int32Array,
  drug: Int32Array,
  event: Int32Array,
  length: number,
  nReports: number,
  nDrugs: number,
  nEvents: number,
): CodedCounts {
  // Group rows by report (counting sort), so "already counted on this report" is a stamp comparison.
  const start = new Int32Array(nReports + 1);
  for (let i = 0; i < length; i++) start[report[i] + 1]++;
  for (let r = 0; r < nReports; r++) start[r + 1] += start[r];
  const fill = start.slice(0, nReports);
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[fill[report[i]]++] = i;

  const drugN = new Int32Array(nDrugs);
  const eventN = new Int32Array(nEvents);
  const drugStamp = new Int32Array(nDrugs);
  const eventStamp = new Int32Array(nEvents);
  const dense = nDrugs * nEvents <= DENSE_LIMIT ? new Int32Array(nDrugs * nEvents).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  let cap = 1024;
  let pairDrug = new Int32Array(cap);
  let pairEvent = new Int32Array(cap);
  let N = new Int32Array(cap);
  let pairStamp = new Int32Array(cap);
  let pairs = 0;
  let reports = 0;

  for (let r = 0; r < nReports; r++) {
    const from = start[r];
    const to = start[r + 1];
    if (from === to) continue;
    reports++;
    const stamp = r + 1;
    for (let j = from; j < to; j++) {
      const i = order[j];
      const d = drug[i];
      const e = event[i];
      if (drugStamp[d] !== stamp) {
        drugStamp[d] = stamp;
        drugN[d]++;
      }
      if (eventStamp[e] !== stamp) {
        eventStamp[e] = stamp;
        eventN[e]++;
      }
      const key = d * nEvents + e;
      let p = dense ? dense[key] : (sparse!.get(key) ?? -1);
      if (p < 0) {
        if (pairs === cap) {
          cap *= 2;
          pairDrug = grow(pairDrug, cap);
          pairEvent = grow(pairEvent, cap);
          N = grow(N, cap);
          pairStamp = grow(pairStamp, cap);
        }
        p = pairs++;
        if (dense) dense[key] = p;
        else sparse!.set(key, p);
        pairDrug[p] = d;
        pairEvent[p] = e;
      }
      if (pairStamp[p] !== stamp) {
        pairStamp[p] = stamp;
        N[p]++;
      }
    }
  }
  return { pairDrug: pairDrug.slice(0, pairs), pairEvent: pairEvent.slice(0, pairs), N: N.slice(0, pairs), drugN, eventN, reports };
}

function grow(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** Interns (reportId, drug, event) strings to codes, then counts. Strings are compared exactly (no trimming or case folding). */
export function countRows(rows: Iterable<{ reportId: string; drug: string; event: string }>): PairCounts {
  const reportCode = new Map<string, number>();
  const drugCode = new Map<string, number>();
  const eventCode = new Map<string, number>();
  const drugs: string[] = [];
  const events: string[] = [];
  let cap = 1024;
  let rep = new Int32Array(cap);
  let drg = new Int32Array(cap);
  let evt = new Int32Array(cap);
  let length = 0;
  for (const row of rows) {
    if (length === cap) {
      cap *= 2;
      rep = grow(rep, cap);
      drg = grow(drg, cap);
      evt = grow(evt, cap);
    }
    let r = reportCode.get(row.reportId);
    if (r === undefined) reportCode.set(row.reportId, (r = reportCode.size));
    let d = drugCode.get(row.drug);
    if (d === undefined) {
      drugCode.set(row.drug, (d = drugs.length));
      drugs.push(row.drug);
    }
    let e = eventCode.get(row.event);
    if (e === undefined) {
      eventCode.set(row.event, (e = events.length));
      events.push(row.event);
    }
    rep[length] = r;
    drg[length] = d;
    evt[length] = e;
    length++;
  }
  const counts = countCoded(rep, drg, evt, length, reportCode.size, drugs.length, events.length);
  return { ...counts, drugs, events };
}

/** Expected count E = N_drug · N_event / N_total. */
export function expectedCount(drugN: number, eventN: number, total: number): number {
  return (drugN * eventN) / total;
}
