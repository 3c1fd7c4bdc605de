import { ADR_FUNNEL_FORMULA, type AdrFunnel } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { getTargets } from './get-targets.js';

const Z = 1.959964;
const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Funnel plot of the year's drug reports per million by county (the targets' counts and populations):
 * 95% limits around the area's overall rate by the Poisson normal approximation (ADR_FUNNEL_FORMULA).
 */
export async function getFunnel(ctx: Ctx, year: number): Promise<AdrFunnel> {
  const t = await getTargets(ctx, year);
  const known = t.rows.filter((r) => r.population);
  const pop = known.reduce((s, r) => s + (r.population ?? 0), 0);
  const p = pop ? known.reduce((s, r) => s + r.drugReports, 0) / pop : null;
  const limit = (n: number) => {
    const half = Z * Math.sqrt(p! / n);
    return { lower: round1(Math.max(0, p! - half) * 1e6), upper: round1((p! + half) * 1e6) };
  };
  const points = t.rows.map((r) => {
    const perMillion = r.population ? round1((r.drugReports / r.population) * 1e6) : null;
    const lim = p !== null && r.population ? limit(r.population) : null;
    return {
      countyId: r.countyId,
      countyName: r.countyName,
      population: r.population,
      reports: r.drugReports,
      perMillion,
      lower: lim?.lower ?? null,
      upper: lim?.upper ?? null,
      outside: lim && perMillion !== null ? (perMillion > lim.upper ? 'high' : perMillion < lim.lower ? 'low' : null) : null,
    } as const;
  });
  const pops = known.map((r) => r.population!);
  const limits: AdrFunnel['limits'] = [];
  if (p !== null && p > 0 && pops.length) {
    const lo = Math.max(1000, Math.min(...pops) / 2);
    const hi = Math.max(...pops) * 1.5;
    for (let i = 0; i <= 40; i++) {
      const n = Math.round(lo * Math.pow(hi / lo, i / 40));
      limits.push({ population: n, ...limit(n) });
    }
  }
  return { year, overallPerMillion: p === null ? null : round1(p * 1e6), formula: ADR_FUNNEL_FORMULA, points, limits };
}
