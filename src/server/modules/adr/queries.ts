import { sql, type SQL } from 'drizzle-orm';
import { ADR_DEFAULT_SETTINGS, type AdrReportInput, type AdrSettings } from '../../../contracts/adr.js';
import { shanghaiToday } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { inSubtree, pathInScope, scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** A bound int[] / text[] parameter (drizzle expands plain JS arrays into lists). */
export const intArray = (xs: readonly number[]) => sql`${`{${xs.map(Number).join(',')}}`}::int[]`;
export const textArray = (xs: readonly string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(xs)}::jsonb))`;

/** Levels a report may belong to: a county or a place inside one. */
const REPORT_LEVELS = ['county', 'station', 'township', 'village'];

export interface Place {
  jurisdictionId: number;
  countyId: number;
  path: string;
}

/** The county above (or at) a jurisdiction, or null above county level. */
export async function placeOfJurisdiction(db: DbOrTx, jurisdictionId: number): Promise<(Place & { level: string }) | null> {
  const [j] = await rows<{ id: number; path: string; level: string; county_id: number | null }>(
    db,
    sql`select j.id, j.path, j.level,
          (select c.id from jurisdictions c where c.level = 'county' and j.path like c.path || '%' limit 1) as county_id
        from jurisdictions j where j.id = ${jurisdictionId}`,
  );
  if (!j) return null;
  return { jurisdictionId: j.id, path: j.path, level: j.level, countyId: j.county_id ?? 0 };
}

/**
 * Where a report belongs: the given jurisdiction, else the matched unit's, else the caller's — inside
 * the caller's area and at county level or below (400 otherwise).
 */
export async function reportPlace(db: DbOrTx, actor: Actor, jurisdictionId: number | null | undefined): Promise<Place> {
  const p = await placeOfJurisdiction(db, jurisdictionId ?? actor.jurisdictionId);
  if (!p || !pathInScope(actor, p.path))
    throw invalid('所属辖区不存在或不在本人辖区内', [{ path: 'jurisdictionId', message: '不在本人辖区内' }]);
  if (!REPORT_LEVELS.includes(p.level) || !p.countyId)
    throw invalid('不良反应报告须归属县（区）或以下辖区，请选择所属辖区', [
      { path: 'jurisdictionId', message: '请选择县（区）或以下辖区' },
    ]);
  return p;
}

/** The registered unit a reporting unit is, by credit code, else by exact name, inside an area. */
export async function matchEntity(
  db: DbOrTx,
  areaPath: string,
  r: { reporterName: string; reporterCreditCode: string | null },
): Promise<{ id: number; jurisdictionId: number } | null> {
  const [e] = await rows<{ id: number; jurisdiction_id: number }>(
    db,
    sql`select e.id, e.jurisdiction_id from entities e join jurisdictions j on j.id = e.jurisdiction_id
        where j.path like ${areaPath + '%'}
          and (${r.reporterCreditCode ?? ''} <> '' and e.credit_code = ${r.reporterCreditCode ?? ''} or e.name = ${r.reporterName})
        order by (e.credit_code = ${r.reporterCreditCode ?? ''}) desc nulls last, e.id limit 1`,
  );
  return e ? { id: e.id, jurisdictionId: e.jurisdiction_id } : null;
}

/** A report's row if the caller may see it, else 404 (never "exists but not yours"). */
export async function visibleReport(db: DbOrTx, actor: Actor, id: number): Promise<{ id: number; path: string; version: number }> {
  const [r] = await rows<{ id: number; path: string; version: number }>(
    db,
    sql`select r.id, j.path, r.version from adr_reports r join jurisdictions j on j.id = r.jurisdiction_id where r.id = ${id}`,
  );
  if (!r || !pathInScope(actor, r.path)) throw notFound('不良反应报告');
  return r;
}

/** An alert's county path if the caller may see it, else 404. */
/**
 * The alerts a caller may read, over `a` (adr_alerts) joined to `j` (its county): those of the
 * caller's area, and for people of a station or township the alerts of the county above them — a
 * cluster in the county concerns every station in it, though the county acts on it (visibleAlert).
 */
export function alertReadWhere(actor: Actor): SQL {
  const own = scopeWhere(actor, { jurisdiction: sql`a.jurisdiction_id` });
  if (actor.scope !== 'jurisdiction') return own;
  return sql`(${own} or (j.level = 'county' and ${actor.jurisdictionPath} like j.path || '%'))`;
}

/** One alert the caller may read (alertReadWhere), else 404. */
export async function readableAlert(db: DbOrTx, actor: Actor, id: number): Promise<void> {
  const [r] = await rows<{ id: number }>(
    db,
    sql`select a.id from adr_alerts a join jurisdictions j on j.id = a.jurisdiction_id where a.id = ${id} and ${alertReadWhere(actor)}`,
  );
  if (!r) throw notFound('聚集性信号');
}

/** One alert inside the caller's area (to act on), else 404. */
export async function visibleAlert(db: DbOrTx, actor: Actor, id: number): Promise<{ id: number; path: string }> {
  const [r] = await rows<{ id: number; path: string }>(
    db,
    sql`select a.id, j.path from adr_alerts a join jurisdictions j on j.id = a.jurisdiction_id where a.id = ${id}`,
  );
  if (!r || !pathInScope(actor, r.path)) throw notFound('聚集性信号');
  return r;
}

/** The settings in force for an area: the nearest row at or above it, else the defaults (version 0). */
export async function settingsFor(db: DbOrTx, jurisdictionId: number): Promise<AdrSettings> {
  const [s] = await rows<{
    target_per_million: number;
    medical_share_pct: number;
    cluster_min_reports: number;
    cluster_window_days: number;
    baseline_weeks: number;
    baseline_factor: number;
    signal_min_n: number;
    signal_min_prr: number;
    signal_min_chi2: number;
    signal_min_ic025: number;
    signal_min_eb05: number;
    version: number;
    own: boolean;
  }>(
    db,
    sql`select s.*, s.jurisdiction_id = ${jurisdictionId} as own from adr_settings s
        join jurisdictions a on a.id = s.jurisdiction_id
        join jurisdictions j on j.id = ${jurisdictionId}
        where j.path like a.path || '%' order by a.depth desc limit 1`,
  );
  if (!s) return { jurisdictionId, ...ADR_DEFAULT_SETTINGS, version: 0 };
  return {
    jurisdictionId,
    targetPerMillion: s.target_per_million,
    medicalSharePct: s.medical_share_pct,
    clusterMinReports: s.cluster_min_reports,
    clusterWindowDays: s.cluster_window_days,
    baselineWeeks: s.baseline_weeks,
    baselineFactor: Number(s.baseline_factor),
    signalMinN: s.signal_min_n,
    signalMinPrr: Number(s.signal_min_prr),
    signalMinChi2: Number(s.signal_min_chi2),
    signalMinIc025: Number(s.signal_min_ic025),
    signalMinEb05: Number(s.signal_min_eb05),
    // Inherited settings: saving here creates this area's own row.
    version: s.own ? s.version : 0,
  };
}

/** Dates may not lie in the future (Beijing today). */
export function assertPast(input: Pick<AdrReportInput, 'onsetOn' | 'reportedOn'>) {
  const today = shanghaiToday();
  if (input.onsetOn > today) throw invalid('发生日期不能晚于今天', [{ path: 'onsetOn', message: '不能晚于今天' }]);
  if (input.reportedOn > today) throw invalid('报告日期不能晚于今天', [{ path: 'reportedOn', message: '不能晚于今天' }]);
}

/**
 * Conditions on reports `r` for an analysis: the caller's area, the report-date period and an optional
 * area inside it (404 if that area is not the caller's: never "exists but not yours").
 */
export async function periodAreaWhere(db: DbOrTx, actor: Actor, q: { from?: string; to?: string; jurisdictionId?: number }): Promise<SQL> {
  const where: SQL[] = [scopeWhere(actor, { jurisdiction: sql`r.jurisdiction_id` })];
  if (q.from) where.push(sql`r.reported_on >= ${q.from}::date`);
  if (q.to) where.push(sql`r.reported_on <= ${q.to}::date`);
  if (q.jurisdictionId) {
    const [j] = await rows<{ path: string }>(db, sql`select path from jurisdictions where id = ${q.jurisdictionId}`);
    if (!j || !pathInScope(actor, j.path)) throw notFound('辖区');
    where.push(inSubtree(sql`r.jurisdiction_id`, j.path));
  }
  return sql.join(where, sql` and `);
}
