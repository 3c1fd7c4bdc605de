import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../../../db/schema/index.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/app.js';
import { multipartFile } from '../../../../test/multipart.js';
import { XLSX_TYPE } from '../../../core/http.js';

let t: TestApp;
let admin: Client;

const HEAD = ['姓名', '用户名', '所属机构', '角色', '数据范围', '负责辖区', '职务', '手机', '邮箱'];

async function sheet(rows: (string | number | null)[][], header = HEAD) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(c: Client, file: Buffer, dryRun: boolean) {
  const { payload, headers } = multipartFile('file', '人员.xlsx', file, XLSX_TYPE);
  return c.request({ method: 'POST', url: `/api/people/import?dryRun=${dryRun}`, payload, headers });
}

async function counts() {
  const n = async (table: any) => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return { users: await n(users), audit: await n(auditLog) };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

describe('import people from Excel', () => {
  it('gives a template with the headers and drop-down lists', async () => {
    const res = await admin.get('/api/people/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('人员')!;
    expect((ws.getRow(1).values as any[]).slice(1, 10)).toEqual(HEAD);
    expect(ws.getCell('C2').dataValidation.type).toBe('list');
    expect(ws.getCell('D2').dataValidation.formulae[0]).toMatch(/选项!\$A\$1/);
    const lists = wb.getWorksheet('选项')!;
    const units = lists.getColumn(3).values.filter(Boolean) as string[];
    expect(units).toContain('创新市场监督管理所');
    expect(units).toContain('兴隆台区/药品和医疗器械股'); // repeated names carry their jurisdiction
    expect(lists.getColumn(1).values).toContain('监管所检查员');

    // A station head's template only offers its own station.
    const head = await t.as('head_cx');
    const own = await head.get('/api/people/import-template');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(own.rawPayload as any);
    expect(wb2.getWorksheet('选项')!.getColumn(3).values.filter(Boolean)).toEqual(['创新市场监督管理所']);
  });

  it('a file with bad rows imports nothing and names every bad row with its reason', async () => {
    const xlTownship = (await t.database.db.execute(
      sql`select name from jurisdictions where id = ${t.org.stations['兴隆'].townshipIds[0]}`,
    )) as any;
    const file = await sheet([
      ['张三', 'zhang_san', '创新所', '监管所检查员', '', '', '监管员', '13912345678', 'zs@example.cn'],
      ['李四', 'li_si', '不存在的所', '监管所检查员', '', '', '', '', ''],
      ['王五', 'wang_wu', '创新所', '超级管理员', '', '', '', '', ''],
      ['赵六', 'zhang_san', '创新所', '协管员', '', '', '', '', ''],
      ['孙七', 'inspector_cx', '创新所', '协管员', '', '', '', '', ''],
      ['', 'no_name', '创新所', '协管员', '', '', '', '', ''],
      ['周八', 'zhou_ba', '创新所', '协管员', '', '', '', '12345', ''],
      ['吴九', 'wu_jiu', '创新所', '协管员', '', xlTownship.rows[0].name, '', '', ''],
      ['郑十', 'zheng_shi', '创新所', '监管所检查员', '', '', '', '', 'bad-mail'],
      ['钱一', 'qian_yi', '创新所', '监管所检查员', '全部', '', '', '', ''],
    ]);
    const before = await counts();
    const dry = await upload(admin, file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    const body = dry.json();
    expect(body.total).toBe(10);
    expect(body.valid).toBe(2); // 张三 and 钱一 (admin may grant 全部)
    const byRow = new Map<number, string>();
    for (const e of body.errors) byRow.set(e.row, `${byRow.get(e.row) ?? ''}${e.column ?? ''}:${e.message};`);
    expect([...byRow.keys()].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(byRow.get(3)).toMatch(/所属机构.*未知机构/);
    expect(byRow.get(4)).toMatch(/角色.*未知角色/);
    expect(byRow.get(5)).toMatch(/用户名.*第 2 行重复/);
    expect(byRow.get(6)).toMatch(/用户名.*已被使用/);
    expect(byRow.get(7)).toMatch(/姓名.*不能为空/);
    expect(byRow.get(8)).toMatch(/手机/);
    expect(byRow.get(9)).toMatch(/负责辖区.*不在所属机构/);
    expect(byRow.get(10)).toMatch(/邮箱/);
    expect(await counts()).toEqual(before);

    const real = await upload(admin, file, false);
    expect(real.statusCode).toBe(400);
    expect(real.json().message).toMatch(/8 行数据有误，未导入任何人员/);
    expect(real.json().details.length).toBe(body.errors.length);
    expect(await counts()).toEqual(before);
    const [none] = await t.database.db.select().from(users).where(eq(users.username, 'zhang_san'));
    expect(none).toBeUndefined();
  });

  it('one bad row among good ones still imports nothing and names that row', async () => {
    const file = await sheet([
      ['甲一', 'jia_1', '创新所', '协管员', '', '', '', '', ''],
      ['甲二', 'jia_2', '创新所', '协管员', '', '', '', '', ''],
      ['甲三', 'jia_3', '兴隆所', '没有这个角色', '', '', '', '', ''],
    ]);
    const before = await counts();
    const res = await upload(admin, file, false);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ row: 4, column: '角色', message: '未知角色“没有这个角色”' }]);
    expect(await counts()).toEqual(before);
  });

  it('a good file imports everyone, with one audit row per person', async () => {
    const cx = t.org.stations['创新'];
    const [township] = await t.database.db
      .execute(sql`select name from jurisdictions where id = ${cx.townshipIds[0]}`)
      .then((r: any) => r.rows);
    const file = await sheet(
      [
        ['刘一', 'liu_1', '创新市场监督管理所', '监管所检查员', '', '', '监管员', '13800000001', 'liu1@example.cn', ''],
        ['刘二', 'liu_2', '创新所', '协管员', '本人记录', township.name, '协管员', '', '', ''],
        ['刘三', 'liu_3', '兴隆台区/药品和医疗器械股', 'department', 'jurisdiction', '', '科员', '0427-1234567', '', 'Start1234'],
      ],
      [...HEAD, '初始密码'],
    );
    const before = await counts();
    const dry = await upload(admin, file, true);
    expect(dry.json()).toMatchObject({ total: 3, valid: 3, errors: [] });
    expect(await counts()).toEqual(before);
    const res = await upload(admin, file, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(3);
    const after = await counts();
    expect(after.users).toBe(before.users + 3);
    expect(after.audit).toBe(before.audit + 3);
    const rows = await t.database.db
      .select()
      .from(users)
      .where(sql`${users.username} like 'liu_%'`)
      .orderBy(users.username);
    expect(rows.map((r) => [r.username, r.role, r.dataScope, r.passwordHash ? 'pw' : 'none', r.mustChangePassword])).toEqual([
      ['liu_1', 'inspector', 'jurisdiction', 'none', false],
      ['liu_2', 'coordinator', 'own', 'none', false],
      ['liu_3', 'department', 'jurisdiction', 'pw', true],
    ]);
    expect(rows[1].jurisdictionId).toBe(cx.townshipIds[0]);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.import'));
    expect(audits.map((a) => Number(a.entityId)).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(audits.every((a) => (a.after as any)?.passwordHash === undefined && (a.after as any)?.username)).toBe(true);
    // The imported person with an initial password can sign in.
    await expect(t.as('liu_3', 'Start1234')).resolves.toBeTruthy();
  });

  it('a station head imports only into its own station', async () => {
    const head = await t.as('head_cx');
    const file = await sheet([
      ['马一', 'ma_1', '创新所', '协管员', '', '', '', '', ''],
      ['马二', 'ma_2', '兴隆所', '协管员', '', '', '', '', ''],
      ['马三', 'ma_3', '创新所', '局领导', '', '', '', '', ''],
    ]);
    const res = await upload(head, file, true);
    expect(res.json().errors.map((e: any) => [e.row, e.column])).toEqual([
      [3, '所属机构'],
      [4, '角色'],
    ]);
  });

  it('refuses a file that is not Excel, or lacks the headers', async () => {
    const before = await counts();
    // Neither .xlsx nor text (CSV) by content.
    const junk = await upload(admin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), true);
    expect(junk.statusCode).toBe(415);
    expect(junk.json().message).toMatch(/xlsx/);
    const noHead = await upload(admin, await sheet([['a', 'b']], ['甲', '乙']), true);
    expect(noHead.statusCode).toBe(400);
    expect(noHead.json().message).toMatch(/表头缺少/);
    expect(await counts()).toEqual(before);
  });
});
