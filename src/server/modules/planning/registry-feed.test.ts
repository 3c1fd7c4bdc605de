import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.js';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { copyInto } from '../../core/copy.js';
import { compactRegistryChanges, registryFingerprint } from './loader.js';

/**
 * The registry's change feed (`registry_changes`, written by statement triggers on `entities`) that
 * tells cached coverage requirements which stations changed: every kind of write shows in the
 * stations it touched and in no other, a rolled-back write in none, and folding the rows keeps
 * every station's summary.
 */
let t: TestApp;
let database: Database;
let a: number;
let b: number;
let c: number;
const rows = async (q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as any).rows as any[];
const stations = () =>
  sql`(${sql.join(
    [a, b, c].map((id) => sql`${id}`),
    sql`, `,
  )})`;
const prints = async () =>
  new Map(
    (await registryFingerprint(database.db, stations()))
      .split(',')
      .filter(Boolean)
      .map((x) => x.split(':').map(Number) as [number, number]),
  );
const changedBetween = (x: Map<number, number>, y: Map<number, number>) =>
  [a, b, c].filter((s) => x.get(s) !== y.get(s)).map((s) => (s === a ? 'a' : s === b ? 'b' : 'c'));
const addUnit = (station: number, name: string) =>
  rows(sql`insert into entities (name, kind, jurisdiction_id) values (${name}, 'pharmacy_single', ${station}) returning id`).then(
    (r) => r[0].id as number,
  );

beforeAll(async () => {
  t = await createTestApp();
  database = t.database;
  [a, b, c] = Object.values(t.org.stations)
    .slice(0, 3)
    .map((s) => s.jurisdictionId);
}, 60_000);
afterAll(() => t.close());

describe('registry change feed', () => {
  it('an insert, an edit, a move and a delete show in the stations they touch and only there', async () => {
    const p0 = await prints();
    const id = await addUnit(a, '甲药店');
    const p1 = await prints();
    expect(changedBetween(p0, p1)).toEqual(['a']);
    await rows(sql`update entities set risk_level = 'high' where id = ${id}`);
    const p2 = await prints();
    expect(changedBetween(p1, p2)).toEqual(['a']);
    await rows(sql`update entities set jurisdiction_id = ${b} where id = ${id}`);
    const p3 = await prints();
    expect(changedBetween(p2, p3)).toEqual(['a', 'b']);
    // An update that matches no row changes nothing.
    await rows(sql`update entities set risk_level = 'low' where id = -1`);
    expect(await prints()).toEqual(p3);
    await rows(sql`delete from entities where id = ${id}`);
    const p4 = await prints();
    expect(changedBetween(p3, p4)).toEqual(['b']);
  });

  it('a bulk load by COPY (the import) shows in every station it wrote, a rolled-back write in none', async () => {
    const p0 = await prints();
    await database.db.transaction(async (tx) => {
      await copyInto(tx, 'entities', ['name', 'kind', 'jurisdiction_id'], [`乙药店\tpharmacy_single\t${a}\n`, `丙药店\tclinic\t${c}\n`]);
    });
    const p1 = await prints();
    expect(changedBetween(p0, p1)).toEqual(['a', 'c']);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update entities set risk_level = 'high' where jurisdiction_id = ${b}`);
        await tx.execute(sql`insert into entities (name, kind, jurisdiction_id) values ('丁药店', 'clinic', ${b})`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await prints()).toEqual(p1);
  });

  it('folding the rows keeps each station’s summary and leaves one row per station', async () => {
    for (let i = 0; i < 5; i++) await addUnit(i % 2 ? a : c, `戊药店${i}`);
    const before = await prints();
    const count = async () =>
      (await rows(sql`select count(*)::int as n from registry_changes where jurisdiction_id in ${stations()}`))[0].n;
    expect(await count()).toBeGreaterThan(3);
    await compactRegistryChanges(database.db, stations());
    expect(await prints()).toEqual(before);
    expect(await count()).toBe(before.size);
    // And the next write still shows.
    await addUnit(c, '己药店');
    expect(changedBetween(before, await prints())).toEqual(['c']);
  });

  it.runIf(process.env.YJ_TEST_DB === 'postgres')(
    'a write not yet committed while the rows are folded still shows once it commits',
    async () => {
      const pool = database.raw as pg.Pool;
      const writer = await pool.connect();
      try {
        const before = await prints();
        await writer.query('begin');
        await writer.query(`update entities set risk_level = 'high' where jurisdiction_id = ${a}`);
        await compactRegistryChanges(database.db, stations());
        expect(await prints()).toEqual(before);
        await writer.query('commit');
        const after = await prints();
        expect(changedBetween(before, after)).toEqual(['a']);
        const [{ n }] = await rows(sql`select count(*)::int as n from entities where jurisdiction_id = ${a}`);
        // An update writes each unit's old and new row versions.
        expect(after.get(a)! - before.get(a)!).toBe(2 * n);
      } finally {
        writer.release();
      }
    },
  );
});
