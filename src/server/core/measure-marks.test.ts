import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureKey } from '../../contracts/measures.js';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { rows } from './sql.js';
import { ADDITIVE, fromSummariesMany, markDay, OPEN_END, rebuildSource, refreshUnits, type SummarySource } from './measure-summaries.js';

/**
 * Marks (measure_marks) by hand: a figure read through a mark equals the figure read from the spans
 * themselves, for spans that begin after the mark, end before the day asked (完成整改单位 that
 * stopped counting), hold it, and for running sums of months before and after a mark; and a write
 * after the mark moves it. The random-writes property test (inspections/summaries.property.test.ts)
 * checks the same against the definitions over real records; here each case is set up on purpose.
 */
let database: Database;
let station: number;
let unit: number;
const DISTINCT = 'inspections.rectifiedUnits' as MeasureKey;
const ADD = 'inspections.visits' as MeasureKey;
const SINCE = '2025-01-01';

/** A source whose ledger rows are a table the test writes (the real sources compute them from records). */
const src: SummarySource = {
  key: 'marks-test',
  version: 1,
  measures: { [DISTINCT]: 'distinct', [ADD]: 'additive' },
  rows: (units) =>
    sql`select entity_id, measure, since, jurisdiction_id, campaign_id, m_from, m_to, n from marks_test_rows where ${units(sql`entity_id`)}`,
};
const run = (q: ReturnType<typeof sql>) => database.db.execute(q);
async function setRows(list: [measure: string, since: string, from: string, to: string, n: number][]) {
  await run(sql`delete from marks_test_rows`);
  for (const [measure, since, from, to, n] of list)
    await run(
      sql`insert into marks_test_rows values (${unit}, ${measure}, ${since}::date, ${station}, 0, ${from}::date, ${to}::date, ${n})`,
    );
  await database.db.transaction((tx) => refreshUnits(tx, src, [unit]));
}
async function figure(key: MeasureKey, from: string, to: string) {
  const [map] = await fromSummariesMany(database.db, [{ source: src, key, shape: src.measures[key]!, filter: { path: '/', from, to } }]);
  expect(map, `${key} ${from}..${to} answered by the summaries`).not.toBeNull();
  return map!.get(station) ?? 0;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await run(
    sql`create table marks_test_rows (entity_id int, measure text, since date, jurisdiction_id int, campaign_id int, m_from date, m_to date, n numeric)`,
  );
  const [j] = await rows<{ id: number }>(
    database.db,
    sql`insert into jurisdictions (level, level_label, name, path, depth) values ('station', '所', '测试所', '/x/', 0) returning id`,
  );
  station = j.id;
  await run(sql`insert into entity_kinds (code, label, sector) values ('pharmacy_single', '单体药店', 'drug') on conflict do nothing`);
  const [e] = await rows<{ id: number }>(
    database.db,
    sql`insert into entities (name, kind, jurisdiction_id) values ('测试药店', 'pharmacy_single', ${station}) returning id`,
  );
  unit = e.id;
  await run(sql`insert into measure_starts (since) values (${SINCE}::date) on conflict do nothing`);
  await database.db.transaction((tx) => rebuildSource(tx, src));
});
afterAll(() => database?.close());

describe('summary marks', () => {
  it('read spans through a mark as the spans themselves give them', async () => {
    // Counted 03-10..05-20 (rectified, then a new finding), and again from 06-05 on.
    await setRows([
      [DISTINCT, SINCE, '2025-03-10', '2025-05-20', 1],
      [DISTINCT, SINCE, '2025-06-05', OPEN_END, 1],
    ]);
    const days = ['2025-03-09', '2025-03-10', '2025-04-30', '2025-05-20', '2025-05-21', '2025-06-04', '2025-06-05', '2025-12-31'];
    const before = await Promise.all(days.map((d) => figure(DISTINCT, SINCE, d)));
    expect(before).toEqual([0, 1, 1, 1, 0, 0, 1, 1]);
    expect(await markDay(database.db, '2025-04-30')).toBe(true);
    expect(await markDay(database.db, '2025-04-30')).toBe(false);
    // Through the mark: the span holding it ends before 05-21 (taken off), the next begins after it (added).
    expect(await Promise.all(days.map((d) => figure(DISTINCT, SINCE, d)))).toEqual(before);
    // A write after the mark moves it: the first span now ends before the mark.
    await setRows([
      [DISTINCT, SINCE, '2025-03-10', '2025-04-10', 1],
      [DISTINCT, SINCE, '2025-06-05', OPEN_END, 1],
    ]);
    expect(await Promise.all(days.map((d) => figure(DISTINCT, SINCE, d)))).toEqual([0, 1, 0, 0, 0, 0, 1, 1]);
    const [k] = await rows<{ n: number }>(
      database.db,
      sql`select n::int as n from measure_marks where measure = ${DISTINCT} and at = '2025-04-30'`,
    );
    expect(k?.n ?? 0).toBe(0);
  });

  it('read running sums of months through marks, for long and short periods', async () => {
    await setRows(
      ['2025-01-01', '2025-02-01', '2025-04-01', '2025-07-01', '2025-08-01', '2025-11-01'].map(
        (m, k) => [ADD, ADDITIVE, m, m, k + 1] as const,
      ) as [string, string, string, string, number][],
    );
    const periods: [string, string][] = [
      ['2025-01-01', '2025-12-31'],
      ['2025-02-01', '2025-10-31'],
      ['2025-03-01', '2025-08-31'],
      ['2025-08-01', '2025-08-31'],
      ['2025-05-01', '2025-06-30'],
    ];
    const plain = await Promise.all(periods.map(([a, b]) => figure(ADD, a, b)));
    expect(plain).toEqual([21, 14, 12, 5, 0]);
    await markDay(database.db, '2025-06-30');
    await markDay(database.db, '2025-01-31');
    expect(await Promise.all(periods.map(([a, b]) => figure(ADD, a, b)))).toEqual(plain);
  });
});
