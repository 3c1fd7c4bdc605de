import { sql } from 'drizzle-orm';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, shanghaiToday } from '../../../contracts/calendar.js';
import type { CaseView } from '../../../contracts/cases.js';
import { PENALTY_ARTICLE_KEYS } from '../../../contracts/penalty-articles.js';
import { pointOf } from '../../core/extensions.js';
import { seedDemoDocuments } from '../../demo/seed-documents.js';
import { seedDemoEntities } from '../../demo/seed-entities.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { workCalendar } from '../calendar/public.js';
import { publicationDue } from './deadlines.js';

/** Cases end to end through the API: filing, numbering, the workflow by role, penalty range, deadlines, referral, documents, lists, measures. */
let t: TestApp;
let enforcer: Client, leader: Client, dept: Client, cx: Client, xl: Client, viewer: Client;
let pharmacy: { id: number; name: string };
let bannerUnit: { id: number };
const today = shanghaiToday();
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];
const count = async (table: string) => Number((await rows(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoDocuments(t.database.db, t.org);
  [enforcer, leader, dept, cx, xl, viewer] = await Promise.all(
    ['enforcer', 'leader', 'dept', 'inspector_cx', 'inspector_xl', 'viewer'].map((u) => t.as(u)),
  );
  [pharmacy] = await rows(
    sql`select id, name from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} and kind = 'pharmacy_single' order by id limit 1`,
  );
  [bannerUnit] = await rows(
    sql`select e.id from entities e join jurisdictions j on j.id = e.jurisdiction_id where j.path like (select path from jurisdictions where id = ${t.org.bannerId}) || '%' limit 1`,
  );
}, 120_000);
afterAll(() => t?.close());

const filing = (over: Record<string, unknown> = {}) => ({
  entityId: pharmacy.id,
  procedure: 'ordinary',
  violationType: 'substandard-drug',
  facts: '当事人在零售药店内销售超过有效期的阿莫西林胶囊',
  goodsValue: 800,
  violationDate: addDays(today, -30),
  persons: [{ name: '王某', role: '主要负责人' }],
  source: { type: 'inspection', id: 1 },
  ...over,
});
async function ok(res: { statusCode: number; body: string; json(): any }): Promise<any> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** The route each action goes through (the web takes it from `actions[].via`). */
const VIA: Record<string, string> = {
  pass_review: 'review',
  return_review: 'review',
  decide: 'approve',
  approve_filing: 'approve',
  extend: 'approve',
};
const step = (c: Client, x: CaseView, action: string, extra: Record<string, unknown> = {}, via = VIA[action] ?? 'transition') =>
  c.post(`/api/cases/${x.id}/${via}`, { action, version: x.version, ...extra });
const penalty = (over: Record<string, unknown> = {}) => ({
  article: 'drug-law-117-retail',
  tier: 'base',
  confiscateGoods: true,
  fine: 100_000,
  ...over,
});

describe('filing', () => {
  it('files an ordinary case for approval; refuses another bureau’s unit, an unknown violation type, an inspector on 普通程序 — nothing stored', async () => {
    const before = await count('cases');
    const audits = await count('audit_log');
    expect((await enforcer.post('/api/cases', filing({ entityId: bannerUnit.id }))).statusCode).toBe(404);
    const bad = await enforcer.post('/api/cases', filing({ violationType: 'no-such-type' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION' });
    expect((await cx.post('/api/cases', filing())).statusCode).toBe(403);
    expect((await viewer.post('/api/cases', filing())).statusCode).toBe(403);
    expect((await xl.post('/api/cases', filing({ procedure: 'simple' }))).statusCode).toBe(404); // another station's unit
    expect(await count('cases')).toBe(before);
    expect(await count('audit_log')).toBe(audits);
    const c = await ok(await enforcer.post('/api/cases', filing()));
    expect(c).toMatchObject({
      status: 'proposed',
      caseNo: null,
      violationLabel: expect.stringContaining('劣药'),
      source: { type: 'inspection', id: 1 },
    });
    expect(c.actions).toEqual([]); // the officer waits for the head
  });

  it('refuses a case past the limitation (2 years; 5 with health harm) unless a reason is given', async () => {
    const old = addDays(today, -(2 * 365 + 10));
    const r = await enforcer.post('/api/cases', filing({ violationDate: old }));
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'LIMITATION_EXPIRED', message: expect.stringContaining('第三十六条') });
    const harm = await ok(await enforcer.post('/api/cases', filing({ violationDate: old, healthHarm: true })));
    expect(harm.limitation.years).toBe(5);
    const over = await ok(await enforcer.post('/api/cases', filing({ violationDate: old, limitationOverride: '违法行为持续至今' })));
    expect(over.warnings.join()).toContain('已超过2年追责时效');
  });

  it('numbers 简易程序 cases at once, one number each under concurrent filings', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => cx.post('/api/cases', filing({ procedure: 'simple' }))));
    const nos = results.map((r) => (expect(r.statusCode, r.body).toBe(200), r.json().caseNo as string));
    expect(new Set(nos).size).toBe(8);
    for (const n of nos) expect(n).toMatch(new RegExp(`^兴市监立〔${today.slice(0, 4)}〕\\d+号$`));
    const serials = nos.map((n) => Number(/〕(\d+)号/.exec(n)![1])).sort((a, b) => a - b);
    expect(serials[7]! - serials[0]!).toBe(7);
  });
});

describe('the case workflow by role', () => {
  let c: CaseView;
  it('only the head approves the filing (number, 90 days)', async () => {
    c = await ok(await enforcer.post('/api/cases', filing()));
    for (const who of [enforcer, dept, cx])
      expect((await who.post(`/api/cases/${c.id}/approve`, { action: 'approve_filing', version: c.version })).statusCode).toBe(403);
    c = await ok(await leader.post(`/api/cases/${c.id}/approve`, { action: 'approve_filing', version: c.version }));
    expect(c).toMatchObject({ status: 'investigating', filedOn: today, decisionDue: { date: addDays(today, 90), overdue: false } });
    expect(c.caseNo).toMatch(/^兴市监立〔\d{4}〕\d+号$/);
    const stale = await leader.post(`/api/cases/${c.id}/approve`, {
      action: 'extend',
      version: c.version - 1,
      note: 'x',
      extendTo: addDays(today, 120),
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a penalty outside the range unless 减轻 with a listed reason; nothing stored', async () => {
    const audits = await count('audit_log');
    const low = await enforcer.put(`/api/cases/${c.id}/penalty`, { ...penalty({ fine: 5_000 }), version: c.version });
    expect(low.statusCode).toBe(422);
    expect(low.json()).toMatchObject({ code: 'PENALTY_OUT_OF_RANGE', message: expect.stringContaining('低于法定下限100,000元') });
    const high = await enforcer.put(`/api/cases/${c.id}/penalty`, {
      ...penalty({ fine: 300_000, mitigation: { kind: 'heavier', reason: 'drug137-repeat' } }),
      version: c.version,
    });
    expect(high.statusCode).toBe(422);
    const revoke = await enforcer.put(`/api/cases/${c.id}/penalty`, { ...penalty({ revokeLicence: true }), version: c.version });
    expect(revoke.json().message).toContain('不设吊销许可证件');
    expect((await cx.put(`/api/cases/${c.id}/penalty`, { ...penalty(), version: c.version })).statusCode).toBe(403);
    expect(await count('audit_log')).toBe(audits);
    expect((await rows(sql`select penalty from cases where id = ${c.id}`))[0].penalty).toBeNull();
    c = await ok(
      await enforcer.put(`/api/cases/${c.id}/penalty`, {
        ...penalty({ fine: 60_000, mitigation: { kind: 'reduced', reason: 'art32-1', note: '主动召回' } }),
        version: c.version,
      }),
    );
    expect(c.legalBasis).toBe('《药品管理法》第一百一十七条（零售）');
    expect(c.rangeLines.join('\n')).toContain('货值金额800元不足10,000元，按10,000元计算');
  });

  it('goes through review (法规股), notice and the head’s decision; each step refused to the other roles', async () => {
    expect((await leader.post(`/api/cases/${c.id}/transition`, { action: 'submit_review', version: c.version })).statusCode).toBe(403);
    c = await ok(await step(enforcer, c, 'submit_review'));
    expect(c.status).toBe('reviewing');
    expect((await enforcer.post(`/api/cases/${c.id}/review`, { action: 'pass_review', version: c.version })).statusCode).toBe(403);
    const noReason = await dept.post(`/api/cases/${c.id}/review`, { action: 'return_review', version: c.version });
    expect(noReason.statusCode).toBe(400);
    c = await ok(await step(dept, c, 'return_review', { note: '补充进货凭证' }));
    c = await ok(await step(enforcer, c, 'submit_review'));
    c = await ok(await step(dept, c, 'pass_review'));
    expect(c.status).toBe('reviewed');
    const early = await step(enforcer, c, 'notify', { date: addDays(today, -1) });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('DATE_BEFORE_FILING');
    c = await ok(await step(enforcer, c, 'notify'));
    expect((await enforcer.post(`/api/cases/${c.id}/transition`, { action: 'decide', version: c.version })).statusCode).toBe(403); // 普通程序: the head's
    expect((await dept.post(`/api/cases/${c.id}/approve`, { action: 'decide', version: c.version })).statusCode).toBe(403);
    const before = await leader.post(`/api/cases/${c.id}/approve`, { action: 'decide', version: c.version, date: addDays(today, -1) });
    expect(before.statusCode).toBe(422);
    expect(before.json().code).toBe('DATE_BEFORE_FILING');
    c = await ok(await step(leader, c, 'decide'));
    expect(c).toMatchObject({ status: 'decided', decidedOn: today, fine: 60_000 });
    expect(c.decisionNo).toMatch(/^兴市监罚〔\d{4}〕\d+号$/);
    const cal = await workCalendar(t.database.db);
    expect(c.publicationDue).toMatchObject({ date: addWorkingDays(cal, today, 20), overdue: false });
  });

  it('downloads the 决定书 with the basis, the range and the penalty', async () => {
    const res = await viewer.get(`/api/cases/${c.id}/documents/decision`);
    expect(res.statusCode).toBe(200);
    const xml = new PizZip(res.rawPayload)
      .file('word/document.xml')!
      .asText()
      .replace(/<[^>]+>/g, '');
    expect(xml).toContain(c.decisionNo!);
    expect(xml).toContain('《药品管理法》第一百一十七条（零售）');
    expect(xml).toContain('罚款60,000元');
    expect(xml).toContain('减轻处罚：主动消除或者减轻违法行为危害后果的');
    expect(xml).toContain(pharmacy.name);
    const filingDoc = await viewer.get(`/api/cases/${c.id}/documents/filing`);
    expect(new PizZip(filingDoc.rawPayload).file('word/document.xml')!.asText()).toContain(c.caseNo!);
    expect((await viewer.get(`/api/cases/${c.id}/documents/referral`)).statusCode).toBe(409);
  });

  it('publication: listed with its due date, marked published by the 法规股, exported in the public-notice columns', async () => {
    const list = await ok(await dept.get('/api/cases/publication?published=false'));
    expect(list.find((x: any) => x.id === c.id)).toMatchObject({
      party: pharmacy.name,
      basis: '《药品管理法》第一百一十七条（零售）',
      content: '没收违法生产经营的产品；罚款60,000元',
      authority: expect.stringContaining('市场监督管理局'),
    });
    expect((await enforcer.put(`/api/cases/${c.id}/marks`, { version: c.version, publishedOn: today })).statusCode).toBe(403);
    const early = await dept.put(`/api/cases/${c.id}/marks`, { version: c.version, publishedOn: addDays(today, -1) });
    expect(early.statusCode).toBe(400);
    c = await ok(
      await dept.put(`/api/cases/${c.id}/marks`, {
        version: c.version,
        publishedOn: today,
        seriousList: { listedOn: today, until: addDays(today, 365 * 3) },
        supervision: { level: 'city', since: today, deadline: addDays(today, 30) },
      }),
    );
    expect(c).toMatchObject({ publishedOn: today, supervised: true, seriousList: { listedOn: today } });
    const xlsx = await dept.get('/api/cases/publication/export');
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '案件编号',
      '当事人',
      '统一社会信用代码',
      '违法事实',
      '处罚依据',
      '处罚内容',
      '处罚机关',
      '决定日期',
    ]);
    expect(ws.getRow(2).getCell(1).value).toBe(c.decisionNo);
  });

  it('executes, closes, writes a typical case counted for the quarter, and shows on the unit’s file', async () => {
    c = await ok(await step(enforcer, c, 'execute'));
    c = await ok(await step(enforcer, c, 'close'));
    expect(c.status).toBe('closed');
    c = await ok(
      await enforcer.put(`/api/cases/${c.id}/typical`, {
        version: c.version,
        title: '某药店销售劣药案',
        violation: '当事人销售过期药品',
        investigation: '执法人员现场检查并调取进货记录',
        productControl: '涉案药品已全部下架封存',
        result: '依据《药品管理法》第一百一十七条作出处罚',
      }),
    );
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    const targets = await ok(await leader.get(`/api/cases/typical-targets?year=${today.slice(0, 4)}&quarter=${quarter}`));
    expect(targets.find((x: any) => x.jurisdictionId === t.org.stations['创新'].jurisdictionId)).toMatchObject({ count: 1, met: true });
    expect(targets.filter((x: any) => !x.met).length).toBeGreaterThan(5);
    const doc = await viewer.get(`/api/cases/${c.id}/documents/typical`);
    const text = new PizZip(doc.rawPayload)
      .file('word/document.xml')!
      .asText()
      .replace(/<[^>]+>/g, '');
    expect(text).toContain('一、案情概述');
    expect(text).toContain('涉案药品已全部下架封存');
    // The decision attached: party, case and decision numbers, basis, penalty.
    expect(text).toContain(`附：行政处罚决定书（${c.decisionNo}）`);
    expect(text).toContain(pharmacy.name);
    expect(text).toContain(`案件编号：${c.caseNo}`);
    expect(text).toContain('处罚依据：《药品管理法》第一百一十七条');
    const timeline = await ok(await viewer.get(`/api/entities/${pharmacy.id}/timeline`));
    const items = (timeline.items ?? timeline) as any[];
    expect(items.some((x) => x.source === 'cases' && x.title.includes(c.caseNo!))).toBe(true);
  });

  it('counts filed, decided, fines and referrals as report measures', async () => {
    const measures = pointOf(t.app.ext, 'measures');
    const f = { path: '/', from: addDays(today, -1), to: today };
    const station = t.org.stations['创新'].jurisdictionId;
    const get = async (key: string) => (await measures.find((m) => m.key === key)!.compute(t.database.db, f)).get(station) ?? 0;
    expect(await get('cases.decided')).toBe(1);
    expect(await get('cases.fines')).toBe(60_000);
    expect(await get('cases.filed')).toBe(9); // 8 简易程序 filed at once + 1 approved; proposals do not count
  });
});

describe('correcting the facts (修改案情)', () => {
  it('the officer corrects the goods value with a reason before the legal review; audited with before/after; refused after it, without a reason, to others, and as at filing', async () => {
    let c: CaseView = await ok(await enforcer.post('/api/cases', filing({ goodsValue: 0 })));
    const facts = (over: Record<string, unknown> = {}) => ({
      violationType: c.violationType,
      facts: c.facts,
      goodsValue: 2400,
      illegalIncome: 600,
      violationDate: c.violationDate,
      discoveredOn: c.discoveredOn,
      healthHarm: false,
      persons: c.persons,
      reason: '核实进货凭证，确认货值金额',
      version: c.version,
      ...over,
    });
    const audits = await count('audit_log');
    // Refused: no reason, another role, an unknown type, conduct after its discovery, past the limitation — nothing stored.
    expect((await enforcer.put(`/api/cases/${c.id}/facts`, facts({ reason: '' }))).statusCode).toBe(400);
    expect((await dept.put(`/api/cases/${c.id}/facts`, facts())).statusCode).toBe(403);
    expect((await enforcer.put(`/api/cases/${c.id}/facts`, facts({ violationType: 'no-such-type' }))).json()).toMatchObject({
      code: 'VALIDATION',
    });
    const late = await enforcer.put(`/api/cases/${c.id}/facts`, facts({ violationDate: addDays(c.discoveredOn, 1) }));
    expect(late.json()).toMatchObject({ code: 'VALIDATION' });
    const old = await enforcer.put(`/api/cases/${c.id}/facts`, facts({ violationDate: addDays(c.discoveredOn, -800) }));
    expect(old.json()).toMatchObject({ code: 'LIMITATION_EXPIRED' });
    expect((await enforcer.put(`/api/cases/${c.id}/facts`, facts({ goodsValue: 0, illegalIncome: 0 }))).json()).toMatchObject({
      code: 'NOTHING_CHANGED',
    });
    expect(await count('audit_log')).toBe(audits);
    expect(c.can.editFacts).toBe(true);

    c = await ok(await enforcer.put(`/api/cases/${c.id}/facts`, facts()));
    expect(c).toMatchObject({ goodsValue: 2400, illegalIncome: 600, version: 2 });
    const [a] = await rows(
      sql`select action, summary, before, after from audit_log where entity_type = 'case' and entity_id = ${c.id} order by id desc limit 1`,
    );
    expect(a).toMatchObject({
      action: 'case.facts',
      summary: '修改案情：核实进货凭证，确认货值金额',
      before: { goodsValue: 0, illegalIncome: 0 },
      after: { goodsValue: 2400, illegalIncome: 600 },
    });
    // A second editor with the old version is told, not overwritten.
    expect((await enforcer.put(`/api/cases/${c.id}/facts`, facts({ version: 1, goodsValue: 10 }))).statusCode).toBe(409);

    c = await ok(await step(leader, c, 'approve_filing'));
    c = await ok(await step(enforcer, c, 'submit_review'));
    expect(c.can.editFacts).toBe(false);
    const after = await enforcer.put(`/api/cases/${c.id}/facts`, facts({ goodsValue: 5000, version: c.version }));
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });
});

describe('simple procedure', () => {
  it('lets the station inspector decide a warning, but not an ordinary-size fine', async () => {
    let c: CaseView = await ok(await cx.post('/api/cases', filing({ procedure: 'simple', violationType: 'records' })));
    const fine = await cx.put(`/api/cases/${c.id}/penalty`, {
      article: 'drug-law-126',
      tier: 'uncorrected',
      fine: 100_000,
      version: c.version,
    });
    expect(fine.json().message).toContain('简易程序');
    c = await ok(await cx.put(`/api/cases/${c.id}/penalty`, { article: 'drug-law-130', tier: 'base', warning: true, version: c.version }));
    expect(c.actions.find((a) => a.action === 'decide')?.via).toBe('transition');
    c = await ok(await step(cx, c, 'decide', {}, 'transition'));
    expect(c.status).toBe('decided');
  });

  it('refuses a decision without a legal basis', async () => {
    const c: CaseView = await ok(await cx.post('/api/cases', filing({ procedure: 'simple' })));
    const r = await cx.post(`/api/cases/${c.id}/transition`, { action: 'decide', version: c.version });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('LEGAL_BASIS_MISSING');
    expect((await rows(sql`select status from cases where id = ${c.id}`))[0].status).toBe('investigating');
  });

  it('the list and its export filter by procedure (简易程序 / 普通程序); an unknown procedure is refused', async () => {
    const all = await ok(await enforcer.get('/api/cases?pageSize=200'));
    const simple = await ok(await enforcer.get('/api/cases?procedure=simple&pageSize=200'));
    const ordinary = await ok(await enforcer.get('/api/cases?procedure=ordinary&pageSize=200'));
    expect(simple.total).toBeGreaterThan(0);
    expect(ordinary.total).toBeGreaterThan(0);
    expect(simple.items.every((c: any) => c.procedure === 'simple')).toBe(true);
    expect(ordinary.items.every((c: any) => c.procedure === 'ordinary')).toBe(true);
    expect(simple.total + ordinary.total).toBe(all.total);
    const bad = await enforcer.get('/api/cases?procedure=summary');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('程序无效');
    const xlsx = await enforcer.get('/api/cases/export?procedure=simple');
    expect(xlsx.statusCode).toBe(200);
    const [{ n }] = await rows(sql`select count(*)::int as n from cases where procedure = 'simple'`);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    expect(wb.worksheets[0]!.actualRowCount - 1).toBe(Number(n));
  });
});

describe('penalty article table for API clients', () => {
  it('lists every article with its tiers; with a goods value, each tier’s range and arithmetic; read permission needed', async () => {
    const all = await ok(await viewer.get('/api/cases/penalty-articles'));
    expect(all.articles.map((a: any) => a.key)).toEqual([...PENALTY_ARTICLE_KEYS]);
    expect(all.articles.every((a: any) => a.tiers.every((x: any) => x.range === null))).toBe(true);
    expect(all.mitigationReasons.length).toBeGreaterThan(0);
    const at800 = await ok(await viewer.get('/api/cases/penalty-articles?goodsValue=800'));
    const retail = at800.articles.find((a: any) => a.key === 'drug-law-117-retail');
    expect(retail.citation).toBe('《药品管理法》第一百一十七条（零售）');
    const base = retail.tiers.find((x: any) => x.key === 'base');
    expect(base.fine).toEqual({ type: 'multiple', min: 10, max: 20, floor: 10_000 });
    expect(base.range).toMatchObject({ applies: true, min: 100_000, max: 200_000 });
    expect(base.range.lines.join('；')).toContain('不足');
    expect(retail.tiers.find((x: any) => x.key === 'serious').person).toMatchObject({ basis: 'income', ban: '终身' });
    expect((await viewer.get('/api/cases/penalty-articles?goodsValue=-1')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/cases/penalty-articles' })).statusCode).toBe(401);
    expect((await (await t.as('informant')).get('/api/cases/penalty-articles')).statusCode).toBe(403);
  });
});

describe('deadlines and referral', () => {
  it('publication within 20 working days of the decision: across National Day 2026 and its make-up Saturday 10-10', async () => {
    const cal = await workCalendar(t.database.db);
    // Decided Friday 9-25: 9-28, 9-29, 9-30 (1–3), 10-1…10-7 off, 10-8, 10-9 (4, 5), Saturday 10-10 make-up (6),
    // 10-12…10-16 (7–11), 10-19…10-23 (12–16), 10-26…10-29 (17–20).
    expect(publicationDue(cal, '2026-09-25')).toBe('2026-10-29');
    // Decided Friday 2-13 before Spring Festival: Saturday 2-14 make-up (1), 2-15…2-23 off, 2-24…2-27 (2–5),
    // Saturday 2-28 make-up (6), 3-2…3-6 (7–11), 3-9…3-13 (12–16), 3-16…3-19 (17–20).
    expect(publicationDue(cal, '2026-02-13')).toBe('2026-03-19');
  });

  it('lists a case past its 90 days per unit; the head extends it with a reason', async () => {
    let c: CaseView = await ok(await enforcer.post('/api/cases', filing()));
    c = await ok(await leader.post(`/api/cases/${c.id}/approve`, { action: 'approve_filing', version: c.version }));
    await t.database.db.execute(
      sql`update cases set filed_on = ${addDays(today, -100)}, decision_due = ${addDays(today, -10)} where id = ${c.id}`,
    );
    const overdue = await ok(await leader.get('/api/cases/overdue'));
    expect(overdue.find((x: any) => x.jurisdictionId === t.org.stations['创新'].jurisdictionId).decisionOverdue).toBeGreaterThanOrEqual(1);
    const listed = await ok(await leader.get('/api/cases?overdue=true'));
    expect(listed.items.map((x: any) => x.id)).toContain(c.id);
    c = await ok(await leader.get(`/api/cases/${c.id}`));
    expect(c.warnings.join()).toContain('已超过办案期限');
    expect(
      (
        await enforcer.post(`/api/cases/${c.id}/transition`, {
          action: 'extend',
          version: c.version,
          note: 'x',
          extendTo: addDays(today, 30),
        })
      ).statusCode,
    ).toBe(403);
    const noReason = await leader.post(`/api/cases/${c.id}/approve`, {
      action: 'extend',
      version: c.version,
      extendTo: addDays(today, 30),
    });
    expect(noReason.statusCode).toBe(400);
    c = await ok(
      await leader.post(`/api/cases/${c.id}/approve`, {
        action: 'extend',
        version: c.version,
        note: '案情复杂需检验',
        extendTo: addDays(today, 30),
      }),
    );
    expect(c.extension).toEqual({ to: addDays(today, 30), reason: '案情复杂需检验' });
    expect(c.decisionDue!.overdue).toBe(false);
  });

  it('refers a case: only the head approves (3 days), the file goes within 24 hours, police receipt and decision recorded', async () => {
    let c: CaseView = await ok(await enforcer.post('/api/cases', filing({ violationType: 'fake-drug', goodsValue: 60_000 })));
    c = await ok(await leader.post(`/api/cases/${c.id}/approve`, { action: 'approve_filing', version: c.version }));
    c = await ok(await enforcer.post(`/api/cases/${c.id}/referral`, { version: c.version, reason: '涉嫌销售假药罪，货值金额较大' }));
    let r = c.referral!;
    expect(r.status).toBe('proposed');
    expect(new Date(r.decideDueAt).getTime() - new Date(r.proposedAt).getTime()).toBe(3 * 86_400_000);
    const audits = await count('audit_log');
    for (const who of [enforcer, dept, cx])
      expect((await who.post(`/api/referrals/${r.id}/approve`, { action: 'approve', version: r.version })).statusCode).toBe(403);
    expect((await enforcer.post(`/api/referrals/${r.id}/transition`, { action: 'approve', version: r.version })).statusCode).toBe(403);
    expect(await count('audit_log')).toBe(audits);
    r = await ok(await leader.post(`/api/referrals/${r.id}/approve`, { action: 'approve', version: r.version }));
    expect(r.number).toMatch(/^兴市监移〔\d{4}〕\d+号$/);
    expect(new Date(r.sendDueAt!).getTime() - new Date(r.approvedAt!).getTime()).toBe(24 * 3_600_000);
    expect(r.due).toMatchObject({ step: '移送公安机关', overdue: false });
    expect((await enforcer.post(`/api/referrals/${r.id}/transition`, { action: 'send', version: r.version })).statusCode).toBe(400);
    r = await ok(
      await enforcer.post(`/api/referrals/${r.id}/transition`, { action: 'send', version: r.version, policeUnit: '兴隆台公安分局' }),
    );
    r = await ok(await enforcer.post(`/api/referrals/${r.id}/transition`, { action: 'receive', version: r.version }));
    r = await ok(await enforcer.post(`/api/referrals/${r.id}/transition`, { action: 'police_file', version: r.version }));
    r = await ok(
      await enforcer.post(`/api/referrals/${r.id}/transition`, { action: 'follow_up', version: r.version, note: '配合公安调取上游流向' }),
    );
    expect(r).toMatchObject({ status: 'police_filed', followUps: [{ note: '配合公安调取上游流向' }] });
    const doc = await viewer.get(`/api/cases/${c.id}/documents/referral`);
    const text = new PizZip(doc.rawPayload)
      .file('word/document.xml')!
      .asText()
      .replace(/<[^>]+>/g, '');
    expect(text).toContain('兴隆台公安分局');
    expect(text).toContain(r.number!);
    const measures = pointOf(t.app.ext, 'measures');
    const referred = await measures.find((m) => m.key === 'cases.referred')!.compute(t.database.db, { path: '/', from: today, to: today });
    expect(referred.get(t.org.stations['创新'].jurisdictionId)).toBe(1);
  });

  it('another station’s inspector sees none of it', async () => {
    const list = await ok(await xl.get('/api/cases'));
    expect(list.total).toBe(0);
    const [any] = await rows(sql`select id from cases limit 1`);
    expect((await xl.get(`/api/cases/${any.id}`)).statusCode).toBe(404);
  });
});
