import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTION_ROUTES } from '../../../../contracts/submissions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/app.js';
import { sheetValues } from '../../../../test/xlsx.js';
import { freeRowsPlan as plan } from './fixture.js';

/**
 * A table of free rows (seed 003 附件3 问题清单): rows start from the unit's 共性风险 of the period,
 * the unit corrects, adds and removes rows in its report, the rows are checked by column type, frozen
 * when the report goes up and written to Excel with 序号.
 */
let t: TestApp;
let office: Client;
let head: Client;
let cx: Client;
let campaignId: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, head, cx] = await Promise.all(['office', 'head_cx', 'inspector_cx'].map((u) => t.as(u)));
  const res = await office.post('/api/campaigns', { definition: plan(), status: 'active' });
  expect(res.statusCode, res.body).toBe(200);
  campaignId = res.json().id;
  for (const [title, controlMeasure, removed] of [
    ['处方药未凭处方销售', '约谈并责令整改', false],
    ['冷链药品储存温度记录不全', '限期整改后复查', true],
  ] as const) {
    const r = await head.post('/api/common-risks', { title, category: 'drug', controlMeasure, removed });
    expect(r.statusCode, r.body).toBe(200);
  }
  // Registered before the table's period: not a row of it.
  await t.database.db.execute(sql`update common_risks set created_at = '2026-09-20T02:00:00Z' where title = '冷链药品储存温度记录不全'`);
  const r = await head.post('/api/common-risks', { title: '网售处方药', category: 'drug', controlMeasure: '移送网监' });
  expect(r.statusCode, r.body).toBe(200);
});
afterAll(() => t?.close());

it('refuses rowsFrom on fixed rows, an unknown field, a column of another type', async () => {
  for (const [table, text] of [
    [{ rowMode: 'fixed', rows: [{ key: 'a', label: 'a' }] }, '才能从记录取行'],
    [{ rowsFrom: { source: 'risks.common', columns: { risk: 'nosuch' } } }, '没有字段“nosuch”'],
    [{ rowsFrom: { source: 'risks.common', columns: { units: 'title' } } }, '类型与字段'],
    [{ rowsFrom: { source: 'risks.unknown', columns: {} } }, '未知的行来源'],
  ] as const) {
    const res = await office.post('/api/campaigns', { definition: plan(table), status: 'active' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain(text);
  }
});

it('starts from the period’s common risks, keeps the unit’s corrected rows, checks them, freezes them and writes them to Excel', async () => {
  const created = await cx.post('/api/reports/submissions', { campaignId, obligationKey: 'list', dueDate: '2027-01-10' });
  expect(created.statusCode, created.body).toBe(200);
  let s = created.json();
  expect(s.table.free).toBe(true);
  const values = (x: any) => x.table.rows.map((r: any) => [r.label, r.cells.risk.value, r.cells.control.value, r.cells.removed.value, r.cells.units.value]);
  // Oldest first; the risk registered before 2026-10-01 is not in the list.
  expect(values(s)).toEqual([
    ['1', '处方药未凭处方销售', '约谈并责令整改', false, null],
    ['2', '网售处方药', '移送网监', false, null],
  ]);

  // Bad rows: a column that does not exist, a number where text goes, cells of a fixed table; nothing stored.
  for (const body of [
    { freeRows: [{ nosuch: 'x' }] },
    { freeRows: [{ risk: 5 }] },
    { freeRows: [{ units: -1 }] },
    { cells: { r1: { risk: 'x' } } },
    { freeRows: Array.from({ length: 201 }, () => ({ risk: 'x' })) },
  ]) {
    const bad = await cx.put(`/api/reports/submissions/${s.id}`, { version: s.version, ...body });
    expect(bad.statusCode, JSON.stringify(body)).toBe(400);
  }
  expect((await cx.get(`/api/reports/submissions/${s.id}`)).json().version).toBe(s.version);

  // The unit corrects the first row, removes the second and adds one of its own.
  const put = await cx.put(`/api/reports/submissions/${s.id}`, {
    version: s.version,
    freeRows: [
      { risk: '处方药未凭处方销售', control: '约谈并责令整改，已复查', removed: true, units: 3 },
      { risk: '中药饮片标签不规范', control: '责令改正', removed: false, units: 2 },
    ],
  });
  expect(put.statusCode, put.body).toBe(200);
  s = put.json();
  expect(values(s)).toEqual([
    ['1', '处方药未凭处方销售', '约谈并责令整改，已复查', true, 3],
    ['2', '中药饮片标签不规范', '责令改正', false, 2],
  ]);
  // A new common risk now does not change the unit's saved list.
  await head.post('/api/common-risks', { title: '后来登记的共性风险', category: 'drug', controlMeasure: '待定' });
  s = (await cx.get(`/api/reports/submissions/${s.id}`)).json();
  expect(values(s)).toHaveLength(2);

  const sent = await cx.post(`/api/reports/submissions/${s.id}/${ACTION_ROUTES.submit}`, { action: 'submit', version: s.version });
  expect(sent.statusCode, sent.body).toBe(200);
  s = sent.json();
  expect(s.frozen).toBe(true);
  expect(values(s)[1]).toEqual(['2', '中药饮片标签不规范', '责令改正', false, 2]);

  const x = await office.get(`/api/reports/submissions/${s.id}/excel`);
  expect(x.statusCode, x.body).toBe(200);
  const cells = await sheetValues(x.rawPayload);
  expect(cells).toEqual(expect.arrayContaining(['序号', '中药饮片标签不规范', '约谈并责令整改，已复查', '是', '否', 3]));
});

it('shows the live list on the statistics page for the station', async () => {
  const cxJ = ((await t.database.db.execute(sql`select id from jurisdictions where name = '创新市场监督管理所'`)) as any).rows[0].id;
  const res = await office.get(`/api/reports/campaigns/${campaignId}/tables/problems?jurisdictionId=${cxJ}&date=2027-01-05`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().rows.map((r: any) => r.cells.risk.value)).toEqual(['处方药未凭处方销售', '网售处方药', '后来登记的共性风险']);
});
