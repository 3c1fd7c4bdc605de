import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readSheet, SHEET_LIMITS } from './read.js';

const read = (buf: Buffer, name = 'x.csv', maxRows = 1000, userId = 1) => readSheet(buf, name, { maxRows, userId });

describe('reading uploaded spreadsheets (worker thread, streaming)', () => {
  it('decodes UTF-8 with and without BOM, GBK and UTF-16', async () => {
    const text = '单位名称,地址\n康宁药店,兴隆台区\n';
    const want = { headers: ['单位名称', '地址'], rows: [{ n: 2, cells: ['康宁药店', '兴隆台区'] }] };
    expect(await read(Buffer.from(text))).toEqual(want);
    expect(await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual(want);
    expect(await read(iconv.encode(text, 'gbk'))).toEqual(want);
    expect(await read(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]))).toEqual(want);
  });

  it('parses quoted CSV fields with commas, quotes and line breaks, and tab-separated files', async () => {
    expect((await read(Buffer.from('a,b\r\n"x, y","say ""hi""\nthere"\r\n'))).rows).toEqual([{ n: 2, cells: ['x, y', 'say "hi"\nthere'] }]);
    expect((await read(Buffer.from('a\tb\n1\t2'))).rows).toEqual([{ n: 2, cells: ['1', '2'] }]);
  });

  it('skips blank lines and numbers rows as in the file', async () => {
    const t = await read(Buffer.from('\n单位名称,统一社会信用代码\n\nA,1\n,\nB,2\n'));
    expect(t.headers).toEqual(['单位名称', '统一社会信用代码']);
    expect(t.rows).toEqual([
      { n: 4, cells: ['A', '1'] },
      { n: 6, cells: ['B', '2'] },
    ]);
  });

  it('reads .xlsx by streaming, dates as YYYY-MM-DD', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('a');
    ws.addRow(['名称', '日期', '数']);
    ws.addRow([]);
    ws.addRow(['康宁', new Date(Date.UTC(2027, 5, 30)), 12]);
    const t = await read(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(t).toEqual({ headers: ['名称', '日期', '数'], rows: [{ n: 3, cells: ['康宁', '2027-06-30', '12'] }] });
  });

  it('refuses old .xls files with a hint, and files that are neither', async () => {
    await expect(read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'old.xls')).rejects.toThrow(/另存为 \.xlsx/);
    await expect(read(Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx')).rejects.toThrow(/无法读取 Excel/);
    await expect(read(Buffer.from('\n\n'))).rejects.toThrow(/文件为空/);
  });

  it('stops at the row limit, and at an unclosed quote, with the row named', async () => {
    await expect(read(Buffer.from('a,b\n' + '1,2\n'.repeat(50)), 'x.csv', 10)).rejects.toThrow(/最多导入 10 行/);
    await expect(read(Buffer.from('a,b\n1,2\n3,"4\n' + 'x,y\n'.repeat(20000)))).rejects.toThrow(/第3行/);
  });

  it('refuses a second read by the same person while one runs (429)', async () => {
    const big = Buffer.from('a,b\n' + '1,2\n'.repeat(200_000));
    const first = read(big, 'x.csv', 500_000, 7);
    await expect(read(Buffer.from('a\n1'), 'x.csv', 10, 7)).rejects.toMatchObject({ status: 429, code: 'TOO_MANY_IMPORTS' });
    expect((await read(Buffer.from('a\n1'), 'x.csv', 10, 8)).rows).toHaveLength(1);
    expect((await first).rows).toHaveLength(200_000);
    expect(SHEET_LIMITS.perUser).toBe(1);
  });
});
