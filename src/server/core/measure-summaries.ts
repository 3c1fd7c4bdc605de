import { sql, type SQL } from 'drizzle-orm';
import { shanghaiToday } from '../../contracts/calendar.js';
import type { MeasureKey } from '../../contracts/measures.js';
import type { DbOrTx } from '../../db/client.js';
import type { Measure, MeasureFilter } from './extensions.js';
import { admittedKinds, andKinds } from './measure-sql.js';
import { rows } from './sql.js';

/**
 * Maintained summaries of report measures (tables in db/schema/measure-summaries.ts).
 *
 * Design. A report such as seed 004's 附件1 asks, for every station of a province, for counts of
 * distinct units over millions of inspections; the plain SQL reads every inspection of the period
 * (~1.4 s). The summaries answer the same question from rows per (measure, start, unit kind,
 * station, campaign, span), kept current in the transaction of every write:
 *
 *  - The ledger `measure_unit_rows` holds what each unit contributes, computed from its raw rows by
 *    the owning module's SQL (`SummarySource.rows`, the same SQL for one unit and for a rebuild).
 *    A write calls `refreshUnits(tx, source, [entityId])`: one statement deletes the unit's ledger
 *    rows, inserts the recomputed ones and adds the difference (new − old) to `measure_totals`. No
 *    ±1 arithmetic per kind of write: whatever the write did, the unit's rows are recomputed, so a
 *    refresh is right as long as it is called by every write that touches the unit's records.
 *  - Additive measures (counts and sums of records) are kept per calendar month (`since` =
 *    ADDITIVE, `m_from` = `m_to` = the month's first day), per campaign. A period made of whole
 *    months sums its months; any other period is answered by the raw SQL.
 *  - Distinct-unit measures are not additive over time, so they are kept per start date (`since`,
 *    the tables' `cumulativeFrom`, listed in `measure_starts`): for each unit and station, the days
 *    `to` may take for the unit to count in [since, to] — [first qualifying day, open] for
 *    monotone measures (inspected, violation found, licence revoked), and one or more closed spans
 *    for 完成整改单位 (a later finding with an open rectification takes the unit out again). The
 *    figure for [since, to] sums the spans holding `to`, for any `to`. A start not listed, a
 *    campaign filter (distinct units are not kept per campaign) → the raw SQL.
 *  - The unit's kind is stored, so the kinds and category filters (a unit's kind implies its
 *    category) apply to the summaries; a change of a unit's kind refreshes it (entities module).
 *  - `measure_summary_state` records which sources are built at which version; a source is rebuilt
 *    from the raw rows at start when its version changed or it was never built (an upgraded
 *    database is right at once), and until then `compute` uses the raw SQL.
 */
export const ADDITIVE = '0001-01-01';
export const OPEN_END = '9999-12-31';

/** A module's summarised measures (contributed in its module.ts as `measureSummaries`). */
export interface SummarySource {
  /** Name of the source (its row in measure_summary_state). */
  key: string;
  /** Bump when `rows` changes meaning: the source is rebuilt at the next start. */
  version: number;
  /** The measures it keeps, and the shape of each. */
  measures: Partial<Record<MeasureKey, 'additive' | 'distinct'>>;
  /**
   * Ledger rows `(entity_id, measure, since date, jurisdiction_id, campaign_id, m_from date, m_to date, n)`
   * of the units `units(col)` admits (`col` = an entity id column). Distinct measures are computed
   * for every start in `measure_starts` (alias it in the query).
   */
  rows(units: (col: SQL) => SQL): SQL;
}

const keysOf = (src: SummarySource) =>
  sql.join(
    Object.keys(src.measures).map((m) => sql`${m}`),
    sql`, `,
  );

/** Recompute the ledger rows of these units and apply the difference to the totals (inside the write's transaction). */
export async function refreshUnits(tx: DbOrTx, src: SummarySource, entityIds: readonly number[]): Promise<void> {
  const ids = [...new Set(entityIds.filter((x) => Number.isInteger(x)))];
  if (!ids.length) return;
  const list = sql`${`{${ids.join(',')}}`}::int[]`;
  await tx.execute(sql`
    with old as (
      delete from measure_unit_rows where entity_id = any(${list}) and measure in (${keysOf(src)})
      returning measure, since, jurisdiction_id, kind, campaign_id, m_from, m_to, n
    ), fresh as (
      insert into measure_unit_rows (entity_id, measure, since, jurisdiction_id, kind, campaign_id, m_from, m_to, n)
      select x.entity_id, x.measure, x.since, x.jurisdiction_id, e.kind, x.campaign_id, x.m_from, x.m_to, x.n
      from (${src.rows((col) => sql`${col} = any(${list})`)}) x join entities e on e.id = x.entity_id
      returning measure, since, jurisdiction_id, kind, campaign_id, m_from, m_to, n
    ), diff as (
      select measure, since, kind, m_from, m_to, jurisdiction_id, campaign_id, sum(n) as n
      from (select * from fresh union all select measure, since, jurisdiction_id, kind, campaign_id, m_from, m_to, -n from old) d
      group by measure, since, kind, m_from, m_to, jurisdiction_id, campaign_id
      having sum(n) <> 0
    )
    ${APPLY_DIFF}`);
}

/**
 * The end of a statement whose CTE `diff` holds changes (measure, since, kind, m_from, m_to,
 * jurisdiction_id, campaign_id, n): added to `measure_totals`, and to every mark the change holds
 * (a distinct-unit span holding the marked day; an additive month on or before it). Data-modifying
 * CTEs always run to completion, so both tables change in the one statement.
 */
const APPLY_DIFF = sql`, totals as (
      insert into measure_totals as t (measure, since, kind, m_from, m_to, jurisdiction_id, campaign_id, n)
      select measure, since, kind, m_from, m_to, jurisdiction_id, campaign_id, n from diff
      on conflict (measure, since, kind, m_from, m_to, jurisdiction_id, campaign_id) do update set n = t.n + excluded.n
      returning 1
    )
    insert into measure_marks as k (measure, since, at, kind, jurisdiction_id, campaign_id, n)
    select d.measure, d.since, m.at, d.kind, d.jurisdiction_id, d.campaign_id, sum(d.n)
    from diff d join measure_mark_days m on d.m_from <= m.at and (d.since = ${ADDITIVE}::date or d.m_to >= m.at)
    group by d.measure, d.since, m.at, d.kind, d.jurisdiction_id, d.campaign_id
    on conflict (measure, since, at, kind, jurisdiction_id, campaign_id) do update set n = k.n + excluded.n`;

/** Marks of these days (all when none given) from the totals, for the measures given (all when none). */
const MARKS_FROM_TOTALS = (measures: SQL | null, at: string | null) => sql`
    insert into measure_marks (measure, since, at, kind, jurisdiction_id, campaign_id, n)
    select t.measure, t.since, m.at, t.kind, t.jurisdiction_id, t.campaign_id, sum(t.n)
    from measure_totals t join measure_mark_days m on t.m_from <= m.at and (t.since = ${ADDITIVE}::date or t.m_to >= m.at)
    where true ${measures ? sql`and t.measure in (${measures})` : sql``} ${at ? sql`and m.at = ${at}::date` : sql``}
    group by t.measure, t.since, m.at, t.kind, t.jurisdiction_id, t.campaign_id
    having sum(t.n) <> 0`;

/**
 * Builds (a source's rebuild, a new start, a new mark) read every unit's rows: writers wait until
 * the build commits (EXCLUSIVE blocks their ROW EXCLUSIVE, not readers), so no write falls between
 * what the build read and what the write's own refresh saw.
 */
const HOLD_WRITERS = sql`lock table measure_totals in exclusive mode`;

/** Rebuild a source's ledger and totals from the raw rows and mark it built (one transaction, the caller's). */
export async function rebuildSource(tx: DbOrTx, src: SummarySource): Promise<void> {
  await tx.execute(HOLD_WRITERS);
  await tx.execute(sql`delete from measure_unit_rows where measure in (${keysOf(src)})`);
  await tx.execute(sql`delete from measure_totals where measure in (${keysOf(src)})`);
  await tx.execute(sql`delete from measure_marks where measure in (${keysOf(src)})`);
  await tx.execute(sql`
    insert into measure_unit_rows (entity_id, measure, since, jurisdiction_id, kind, campaign_id, m_from, m_to, n)
    select x.entity_id, x.measure, x.since, x.jurisdiction_id, e.kind, x.campaign_id, x.m_from, x.m_to, x.n
    from (${src.rows(() => sql`true`)}) x join entities e on e.id = x.entity_id`);
  await tx.execute(sql`
    insert into measure_totals (measure, since, kind, m_from, m_to, jurisdiction_id, campaign_id, n)
    select measure, since, kind, m_from, m_to, jurisdiction_id, campaign_id, sum(n) from measure_unit_rows
    where measure in (${keysOf(src)})
    group by measure, since, kind, m_from, m_to, jurisdiction_id, campaign_id`);
  await tx.execute(MARKS_FROM_TOTALS(keysOf(src), null));
  await tx.execute(sql`
    insert into measure_summary_state (source, version, built_at) values (${src.key}, ${src.version}, now())
    on conflict (source) do update set version = excluded.version, built_at = excluded.built_at`);
}

/** The start dates tables ask for: every `cumulativeFrom` of a campaign definition's tables. */
const DEFINED_STARTS = sql`select distinct (t->>'cumulativeFrom')::date as since
  from campaign_versions v, jsonb_array_elements(coalesce(v.definition->'tables', '[]'::jsonb)) t
  where t ? 'cumulativeFrom'`;

/**
 * At start: register the tables' start dates and (re)build every source that is not built at its
 * version or misses a start. Serialised by an advisory lock (several processes may start at once).
 */
export async function ensureSummaries(db: DbOrTx, sources: readonly SummarySource[]): Promise<void> {
  if (!sources.length) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('measure_summaries'))`);
    const added = await rows(tx, sql`insert into measure_starts (since) ${DEFINED_STARTS} on conflict do nothing returning since`);
    const built = await rows<{ source: string; version: number }>(tx, sql`select source, version from measure_summary_state`);
    for (const src of sources) {
      const state = built.find((b) => b.source === src.key);
      if (added.length || !state || state.version !== src.version) await rebuildSource(tx, src);
    }
    await markDay(tx, lastMonthEnd(shanghaiToday()));
  });
}

/** The last day of the month before `day`'s. */
export function lastMonthEnd(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/**
 * Keep marks at this day (a month end; see `measure_marks`), built now from the totals if it is not
 * marked yet (in a transaction of its own, or a savepoint of the caller's). Returns whether it was added.
 */
export async function markDay(db: DbOrTx, at: string): Promise<boolean> {
  const [known] = await rows(db, sql`select 1 from measure_mark_days where at = ${at}::date`);
  if (known) return false;
  return db.transaction(async (tx) => {
    await tx.execute(HOLD_WRITERS);
    const added = await rows(tx, sql`insert into measure_mark_days (at) values (${at}::date) on conflict do nothing returning at`);
    if (added.length) await tx.execute(MARKS_FROM_TOTALS(null, at));
    return added.length > 0;
  });
}

/** Keep distinct-unit summaries for another start date (e.g. a new table's `cumulativeFrom`), built now. */
export async function ensureMeasureStart(db: DbOrTx, sources: readonly SummarySource[], since: string): Promise<void> {
  await db.transaction(async (tx) => {
    const added = await rows(tx, sql`insert into measure_starts (since) values (${since}::date) on conflict do nothing returning since`);
    if (added.length) for (const src of sources) await rebuildSource(tx, src);
  });
}

const isMonthStart = (d: string) => d.endsWith('-01');
function addDay(d: string, n: number) {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
}
/** Whole calendar months from `a`'s month to `b`'s (0 when the same month). */
const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
function isMonthEnd(d: string) {
  const next = new Date(`${d}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
}

/** One measure under one filter, asked of the summaries. */
export interface KeptRequest {
  source: Pick<SummarySource, 'key' | 'version'>;
  key: MeasureKey;
  shape: 'additive' | 'distinct';
  filter: MeasureFilter;
}

/** Whether the summaries can answer this filter at all (before asking which sources are built). */
function answerable(r: KeptRequest) {
  const f = r.filter;
  if (f.from > f.to) return false;
  if (r.shape === 'additive') return isMonthStart(f.from) && isMonthEnd(f.to);
  return !f.campaignId;
}

/**
 * Several figures from the summaries at once (a report table's cells), each a Map per station or
 * null when the summaries cannot answer it (then the raw SQL does): the source not built; an
 * additive measure over a period that is not whole months; a distinct-unit measure from a start not
 * kept, or with a campaign filter. Requests with the same area, period and campaign share one query
 * grouped by measure, unit kind and station; each request's kinds are summed from its rows.
 */
export async function fromSummariesMany(db: DbOrTx, reqs: readonly KeptRequest[]): Promise<(Map<number, number> | null)[]> {
  const out: (Map<number, number> | null)[] = reqs.map(() => null);
  const asked = reqs.map((r, i) => ({ r, i })).filter(({ r }) => answerable(r));
  if (!asked.length) return out;
  const state = await rows<{ source: string | null; version: number | null; since: string | null; at: string | null }>(
    db,
    sql`select source, version, null::text as since, null::text as at from measure_summary_state
        union all select null, null, since::text, null from measure_starts
        union all select null, null, null, at::text from measure_mark_days`,
  );
  const built = new Set(state.filter((s) => s.source !== null).map((s) => `${s.source}@${s.version}`));
  const starts = new Set(state.filter((s) => s.since !== null).map((s) => s.since));
  const marks = state.flatMap((s) => (s.at ? [s.at] : [])).sort();
  /** The latest marked day on or before `day`, if any. */
  const markBy = (day: string) => marks.filter((m) => m <= day).pop() ?? null;
  const groups = new Map<string, { r: KeptRequest; i: number }[]>();
  for (const a of asked) {
    if (!built.has(`${a.r.source.key}@${a.r.source.version}`)) continue;
    if (a.r.shape === 'distinct' && !starts.has(a.r.filter.from)) continue;
    const f = a.r.filter;
    const g = `${f.path}|${f.from}|${f.to}|${f.campaignId ?? ''}`;
    groups.set(g, [...(groups.get(g) ?? []), a]);
  }
  for (const list of groups.values()) {
    const f = list[0].r.filter;
    const keys = (shape: KeptRequest['shape']) => [...new Set(list.filter((a) => a.r.shape === shape).map((a) => a.r.key))];
    const inList = (ks: string[]) =>
      sql.join(
        ks.map((k) => sql`${k}`),
        sql`, `,
      );
    // Parts of the figure, each `(measure, kind, jurisdiction_id, n)` with its sign; summed per group.
    const parts: SQL[] = [];
    const totals = (where: SQL, sign = 1) =>
      sql`select measure, kind, jurisdiction_id, ${sign === 1 ? sql`n` : sql`-n`} as n from measure_totals where ${where}`;
    const marked = (where: SQL) => sql`select measure, kind, jurisdiction_id, n from measure_marks where ${where}`;
    const additive = keys('additive');
    if (additive.length) {
      const a = sql`measure in (${inList(additive)}) and since = ${ADDITIVE}::date
        ${f.campaignId ? sql`and campaign_id = ${f.campaignId}` : sql``}`;
      const before = addDay(f.from, -1);
      const m = markBy(f.to);
      // Whole months from..to. A long period with a mark inside it: the running sum up to `to` (the mark
      // and the months after it) less the running sum before `from`; else the months themselves.
      if (m && monthsBetween(f.from, m) >= 3) {
        parts.push(marked(sql`${a} and at = ${m}::date`), totals(sql`${a} and m_from > ${m}::date and m_from <= ${f.to}::date`));
        const mb = markBy(before);
        if (mb) parts.push(sql`select measure, kind, jurisdiction_id, -n from measure_marks where ${a} and at = ${mb}::date`);
        parts.push(totals(sql`${a} and m_from > ${mb ?? ADDITIVE}::date and m_from <= ${before}::date`, -1));
      } else parts.push(totals(sql`${a} and m_from between ${f.from}::date and ${f.to}::date`));
    }
    const distinct = keys('distinct');
    if (distinct.length) {
      const d = sql`measure in (${inList(distinct)}) and since = ${f.from}::date`;
      const m = markBy(f.to);
      // The spans holding `to`: those holding the mark, plus those begun after it, less those ended before `to`.
      if (m)
        parts.push(
          marked(sql`${d} and at = ${m}::date`),
          totals(sql`${d} and m_from > ${m}::date and m_from <= ${f.to}::date and m_to >= ${f.to}::date`),
          // (the partial index on closed spans, named by its own condition)
          totals(
            sql`${d} and m_to >= ${m}::date and m_to < ${f.to}::date and m_from <= ${m}::date
              and since <> ${ADDITIVE}::date and m_to <> ${OPEN_END}::date`,
            -1,
          ),
        );
      else parts.push(totals(sql`${d} and m_from <= ${f.to}::date and m_to >= ${f.to}::date`));
    }
    // Only the kinds some request admits (every kind when one admits all).
    const admitted = list.map((a) => admittedKinds(a.r.filter));
    const kinds = admitted.some((k) => k === null) ? null : [...new Set(admitted.flat() as string[])];
    // The area as a join on the path index, not `= any(array(…))`: a province's subtree holds tens of
    // thousands of jurisdictions, and that array would be searched linearly for every summary row.
    const area = f.path === '/' ? sql`` : sql`join jurisdictions j on j.id = t.jurisdiction_id and j.path like ${f.path + '%'}`;
    const kindsOnly = sql`${andKinds(sql`t.kind`, { entityKinds: kinds ?? undefined })} ${kinds && !kinds.length ? sql`and false` : sql``}`;
    const found = await rows<{ measure: string; kind: string; jurisdiction_id: number; n: string }>(
      db,
      sql`select t.measure, t.kind, t.jurisdiction_id, sum(t.n)::text as n
          from (${sql.join(parts, sql` union all `)}) t ${area}
          where true ${kindsOnly}
          group by t.measure, t.kind, t.jurisdiction_id`,
    );
    list.forEach(({ r, i }, at) => {
      const allowed = admitted[at];
      const sums = new Map<number, number>();
      for (const x of found)
        if (x.measure === r.key && (!allowed || allowed.includes(x.kind)))
          sums.set(x.jurisdiction_id, (sums.get(x.jurisdiction_id) ?? 0) + Number(x.n));
      // Stored values have two decimals: rounding the float sum gives the exact total back.
      const map = new Map<number, number>();
      for (const [j, n] of sums) {
        const v = Math.round(n * 100) / 100;
        if (v !== 0) map.set(j, v);
      }
      out[i] = map;
    });
  }
  return out;
}

/** One figure from the summaries, or null when they cannot answer this filter (see `fromSummariesMany`). */
export async function fromSummaries(
  db: DbOrTx,
  src: Pick<SummarySource, 'key' | 'version'>,
  key: MeasureKey,
  shape: 'additive' | 'distinct',
  f: MeasureFilter,
): Promise<Map<number, number> | null> {
  return (await fromSummariesMany(db, [{ source: src, key, shape, filter: f }]))[0];
}

/**
 * A summarised measure's `compute` (the summaries where they apply, else the raw SQL, which is the
 * definition and stays its `plain`), and `kept` (what a table asks the summaries in one batch).
 */
export const summarisedBy =
  (src: SummarySource) =>
  (key: MeasureKey, raw: NonNullable<Measure['plain']>): Pick<Measure, 'compute' | 'plain' | 'kept'> => {
    const shape = src.measures[key];
    if (!shape) throw new Error(`measure ${key} is not kept by the summaries of ${src.key}`);
    return {
      compute: async (db, f) => (await fromSummaries(db, src, key, shape, f)) ?? raw(db, f),
      plain: raw,
      kept: { source: src, shape },
    };
  };

/**
 * A unit's kind changed (entity edit or import): move its summary rows to the new kind, in the
 * write's transaction. Only rows whose stored kind differs from the unit's are touched.
 */
export async function syncUnitKinds(tx: DbOrTx, entityIds: readonly number[]): Promise<void> {
  const ids = [...new Set(entityIds.filter((x) => Number.isInteger(x)))];
  if (!ids.length) return;
  const list = sql`${`{${ids.join(',')}}`}::int[]`;
  const stale = sql`measure_unit_rows u join entities e on e.id = u.entity_id where u.entity_id = any(${list}) and u.kind <> e.kind`;
  await tx.execute(sql`
    with diff as (
      select measure, since, kind, m_from, m_to, jurisdiction_id, campaign_id, sum(n) as n from (
        select u.measure, u.since, u.kind, u.m_from, u.m_to, u.jurisdiction_id, u.campaign_id, -u.n as n from ${stale}
        union all
        select u.measure, u.since, e.kind, u.m_from, u.m_to, u.jurisdiction_id, u.campaign_id, u.n from ${stale}
      ) d group by measure, since, kind, m_from, m_to, jurisdiction_id, campaign_id
    )
    ${APPLY_DIFF}`);
  await tx.execute(sql`update measure_unit_rows u set kind = e.kind from entities e
    where e.id = u.entity_id and u.entity_id = any(${list}) and u.kind <> e.kind`);
}

/** Rebuild every source from the raw rows (after data is loaded around the use cases, e.g. the demo seeds). */
export async function rebuildSummaries(db: DbOrTx, sources: readonly SummarySource[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('measure_summaries'))`);
    await tx.execute(sql`insert into measure_starts (since) ${DEFINED_STARTS} on conflict do nothing`);
    for (const src of sources) await rebuildSource(tx, src);
    await markDay(tx, lastMonthEnd(shanghaiToday()));
  });
}
