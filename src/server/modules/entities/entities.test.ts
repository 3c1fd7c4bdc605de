import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../contracts/credit-code.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { csv, upload } from './test-helpers.js';

let t: TestApp;
let office: Client;
let inspectorCx: Client;
let inspectorXl: Client;
const code = (n: number) => makeCreditCode('91', '211103', String(10000000 + n));

function row(n: number, over: Record<string, string> = {}) {
  return {
    单位名称: `测试大药房（第${n}分店）`,
    统一社会信用代码: code(n),
    主体类型: '零售药店（连锁门店）',
    许可证编号: `辽CB${String(n).padStart(7, '0')}`,
    许可证有效期至: '2027-06-30',
    所属监管所: '创新所',
    地址: `兴隆台区测试路${n}号`,
    负责人: '张三',
    联系电话: '13900000000',
    风险等级: '中',
    信用等级: 'B',
    标签: '城乡接合部、集采中选药品',
    ...over,
  };
}

async function importCsv(client: Client, rows: Record<string, string>[], encoding: 'utf8' | 'gbk' = 'utf8') {
  const res = await upload(client, 'units.csv', csv(rows, undefined, encoding));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function count(client: Client, q = '') {
  return (await client.get(`/api/entities?pageSize=1${q}`)).json().total as number;
}

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  inspectorCx = await t.as('inspector_cx');
  inspectorXl = await t.as('inspector_xl');
});
afterAll(() => t.close());

describe('entity import', () => {
  it('imports a GBK CSV (as Excel on Chinese Windows saves it) after a clean dry run', async () => {
    const rows = [
      row(1),
      row(2, { 所属监管所: '兴隆所', 主体类型: '个体诊所', 许可证编号: 'PDY0002' }),
      row(3, { 主体类型: '医疗器械经营企业', 医疗器械监管级别: '三级', 许可证编号: '辽盘械经营许0003', '乡镇（街道）': '' }),
    ];
    const job = await importCsv(office, rows, 'gbk');
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', total: 3, valid: 3, toCreate: 3, toUpdate: 0 });
    expect(await count(office, '&q=测试大药房')).toBe(0);
    const done = await office.post(`/api/entity-imports/${job.id}/confirm?wait=true`);
    expect(done.json()).toMatchObject({ status: 'done', processed: 3, toCreate: 3 });
    const list = (await office.get(`/api/entities?q=${encodeURIComponent('第1分店')}`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      name: '测试大药房（第1分店）',
      stationName: '创新市场监督管理所',
      riskLevel: 'medium',
      creditGrade: 'B',
      tags: ['key_area_urban_rural', 'vbp'],
    });
    const device = (await office.get(`/api/entities?q=${code(3)}`)).json().items[0];
    expect(device).toMatchObject({ kind: 'device_dealer', deviceLevel: '3' });
  });

  it('a file with one bad row imports nothing and names that row', async () => {
    const before = await count(office);
    const rows = [row(10), row(11, { 统一社会信用代码: code(11).slice(0, 17) + (code(11)[17] === '0' ? '1' : '0') }), row(12)];
    const job = await importCsv(office, rows);
    expect(job.status).toBe('invalid');
    expect(job.errorCount).toBe(1);
    expect(job.errors[0]).toMatchObject({ row: 3, column: '统一社会信用代码', message: expect.stringContaining('校验码错误') });
    const res = await office.post(`/api/entity-imports/${job.id}/confirm?wait=true`);
    expect(res.statusCode).toBe(400);
    expect(await count(office)).toBe(before);
  });

  it('reports every kind of bad row with its reason', async () => {
    const rows = [
      row(20, { 所属监管所: '不存在所' }),
      row(21, { 主体类型: '外星药店' }),
      row(22, { 单位名称: '' }),
      row(23),
      row(24, { 统一社会信用代码: code(23) }),
      row(25, { 许可证有效期至: '2027-02-30' }),
      row(26, { 标签: '城乡接合部、火星' }),
    ];
    const job = await importCsv(office, rows);
    const byRow = Object.fromEntries(job.errors.map((e: any) => [e.row, e.message]));
    expect(byRow[2]).toMatch(/监管所“不存在所”/);
    expect(byRow[3]).toMatch(/主体类型“外星药店”/);
    expect(byRow[4]).toMatch(/单位名称不能为空/);
    expect(byRow[5]).toBeUndefined();
    expect(byRow[6]).toMatch(/与第5行重复/);
    expect(byRow[7]).toMatch(/不是有效日期/);
    expect(byRow[8]).toMatch(/未知的标签“火星”/);
  });

  it('re-importing a unit updates it (by credit code), audited, never duplicated', async () => {
    const job = await importCsv(office, [row(30), row(31)]);
    await office.post(`/api/entity-imports/${job.id}/confirm?wait=true`);
    const again = await importCsv(office, [
      row(30, { 联系电话: '0427-1234567', 风险等级: '高' }),
      row(31, { 单位名称: '测试大药房（第31分店·更名）' }),
    ]);
    expect(again).toMatchObject({ status: 'validated', toCreate: 0, toUpdate: 2 });
    const done = (await office.post(`/api/entity-imports/${again.id}/confirm?wait=true`)).json();
    expect(done).toMatchObject({ status: 'done', toUpdate: 2, toCreate: 0 });
    const a = (await office.get(`/api/entities?q=${code(30)}`)).json();
    expect(a.total).toBe(1);
    expect(a.items[0]).toMatchObject({ phone: '0427-1234567', riskLevel: 'high', personInCharge: '张三' });
    const b = (await office.get(`/api/entities?q=${code(31)}`)).json().items[0];
    expect(b.name).toBe('测试大药房（第31分店·更名）');
    const audit = (await office.get(`/api/audit?entityType=entity&entityId=${a.items[0].id}`)).json();
    const upd = audit.items.find((x: any) => x.action === 'entity.import_update');
    expect(upd.before.phone).toBe('13900000000');
    expect(upd.after.phone).toBe('0427-1234567');
    // The same values again: nothing is written, nothing audited.
    const same = await importCsv(office, [row(30, { 联系电话: '0427-1234567', 风险等级: '高' })]);
    const sameDone = (await office.post(`/api/entity-imports/${same.id}/confirm?wait=true`)).json();
    expect(sameDone).toMatchObject({ status: 'done', toUpdate: 0, message: expect.stringContaining('无变化 1 家') });
    const audit2 = (await office.get(`/api/audit?entityType=entity&entityId=${a.items[0].id}`)).json();
    expect(audit2.total).toBe(audit.total);
    const timeline = (await office.get(`/api/entities/${a.items[0].id}/timeline`)).json();
    expect(timeline.map((x: any) => x.title)).toEqual(expect.arrayContaining(['导入登记', '导入更新', '药品经营许可证到期']));
  });

  it('a row whose credit code and licence belong to different units is a conflict naming both, and is never written', async () => {
    const job = await importCsv(office, [row(50), row(51), row(53)]);
    await office.post(`/api/entity-imports/${job.id}/confirm?wait=true`);
    const before = (await office.get(`/api/entities?q=${encodeURIComponent('测试大药房（第5')}&pageSize=100`)).json().items;
    const unit50 = before.find((x: any) => x.creditCode === code(50));
    const unit51 = before.find((x: any) => x.creditCode === code(51));
    const unit53 = before.find((x: any) => x.creditCode === code(53));
    const bad = await importCsv(office, [
      // A new, valid credit code with unit 50's licence: not an update of unit 50.
      row(150, { 许可证编号: row(50).许可证编号, 单位名称: '另一家药店', 所属监管所: '兴隆所' }),
      // Unit 51's credit code with unit 53's licence.
      row(51, { 许可证编号: row(53).许可证编号 }),
      row(52),
    ]);
    expect(bad).toMatchObject({ status: 'invalid', errorCount: 2, toUpdate: 0 });
    const [e1, e2] = bad.errors;
    expect(e1).toMatchObject({ row: 2, column: '许可证编号' });
    expect(e1.message).toMatch(/冲突/);
    expect(e1.message).toContain(unit50.name);
    expect(e1.message).toContain(code(150));
    expect(e2).toMatchObject({ row: 3, column: '许可证编号' });
    expect(e2.message).toMatch(/冲突/);
    expect(e2.message).toContain(unit53.name);
    expect(e2.message).toContain(unit51.name);
    const res = await office.post(`/api/entity-imports/${bad.id}/confirm?wait=true`);
    expect(res.statusCode).toBe(400);
    const after = (await office.get(`/api/entities/${unit50.id}`)).json();
    expect(after).toMatchObject({ creditCode: code(50), name: unit50.name, stationName: '创新市场监督管理所' });
    expect((await office.get(`/api/entities/${unit53.id}`)).json()).toMatchObject({ creditCode: code(53), name: unit53.name });
    expect(await count(office, `&q=${code(150)}`)).toBe(0);
    expect(await count(office, `&q=${code(52)}`)).toBe(0);
  });

  it('maps differently named columns, automatically or as told', async () => {
    const headers = ['企业名称', '信用代码', '业态', '监管所', '备注列'];
    const res = await upload(
      office,
      'other.csv',
      csv([{ 企业名称: '映射测试药店', 信用代码: code(40), 业态: '单体药店', 监管所: '创新', 备注列: 'x' }], headers),
    );
    const job = res.json();
    expect(job.mapping).toMatchObject({ name: 0, creditCode: 1, kind: 2, station: 3 });
    expect(job.status).toBe('validated');
    // A header nobody recognises: the mapping is given by hand.
    const res2 = await upload(
      office,
      'odd.csv',
      csv([{ 店招: '手工映射药店', 信用代码: code(41), 业态: '单体药店', 监管所: '创新' }], ['店招', '信用代码', '业态', '监管所']),
    );
    expect(res2.json().status).toBe('invalid');
    expect(res2.json().errors[0].message).toMatch(/缺少必填列：单位名称/);
    const fixed = await office.put(`/api/entity-imports/${res2.json().id}/mapping`, { mapping: { name: 0 } });
    expect(fixed.json()).toMatchObject({ status: 'validated', valid: 1 });
  });

  it('reads .xlsx, and the template has the headers and drop-downs', async () => {
    const tpl = await office.get('/api/entities/import-template');
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as any);
    const ws = wb.getWorksheet('监管对象')!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    for (const h of [
      '单位名称',
      '统一社会信用代码',
      '主体类型',
      '许可证编号',
      '许可证有效期至',
      '所属监管所',
      '乡镇（街道）',
      '村（社区）',
      '地址',
      '法定代表人',
      '负责人',
      '联系电话',
      '风险等级',
      '信用等级',
      '医疗器械监管级别',
      '标签',
    ]) {
      expect(headers).toContain(h);
    }
    const kindCol = headers.indexOf('主体类型') + 1;
    expect(ws.getCell(2, kindCol).dataValidation).toMatchObject({ type: 'list' });
    ws.addRow(
      headers.map(
        (h) =>
          (
            ({
              单位名称: 'Excel导入药店',
              统一社会信用代码: code(50),
              主体类型: '零售药店（单体）',
              所属监管所: '振兴所',
              许可证编号: 'XLSX-0001',
              许可证有效期至: new Date(Date.UTC(2028, 0, 31)),
            }) as Record<string, unknown>
          )[h] ?? null,
      ) as any,
    );
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const job = (await upload(office, 'units.xlsx', buf)).json();
    expect(job.errors).toEqual([]);
    expect(job.valid).toBe(1);
  });
});

describe('entity list and file', () => {
  it('station users see only their jurisdiction', async () => {
    const all = (await office.get('/api/entities?pageSize=200')).json();
    const cx = (await inspectorCx.get('/api/entities?pageSize=200')).json();
    const xl = (await inspectorXl.get('/api/entities?pageSize=200')).json();
    expect(cx.total).toBeGreaterThan(0);
    expect(xl.total).toBeGreaterThan(0);
    expect(cx.total + xl.total).toBeLessThanOrEqual(all.total);
    expect(new Set(cx.items.map((e: any) => e.stationName))).toEqual(new Set(['创新市场监督管理所']));
    const foreign = xl.items[0];
    expect((await inspectorCx.get(`/api/entities/${foreign.id}`)).statusCode).toBe(404);
    expect((await inspectorXl.get(`/api/entities/${foreign.id}`)).statusCode).toBe(200);
  });

  it('a station head cannot import into another station', async () => {
    const head = await t.as('head_cx');
    const job = (await upload(head, 'x.csv', csv([row(60, { 所属监管所: '兴隆所' })]))).json();
    expect(job.errors[0].message).toMatch(/未知或不在本辖区的监管所/);
  });

  it('filters, sorts and searches by part of a Chinese name, code or address', async () => {
    const byTwo = (await office.get(`/api/entities?q=${encodeURIComponent('分店')}&sort=-name`)).json();
    expect(byTwo.total).toBeGreaterThanOrEqual(3);
    const names = byTwo.items.map((e: any) => e.name);
    expect([...names].sort().reverse()).toEqual(names);
    expect((await office.get(`/api/entities?q=${encodeURIComponent('测试路2号')}`)).json().total).toBe(1);
    // Two characters (the bigram index) match the address too.
    const twoInAddress = (await office.get(`/api/entities?q=${encodeURIComponent('台区')}&pageSize=100`)).json();
    expect(twoInAddress.total).toBeGreaterThanOrEqual(5);
    expect(twoInAddress.items.every((e: any) => e.address.includes('台区'))).toBe(true);
    expect((await office.get(`/api/entities?q=${code(2).slice(9)}`)).json().total).toBe(1);
    const dev = (await office.get('/api/entities?kinds=device_dealer&deviceLevels=3')).json();
    expect(dev.items.every((e: any) => e.deviceLevel === '3')).toBe(true);
    const tagged = (await office.get('/api/entities?tagsAny=vbp&riskLevels=medium,high')).json();
    expect(tagged.total).toBeGreaterThan(0);
    expect(tagged.items.every((e: any) => e.tags.includes('vbp') && e.riskLevel !== 'low')).toBe(true);
    const st = t.org.stations['兴隆'];
    const xl = (await office.get(`/api/entities?jurisdictionId=${st.jurisdictionId}`)).json();
    expect(xl.items.every((e: any) => e.jurisdictionId === st.jurisdictionId)).toBe(true);
  });

  it('creates and edits a unit by form, with licences flagged when expired', async () => {
    const st = t.org.stations['创新'];
    const res = await office.post('/api/entities', {
      name: '表单新增诊所',
      creditCode: makeCreditCode('92', '211103', '70000001'),
      kind: 'clinic',
      jurisdictionId: st.jurisdictionId,
      townshipId: st.townshipIds[0],
      licences: [{ kind: 'medical_practice', number: 'PDY-FORM-1', validTo: '2020-01-01' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ licenceState: 'expired', licences: [{ state: 'expired' }] });
    const bad = await office.post('/api/entities', {
      name: '坏代码',
      creditCode: '911101087226114433',
      kind: 'clinic',
      jurisdictionId: st.jurisdictionId,
    });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/校验位错误/) });
    const upd = await office.patch(`/api/entities/${res.json().id}`, {
      status: 'suspended',
      tags: ['high_risk'],
      version: res.json().version,
    });
    expect(upd.json()).toMatchObject({ status: 'suspended', tags: ['high_risk'], licences: [{ number: 'PDY-FORM-1' }] });
    expect((await inspectorCx.patch(`/api/entities/${res.json().id}`, { status: 'closed', version: upd.json().version })).statusCode).toBe(
      403,
    );
    expect((await office.patch(`/api/entities/${res.json().id}`, { name: '表单改名卫生室', version: upd.json().version })).statusCode).toBe(
      200,
    );
    expect((await office.get(`/api/entities?q=${encodeURIComponent('改名')}`)).json().items.map((e: any) => e.name)).toEqual([
      '表单改名卫生室',
    ]);
    expect((await office.get(`/api/entities?q=${encodeURIComponent('新增')}`)).json().total).toBe(0);
    const expired = (await office.get('/api/entities?licenceStates=expired')).json();
    expect(expired.items.map((e: any) => e.name)).toContain('表单改名卫生室');
  });

  it('exports the filtered list in the import layout', async () => {
    const res = await inspectorCx.get(`/api/entities/export?q=${encodeURIComponent('测试大药房')}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('监管对象')!;
    const rows = ws.getSheetValues().slice(2).filter(Boolean) as unknown[][];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => String(r[1]).includes('测试大药房') && r[8] === '创新所')).toBe(true);
  });

  it('imports and exports 经营品种 (issue #16): labels or codes in, labels out; an unknown product names its row; a blank cell keeps them', async () => {
    const bad = await importCsv(office, [row(90, { 经营品种: '感冒药、独角兽' })]);
    expect(bad.errors).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining('未知的经营品种“独角兽”') })]);
    const job = await importCsv(office, [row(91, { 经营品种: '感冒药、essential_medicine，含麻黄碱类复方制剂' }), row(92)]);
    expect(job.errors).toEqual([]);
    await office.post(`/api/entity-imports/${job.id}/confirm?wait=true`);
    const unit = (await office.get(`/api/entities?q=${code(91)}`)).json().items[0];
    expect(unit.products).toEqual(['cold_medicine', 'essential_medicine', 'ephedrine_compound']);
    expect((await office.get(`/api/entities?q=${code(92)}`)).json().items[0].products).toEqual([]);
    // Re-imported with the column blank: the products stay.
    const again = await importCsv(office, [row(91, { 地址: '兴隆台区新址1号' })]);
    await office.post(`/api/entity-imports/${again.id}/confirm?wait=true`);
    expect((await office.get(`/api/entities?q=${code(91)}`)).json().items[0].products).toEqual([
      'cold_medicine',
      'essential_medicine',
      'ephedrine_compound',
    ]);
    const res = await office.get(`/api/entities/export?q=${code(91)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('监管对象')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf('经营品种');
    expect(col).toBeGreaterThan(0);
    expect(ws.getRow(2).getCell(col).value).toBe('感冒药、国家基本药物、含麻黄碱类复方制剂');
    // The list filters by them (any of the named), as a quota population does.
    const dealing = (await office.get('/api/entities?productsAny=vaccine,ephedrine_compound&pageSize=200')).json();
    expect(dealing.items.map((e: any) => e.creditCode)).toContain(code(91));
    expect(dealing.items.every((e: any) => e.products.includes('vaccine') || e.products.includes('ephedrine_compound'))).toBe(true);
    expect(
      (await office.get('/api/entities?productsAny=vaccine&pageSize=200')).json().items.some((e: any) => e.creditCode === code(91)),
    ).toBe(false);
    expect((await office.get('/api/entities?productsAny=unicorn')).statusCode).toBe(400);
  });

  it('exports an empty list as a workbook with only the headers (not a 500)', async () => {
    const res = await inspectorCx.get(`/api/entities/export?q=${encodeURIComponent('没有这样的单位名称')}`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('监管对象')!;
    expect(ws.getRow(1).getCell(1).value).toBe('单位名称');
    expect(ws.getSheetValues().slice(2).filter(Boolean)).toEqual([]);
  });
});
