import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiToday } from '../../../contracts/calendar.js';
import { checklistFor } from '../../../contracts/checklists/index.js';
import type { DrillResult, RollupResult, TableResult } from '../../../contracts/reports.js';
import { lastMonthEnd } from '../../core/measure-summaries.js';
import { pointOf, type Measure } from '../../core/extensions.js';
import { rows as sqlRows } from '../../core/sql.js';
import { seedDemoDocuments } from '../../demo/seed-documents.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { multipartFile } from '../../../test/multipart.js';
import { getTemplate } from '../campaigns/templates.js';

/**
 * Statistical tables against a small known record built through the API: 附件1 of seed 004 and the
 * work lines of 附件3 of seed 003, every cell with an implementation checked against hand-computed
 * values, the roll-up (station lines, own level, totals, ranking), drill totals, formulas and checks,
 * Excel layout and bad input.
 *
 * The record (all today, 兴隆台区):
 *   创新所: pharmacy A inspected twice (once with a finding), pharmacy B once, clinic C once, a draft
 *           (unsigned) inspection of B; case K1 on A decided with a fine of 123,456 元; case K3 on C
 *           filed and referred to the police; risks R1 (closed) and R2 (open); a station consultation
 *           with 2 items.
 *   兴隆所: pharmacy D inspected once; case K2 on D filed (简易程序, not decided).
 *   局本级: a risk consultation with 1 item, a case consultation (not counted).
 */
let t: TestApp;
let office: Client, cx: Client, head: Client, xl: Client, enforcer: Client, leader: Client, viewer: Client;
const today = shanghaiToday();
const ids: Record<string, number> = {};
let png: string;
let photo: Buffer;
let c004: number;
let c003: number;
let district: number;
let cxJ: number;
let xlJ: number;
const q = async (s: ReturnType<typeof sql>) => ((await t.database.db.execute(s)) as any).rows as any[];
const count = async (table: string) => Number((await q(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n);
async function ok(res: { statusCode: number; body: string; json(): any }): Promise<any> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function inspection(entityId: number, kind: string, inspectorIds: number[], second: number, withFinding: boolean) {
  const c = checklistFor(null, kind);
  const items = c.sections.flatMap((s) => s.items);
  return {
    clientId: randomUUID(),
    entityId,
    kind: 'special',
    date: today,
    startedAt: '09:00',
    endedAt: '10:00',
    staffCount: 2,
    inspectorIds,
    checklistKey: c.key,
    answers: items.map((i, n) => ({
      itemKey: i.key,
      result: withFinding && n === 0 ? ('fail' as const) : ('pass' as const),
      note: withFinding && n === 0 ? '执业药师不在岗' : undefined,
    })),
    findings: withFinding ? [{ itemKey: items[0].key, severity: 'serious', legalBasis: '《药品经营质量管理规范》', description: '执业药师不在岗' }] : [],
    measures: withFinding ? [{ kind: 'rectify', deadline: addDays(today, 10) }] : [],
    signatures: [
      { signer: 'inspector', userId: inspectorIds[0], image: png },
      { signer: 'inspector', userId: second, password: 'demo1234', image: png },
      { signer: 'unit', name: '王店长', title: '质量负责人', image: png },
    ],
  };
}

const filing = (entityId: number, over: Record<string, unknown> = {}) => ({
  entityId,
  procedure: 'ordinary',
  violationType: 'substandard-drug',
  facts: '当事人在零售药店内销售超过有效期的阿莫西林胶囊',
  goodsValue: 800,
  violationDate: addDays(today, -30),
  persons: [{ name: '王某', role: '主要负责人' }],
  source: { type: 'inspection', id: 1 },
  ...over,
});
const VIA: Record<string, string> = { pass_review: 'review', decide: 'approve', approve_filing: 'approve' };
const step = (c: Client, x: any, action: string, extra: Record<string, unknown> = {}) =>
  c.post(`/api/cases/${x.id}/${VIA[action] ?? 'transition'}`, { action, version: x.version, ...extra });

/** A definition around today (seed 003's 附件3 tables and case data, plus a ratio table) for period checks. */
function defAroundToday(extraTables: unknown[] = []) {
  const d = structuredClone(getTemplate('seed-003')!.definition);
  const year = Number(today.slice(0, 4));
  return {
    schemaVersion: 1,
    name: '附件3测试行动',
    issuer: '兴隆台区市场监督管理局',
    period: { from: `${year - 1}-07-01`, to: `${year + 1}-06-30` },
    organisation: structuredClone(getTemplate('seed-000')!.definition.organisation),
    tables: [...d.tables.filter((x) => ['risk-work', 'risk-totals', 'case-stats'].includes(x.key)), ...extraTables],
  };
}
/**
 * Seed 004's 附件1 exactly as the template has it, in a definition of the demo bureau (the template's
 * own units are 宜春市's): no period (the plan gives none), monthly, cumulative from 2023-07-01.
 */
function def004() {
  return {
    schemaVersion: 1,
    name: '附件1测试行动',
    issuer: '兴隆台区市场监督管理局',
    organisation: structuredClone(getTemplate('seed-000')!.definition.organisation),
    tables: structuredClone(getTemplate('seed-004')!.definition.tables),
  };
}
const RATIO_TABLE = {
  key: 'ratio',
  label: '检查与立案比例',
  rows: [
    { key: 'retail', label: '零售药店', kinds: ['pharmacy_chain', 'pharmacy_single'] },
    { key: 'users', label: '药品使用单位', kinds: ['medical_institution', 'clinic'] },
  ],
  measures: [
    { key: 'inspected', label: '检查单位数量', unit: '家', measure: 'inspections.units' },
    { key: 'cases', label: '立案数', unit: '件', measure: 'cases.filed' },
    { key: 'rate', label: '立案率', unit: '%', formula: 'cases / inspected * 100', decimals: 1 },
    { key: 'trained', label: '培训人数', unit: '人' },
  ],
  checks: [{ rule: 'cases <= inspected', message: '立案数不应多于检查单位数' }],
  period: 'month',
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoDocuments(t.database.db, t.org);
  [office, cx, head, xl, enforcer, leader, viewer] = await Promise.all(
    ['office', 'inspector_cx', 'head_cx', 'inspector_xl', 'enforcer', 'leader', 'viewer'].map((u) => t.as(u)),
  );
  for (const r of await q(sql`select id, username from users where username in ('inspector_cx','head_cx','inspector_xl','enforcer')`))
    ids[r.username] = r.id;
  cxJ = t.org.stations['创新'].jurisdictionId;
  xlJ = t.org.stations['兴隆'].jurisdictionId;
  district = (await q(sql`select parent_id from jurisdictions where id = ${cxJ}`))[0].parent_id;
  const img = await sharp({ create: { width: 60, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
    .png()
    .toBuffer();
  png = `data:image/png;base64,${img.toString('base64')}`;
  photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  const mk = async (name: string, kind: string, jurisdictionId: number) =>
    (await ok(await office.post('/api/entities', { name, kind, jurisdictionId }))).id as number;
  ids.A = await mk('报表甲大药房', 'pharmacy_single', cxJ);
  ids.B = await mk('报表乙连锁药店', 'pharmacy_chain', cxJ);
  ids.C = await mk('报表丙诊所', 'clinic', cxJ);
  ids.D = await mk('报表丁药房', 'pharmacy_single', xlJ);

  // Inspections: A twice (one finding), B, C, D once each; a draft of B that is never signed.
  const pair = [ids.inspector_cx, ids.head_cx];
  for (const [e, kind, f] of [
    [ids.A, 'pharmacy_single', true],
    [ids.A, 'pharmacy_single', false],
    [ids.B, 'pharmacy_chain', false],
    [ids.C, 'clinic', false],
  ] as const) {
    const done = await ok(await cx.post('/api/inspections', inspection(e, kind, pair, ids.head_cx, f)));
    expect(done.status).toBe('done');
  }
  // 兴隆所's second inspector signs with a password on the same phone (demo colleagues have none: set one).
  const [mate] = await q(
    sql`select id from users where jurisdiction_id = ${xlJ} and role = 'inspector' and username <> 'inspector_xl' order by id limit 1`,
  );
  await t.database.db.execute(
    sql`update users set password_hash = (select password_hash from users where username = 'inspector_xl') where id = ${mate.id}`,
  );
  const d = await ok(await xl.post('/api/inspections', inspection(ids.D, 'pharmacy_single', [ids.inspector_xl, mate.id], mate.id, false)));
  expect(d.status).toBe('done');
  const draft = inspection(ids.B, 'pharmacy_chain', pair, ids.head_cx, false);
  draft.signatures = draft.signatures.filter((s) => !('password' in s));
  expect((await ok(await cx.post('/api/inspections', draft))).status).toBe('draft');

  // K1: ordinary case on A, decided with a fine of 123,456 元.
  let k1 = await ok(await enforcer.post('/api/cases', filing(ids.A)));
  k1 = await ok(await step(leader, k1, 'approve_filing'));
  k1 = await ok(await enforcer.put(`/api/cases/${k1.id}/penalty`, { article: 'drug-law-117-retail', tier: 'base', fine: 123_456, version: k1.version }));
  k1 = await ok(await step(enforcer, k1, 'submit_review'));
  k1 = await ok(await step(await t.as('dept'), k1, 'pass_review'));
  k1 = await ok(await step(enforcer, k1, 'notify'));
  k1 = await ok(await step(leader, k1, 'decide'));
  expect(k1).toMatchObject({ status: 'decided', fine: 123_456 });
  // K2: 简易程序 case on D (filed at once, not decided).
  const k2 = await ok(await enforcer.post('/api/cases', filing(ids.D, { procedure: 'simple' })));
  expect(k2.filedOn).toBe(today);
  // K3: case on clinic C, referred to the police.
  let k3 = await ok(await enforcer.post('/api/cases', filing(ids.C, { violationType: 'fake-drug', goodsValue: 60_000 })));
  k3 = await ok(await step(leader, k3, 'approve_filing'));
  k3 = await ok(await enforcer.post(`/api/cases/${k3.id}/referral`, { version: k3.version, reason: '涉嫌销售假药罪' }));
  let r = await ok(await leader.post(`/api/referrals/${k3.referral.id}/approve`, { action: 'approve', version: k3.referral.version }));
  r = await ok(await enforcer.post(`/api/referrals/${r.id}/transition`, { action: 'send', version: r.version, policeUnit: '兴隆台公安分局' }));
  expect(r.status).toBe('sent');

  // Risks: R1 closed (evidence, verified by the head), R2 open.
  const risk = (title: string) => ({
    channel: 'inspection',
    category: 'drug',
    title,
    description: '检查发现处方药未凭处方销售',
    level: 'general',
    controlMeasure: '责令改正',
    ownerId: ids.inspector_cx,
    deadline: addDays(today, 20),
    entityIds: [ids.A],
  });
  let r1 = await ok(await cx.post('/api/risks', risk('报表风险一')));
  r1 = await ok(await cx.post(`/api/risks/${r1.id}/transition`, { action: 'control', version: r1.version }));
  await ok(
    await cx.request({ method: 'POST', url: `/api/risks/${r1.id}/files`, ...multipartFile('file', '整改.jpg', photo, 'image/jpeg', { note: '已整改' }) }),
  );
  r1 = await ok(await cx.get(`/api/risks/${r1.id}`));
  r1 = await ok(await cx.post(`/api/risks/${r1.id}/transition`, { action: 'request_closure', note: '已整改', version: r1.version }));
  r1 = await ok(await head.post(`/api/risks/${r1.id}/transition`, { action: 'close', note: '核实', version: r1.version }));
  expect(r1.status).toBe('closed');
  await ok(await cx.post('/api/risks', risk('报表风险二')));
  // Consultations: the station's (2 items), the bureau's own (1 item), a case consultation (not counted).
  await ok(await head.post('/api/consultations', { kind: 'risk', heldOn: today, host: '所长', items: [{ topic: '处方药' }, { topic: '冷链' }] }));
  await ok(await office.post('/api/consultations', { kind: 'risk', heldOn: today, host: '副局长', items: [{ topic: '共性风险研判' }] }));
  await ok(await office.post('/api/consultations', { kind: 'case', heldOn: today, host: '副局长', items: [{ topic: '案件定性' }] }));

  c004 = (await ok(await office.post('/api/campaigns', { definition: def004(), status: 'active' }))).id;
  c003 = (await ok(await office.post('/api/campaigns', { definition: defAroundToday([RATIO_TABLE]), status: 'active' }))).id;

  // The drill-down of measures whose module has no `drill` yet (h/measures adds one to each): a
  // plain SQL listing with the measure's own filter, so the route is tested now and keeps passing after.
  const measures = pointOf(t.app.ext, 'measures');
  const cf = measures.find((m) => m.key === 'cases.filed')! as Measure;
  cf.drill ??= async (db, f, o) => {
    const where = sql`c.filed_on between ${f.from}::date and ${f.to}::date
      and c.jurisdiction_id = any(array(select id from jurisdictions where path like ${f.path + '%'}))
      ${f.entityKinds?.length ? sql`and e.kind in (${sql.join(f.entityKinds.map((k) => sql`${k}`), sql`, `)})` : sql``}
      ${o.jurisdictionId ? sql`and c.jurisdiction_id = ${o.jurisdictionId}` : sql``}`;
    const [{ n }] = await sqlRows<{ n: number }>(db, sql`select count(*)::int as n from cases c join entities e on e.id = c.entity_id where ${where}`);
    const list = await sqlRows<any>(
      db,
      sql`select c.id, coalesce(c.case_no, '（未编号）') as label, c.filed_on::text as date, c.jurisdiction_id as "jurisdictionId",
                 e.id as "entityId", e.name as "entityName"
          from cases c join entities e on e.id = c.entity_id where ${where} order by c.id limit ${o.limit} offset ${o.offset}`,
    );
    return { total: Number(n), rows: list.map((x) => ({ type: 'case', ...x })) };
  };
}, 240_000);
afterAll(() => t?.close());

const table = (id: number, key: string, query = '') => viewer.get(`/api/reports/campaigns/${id}/tables/${key}?jurisdictionId=${district}${query}`);
const cells = (res: TableResult, row: string) => Object.fromEntries(Object.entries(res.rows.find((r) => r.key === row)!.cells).map(([k, c]) => [k, c.value]));

describe('附件1 of seed 004 (药品经营使用环节巩固提升行动工作情况统计表)', () => {
  it('computes every implemented cell from the record (cumulative from 2023-07-01; 罚没款 in 万元, 2 places)', async () => {
    const res: TableResult = await ok(await table(c004, 'stats', `&date=${today}`));
    expect(res.period.from).toBe('2023-07-01');
    expect(res.cumulative).toBe(true);
    expect(res.columns.find((c) => c.key === 'fines')).toMatchObject({ unit: '万元', decimals: 2, measure: 'cases.fines' });
    // inspected: distinct units with a signed inspection (A counted once, B's draft not counted).
    // violators/rectified/revoked: no implementation on this branch yet → null, never 0.
    expect(cells(res, 'retail')).toMatchObject({ inspected: 3, cases: 2, fines: 12.35, referred: 0 });
    expect(cells(res, 'users')).toMatchObject({ inspected: 1, cases: 1, fines: 0, referred: 1 });
    expect(cells(res, 'online')).toMatchObject({ inspected: 0, cases: 0, fines: 0, referred: 0 });
    const implemented = new Set(pointOf(t.app.ext, 'measures').map((m) => m.key));
    for (const col of ['violators', 'rectified', 'revoked']) {
      const m = res.columns.find((c) => c.key === col)!.measure!;
      if (!implemented.has(m as never)) expect(cells(res, 'retail')[col], col).toBeNull();
    }
    // The station's own table: 创新所 only.
    const cx1: TableResult = await ok(await viewer.get(`/api/reports/campaigns/${c004}/tables/stats?jurisdictionId=${cxJ}`));
    expect(cells(cx1, 'retail')).toMatchObject({ inspected: 2, cases: 1, fines: 12.35 });
    expect(cells(cx1, 'users')).toMatchObject({ inspected: 1, cases: 1, referred: 1 });
  });

  it('a start saved after the app started: summaries built for it in the background from the save, same figures', async () => {
    // The campaign was created after the app's start-up build: its 2023-07-01 start was not kept
    // then; saving the definition asked for it (a read meanwhile is answered by the raw SQL).
    const testStart = new Date();
    const kept = async () => (await q(sql`select 1 from measure_starts where since = '2023-07-01'`)).length > 0;
    const asked = await q(sql`select created_at from jobs where kind = 'reports.measure-start' and payload->>'since' = '2023-07-01'`);
    expect(asked).toHaveLength(1);
    expect(new Date(asked[0].created_at).getTime()).toBeLessThanOrEqual(testStart.getTime());
    const first: TableResult = await ok(await table(c004, 'stats', `&date=${today}`));
    for (let i = 0; i < 200 && !(await kept()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await kept()).toBe(true);
    const jobs = await q(sql`select status from jobs where kind = 'reports.measure-start'`);
    expect(jobs).toEqual([{ status: 'done' }]);
    const again: TableResult = await ok(await table(c004, 'stats', `&date=${today}`));
    expect(again.rows).toEqual(first.rows);
    // Reading again asks for nothing more.
    expect(await q(sql`select status from jobs where kind = 'reports.measure-start'`)).toHaveLength(1);
  });

  it('a month end passed since the app started: marked in the background on the next read, same figures', async () => {
    // As if the app had started before last month ended: no mark at that month end yet.
    const at = lastMonthEnd(today);
    await q(sql`delete from measure_marks where at = ${at}::date`);
    await q(sql`delete from measure_mark_days where at = ${at}::date`);
    const marked = async () => (await q(sql`select 1 from measure_mark_days where at = ${at}::date`)).length > 0;
    const first: TableResult = await ok(await table(c004, 'stats', `&date=${today}`));
    for (let i = 0; i < 200 && !(await marked()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await marked()).toBe(true);
    expect(await q(sql`select status from jobs where kind = 'reports.measure-mark'`)).toEqual([{ status: 'done' }]);
    const again: TableResult = await ok(await table(c004, 'stats', `&date=${today}`));
    expect(again.rows).toEqual(first.rows);
    await ok(await table(c004, 'stats', `&date=${today}`));
    expect(await q(sql`select status from jobs where kind = 'reports.measure-mark'`)).toHaveLength(1);
  });

  it('rolls up: a line per station, the bureau’s own level, totals and ranking', async () => {
    const g: RollupResult = await ok(await viewer.get(`/api/reports/campaigns/${c004}/tables/stats/rollup?jurisdictionId=${district}&sort=inspected`));
    expect(g.row).toEqual({ key: null, label: '合计' });
    expect(g.lines).toHaveLength(12); // 11 stations + 本级
    const line = (id: number, own = false) => g.lines.find((l) => l.jurisdictionId === id && l.own === own)!;
    expect(line(cxJ).values).toMatchObject({ inspected: 3, cases: 2, fines: 12.35, referred: 1 });
    expect(line(xlJ).values).toMatchObject({ inspected: 1, cases: 1, fines: 0, referred: 0 });
    expect(line(district, true)).toMatchObject({ name: expect.stringContaining('（本级）'), values: { inspected: 0, cases: 0 } });
    expect(g.totals).toMatchObject({ inspected: 4, cases: 3, fines: 12.35, referred: 1 });
    expect([line(cxJ).rank, line(xlJ).rank]).toEqual([1, 2]);
    expect(g.lines[0].jurisdictionId).toBe(cxJ);
    expect(g.lines.filter((l) => l.rank === 3)).toHaveLength(10);
    expect(g.lines.every((l) => l.submissions === null)).toBe(true);
    const one: RollupResult = await ok(await viewer.get(`/api/reports/campaigns/${c004}/tables/stats/rollup?jurisdictionId=${district}&row=users`));
    expect(one.row.label).toBe('药品使用单位');
    expect(one.totals).toMatchObject({ inspected: 1, cases: 1, referred: 1 });
    expect(one.lines.find((l) => l.jurisdictionId === cxJ)!.values).toMatchObject({ inspected: 1, cases: 1 });
  });

  it('drills into a cell: the records behind the number, same filter, paged, scoped', async () => {
    const d: DrillResult = await ok(await viewer.get(`/api/reports/campaigns/${c004}/tables/stats/drill?jurisdictionId=${district}&row=retail&column=cases`));
    expect(d.total).toBe(2);
    expect(d.rows.map((r) => r.entityName).sort()).toEqual(['报表丁药房', '报表甲大药房']);
    expect(d.rows.find((r) => r.entityId === ids.D)!.jurisdictionName).toContain('兴隆');
    const users: DrillResult = await ok(await viewer.get(`/api/reports/campaigns/${c004}/tables/stats/drill?jurisdictionId=${district}&row=users&column=cases`));
    expect(users.total).toBe(1);
    const own: DrillResult = await ok(
      await viewer.get(`/api/reports/campaigns/${c004}/tables/stats/drill?jurisdictionId=${district}&row=retail&column=cases&only=own`),
    );
    expect(own.total).toBe(0);
    // The 创新所 inspector sees his station's records only; another station's area is not his.
    const mine: DrillResult = await ok(await cx.get(`/api/reports/campaigns/${c004}/tables/stats/drill?row=retail&column=cases`));
    expect(mine.total).toBe(1);
    expect((await cx.get(`/api/reports/campaigns/${c004}/tables/stats/drill?jurisdictionId=${xlJ}&row=retail&column=cases`)).statusCode).toBe(404);
    expect((await cx.get(`/api/reports/campaigns/${c004}/tables/stats/rollup?jurisdictionId=${district}`)).statusCode).toBe(404);
  });

  it('exports the table in the plan’s layout and the roll-up with units as rows', async () => {
    const res = await viewer.get(`/api/reports/campaigns/${c004}/tables/stats/export?jurisdictionId=${district}&date=${today}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    // A merged range reads as its first cell's value in every cell: consecutive repeats are one cell.
    const text = (r: number) =>
      (ws.getRow(r).values as unknown[])
        .filter((v) => v !== null && v !== undefined)
        .map(String)
        .filter((v, i, a) => i === 0 || a[i - 1] !== v);
    expect(ws.model.merges).toContain('A1:H1');
    expect(text(1)).toEqual(['药品经营使用环节巩固提升行动工作情况统计表']);
    expect(text(2)[0]).toMatch(/^填报单位（盖章）：.*兴隆台/);
    expect(text(2)[1]).toContain('时间：2023-07-01 至');
    expect(text(3)).toEqual([
      '类别',
      '检查单位数量（家）',
      '发现违规单位数量（家）',
      '完成整改单位数量（家）',
      '已立案查处数量（件）',
      '罚没款金额（万元）',
      '吊销许可证数量（家）',
      '移送公安机关案件数量（家）',
    ]);
    expect(ws.getRow(4).getCell(1).value).toBe('零售药店');
    expect(ws.getRow(4).getCell(2).value).toBe(3);
    expect(ws.getRow(4).getCell(6).value).toBe(12.35);
    expect(ws.getRow(6).getCell(1).value).toBe('药品网络销售单位');
    expect(String(ws.getRow(7).getCell(1).value)).toBe('注：本统计表内数据为自2023年7月1号起累计数据；以省局智慧监管平台执法案件系统报送数据为准。');

    const g = await viewer.get(`/api/reports/campaigns/${c004}/tables/stats/rollup/export?jurisdictionId=${district}&sort=inspected`);
    expect(g.statusCode).toBe(200);
    const wg = new ExcelJS.Workbook();
    await wg.xlsx.load(g.rawPayload as never);
    const sg = wg.worksheets[0];
    expect(sg.getRow(3).getCell(1).value).toBe('单位');
    expect(sg.getRow(3).getCell(9).value).toBe('排名');
    expect(String(sg.getRow(4).getCell(1).value)).toContain('创新');
    expect(sg.getRow(4).getCell(2).value).toBe(3);
    const last = sg.getRow(3 + 12 + 1);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(2).value).toBe(4);
  });
});

describe('附件3 of seed 003 (work lines) and a ratio table', () => {
  it('computes 家次 by kind, risks found/closed and meetings at the own level and below', async () => {
    const work: TableResult = await ok(await table(c003, 'risk-work'));
    // 家次: A twice, B, C (创新) and D (兴隆) = 5 signed inspections of 零售企业及使用单位.
    expect(cells(work, 'retail_users')).toEqual({ inspected: 5 });
    expect(cells(work, 'producers')).toEqual({ inspected: 0 });
    expect(cells(work, 'wholesale')).toEqual({ inspected: 0 });
    // 制剂室: no record holds it, typed in by the unit.
    expect(work.rows.find((r) => r.key === 'prep_rooms')!.cells.inspected).toEqual({ value: null, source: 'input' });
    const totals: TableResult = await ok(await table(c003, 'risk-totals'));
    expect(cells(totals, 'total')).toMatchObject({
      hazards_found: 2,
      hazards_closed: 1,
      own_consultations: 1,
      own_consultation_items: 1,
      sub_consultations: 1,
      sub_consultation_items: 2,
    });
    // The station's own view: its meeting is its own level; nothing below it.
    const st: TableResult = await ok(await viewer.get(`/api/reports/campaigns/${c003}/tables/risk-totals?jurisdictionId=${cxJ}`));
    expect(cells(st, 'total')).toMatchObject({ own_consultations: 1, own_consultation_items: 2, sub_consultations: 0, hazards_found: 2 });
  });

  it('rolls 附件3 up: stations carry their meetings, the own level the bureau’s', async () => {
    const g: RollupResult = await ok(await viewer.get(`/api/reports/campaigns/${c003}/tables/risk-totals/rollup?jurisdictionId=${district}`));
    const line = (id: number, own = false) => g.lines.find((l) => l.jurisdictionId === id && l.own === own)!;
    expect(line(cxJ).values).toMatchObject({ hazards_found: 2, hazards_closed: 1, own_consultations: 1, sub_consultations: 1 });
    expect(line(district, true).values).toMatchObject({ own_consultations: 1, own_consultation_items: 1, sub_consultations: null, hazards_found: 0 });
    expect(g.totals).toMatchObject({ own_consultations: 1, sub_consultations: 1, sub_consultation_items: 2, hazards_found: 2 });
  });

  it('computes formula columns per line (recomputed at the roll-up, never summed) and judges row checks', async () => {
    const res: TableResult = await ok(await table(c003, 'ratio'));
    expect(cells(res, 'retail')).toEqual({ inspected: 3, cases: 2, rate: 66.7, trained: null });
    expect(cells(res, 'users')).toEqual({ inspected: 1, cases: 1, rate: 100, trained: null });
    expect(res.rows[0].cells.rate.source).toBe('formula');
    expect(res.checks).toEqual([
      { row: 'retail', rule: 'cases <= inspected', message: '立案数不应多于检查单位数', ok: true },
      { row: 'users', rule: 'cases <= inspected', message: '立案数不应多于检查单位数', ok: true },
    ]);
    const g: RollupResult = await ok(await viewer.get(`/api/reports/campaigns/${c003}/tables/ratio/rollup?jurisdictionId=${district}`));
    // 合计 of both rows: 4 units, 3 cases → 75.0 % (not 66.7 + 100).
    expect(g.totals).toMatchObject({ inspected: 4, cases: 3, rate: 75 });
    expect(g.lines.find((l) => l.jurisdictionId === cxJ)!.values).toMatchObject({ inspected: 3, cases: 2, rate: 66.7 });
    expect(g.lines.find((l) => l.jurisdictionId === xlJ)!.values).toMatchObject({ inspected: 1, cases: 1, rate: 100 });
    // A station without records: 0 / 0 → no rate (null), not 0.
    expect(g.lines.find((l) => l.own)!.values.rate).toBeNull();
    // A typed or formula cell has no records behind it.
    for (const [row, column] of [
      ['retail', 'rate'],
      ['retail', 'trained'],
    ]) {
      const r = await viewer.get(`/api/reports/campaigns/${c003}/tables/ratio/drill?jurisdictionId=${district}&row=${row}&column=${column}`);
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'CELL_NOT_COMPUTED', message: expect.stringContaining('没有明细') });
    }
    const typed = await viewer.get(`/api/reports/campaigns/${c003}/tables/risk-work/drill?jurisdictionId=${district}&row=prep_rooms&column=inspected`);
    expect(typed.statusCode).toBe(400);
  });
});

describe('bad input', () => {
  it('refuses definitions naming an unknown measure, a formula with an unknown key or a cycle, a check on unknown columns — nothing stored', async () => {
    const before = await count('campaigns');
    const bad = (tables: unknown[]) => office.post('/api/campaigns', { definition: defAroundToday(tables) });
    const cases: [unknown, string][] = [
      [{ ...RATIO_TABLE, measures: [{ key: 'x', label: 'x', measure: 'inspections.nope' }] }, '未知的统计指标'],
      [{ ...RATIO_TABLE, measures: [...RATIO_TABLE.measures, { key: 'y', label: 'y', formula: 'nope * 2' }] }, '不存在的列“nope”'],
      [
        {
          ...RATIO_TABLE,
          measures: [...RATIO_TABLE.measures, { key: 'p', label: 'p', formula: 'q + 1' }, { key: 'q', label: 'q', formula: 'p - 1' }],
        },
        '循环引用',
      ],
      [{ ...RATIO_TABLE, measures: [...RATIO_TABLE.measures, { key: 's', label: 's', formula: 's + 1' }] }, '不能引用本列'],
      [{ ...RATIO_TABLE, checks: [{ rule: 'cases <= nothing' }] }, '不存在的列“nothing”'],
      [
        {
          key: 'meetings',
          label: '会商',
          rows: [{ key: 'drug', label: '药品', category: 'drug' }],
          measures: [{ key: 'held', label: '会商次数', measure: 'consultations.held' }],
          period: 'month',
        },
        '不区分产品类别',
      ],
    ];
    for (const [tbl, msg] of cases) {
      const res = await bad([tbl]);
      expect(res.statusCode, msg).toBe(400);
      expect(res.json(), msg).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(JSON.stringify(res.json()), msg).toContain(msg);
    }
    expect(await count('campaigns')).toBe(before);
  });

  it('refuses a day outside the campaign, an unknown row or column, a bad page', async () => {
    const out = await table(c003, 'ratio', '&date=2020-01-15');
    expect(out.statusCode).toBe(400);
    expect(out.json()).toMatchObject({ code: 'PERIOD_OUTSIDE_CAMPAIGN', message: expect.stringContaining('不在专项行动期间') });
    expect((await viewer.get(`/api/reports/campaigns/${c003}/tables/ratio/rollup?jurisdictionId=${district}&date=2020-01-15`)).statusCode).toBe(400);
    const u = await viewer.get(`/api/reports/campaigns/${c003}/tables/ratio/rollup?jurisdictionId=${district}&row=nope`);
    expect(u.json()).toMatchObject({ code: 'UNKNOWN_ROW' });
    expect((await viewer.get(`/api/reports/campaigns/${c003}/tables/ratio/rollup?jurisdictionId=${district}&sort=nope`)).json().code).toBe('UNKNOWN_COLUMN');
    expect((await viewer.get(`/api/reports/campaigns/${c003}/tables/ratio/drill?jurisdictionId=${district}&row=retail&column=nope`)).statusCode).toBe(400);
    expect((await viewer.get(`/api/reports/campaigns/${c003}/tables/ratio/drill?jurisdictionId=${district}&row=retail&column=cases&page=0`)).statusCode).toBe(400);
  });
});
