import os from 'node:os';
import { computeSignals, type SignalInputRow } from '../../src/server/modules/adr/signals/compute.js';
import { countCoded, expectedCount } from '../../src/server/modules/adr/signals/counts.js';
import { ic, ic025 } from '../../src/server/modules/adr/signals/ic.js';
import { groupPoints } from '../../src/server/modules/adr/signals/points.js';
import { ebgm, posteriorQuantile, posteriorWeight } from '../../src/server/modules/adr/signals/posterior.js';
import { fitPrior, priorKey } from '../../src/server/modules/adr/signals/prior.js';
import { prr, prrChi2 } from '../../src/server/modules/adr/signals/prr.js';
import { ror, rorLower95 } from '../../src/server/modules/adr/signals/ror.js';
import type { BenchSuite } from '../lib.js';

/**
 * Adverse-reaction signal detection (pure computation, no database): a seeded set of spontaneous
 * reports — Zipf-skewed drug and event popularity, 1–5 drugs and 1–6 events a report, each drug with a
 * few events it really causes — then counting, every measure and the EBGM prior fit, timed by phase
 * on integer codes, and end to end through computeSignals on string rows.
 */
const suite: BenchSuite = {
  name: 'adr-signals',
  async run(env) {
    const reports = env.scale === 'province' ? 1_000_000 : 50_000;
    const load = () => `load ${os.loadavg()[0].toFixed(1)}`;
    let t = performance.now();
    const data = generate(reports, env.seed);
    env.figure(`generate ${reports} reports`, performance.now() - t, 'ms', `${data.length} rows`);

    // Each phase: wall time as the figure, CPU time of this process (user + system) in the note —
    // less sensitive than wall time to other work on a shared machine.
    let wallTotal = 0;
    let cpuTotal = 0;
    const phase = <T>(name: string, fn: () => T, note?: (value: T) => string): T => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const value = fn();
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const cpu = (c.user + c.system) / 1000;
      wallTotal += wall;
      cpuTotal += cpu;
      env.figure(name, wall, 'ms', `cpu ${cpu.toFixed(0)} ms${note ? ', ' + note(value) : ''}`);
      return value;
    };

    const c = phase(
      'count distinct reports (coded)',
      () => countCoded(data.report, data.drug, data.event, data.length, reports, data.nDrugs, data.nEvents),
      (v) => `${v.N.length} pairs, ${v.reports} reports`,
    );
    const pairs = c.N.length;
    const E = new Float64Array(pairs);
    let sink = 0;
    phase('E, PRR, χ², ROR, ROR_lower95 (every pair)', () => {
      for (let i = 0; i < pairs; i++) {
        const a = c.N[i];
        const nd = c.drugN[c.pairDrug[i]];
        const ne = c.eventN[c.pairEvent[i]];
        E[i] = expectedCount(nd, ne, c.reports);
        const b = nd - a;
        const cc = ne - a;
        const d = c.reports - nd - ne + a;
        sink += prr(a, b, cc, d) + prrChi2(a, b, cc, d) + ror(a, b, cc, d) + rorLower95(a, b, cc, d);
      }
    });
    const pts = phase(
      'group pairs by distinct (N, E)',
      () => groupPoints(c.N, E),
      (v) => `${v.n.length} points`,
    );
    const hyper = phase(
      'prior fit (3 starts, BFGS)',
      () => fitPrior(pts),
      (h) => `logLik ${h.logLik.toFixed(1)}, ${h.starts}/3 converged, ${load()}`,
    );
    // What a request with unchanged counts pays instead of the fit: the key of the stored prior.
    phase(
      'prior key (SHA-256 of the points; a stored fit is reused by it)',
      () => priorKey(pts),
      (k) => k.slice(0, 12),
    );
    phase('IC, IC025, EBGM, EB05, EB95 (every point)', () => {
      for (let k = 0; k < pts.n.length; k++) {
        const N = pts.n[k];
        const e = pts.e[k];
        const qn = posteriorWeight(hyper, N, e);
        sink +=
          ic(N, e) +
          ic025(N, e) +
          ebgm(hyper, N, e, qn) +
          posteriorQuantile(0.05, hyper, N, e, qn) +
          posteriorQuantile(0.95, hyper, N, e, qn);
      }
    });
    env.figure('total on codes (count + measures + fit)', wallTotal, 'ms', `cpu ${cpuTotal.toFixed(0)} ms, ${load()}`);
    if (sink === 0.5) console.log(sink); // keeps the loops from being optimised away

    // End to end on string rows, as the CLI and the module call it.
    const reportIds = Array.from({ length: reports }, (_, i) => `R${i}`);
    const drugNames = Array.from({ length: data.nDrugs }, (_, i) => `药品${i}`);
    const eventNames = Array.from({ length: data.nEvents }, (_, i) => `事件${i}`);
    function* rows(): Generator<SignalInputRow> {
      for (let i = 0; i < data.length; i++)
        yield { reportId: reportIds[data.report[i]], drug: drugNames[data.drug[i]], event: eventNames[data.event[i]] };
    }
    const cpu1 = process.cpuUsage();
    t = performance.now();
    const r = computeSignals(rows());
    const cpuEnd = process.cpuUsage(cpu1);
    const cpuMs = (cpuEnd.user + cpuEnd.system) / 1000;
    env.figure(
      'computeSignals end to end (string rows)',
      performance.now() - t,
      'ms',
      `cpu ${cpuMs.toFixed(0)} ms, ${r.pairs.length} pairs, ${load()}`,
    );
  },
};
export default suite;

export function generate(reports: number, seed: number) {
  let s = seed >>> 0 || 1;
  const rand = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const nDrugs = 1600;
  const nEvents = 1000;
  const zipf = (n: number, exponent: number) => {
    const cdf = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) cdf[i] = acc += 1 / Math.pow(i + 1, exponent);
    for (let i = 0; i < n; i++) cdf[i] /= acc;
    return () => {
      const u = rand();
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
  };
  const drugOf = zipf(nDrugs, 1.3);
  const eventOf = zipf(nEvents, 1.2);
  // Each drug's own adverse reactions: 3 events, reported with 40 % of its events.
  const own = new Int32Array(nDrugs * 3);
  for (let i = 0; i < own.length; i++) own[i] = eventOf();
  let cap = reports * 4;
  let report = new Int32Array(cap);
  let drug = new Int32Array(cap);
  let event = new Int32Array(cap);
  let length = 0;
  const ds: number[] = [];
  for (let r = 0; r < reports; r++) {
    ds.length = 0;
    const nd = 1 + Math.min(4, Math.floor(-Math.log(1 - rand()) * 0.6));
    for (let k = 0; k < nd; k++) ds.push(drugOf());
    const ne = 1 + Math.min(5, Math.floor(-Math.log(1 - rand()) * 1.2));
    for (let k = 0; k < ne; k++) {
      const e = rand() < 0.4 ? own[ds[0] * 3 + Math.floor(rand() * 3)] : eventOf();
      for (const d of ds) {
        if (length === cap) {
          cap *= 2;
          const grow = (a: Int32Array) => {
            const b = new Int32Array(cap);
            b.set(a);
            return b;
          };
          report = grow(report);
          drug = grow(drug);
          event = grow(event);
        }
        report[length] = r;
        drug[length] = d;
        event[length] = e;
        length++;
      }
    }
  }
  return { report, drug, event, length, nDrugs, nEvents };
}
