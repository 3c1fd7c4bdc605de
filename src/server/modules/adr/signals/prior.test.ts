import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { countRows, expectedCount } from './counts.js';
import { groupPoints } from './points.js';
import { fitPrior, negLogLik, onBoundary, priorKey, screenPoints } from './prior.js';

/**
 * The published example: openEBGM 0.9.1's bundled `caers` data (FDA CAERS 2012 dietary-supplement
 * reports, public; converted from data/caers.rda to fixtures/caers.csv.gz with columns report_id,drug,event)
 * and vignette 3's `autoHyper(processRaw(caers), theta_init, squashed = FALSE)` result:
 *   alpha1 3.25596685, beta1 0.39998994, alpha2 2.02376139, beta2 1.90614108, P 0.06530755, minimum 4162.456.
 */
const PUBLISHED = [3.25596685, 0.39998994, 2.02376139, 1.90614108, 0.06530755];
const theta = (v: number[]) => [Math.log(v[0]), Math.log(v[1]), Math.log(v[2]), Math.log(v[3]), Math.log(v[4] / (1 - v[4]))];

function caersPoints() {
  const text = gunzipSync(readFileSync(new URL('./fixtures/caers.csv.gz', import.meta.url)));
  const recs = parse(text, { columns: true }) as { report_id: string; drug: string; event: string }[];
  const c = countRows(recs.map((r) => ({ reportId: r.report_id, drug: r.drug, event: r.event })));
  const E = Array.from(c.N, (_, i) => expectedCount(c.drugN[c.pairDrug[i]], c.eventN[c.pairEvent[i]], c.reports));
  return { c, pts: groupPoints(c.N, E) };
}

describe('prior fit on openEBGM caers', () => {
  const { c, pts } = caersPoints();

  it('counts as processRaw: 3356 reports, 17189 pairs (the data has 239 duplicate rows)', () => {
    expect(c.reports).toBe(3356);
    expect(c.N.length).toBe(17189);
    expect(c.drugs.length).toBe(2874);
    expect(c.events.length).toBe(1328);
  });

  it('the zero-truncated likelihood equals openEBGM negLL at the published estimate (minimum 4162.456)', () => {
    expect(Math.abs(negLogLik(theta(PUBLISHED), pts) - 4162.456)).toBeLessThan(5e-4);
  });

  it('from openEBGM test suite estimate, converges to the published local maximum to 1e-4', () => {
    // tests/testthat/testEBGM.R: "Theta values from previous run" 3.25280367, 0.39983376, 2.02490400, 1.90726819, 0.06536416
    const h = fitPrior(pts, [[3.25280367, 0.39983376, 2.024904, 1.90726819, 0.06536416]]);
    expect(h.converged).toBe(true);
    const got = [h.alpha1, h.beta1, h.alpha2, h.beta2, h.P];
    got.forEach((v, i) => expect(Math.abs(v - PUBLISHED[i]), `parameter ${i}`).toBeLessThan(1e-4));
    expect(Math.abs(-h.logLik - 4162.456)).toBeLessThan(5e-4);
  });

  it('from the default starts, finds a higher maximum than the published one (checked with scipy)', () => {
    const h = fitPrior(pts);
    expect(h.converged).toBe(true);
    expect(h.starts).toBe(3);
    // scipy.optimize.minimize(BFGS, gtol 1e-9) on the same likelihood written with scipy.stats.nbinom,
    // started here, returned 20.95776864, 1.65775917, 1.73831354, 1.56425864, 0.03493785, −logLik 4162.180837 —
    // 0.275 better than openEBGM's nlminb result, which is a second local maximum (gradient ≈ 0 there too).
    const want = [20.95776864, 1.65775917, 1.73831354, 1.56425864, 0.03493785];
    const got = [h.alpha1, h.beta1, h.alpha2, h.beta2, h.P];
    got.forEach((v, i) => expect(Math.abs(v - want[i]), `parameter ${i}`).toBeLessThan(1e-4));
    expect(h.logLik).toBeCloseTo(-4162.180837, 5);
    expect(h.logLik).toBeGreaterThan(-negLogLik(theta(PUBLISHED), pts));
  });

  it('screening starts on a coarsened copy, then refining on all points, ends at a converged full-data maximum', () => {
    const coarse = screenPoints(pts, 400);
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(sum(coarse.weight)).toBe(sum(pts.weight));
    expect(coarse.n.length).toBeLessThan(500);
    expect(new Set(coarse.n)).toEqual(new Set(pts.n)); // blocks never mix counts
    // Every screened start is refined on all points, so the result is a converged maximum of the full
    // likelihood — but screening can pick the basin: caers has two maxima only 0.275 apart, and on a copy
    // this coarse (400 of 1723 points) all three starts lead to openEBGM's (lower) one. Caers itself is
    // below the default threshold (10 000 points) and is not screened.
    const screened = fitPrior(pts, undefined, 400);
    expect(screened.starts).toBe(3);
    expect(screened.converged).toBe(true);
    expect(Math.abs(-screened.logLik - negLogLik(theta(PUBLISHED), pts))).toBeLessThan(1e-6);
    expect(Math.abs(screened.alpha1 - PUBLISHED[0])).toBeLessThan(1e-4);
  });

  it('the analytic gradient matches central differences', () => {
    const th = [Math.log(3), Math.log(0.5), Math.log(2), Math.log(2), -2];
    const g = new Float64Array(5);
    negLogLik(th, pts, g);
    for (let k = 0; k < 5; k++) {
      const hi = [...th];
      const lo = [...th];
      hi[k] += 1e-6;
      lo[k] -= 1e-6;
      const fd = (negLogLik(hi, pts) - negLogLik(lo, pts)) / 2e-6;
      expect(Math.abs(g[k] - fd), `∂/∂θ${k}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(fd)));
    }
  });
});

describe('priorKey and onBoundary', () => {
  const pts = () => groupPoints([1, 1, 2, 5], [0.5, 0.5, 0.25, 1.5]);
  it('gives equal points the same key and any change of N, E or weight another', () => {
    expect(priorKey(pts())).toBe(priorKey(pts()));
    expect(priorKey(groupPoints([1, 1, 2, 6], [0.5, 0.5, 0.25, 1.5]))).not.toBe(priorKey(pts()));
    expect(priorKey(groupPoints([1, 1, 2, 5], [0.5, 0.5, 0.25, 1.5000000000000002]))).not.toBe(priorKey(pts()));
    // Same distinct points, one pair fewer: the weight differs, so does the key.
    expect(priorKey(groupPoints([1, 2, 5], [0.5, 0.25, 1.5]))).not.toBe(priorKey(pts()));
    // Another set of starts is another fit.
    expect(priorKey(pts(), [[1, 1, 1, 1, 0.5]])).not.toBe(priorKey(pts()));
  });
  it('flags a fit with a shape, rate or P below the limit or a shape or rate at the upper limit, and only that', () => {
    const h = { alpha1: 3, beta1: 0.4, alpha2: 2, beta2: 1.9, P: 0.07, logLik: -1, converged: true, starts: 3 };
    expect(onBoundary(h)).toBe(false);
    expect(onBoundary({ ...h, alpha1: 1e-13 })).toBe(true);
    expect(onBoundary({ ...h, P: 1e-9 })).toBe(true);
    expect(onBoundary({ ...h, beta2: 4.4e18 })).toBe(true);
    expect(onBoundary({ ...h, alpha1: 99.9 })).toBe(false);
    expect(onBoundary({ ...h, alpha1: NaN, beta1: NaN, alpha2: NaN, beta2: NaN, P: NaN })).toBe(false);
  });
});
