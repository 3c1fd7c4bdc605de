import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  SIGNAL_MEASURES,
  signalRuleText,
  type AdrSettings,
  type AdrSignalRow,
  type AdrSignals,
  type adrSignalsQuery,
} from '../../../../contracts/adr.js';
import { isoTimestamp } from '../../../../contracts/calendar.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { periodAreaWhere, settingsFor } from '../queries.js';
import { priorFor } from '../signal-priors.js';
import { countedFrom, countsFromTotals, meetsThresholds, onBoundary, signalsWith, type SignalRow } from '../signals/compute.js';

type Query = z.output<typeof adrSignalsQuery>;

/** Whether a pair is a signal under the area's rule (settings; defaults ADR_SIGNAL_RULE). */
function isSignal(row: SignalRow, s: AdrSettings): boolean {
  return (
    meetsThresholds(row, { minN: s.signalMinN }) &&
    (meetsThresholds(row, { minPRR: s.signalMinPrr, minPRR_chi2: s.signalMinChi2 }) ||
      row.IC025 > s.signalMinIc025 ||
      meetsThresholds(row, { minEB05: s.signalMinEb05 }))
  );
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);
const kind = (v: number) => (Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity');

/**
 * Disproportionality of every drug–reaction pair among the reports the caller may see in a period
 * (report date): distinct (report, suspected drug's generic name, reaction term) read in SQL, measures
 * computed here over the whole area (the drug and reaction filters narrow the rows shown, not the
 * background). The counts are made afresh in the database on each request; the EBGM prior is fitted once per distinct
 * set of counts and then read back (signal-priors.ts), so an unchanged period never refits.
 */
export async function getSignals(ctx: Ctx, q: Query): Promise<AdrSignals> {
  const cond = await periodAreaWhere(ctx.db, ctx.actor, q);
  // Distinct (report, drug, reaction) once, then counted in the database: one row per pair, drug and
  // reaction (not one per report row), as counts.ts countRows would count them.
  const counts = await rows<{ k: 'p' | 'd' | 'e' | 't'; drug: string | null; event: string | null; n: number }>(
    ctx.db,
    sql`with t as materialized (
          select distinct r.id as report_id, d.generic_name as drug, e.term as event
          from adr_reports r join adr_report_drugs d on d.report_id = r.id join adr_reactions e on e.report_id = r.id
          where ${cond})
        select 'p' as k, drug, event, count(*)::int as n from t group by drug, event
        union all select 'd', drug, null, count(distinct report_id)::int from t group by drug
        union all select 'e', null, event, count(distinct report_id)::int from t group by event
        union all select 't', null, null, count(distinct report_id)::int from t`,
  );
  const of = (k: string) => counts.filter((c) => c.k === k);
  const counted = countedFrom(
    countsFromTotals(
      of('p') as { drug: string; event: string; n: number }[],
      of('d') as { drug: string; n: number }[],
      of('e') as { event: string; n: number }[],
      of('t')[0]?.n ?? 0,
    ),
  );
  const prior = await priorFor(ctx.db, counted);
  const result = signalsWith(counted, prior.hyper);
  // The thresholds in force for the area analysed (nearest settings at or above it); `minN` in the query replaces N's.
  const base = await settingsFor(ctx.db, q.jurisdictionId ?? ctx.actor.jurisdictionId);
  const settings = q.minN === undefined ? base : { ...base, signalMinN: q.minN };
  const all = result.pairs.map((p) => ({ row: p, signal: isSignal(p, settings) }));
  const drug = q.drug?.toLowerCase();
  const event = q.event?.toLowerCase();
  const shown = all.filter(
    (p) =>
      (!drug || p.row.drug.toLowerCase().includes(drug)) &&
      (!event || p.row.event.toLowerCase().includes(event)) &&
      (q.minN === undefined || p.row.N >= q.minN) &&
      (q.onlySignals !== 'true' || p.signal),
  );
  const key = q.sort;
  // Descending by the chosen measure, NaN last; ties by N, then the compute order (drug, reaction).
  const val = (r: SignalRow) => (Number.isNaN(r[key]) ? -Infinity : r[key]);
  shown.sort((a, b) => val(b.row) - val(a.row) || b.row.N - a.row.N || 0);
  const page = shown.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const h = result.hyper;
  return {
    items: page.map(({ row, signal }) => present(row, signal)),
    total: shown.length,
    page: q.page,
    pageSize: q.pageSize,
    hyper: {
      alpha1: finite(h.alpha1),
      beta1: finite(h.beta1),
      alpha2: finite(h.alpha2),
      beta2: finite(h.beta2),
      P: finite(h.P),
      logLik: finite(h.logLik),
      converged: h.converged,
      starts: h.starts,
      fittedAt: isoTimestamp(prior.fittedAt),
      reused: prior.reused,
      fitMs: prior.fitMs,
      boundary: onBoundary(h),
    },
    totals: { reports: result.totals.reports, pairs: result.pairs.length, signals: all.filter((p) => p.signal).length },
    rule: signalRuleText(settings),
  };
}

function present(r: SignalRow, signal: boolean): AdrSignalRow {
  const nonFinite: AdrSignalRow['nonFinite'] = {};
  const out = { drug: r.drug, event: r.event, N: r.N } as AdrSignalRow;
  for (const m of SIGNAL_MEASURES) {
    out[m] = finite(r[m]);
    if (out[m] === null) nonFinite[m] = kind(r[m]);
  }
  return { ...out, nonFinite, signal };
}
