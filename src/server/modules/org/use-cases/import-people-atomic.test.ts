import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/app.js';
import { multipartFile } from '../../../../test/multipart.js';
import { XLSX_TYPE } from '../../../core/http.js';

/**
 * "Imports nothing" means it: the people import writes in chunks of 500; a database trigger (a
 * check only the database makes) refuses one person in the second chunk. No person and no audit
 * row may remain. Fails when the transaction around the write is removed.
 */
let t: TestApp;
let admin: Client;
const ROWS = 520;
const FAIL_AT = 510;

const count = async (q: string) => ((await t.database.db.execute(sql.raw(q))).rows[0] as { n: number }).n;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  await t.database.db.execute(
    sql.raw(`create function refuse_marked_user() returns trigger language plpgsql as $$
    begin
      if new.username = 'atomic${FAIL_AT}' then raise exception 'refused by the test trigger'; end if;
      return new;
    end $$`),
  );
  await t.database.db.execute(
    sql.raw(`create trigger refuse_marked_user before insert on users for each row execute function refuse_marked_user()`),
  );
});
afterAll(() => t.close());

describe('people import write failing half-way', () => {
  it('leaves zero people and zero audit rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['姓名', '用户名', '所属机构', '角色']);
    for (let i = 1; i <= ROWS; i++) ws.addRow([`测试${i}`, `atomic${i}`, '创新市场监督管理所', '监管所检查员']);
    const { payload, headers } = multipartFile('file', '人员.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), XLSX_TYPE);
    const dry = await admin.request({ method: 'POST', url: '/api/people/import?dryRun=true', payload, headers });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ total: ROWS, valid: ROWS, errors: [] });
    const users = await count('select count(*)::int as n from users');
    const audit = await count('select count(*)::int as n from audit_log');
    const res = await admin.request({ method: 'POST', url: '/api/people/import?dryRun=false', payload, headers });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toMatch(/insert into|refused by the test trigger/i);
    expect(await count(`select count(*)::int as n from users where username like 'atomic%'`)).toBe(0);
    expect(await count('select count(*)::int as n from users')).toBe(users);
    expect(await count('select count(*)::int as n from audit_log')).toBe(audit);
  });
});
