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
  // Pair index by key d·nEvents + e: a direct array when the key space is small next to the rows
  // (a few bytes per row), else an open-addressing hash table.
  const keys = nDrugs * nEvents;
  const table: PairIndex =
    keys <= DIRECT_MIN || keys <= DIRECT_PER_ROW * length ? new DirectIndex(keys) : new PairTable(Math.max(16, length >> 2));
  let cap = 1024;
  let pairDrug: Int32Array = new Int32Array(cap);
  let pairEvent: Int32Array = new Int32Array(cap);
  let N: Int32Array = new Int32Array(cap);
  let pairStamp: Int32Array = new Int32Array(cap);
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
      let p = table.get(key);
      if (p < 0) {
        if (pairs === cap) {
          cap *= 2;
          pairDrug = grow(pairDrug, cap);
          pairEvent = grow(pairEvent, cap);
          N = grow(N, cap);
          pairStamp = grow(pairStamp, cap);
        }
        p = pairs++;
        table.set(key, p);
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

interface PairIndex {
  get(key: number): number;
  set(key: number, value: number): void;
}

/** Key spaces up to this size, or up to DIRECT_PER_ROW entries a row, use a direct array. */
const DIRECT_MIN = 1 << 20;
const DIRECT_PER_ROW = 4;

/** Pair index as a flat array over every key (−1 = not seen). */
class DirectIndex implements PairIndex {
  private values: Int32Array;
  constructor(size: number) {
    this.values = new Int32Array(size).fill(-1);
  }
  get(key: number): number {
    return this.values[key];
  }
  set(key: number, value: number): void {
    this.values[key] = value;
  }
}

/**
 * Open-addressing hash table (linear probing) from a pair key d·nEvents + e (an integer below 2^53)
 * to its pair index; several times faster than a Map with number keys at millions of lookups.
 */
class PairTable implements PairIndex {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  private size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(-1);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
    h ^= h >>> 15;
    return h & this.mask;
  }

  get(key: number): number {
    for (let i = this.slot(key); ; i = (i + 1) & this.mask) {
      const k = this.keys[i];
      if (k === key) return this.values[i];
      if (k === -1) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.rehash();
    let i = this.slot(key);
    while (this.keys[i] !== -1) i = (i + 1) & this.mask;
    this.keys[i] = key;
    this.values[i] = value;
    this.size++;
  }

  private rehash(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.set(keys[i], values[i]);
  }
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
  let rep: Int32Array = new Int32Array(cap);
  let drg: Int32Array = new Int32Array(cap);
  let evt: Int32Array = new Int32Array(cap);
  let length = 0;
  let lastId: string | undefined;
  let r = 0;
  for (const row of rows) {
    if (length === cap) {
      cap *= 2;
      rep = grow(rep, cap);
      drg = grow(drg, cap);
      evt = grow(evt, cap);
    }
    // Rows usually come grouped by report: the previous row's report needs no lookup.
    if (row.reportId !== lastId) {
      lastId = row.reportId;
      let code = reportCode.get(lastId);
      if (code === undefined) reportCode.set(lastId, (code = reportCode.size));
      r = code;
    }
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

/**
 * The same counts when they were already made elsewhere (a database's `count(distinct …)`): N per
 * observed pair, distinct reports per drug and per event, distinct reports overall. Every drug and event
 * of a pair must have its count; a drug or event with no pair is ignored.
 */
export function countsFromTotals(
  pairs: readonly { drug: string; event: string; n: number }[],
  drugTotals: readonly { drug: string; n: number }[],
  eventTotals: readonly { event: string; n: number }[],
  reports: number,
): PairCounts {
  const drugCode = new Map<string, number>();
  const eventCode = new Map<string, number>();
  const drugs: string[] = [];
  const events: string[] = [];
  const pairDrug = new Int32Array(pairs.length);
  const pairEvent = new Int32Array(pairs.length);
  const N = new Int32Array(pairs.length);
  pairs.forEach((p, i) => {
    let d = drugCode.get(p.drug);
    if (d === undefined) drugCode.set(p.drug, (d = drugs.push(p.drug) - 1));
    let e = eventCode.get(p.event);
    if (e === undefined) eventCode.set(p.event, (e = events.push(p.event) - 1));
    pairDrug[i] = d;
    pairEvent[i] = e;
    N[i] = p.n;
  });
  const drugN = new Int32Array(drugs.length).fill(-1);
  const eventN = new Int32Array(events.length).fill(-1);
  for (const t of drugTotals) {
    const d = drugCode.get(t.drug);
    if (d !== undefined) drugN[d] = t.n;
  }
  for (const t of eventTotals) {
    const e = eventCode.get(t.event);
    if (e !== undefined) eventN[e] = t.n;
  }
  const missing = [...drugN.keys()].find((d) => drugN[d] < 0) ?? -1;
  if (missing >= 0) throw new Error(`countsFromTotals: no total for drug ${drugs[missing]}`);
  const missingEvent = [...eventN.keys()].find((e) => eventN[e] < 0) ?? -1;
  if (missingEvent >= 0) throw new Error(`countsFromTotals: no total for event ${events[missingEvent]}`);
  return { pairDrug, pairEvent, N, drugN, eventN, reports, drugs, events };
}

/** Expected count E = N_drug · N_event / N_total. */
export function expectedCount(drugN: number, eventN: number, total: number): number {
  return (drugN * eventN) / total;
}
