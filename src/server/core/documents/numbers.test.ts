import { and, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../../db/client.js';
import * as schema from '../../../db/schema/index.js';
import { documentIssuers, documentNumbers, jurisdictions, orgUnits } from '../../../db/schema/index.js';
import { createTestDatabase } from '../../../test/db.js';
import { AppError } from '../errors.js';
import { allocateNumber } from './numbers.js';

let database: Database;
let db: Db;
let bureau: number;
let other: number;
let bare: number;

async function unit(name: string, jurisdictionId: number) {
  const [u] = await db.insert(orgUnits).values({ jurisdictionId, kind: 'bureau', name }).returning({ id: orgUnits.id });
  return u!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const [j] = await db
    .insert(jurisdictions)
    .values({ level: 'county', levelLabel: '区', name: '兴隆台区', path: '/', depth: 2 })
    .returning({ id: jurisdictions.id });
  await db
    .update(jurisdictions)
    .set({ path: `/${j!.id}/` })
    .where(eq(jurisdictions.id, j!.id));
  bureau = await unit('兴隆台区市场监督管理局', j!.id);
  other = await unit('另一局', j!.id);
  bare = await unit('未设代字的局', j!.id);
  await db.insert(documentIssuers).values([
    { orgUnitId: bureau, abbreviation: '兴市监' },
    { orgUnitId: other, abbreviation: '另市监' },
  ]);
});
afterAll(() => database.close());

const allocate = (args: Parameters<typeof allocateNumber>[1]) => db.transaction((tx) => allocateNumber(tx, args));

describe('allocateNumber', () => {
  it('numbers per issuing unit, kind and year from 1 up, printed as 兴市监责改〔2026〕1号', async () => {
    expect(await allocate({ orgUnitId: bureau, kind: 'rectificationOrder', date: '2026-03-01' })).toEqual({
      number: 1,
      year: 2026,
      text: '兴市监责改〔2026〕1号',
    });
    expect((await allocate({ orgUnitId: bureau, kind: 'rectificationOrder', date: '2026-03-02' })).text).toBe('兴市监责改〔2026〕2号');
    expect((await allocate({ orgUnitId: bureau, kind: 'warningLetter', date: '2026-03-02' })).text).toBe('兴市监告诫〔2026〕1号');
    expect((await allocate({ orgUnitId: bureau, kind: 'inspectionRecord', date: '2026-03-02' })).text).toBe('兴市监笔录〔2026〕1号');
    expect((await allocate({ orgUnitId: other, kind: 'rectificationOrder', date: '2026-03-02' })).text).toBe('另市监责改〔2026〕1号');
    expect((await allocate({ orgUnitId: bureau, kind: 'rectificationOrder', date: '2027-01-01' })).text).toBe('兴市监责改〔2027〕1号');
    expect((await allocate({ orgUnitId: bureau, kind: 'rectificationOrder', date: '2026-12-31' })).text).toBe('兴市监责改〔2026〕3号');
  });

  it('takes the year of the Beijing date: 2026-12-31 16:30 UTC is already 2027 in Beijing', async () => {
    const n = await allocate({ orgUnitId: other, kind: 'warningLetter', date: new Date('2026-12-31T16:30:00Z') });
    expect(n.text).toBe('另市监告诫〔2027〕1号');
    const m = await allocate({ orgUnitId: other, kind: 'warningLetter', date: new Date('2026-12-31T15:59:59Z') });
    expect(m.text).toBe('另市监告诫〔2026〕1号');
  });

  it('gives the number back when the document is rolled back', async () => {
    const before = await allocate({ orgUnitId: other, kind: 'inspectionRecord', date: '2026-05-01' });
    await expect(
      db.transaction(async (tx) => {
        await allocateNumber(tx, { orgUnitId: other, kind: 'inspectionRecord', date: '2026-05-01' });
        throw new Error('document failed');
      }),
    ).rejects.toThrow('document failed');
    const after = await allocate({ orgUnitId: other, kind: 'inspectionRecord', date: '2026-05-01' });
    expect(after.number).toBe(before.number + 1);
  });

  it('refuses a unit without 发文机关代字 and a bad date, in Chinese, counting nothing', async () => {
    const e = await allocate({ orgUnitId: bare, kind: 'warningLetter', date: '2026-05-01' }).catch((x) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'DOCUMENT_ISSUER_MISSING', status: 409 });
    expect(e.message).toMatch(/发文机关代字/);
    expect(await db.select().from(documentNumbers).where(eq(documentNumbers.orgUnitId, bare))).toEqual([]);
    await expect(allocate({ orgUnitId: bureau, kind: 'warningLetter', date: '2026-02-30' })).rejects.toMatchObject({
      code: 'VALIDATION',
      status: 400,
    });
  });

  it('gives 50 concurrent allocations 50 distinct consecutive numbers', async () => {
    const where = and(eq(documentNumbers.orgUnitId, bureau), eq(documentNumbers.kind, 'warningLetter'), eq(documentNumbers.year, 2030));
    let racer: Db = db;
    let pool: pg.Pool | undefined;
    let arrive = () => {};
    let all: Promise<void> = Promise.resolve();
    if (database.kind === 'postgres') {
      // 50 separate connections, each in its own open transaction before any of them allocates.
      pool = new pg.Pool({ connectionString: (database.raw as pg.Pool).options.connectionString, max: 50 });
      // Its connections may still be closing when the test database is dropped after the file: a
      // terminate then is expected, not an error of the test. An idle client's error is re-emitted
      // by the pool itself (pg-pool's idle listener), so the pool needs a listener as well.
      const ignore = () => {};
      pool.on('error', ignore);
      pool.on('connect', (client) => client.on('error', ignore));
      racer = drizzle(pool, { schema });
      let waiting = 50;
      let release!: () => void;
      all = new Promise((r) => (release = r));
      arrive = () => {
        if (--waiting === 0) release();
      };
    }
    try {
      const got = await Promise.all(
        Array.from({ length: 50 }, () =>
          racer.transaction(async (tx) => {
            await tx.execute(sql`select 1`);
            arrive();
            await all;
            return allocateNumber(tx, { orgUnitId: bureau, kind: 'warningLetter', date: '2030-06-01' });
          }),
        ),
      );
      const numbers = got.map((g) => g.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(new Set(got.map((g) => g.text)).size).toBe(50);
      expect((await db.select().from(documentNumbers).where(where))[0]?.lastNumber).toBe(50);
      if (pool) expect(pool.totalCount).toBe(50);
    } finally {
      await pool?.end();
    }
  });
});
