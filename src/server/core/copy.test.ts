import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { copyArray, copyField, copyInto, copyIntArray } from './copy.js';

/**
 * COPY on either database (the harness's PGlite, or PostgreSQL with DATABASE_URL): values come back
 * as written, however awkward (the foreign keys are checked in modules/planning/store-tasks.test.ts).
 */
let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const AWKWARD = ['tab\there', 'line\nbreak', 'return\r', 'back\\slash', 'quote"d', 'comma,brace{}', '\\N', '', '中文 NULL'];

describe('copyInto', () => {
  it('reads back every value as written: text, text[], jsonb, integer[], nulls', async () => {
    const back = await db.transaction(async (tx) => {
      await tx.execute(sql`create temp table copy_probe (n integer, t text, a text[], j jsonb, i integer[]) on commit drop`);
      const lines = AWKWARD.map(
        (t, n) => `${n}\t${copyField(t)}\t${copyArray([t, 'x'])}\t${copyField(JSON.stringify({ t }))}\t${copyIntArray([n, -n - 1])}\n`,
      );
      lines.push(`99\t${copyField(null)}\t${copyArray([])}\t${copyField(undefined)}\t${copyIntArray([])}\n`);
      await copyInto(tx, 'copy_probe', ['n', 't', 'a', 'j', 'i'], lines);
      return ((await tx.execute(sql`select n, t, a, j, i from copy_probe order by n`)) as unknown as { rows: any[] }).rows;
    });
    expect(back).toHaveLength(AWKWARD.length + 1);
    AWKWARD.forEach((t, n) => {
      expect(back[n].t).toBe(t);
      expect(back[n].a).toEqual([t, 'x']);
      expect(typeof back[n].j === 'string' ? JSON.parse(back[n].j) : back[n].j).toEqual({ t });
      expect(back[n].i).toEqual([n, -n - 1]);
    });
    expect(back[AWKWARD.length]).toMatchObject({ n: 99, t: null, a: [], j: null, i: [] });
  });

  it('refuses an integer array element that is not a whole number (it could add elements)', () => {
    expect(() => copyIntArray(['1,2'])).toThrow();
    expect(() => copyIntArray(['1}'])).toThrow();
  });

  it('writes nothing for no rows', async () => {
    await db.transaction(async (tx) => copyInto(tx, 'plan_tasks', ['plan_id'], []));
  });
});
