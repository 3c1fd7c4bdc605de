import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTION_ROUTES } from '../../../../contracts/submissions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/app.js';
import { testPlan } from './fixture.js';

/**
 * A table's checks before submission: within a row (`passed <= trained`) and across rows
 * (`pharm.trained <= total.trained`, 其中 ≤ 合计). A failed check over a typed cell blocks the
 * submission; one over computed cells only warns; the live table shows both kinds.
 */
let t: TestApp;
let office: Client;
let cx: Client;
let campaignId: number;

const plan = (checks: { rule: string; message?: string }[], rowMode?: 'free') =>
  testPlan('校验测试专项行动', {
  tables: [
    {
      key: 'training',
      label: '培训情况统计表',
      ...(rowMode ? { rowMode } : {}),
      rows: [
        { key: 'total', label: '合计' },
        { key: 'pharm', label: '其中：执业药师' },
      ],
      measures: [
        { key: 'visits', label: '检查家次', unit: '家次', measure: 'inspections.visits' },
        { key: 'trained', label: '培训人员', unit: '人次' },
        { key: 'passed', label: '考核合格', unit: '人次' },
      ],
      checks,
      period: 'month',
    },
  ],
  obligations: [
    {
      key: 'monthly',
      label: '培训情况月报（每月5日前）',
      rule: { every: 'month', day: 5 },
      submitters: ['各市场监管所'],
      recipient: '药品和医疗器械股',
      form: { type: 'table', table: 'training' },
    },
  ],
  });
const CHECKS = [
  { rule: 'passed <= trained', message: '考核合格人数不能超过培训人数' },
  { rule: 'pharm.trained <= total.trained', message: '其中项不能超过合计' },
  { rule: 'total.visits >= 1', message: '本月应有检查' },
];

beforeAll(async () => {
  t = await createTestApp();
  [office, cx] = await Promise.all(['office', 'inspector_cx'].map((u) => t.as(u)));
  const res = await office.post('/api/campaigns', { definition: plan(CHECKS), status: 'active' });
  expect(res.statusCode, res.body).toBe(200);
  campaignId = res.json().id;
});
afterAll(() => t?.close());

it('refuses a definition whose check names an unknown row, mixes a bare column into a cross-row check, or compares free rows', async () => {
  for (const [rule, rowMode, text] of [
    ['retail.trained <= total.trained', undefined, '不存在的行“retail”'],
    ['pharm.trained <= trained', undefined, '未指明行'],
    ['pharm.trained <= total.trained', 'free', '不能跨行校验'],
  ] as const) {
    const res = await office.post('/api/campaigns', { definition: plan([{ rule }], rowMode), status: 'active' });
    expect(res.statusCode, `${rule} ${res.body}`).toBe(400);
    expect(res.body).toContain(text);
  }
  const f = await office.post('/api/campaigns', {
    definition: { ...plan([]), tables: [{ ...plan([]).tables[0], measures: [...plan([]).tables[0].measures, { key: 'x', label: 'x', formula: 'total.trained' }] }] },
    status: 'active',
  });
  expect(f.statusCode).toBe(400);
  expect(f.body).toContain('公式只能引用本行的列');
});

it('judges typed cells within and across rows before submission: typed → blocks, computed only → warns', async () => {
  const created = await cx.post('/api/reports/submissions', { campaignId, obligationKey: 'monthly', dueDate: '2026-11-05' });
  expect(created.statusCode, created.body).toBe(200);
  let s = created.json();
  const put = await cx.put(`/api/reports/submissions/${s.id}`, {
    version: s.version,
    cells: { total: { trained: 10, passed: 12 }, pharm: { trained: 11, passed: 5 } },
  });
  expect(put.statusCode, put.body).toBe(200);
  s = put.json();
  const byRule = (rule: string) => s.checks.filter((c: any) => c.rule === rule);
  expect(byRule('passed <= trained')).toEqual([
    expect.objectContaining({ level: 'error', row: 'total', column: 'passed', message: '合计：考核合格人数不能超过培训人数（passed <= trained）' }),
  ]);
  expect(byRule('pharm.trained <= total.trained')).toEqual([
    expect.objectContaining({ level: 'error', row: 'pharm', column: 'trained', message: '其中项不能超过合计（pharm.trained <= total.trained）' }),
  ]);
  // No inspection in the period: the computed cell fails its check, which only warns.
  expect(byRule('total.visits >= 1')).toEqual([expect.objectContaining({ level: 'warning', row: 'total', column: 'visits' })]);

  const submit = (x: any) =>
    cx.post(`/api/reports/submissions/${x.id}/${ACTION_ROUTES.submit}`, { action: 'submit', version: x.version });
  const refused = await submit(s);
  expect(refused.statusCode).toBe(400);
  expect(refused.json()).toMatchObject({ code: 'ROW_CHECK_FAILED', message: expect.stringContaining('其中项不能超过合计') });
  const [row] = ((await t.database.db.execute(sql`select status, version from report_submissions where id = ${s.id}`)) as any).rows;
  expect(row).toEqual({ status: 'draft', version: s.version });

  // Corrected: only the warning is left, and the report goes up.
  s = (
    await cx.put(`/api/reports/submissions/${s.id}`, {
      version: s.version,
      cells: { total: { trained: 12, passed: 12 }, pharm: { trained: 11, passed: 5 } },
    })
  ).json();
  expect(s.checks.filter((c: any) => c.rule).map((c: any) => [c.rule, c.level])).toEqual([['total.visits >= 1', 'warning']]);
  const sent = await submit(s);
  expect(sent.statusCode, sent.body).toBe(200);
});

it('shows a cross-row check on the live table once, for the table (row "")', async () => {
  const cxJ = ((await t.database.db.execute(sql`select id from jurisdictions where name = '创新市场监督管理所'`)) as any).rows[0].id;
  const res = await office.get(`/api/reports/campaigns/${campaignId}/tables/training?jurisdictionId=${cxJ}&date=2026-10-31`);
  expect(res.statusCode, res.body).toBe(200);
  const checks = res.json().checks;
  // Typed cells are empty on the live table: checks over them are not judged (null).
  expect(checks.filter((c: any) => c.rule === 'pharm.trained <= total.trained')).toEqual([
    { row: '', rule: 'pharm.trained <= total.trained', message: '其中项不能超过合计', ok: null },
  ]);
  expect(checks.filter((c: any) => c.rule === 'passed <= trained').map((c: any) => c.row)).toEqual(['total', 'pharm']);
  expect(checks.find((c: any) => c.rule === 'total.visits >= 1')).toMatchObject({ row: '', ok: false });
});
