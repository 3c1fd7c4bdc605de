import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { syntheticOutput } from '../fixtures/output-rows.js';
import { planWorkbook } from './export-plan.js';
import { printHtml } from './print-plan.js';

const head = { name: '测试方案', campaignName: '药品安全专项整治', status: '已发布', seed: 7 };

async function read(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  return wb;
}

describe('plan workbook (streamed)', () => {
  it('round-trips 3,000 tasks through the reader: every row, in order, with its values; header frozen', async () => {
    const { tasks, coverage } = syntheticOutput(3000);
    const wb = await read(await planWorkbook(tasks, coverage));
    const ts = wb.getWorksheet('检查任务')!;
    expect(ts.getRow(1).values).toEqual([
      undefined,
      '监管所',
      '检查对象',
      '类型',
      '地址',
      '第几次',
      '检查时段',
      '对应指标',
      '检查人员',
      '抽取权重因素',
      '手工调整',
      '状态',
      '完成日期',
    ]);
    expect(ts.getRow(1).getCell(3).font?.bold).toBe(true);
    expect(ts.getRow(2).getCell(3).font?.bold).toBeFalsy();
    expect(ts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ts.getColumn(2).width).toBe(32);
    const data = (ts.getSheetValues().slice(2) as unknown[][]).filter(Boolean);
    expect(data).toHaveLength(3000);
    expect(data.map((r) => r[2])).toEqual(tasks.map((t) => t.entityName));
    expect(data[1]).toEqual([
      undefined,
      '第1市场监督管理所',
      '第1所测试大药房（第1分店）',
      '零售药店（连锁门店）',
      '测试路1号',
      2,
      '2026-04-01 至 2026-09-30',
      '零售药店全覆盖；集采中选药品',
      '张三、李四',
      undefined,
      undefined,
      '已完成',
      '2026-05-06',
    ]);
    // Empty values are empty cells; the unit named with markup is plain text in its cell.
    expect(data[0]![2]).toBe(`<x-u>"单位"&'0'</x-u>`);
    const cs = wb.getWorksheet('覆盖情况')!;
    expect((cs.getSheetValues().slice(2) as unknown[][]).filter(Boolean)).toHaveLength(coverage.length);
    expect(cs.getRow(3).values).toEqual([undefined, '集采中选药品', '第1所', 'D', 1, '行动期间', 40, 38, 20, 20, 2]);
  });

  it('names the county of a row counted per county, and 全部 for a campaign-wide row', async () => {
    const { coverage } = syntheticOutput(1);
    const base = { ...coverage[0], stationId: null, stationShortName: null };
    const rows = [
      { ...base, area: { level: 'county' as const, id: '7' }, areaName: '兴隆台区' },
      { ...base, area: null, areaName: undefined },
    ];
    const cs = (await read(await planWorkbook([], rows))).getWorksheet('覆盖情况')!;
    expect([cs.getRow(2).getCell(2).value, cs.getRow(3).getCell(2).value]).toEqual(['兴隆台区', '全部']);
  });

  it('an empty plan is a valid workbook with only the headers', async () => {
    const wb = await read(await planWorkbook([], []));
    for (const name of ['检查任务', '覆盖情况']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.getRow(1).getCell(1).value).toBeTruthy();
      expect((ws.getSheetValues().slice(2) as unknown[][]).filter(Boolean)).toEqual([]);
    }
  });
});

describe('print view', () => {
  it('has one row per task in its station section and escapes every value', () => {
    const { tasks, coverage } = syntheticOutput(3000);
    const page = printHtml(head, tasks, coverage, '2026-12-01 09:00');
    expect(page.match(/<section>/g)).toHaveLength(20);
    expect(page.match(/<tr><td>\d+<\/td>/g)).toHaveLength(3000);
    expect(page).toContain('<h2>第1市场监督管理所（150 项）</h2>');
    expect(page).not.toContain('<x-u>');
    expect(page).toContain('<td>&lt;x-u&gt;&quot;单位&quot;&amp;&#39;0&#39;&lt;/x-u&gt;</td>');
    expect(page).toContain('<td>集采中选药品（D级）</td><td>40</td><td>38</td><td>20</td><td>20（对象不足 2）</td>');
    expect(page).toContain('<td>2026-04-01—2026-09-30</td>');
    expect(page).toContain('<td>行动期间</td>');
    expect(page.match(/<script>/g)).toHaveLength(1);
  });

  it('an empty plan prints its heading and no sections', () => {
    const page = printHtml({ ...head, name: '<i>方案</i>' }, [], [], '2026-12-01 09:00');
    expect(page).toContain('<title>&lt;i&gt;方案&lt;/i&gt;</title>');
    expect(page).not.toContain('<section>');
  });
});
