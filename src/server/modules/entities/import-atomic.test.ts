import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../contracts/credit-code.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { csv, upload } from './test-helpers.js';

/**
 * "All or nothing" means it: a write that fails half-way (here a database trigger, a check only
 * the database makes, refuses one unit in the second chunk of 1,000) leaves no unit, no licence
 * and no audit row behind. Fails when the transaction around the write is removed.
 */
let t: TestApp;
let office: Client;
const ROWS = 1500;
const FAIL_AT = 1200;
const code = (n: number) => makeCreditCode('91', '211103', String(30000000 + n));

const count = async (q: string) => (await t.database.db.execute(sql.raw(q))).rows[0] as { n: number };

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  await t.database.db.execute(
    sql.raw(`create function refuse_marked_entity() returns trigger language plpgsql as $$
    begin
      if new.name = '原子性测试药店${FAIL_AT}' then raise exception 'refused by the test trigger'; end if;
      return new;
    end $$`),
  );
  await t.database.db.execute(
    sql.raw(`create trigger refuse_marked_entity before insert on entities for each row execute function refuse_marked_entity()`),
  );
});
afterAll(() => t.close());

describe('entity import write failing half-way', () => {
  it('leaves zero units, licences and audit rows, and marks the import failed', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      单位名称: `原子性测试药店${i + 1}`,
      统一社会信用代码: code(i + 1),
      主体类型: '单体药店',
      许可证编号: `辽原子${String(i + 1).padStart(6, '0')}`,
      所属监管所: '创新所',
    }));
    const before = {
      entities: await count('select count(*)::int as n from entities'),
      audit: await count('select count(*)::int as n from audit_log'),
      licences: await count('select count(*)::int as n from entity_licences'),
    };
    const res = await upload(office, 'atomic.csv', csv(rows));
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json();
    expect(job.errors.slice(0, 3)).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', toCreate: ROWS });
    const done = await office.post(`/api/entity-imports/${job.id}/confirm?wait=true`);
    expect(done.statusCode).toBeGreaterThanOrEqual(400);
    expect(await count('select count(*)::int as n from entities')).toEqual(before.entities);
    expect(await count('select count(*)::int as n from entity_licences')).toEqual(before.licences);
    expect(await count(`select count(*)::int as n from entities where name like '原子性测试药店%'`)).toEqual({ n: 0 });
    expect(await count('select count(*)::int as n from audit_log')).toEqual(before.audit);
    const after = (await office.get(`/api/entity-imports/${job.id}`)).json();
    expect(after.status).toBe('failed');
    expect(after.message).toMatch(/未导入任何数据/);
  });
});
