import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './collate.js';
import { computeSignals, meetsThresholds, type Hyperparameters, type SignalInputRow } from './compute.js';
import { ebgm, posteriorQuantile, posteriorWeight } from './posterior.js';

const row = (reportId: string, drug: string, event: string): SignalInputRow => ({ reportId, drug, event });

// Six reports; r2's row is repeated and must count once.
//   r1: A–X, A–Y   r2: A–X (twice)   r3: B–X   r4: B–Y   r5: C–Z   r6: A–X, B–X
// N_total = 6; N_A = 3 (r1 r2 r6), N_B = 3 (r3 r4 r6), N_C = 1; N_X = 4 (r1 r2 r3 r6), N_Y = 2, N_Z = 1.
const ROWS = [
  row('r6', 'B', 'X'),
  row('r1', 'A', 'X'),
  row('r1', 'A', 'Y'),
  row('r2', 'A', 'X'),
  row('r2', 'A', 'X'),
  row('r3', 'B', 'X'),
  row('r4', 'B', 'Y'),
  row('r5', 'C', 'Z'),
  row('r6', 'A', 'X'),
];
const HYPER: Hyperparameters = {
  alpha1: 3.25596685,
  beta1: 0.39998994,
  alpha2: 2.02376139,
  beta2: 1.90614108,
  P: 0.06530755,
  logLik: NaN,
  converged: true,
  starts: 3,
};

describe('computeSignals on a hand-computed table', () => {
  const r = computeSignals(ROWS, { hyper: HYPER });
  const get = (d: string, e: string) => r.pairs.find((p) => p.drug === d && p.event === e)!;

  it('one row per observed pair, sorted by drug then event; totals are distinct reports', () => {
    expect(r.pairs.map((p) => `${p.drug}${p.event}`)).toEqual(['AX', 'AY', 'BX', 'BY', 'CZ']);
    expect(r.totals).toEqual({ reports: 6, N_total: 6 });
    expect(r.hyper).toBe(HYPER);
  });

  it('A–X: a=3 b=0 c=1 d=2', () => {
    const p = get('A', 'X');
    expect(p.N).toBe(3);
    expect(p.E).toBe(2); // 3·4/6
    expect(p.PRR).toBeCloseTo(3, 14); // (3/3)/(1/3)
    expect(p.PRR_chi2).toBeCloseTo(0.75, 14); // 6·(|6 − 0| − 3)²/(3·3·4·2) = 54/72
    expect(p.ROR).toBe(Infinity); // 3·2/(0·1)
    expect(p.ROR_lower95).toBeNaN(); // zero cell
    expect(p.IC).toBeCloseTo(0.48542682717024166, 15); // log2(3.5/2.5)
    expect(p.IC025).toBeCloseTo(-1.565016528671676, 13); // scipy gammaincinv(3.5, .025)/2.5, log2
  });

  it('B–X: a=2 b=1 c=2 d=1 (no disproportion)', () => {
    const p = get('B', 'X');
    expect([p.N, p.E, p.PRR, p.PRR_chi2, p.ROR, p.IC]).toEqual([2, 2, 1, 0, 1, 0]); // (2/3)/(2/3); ad − bc = 0; 2/2; log2(2.5/2.5)
    expect(p.ROR_lower95).toBeCloseTo(0.03354869873265656, 15); // exp(−1.959964·√(1/2+1+1/2+1))
    expect(p.IC025).toBeCloseTo(-2.588640378407277, 13);
  });

  it('A–Y and B–Y: a=1 b=2 c=1 d=2', () => {
    for (const p of [get('A', 'Y'), get('B', 'Y')]) {
      expect([p.N, p.E, p.PRR, p.PRR_chi2, p.ROR, p.IC]).toEqual([1, 1, 1, 0, 1, 0]); // E = 3·2/6
      expect(p.ROR_lower95).toBeCloseTo(0.03354869873265656, 15); // √(1+1/2+1+1/2) = √3 again
      expect(p.IC025).toBeCloseTo(-3.7972272683613477, 13);
    }
  });

  it('C–Z: a=1 b=0 c=0 d=5', () => {
    const p = get('C', 'Z');
    expect(p.E).toBeCloseTo(1 / 6, 16); // 1·1/6
    expect(p.PRR).toBe(Infinity); // (1/1)/(0/5)
    expect(p.PRR_chi2).toBeCloseTo(0.96, 15); // 6·(5 − 3)²/(1·5·1·5)
    expect(p.ROR).toBe(Infinity);
    expect(p.ROR_lower95).toBeNaN();
    expect(p.IC).toBeCloseTo(1.1699250014423124, 15); // log2(1.5/(2/3)) = log2 2.25
    expect(p.IC025).toBeCloseTo(-2.627302266919035, 13);
  });

  it('EBGM columns are the posterior of each pair under the given prior', () => {
    for (const p of r.pairs) {
      const q = posteriorWeight(HYPER, p.N, p.E);
      expect(p.EBGM).toBe(ebgm(HYPER, p.N, p.E, q));
      expect(p.EB05).toBe(posteriorQuantile(0.05, HYPER, p.N, p.E, q));
      expect(p.EB95).toBe(posteriorQuantile(0.95, HYPER, p.N, p.E, q));
      expect(p.EB05).toBeLessThan(p.EBGM);
      expect(p.EB95).toBeGreaterThan(p.EBGM);
    }
  });

  it('fits the prior itself when none is given, and handles no rows', () => {
    const fitted = computeSignals(ROWS);
    expect(fitted.hyper.logLik).toBeLessThan(0);
    expect(fitted.pairs.map((p) => p.N)).toEqual(r.pairs.map((p) => p.N));
    const empty = computeSignals([]);
    expect(empty.pairs).toEqual([]);
    expect(empty.totals.reports).toBe(0);
    expect(empty.hyper.converged).toBe(false);
    expect(empty.hyper.starts).toBe(0);
  });

  it('thresholds: every bound set must hold, NaN never does', () => {
    const ax = get('A', 'X');
    expect(meetsThresholds(ax, { minN: 3, minPRR: 2 })).toBe(true);
    expect(meetsThresholds(ax, { minN: 4 })).toBe(false);
    expect(meetsThresholds(ax, { minROR_lower95: 0 })).toBe(false);
    expect(meetsThresholds(ax, {})).toBe(true);
  });
});

describe('code-point collation', () => {
  it('sorts astral characters after U+E000–U+FFFF, unlike UTF-16 order', () => {
    const names = ['\u{1F600}', '\uFF21', 'b', 'a', 'ab', '阿司匹林', ''];
    expect([...names].sort(compareCodePoints)).toEqual(['', 'a', 'ab', 'b', '阿司匹林', '\uFF21', '\u{1F600}']);
    expect(['\u{1F600}', '\uFF21'].sort()).toEqual(['\u{1F600}', '\uFF21']); // the default would not
  });
});
