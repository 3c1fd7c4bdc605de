import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { multipartFile } from '../../../test/multipart.js';

/** The spreadsheet kit and upload helper behave the same on every route that uses them. */
let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

const post = (c: Client, url: string, name: string, content: Buffer) =>
  c.request({ method: 'POST', url, ...multipartFile('file', name, content) });

async function xlsx(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('sheet');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('one import kit for entities and people', () => {
  it('names every bad row as {row, column, message}, the same shape for both', async () => {
    const ent = await post(
      admin,
      '/api/entity-imports',
      'units.xlsx',
      await xlsx([
        ['单位名称', '统一社会信用代码', '主体类型', '所属监管所'],
        ['', '91211103MA0000000X', '单体药店', '创新所'],
      ]),
    );
    const ppl = await post(
      admin,
      '/api/people/import?dryRun=true',
      'people.xlsx',
      await xlsx([
        ['姓名', '用户名', '所属机构', '角色'],
        ['', 'kit_a', '创新市场监督管理所', '监管所检查员'],
      ]),
    );
    expect(ent.statusCode, ent.body).toBe(200);
    expect(ppl.statusCode, ppl.body).toBe(200);
    const e = ent.json().errors.find((x: any) => x.column === '单位名称');
    const p = ppl.json().errors.find((x: any) => x.column === '姓名');
    expect(e).toEqual({ row: 2, column: '单位名称', message: '单位名称不能为空' });
    expect(p).toEqual({ row: 2, column: '姓名', message: '姓名不能为空' });
    for (const x of [...ent.json().errors, ...ppl.json().errors]) expect(Object.keys(x).sort()).toEqual(['column', 'message', 'row']);
  });

  it('reads CSV in GBK for people as for entities', async () => {
    const iconv = (await import('iconv-lite')).default;
    const res = await post(
      admin,
      '/api/people/import?dryRun=true',
      'people.csv',
      iconv.encode('姓名,用户名,所属机构,角色\r\n王五,kit_b,创新市场监督管理所,监管所检查员\r\n', 'gbk'),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, valid: 1, errors: [] });
  });
});

describe('one upload helper: same errors on every upload route', () => {
  const routes = ['/api/entity-imports', '/api/people/import?dryRun=true'];
  it('refuses a request that is not multipart (415)', async () => {
    for (const url of routes) {
      const res = await admin.request({ method: 'POST', url, payload: { a: 1 } });
      expect(res.statusCode, url).toBe(415);
      expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('refuses a file whose content is not a spreadsheet, whatever its name (415)', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 0)]);
    for (const url of routes) {
      const res = await post(admin, url, 'x.xlsx', png);
      expect(res.statusCode, url).toBe(415);
      expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', message: expect.stringContaining('Excel') });
    }
  });

  it('answers 413 for a file over the limit', async () => {
    const res = await post(admin, '/api/people/import?dryRun=true', 'x.csv', Buffer.alloc(6 * 1024 * 1024, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('5 MB') });
  });
});

describe('a huge file cannot stall the server', () => {
  it('refuses 1,000,000 rows at the limit, parsed off the request thread: the health check answers first', async () => {
    const csv = Buffer.from('单位名称,统一社会信用代码,主体类型,所属监管所\n' + 'a,b,c,d\n'.repeat(1_000_000));
    const order: string[] = [];
    const upload = post(admin, '/api/entity-imports', 'big.csv', csv).then((r) => {
      order.push('import');
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    order.push('health');
    expect(health.statusCode).toBe(200);
    const res = await upload;
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/最多导入 200000 行/);
    expect(order).toEqual(['health', 'import']);
  });
});
