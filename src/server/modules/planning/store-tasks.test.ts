import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../../db/client.js';
import { createTestDatabase } from '../../../test/db.js';
import type { PlannedTask } from './engine/index.js';
import { storeTasks } from './store-tasks.js';

/** Storing tasks by COPY keeps the schema's foreign keys: a task of a plan or unit that does not exist is refused, nothing stored. */
let database: Database;
let db: Db;
let planId: number;
const rowsOf = async <T>(q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const [j] = await rowsOf<{ id: number }>(
    sql`insert into jurisdictions (level, level_label, name, path, depth) values ('province', '省', '测试省', '/', 0) returning id`,
  );
  const [c] = await rowsOf<{ id: number }>(sql`insert into campaigns (jurisdiction_id, name) values (${j.id}, '测试') returning id`);
  [{ id: planId }] = await rowsOf<{ id: number }>(
    sql`insert into plans (campaign_id, campaign_version, jurisdiction_id, name, seed, rules, period, minimum, optimal)
        values (${c.id}, 1, ${j.id}, '测试计划', 1, '[]', '{}', 0, true) returning id`,
  );
});
afterAll(() => database.close());

const task = (entityId: string): PlannedTask => ({
  entityId,
  stationId: '1',
  visit: 1,
  dueFrom: '2026-03-01',
  dueTo: null,
  rules: [{ ruleId: 'r', requirementKey: 'r@1' }],
  inspectorIds: ['1', '2'],
  reasons: ['high_risk'],
});
const codeOf = (e: any) => e?.code ?? e?.cause?.code;

describe('storeTasks', () => {
  it('refuses a task of a unit that does not exist (plan_tasks → entities)', async () => {
    const error = await db.transaction((tx) => storeTasks(tx, planId, [task('2000000000')])).catch((e) => e);
    expect(codeOf(error)).toBe('23503');
  });

  it('refuses tasks of a plan that does not exist (plan_tasks → plans)', async () => {
    const error = await db.transaction((tx) => storeTasks(tx, planId + 1000, [task('2000000000')])).catch((e) => e);
    expect(codeOf(error)).toBe('23503');
  });

  it('stored nothing', async () => {
    const [{ n }] = await rowsOf<{ n: number }>(sql`select count(*)::int as n from plan_tasks`);
    expect(n).toBe(0);
  });
});
