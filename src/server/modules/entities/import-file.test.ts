import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, readTable } from './import-file.js';
import { autoMapping, parseDate } from './import-rows.js';

describe('reading uploads', () => {
  it('decodes UTF-8 with and without BOM, and GBK', () => {
    const text = '单位名称,地址\n康宁药店,兴隆台区\n';
    expect(decodeText(Buffer.from(text))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeText(iconv.encode(text, 'gbk'))).toBe(text);
  });

  it('parses quoted CSV fields with commas, quotes and line breaks, and tab-separated files', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('skips blank lines and numbers rows as in the file', async () => {
    const t = await readTable(Buffer.from('\n单位名称,统一社会信用代码\n\nA,1\n,\nB,2\n'), 'x.csv');
    expect(t.headers).toEqual(['单位名称', '统一社会信用代码']);
    expect(t.rows).toEqual([{ n: 4, cells: ['A', '1'] }, { n: 6, cells: ['B', '2'] }]);
  });

  it('refuses old .xls files with a hint', async () => {
    await expect(readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'old.xls')).rejects.toThrow(/另存为 \.xlsx/);
  });

  it('maps headers by name and synonym', () => {
    expect(autoMapping(['企业名称', '统一社会信用代码 ', '乡镇(街道)', '其他'])).toMatchObject({ name: 0, creditCode: 1, township: 2, kind: null });
  });

  it('reads the date forms bureaus write', () => {
    for (const s of ['2027-06-30', '2027/6/30', '2027.6.30', '2027年6月30日', '20270630', '46568']) expect(parseDate(s), s).toBe('2027-06-30');
    expect(parseDate('2027-02-30')).toBeUndefined();
    expect(parseDate('明年')).toBeUndefined();
  });
});
