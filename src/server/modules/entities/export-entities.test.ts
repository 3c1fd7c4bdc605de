import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { entityGenerator, makeRng } from '../../demo/entity-data.js';
import { writeRecords } from './bulk-write.js';
import type { ImportRecord } from './import-read.js';
import { syncEntityKinds } from './kinds.js';

let t: TestApp;
let office: Client;
const N = 3000;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  await syncEntityKinds(t.database.db);
  const gen = entityGenerator(makeRng(42));
  const jurisdictionId = t.org.stations['创新'].jurisdictionId;
  const townships = (
    (await t.database.db
      .execute(sql`select t.id, t.name, coalesce((select json_agg(v.id) from jurisdictions v where v.parent_id = t.id), '[]') as "villageIds"
      from jurisdictions t where t.parent_id = ${jurisdictionId}`)) as any
  ).rows;
  const station = { jurisdictionId, townships };
  const batch: ImportRecord[] = [];
  for (let i = 0; i < N; i++) {
    const e = gen.next(i % 2 ? 'pharmacy_chain' : 'clinic', station, '211103');
    e.name = `批量导出单位${String(i).padStart(5, '0')}`;
    batch.push(e);
  }
  await t.database.db.transaction((tx) => writeRecords(tx, { id: 0, name: '测试' }, batch, { skipAudit: true }));
}, 120_000);
afterAll(() => t.close());

describe('entity export (streamed workbook)', () => {
  it(`round-trips ${N.toLocaleString('en')} units through the reader: every unit once, with its values; drop-downs and frozen header kept`, async () => {
    const res = await office.get(`/api/entities/export?q=${encodeURIComponent('批量导出单位')}&sort=name`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('监管对象')!;
    expect(ws.getRow(1).getCell(1).value).toBe('单位名称');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Styles: the header bold and coloured (required columns yellow), data cells plain text format.
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect((ws.getRow(1).getCell(1).fill as any)?.fgColor?.argb).toBe('FFFFE58F');
    expect((ws.getRow(1).getCell(4).fill as any)?.fgColor?.argb).toBe('FFE6F4FF');
    expect(ws.getRow(2).getCell(2).numFmt).toBe('@');
    expect(ws.getRow(2).getCell(1).font?.bold).toBeFalsy();
    const data = (ws.getSheetValues().slice(2) as unknown[][]).filter(Boolean);
    expect(data).toHaveLength(N);
    expect(new Set(data.map((r) => r[1]))).toEqual(
      new Set(Array.from({ length: N }, (_, i) => `批量导出单位${String(i).padStart(5, '0')}`)),
    );
    const db = ((await t.database.db.execute(sql`select name, credit_code, address from entities where name = '批量导出单位01235'`)) as any)
      .rows[0];
    const row = data.find((r) => r[1] === '批量导出单位01235')!;
    expect(row[2] ?? '').toBe(db.credit_code ?? '');
    expect(row).toContain('零售药店（连锁门店）');
    expect(row).toContain('创新所');
    // The coded columns keep their drop-downs over every exported row, from the hidden code table.
    expect(wb.getWorksheet('代码表')!.state).toBe('hidden');
    const validations = (ws as any).dataValidations.model as Record<string, { type: string; formulae: string[] }>;
    const kind = Object.entries(validations).find(([, v]) => v.formulae[0]!.startsWith('代码表!$A$2'));
    expect(kind?.[1].type).toBe('list');
    expect(Object.keys(validations).some((k) => k.endsWith(String(N + 1)))).toBe(true);
  }, 120_000);
});
