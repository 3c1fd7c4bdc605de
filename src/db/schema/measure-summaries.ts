import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Maintained summaries of report measures (core/measure-summaries.ts), kept current in the
 * transaction of every write that changes them and proven equal to the raw SQL by a property test.
 *
 * `measure_unit_rows` is the ledger: what each unit contributes, recomputed from its raw rows on
 * every write that touches it. `measure_totals` holds the same rows summed per
 * (measure, start, kind, station, campaign, span); a unit's refresh applies the difference between
 * its old and new ledger rows to it. Two shapes share the columns:
 *  - additive measures (counts, sums of records): `since` = 0001-01-01, `m_from` = `m_to` = the
 *    month; a whole-month period sums the months inside it;
 *  - distinct-unit measures: `since` = a start date in `measure_starts` (a table's cumulative start),
 *    [`m_from`, `m_to`] = the days `to` may take for the unit to count in [since, to]
 *    (9999-12-31 = open-ended); the figure at `to` sums the rows whose span holds `to`.
 */
export const measureUnitRows = pgTable(
  'measure_unit_rows',
  {
    entityId: integer('entity_id').notNull(),
    measure: text('measure').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    kind: text('kind').notNull(),
    campaignId: integer('campaign_id').notNull().default(0),
    mFrom: date('m_from', { mode: 'string' }).notNull(),
    mTo: date('m_to', { mode: 'string' }).notNull(),
    n: numeric('n', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [index('measure_unit_rows_entity_idx').on(t.entityId, t.measure)],
);

export const measureTotals = pgTable(
  'measure_totals',
  {
    measure: text('measure').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    campaignId: integer('campaign_id').notNull().default(0),
    mFrom: date('m_from', { mode: 'string' }).notNull(),
    mTo: date('m_to', { mode: 'string' }).notNull(),
    n: numeric('n', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [
    uniqueIndex('measure_totals_key_uq').on(t.measure, t.since, t.kind, t.mFrom, t.mTo, t.jurisdictionId, t.campaignId),
    // Closed spans (完成整改单位) by their end: the rows that stopped counting between a mark and the day asked.
    index('measure_totals_end_idx')
      .on(t.measure, t.since, t.mTo)
      .where(sql`since <> '0001-01-01' and m_to <> '9999-12-31'`),
  ],
);

/** Start dates distinct-unit measures are kept for (tables' `cumulativeFrom`); other starts use the raw SQL. */
export const measureStarts = pgTable('measure_starts', {
  since: date('since', { mode: 'string' }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which summaries are built, at which definition version (rebuilt at start when the version differs). */
export const measureSummaryState = pgTable(
  'measure_summary_state',
  {
    source: text('source').notNull(),
    version: integer('version').notNull(),
    builtAt: timestamp('built_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.source] })],
);

/**
 * Marks: every summary figure as it stood at a marked day (a month end in `measure_mark_days`), so a
 * cumulative figure reads one row per (measure, kind, station, campaign) plus the few rows that
 * changed between the mark and the day asked, instead of every row since the start.
 *  - distinct-unit measures (`since` = a start): n = the rows whose span holds `at` (the figure at `at`);
 *  - additive measures (`since` = 0001-01-01): n = the months up to and including `at`'s (a running sum).
 * Kept current with `measure_totals` in the same statement of every write: a change whose span
 * holds a marked day (for additive rows: a month on or before it) moves that day's mark too.
 */
export const measureMarks = pgTable(
  'measure_marks',
  {
    measure: text('measure').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    at: date('at', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    campaignId: integer('campaign_id').notNull().default(0),
    n: numeric('n', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [uniqueIndex('measure_marks_key_uq').on(t.measure, t.since, t.at, t.kind, t.jurisdictionId, t.campaignId)],
);

/** The days marks are kept for (month ends, added at start and when a report asks past the last one). */
export const measureMarkDays = pgTable('measure_mark_days', {
  at: date('at', { mode: 'string' }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
