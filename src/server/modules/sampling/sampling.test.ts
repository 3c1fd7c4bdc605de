import { sql } from 'drizzle-orm';
import PizZip from 'pizzip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { multipartFile } from '../../../test/multipart.js';
import { AppError } from '../../core/errors.js';
import type { ModuleDefinition } from '../../core/extensions.js';
import { rows as q } from '../../core/sql.js';
import './public.js';

/**
 * Sampling (监督抽检) through the HTTP API on a real database: the record's state machine by role,
 * plan progress on hand-made data, and the follow-up contributions called inside the result's
 * transaction (a test-only module stands in for risks and clues).
 */
let t: TestApp;
let failClue = false;
const opened: { key: string; recordId: number; summary: string }[] = [];

// Stand-ins beside the real risks and clues contributions: each writes a row in the caller's transaction.
const followUps: ModuleDefinition = {
  name: 'sampling-test-followups',
  routes: async () => {},
  contributes: {
    samplingFollowUps: [
      {
        key: 'test-risk',
        label: '测试风险',
        open: async (tx, _ctx, input) => {
          const [r] = await q<{ id: number }>(
            tx,
            sql`insert into sampling_test_opened (kind, record_id, summary) values ('risk', ${input.recordId}, ${input.summary}) returning id`,
          );
          opened.push({ key: 'test-risk', recordId: input.recordId, summary: input.summary });
          return { type: 'test-risk', id: r.id };
        },
      },
      {
        key: 'test-clue',
        label: '测试线索',
        open: async (tx, _ctx, input) => {
          if (failClue) throw new AppError('CONFLICT', '线索模块拒绝（测试）', 409);
          const [r] = await q<{ id: number }>(
            tx,
            sql`insert into sampling_test_opened (kind, record_id, summary) values ('clue', ${input.recordId}, ${input.summary}) returning id`,
          );
          return { type: 'test-clue', id: r.id };
        },
      },
    ],
  },
};

let dept: Client, inspector: Client, head: Client, leader: Client, inspectorXl: Client;
let cxEntity: number, cxEntity2: number, xlEntity: number;
let inspectorId: number, headId: number, xlInspectorId: number;
const db = () => t.database.db;
const one = async <T = any>(query: ReturnType<typeof sql>) => (await q<T>(db(), query))[0];

beforeAll(async () => {
  t = await createTestApp({ modules: [followUps] });
  await db().execute(
    sql`create table sampling_test_opened (id serial primary key, kind text not null, record_id int not null, summary text not null)`,
  );
  const cx = t.org.stations['创新'].jurisdictionId;
  const xl = t.org.stations['兴隆'].jurisdictionId;
  const ent = async (name: string, j: number) =>
    (
      await one<{ id: number }>(
        sql`insert into entities (name, kind, jurisdiction_id) values (${name}, 'pharmacy_single', ${j}) returning id`,
      )
    ).id;
  cxEntity = await ent('创新测试大药房', cx);
  cxEntity2 = await ent('创新第二药房', cx);
  xlEntity = await ent('兴隆测试大药房', xl);
  const id = async (u: string) => (await one<{ id: number }>(sql`select id from users where username = ${u}`)).id;
  [inspectorId, headId, xlInspectorId] = [await id('inspector_cx'), await id('head_cx'), await id('inspector_xl')];
  [dept, inspector, head, leader, inspectorXl] = await Promise.all(
    ['dept', 'inspector_cx', 'head_cx', 'leader', 'inspector_xl'].map((u) => t.as(u)),
  );
});
afterAll(() => t?.close());
beforeEach(() => {
  failClue = false;
  opened.length = 0;
});

const sample = (over: Record<string, unknown> = {}) => ({
  entityId: cxEntity,
  category: 'drug',
  productName: '黄连上清片',
  batchNo: '230401',
  manufacturer: '某某制药有限公司',
  specification: '每片重0.31g',
  quantity: 6,
  quantityUnit: '盒',
  samplerIds: [inspectorId, headId],
  sampledOn: '2026-11-02',
  ...over,
});
async function newRecord(over: Record<string, unknown> = {}, c: Client = inspector) {
  const res = await c.post('/api/sampling-records', sample(over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function atLab(over: Record<string, unknown> = {}) {
  const r = await newRecord(over);
  const res = await inspector.post(`/api/sampling-records/${r.id}/send`, {
    labName: '市药品检验所',
    sentOn: '2026-11-03',
    version: r.version,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const unqualified = (version: number) => ({
  verdict: 'unqualified',
  failedItems: [{ item: '含量测定', standard: '《中国药典》2020年版一部', result: '标示量的82%' }],
  reportNo: 'JY2026-0815',
  labName: '市药品检验所',
  reportDate: '2026-11-20',
  receivedOn: '2026-11-23',
  version,
});
const auditOf = (id: number) =>
  q<{ action: string }>(
    db(),
    sql`select action from audit_log where entity_type = 'sampling_record' and entity_id = ${String(id)} order by id`,
  );
const counts = async () =>
  one<{ records: number; results: number; follow: number; opened: number; audit: number }>(sql`select
    (select count(*)::int from sampling_records) as records, (select count(*)::int from sampling_results) as results,
    (select count(*)::int from sampling_follow_ups) as follow, (select count(*)::int from sampling_test_opened) as opened,
    (select count(*)::int from audit_log) as audit`);

describe('sampling record: state machine by role', () => {
  it('numbers records per bureau and year, and audits the record', async () => {
    const a = await newRecord();
    const b = await newRecord({ productName: '板蓝根颗粒' });
    expect(a).toMatchObject({ status: 'sampled', entityName: '创新测试大药房', actions: ['send', 'edit', 'withdraw'] });
    const seq = (n: string) => Number(/〔2026〕(\d+)号/.exec(n)![1]);
    expect(a.number).toMatch(/^抽样〔2026〕\d{4}号$/);
    expect(seq(b.number)).toBe(seq(a.number) + 1);
    expect(a.samplers.map((s: any) => s.id).sort()).toEqual([inspectorId, headId].sort());
    expect((await auditOf(a.id)).map((r) => r.action)).toEqual(['sampling.record']);
  });

  it('refuses people without the permission: leaders read, they do not record', async () => {
    const r = await newRecord();
    expect((await leader.get(`/api/sampling-records/${r.id}`)).statusCode).toBe(200);
    expect((await leader.post('/api/sampling-records', sample())).statusCode).toBe(403);
    expect(
      (await leader.post(`/api/sampling-records/${r.id}/send`, { labName: 'x', sentOn: '2026-11-03', version: r.version })).statusCode,
    ).toBe(403);
    expect((await leader.get(`/api/sampling-records/${r.id}`)).json().actions).toEqual([]);
    // Plans are made by the department, not by a station's inspector.
    const plan = await inspector.post('/api/sampling-plans', {
      level: 'county',
      year: 2031,
      name: '越权计划',
      lines: [{ category: 'drug', planned: 1 }],
    });
    expect(plan.statusCode).toBe(403);
  });

  it('takes a record through 送检 → 不合格 → 核查处置 → 已处置, each step audited', async () => {
    const r = await atLab();
    expect(r).toMatchObject({ status: 'testing', labName: '市药品检验所', actions: ['result', 'edit', 'withdraw'] });
    const res = await inspector.post(`/api/sampling-records/${r.id}/result`, unqualified(r.version));
    expect(res.statusCode, res.body).toBe(200);
    const u = res.json();
    expect(u).toMatchObject({ status: 'unqualified', result: { verdict: 'unqualified', reportNo: 'JY2026-0815' }, actions: ['follow_up'] });
    // The real modules open a risk and a clue; the stand-ins theirs after them.
    expect(u.followUp.links.map((l: any) => `${l.label}:${l.type}`)).toEqual(
      expect.arrayContaining(['风险:risk', '线索:clue', '测试风险:test-risk', '测试线索:test-clue']),
    );
    expect(u.followUp.recheckDueOn).toBeNull();

    // An inspector may not close it, nor may anyone before the report is served on the unit.
    expect((await inspector.post(`/api/sampling-records/${r.id}/handle`, { note: '已处置', version: u.version })).statusCode).toBe(403);
    const early = await head.post(`/api/sampling-records/${r.id}/handle`, { note: '已处置', version: u.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('尚未送达');

    const f = await inspector.post(`/api/sampling-records/${r.id}/follow-up`, {
      measures: ['seal', 'suspend_sale'],
      deliveredOn: '2026-11-24',
      recheckRequested: false,
      note: '已对库存7盒查封扣押',
      version: u.version,
    });
    expect(f.statusCode, f.body).toBe(200);
    // 2026-11-24 is a Tuesday: 7 working days later (no holiday in between) is Thursday 2026-12-03.
    expect(f.json().followUp).toMatchObject({ measures: ['seal', 'suspend_sale'], deliveredOn: '2026-11-24', recheckDueOn: '2026-12-03' });
    expect(f.json().actions).toEqual(['follow_up']);
    expect((await head.get(`/api/sampling-records/${r.id}`)).json().actions).toEqual(['follow_up', 'handle']);

    const missingNote = await head.post(`/api/sampling-records/${r.id}/handle`, { note: '', version: f.json().version });
    expect(missingNote.statusCode).toBe(400);
    const done = await head.post(`/api/sampling-records/${r.id}/handle`, { note: '责令召回并移交稽查', version: f.json().version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'handled', actions: [], followUp: { handledNote: '责令召回并移交稽查' } });
    expect((await auditOf(r.id)).map((x) => x.action)).toEqual([
      'sampling.record',
      'sampling.send',
      'sampling.result',
      'sampling.follow_up',
      'sampling.handle',
    ]);
  });

  it('a result for a record never sent to the lab, or a second result, is 409 and stores nothing', async () => {
    const r = await newRecord();
    const before = await counts();
    const res = await inspector.post(`/api/sampling-records/${r.id}/result`, unqualified(r.version));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: '当前状态为“已抽样”，不能录入检验结果' });
    expect(await counts()).toEqual(before);

    const lab = await atLab();
    const ok = await inspector.post(`/api/sampling-records/${lab.id}/result`, {
      ...unqualified(lab.version),
      verdict: 'qualified',
      failedItems: [],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'qualified', followUp: null, actions: [] });
    const again = await inspector.post(`/api/sampling-records/${lab.id}/result`, unqualified(ok.json().version));
    expect(again.statusCode).toBe(409);
    expect(opened).toEqual([]);
  });

  it('corrects with a reason and withdraws before results, not after', async () => {
    const r = await atLab();
    const noReason = await inspector.put(`/api/sampling-records/${r.id}`, { ...sample(), reason: '', version: r.version });
    expect(noReason.statusCode).toBe(400);
    const edited = await inspector.put(`/api/sampling-records/${r.id}`, {
      ...sample({ batchNo: '230402' }),
      reason: '批号抄错',
      version: r.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ batchNo: '230402', status: 'testing' });
    const stale = await inspector.put(`/api/sampling-records/${r.id}`, { ...sample(), reason: '再改', version: r.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    const w = await inspector.post(`/api/sampling-records/${r.id}/withdraw`, { reason: '抽错单位', version: edited.json().version });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ status: 'withdrawn', withdrawReason: '抽错单位', actions: [] });
    const late = await inspector.post(`/api/sampling-records/${r.id}/result`, unqualified(w.json().version));
    expect(late.statusCode).toBe(409);

    const q2 = await atLab();
    const res = await inspector.post(`/api/sampling-records/${q2.id}/result`, {
      ...unqualified(q2.version),
      verdict: 'qualified',
      failedItems: [],
    });
    const after = await inspector.put(`/api/sampling-records/${q2.id}`, {
      ...sample(),
      reason: '出结果后更正',
      version: res.json().version,
    });
    expect(after.statusCode).toBe(409);
    const wAfter = await inspector.post(`/api/sampling-records/${q2.id}/withdraw`, { reason: '出结果后撤销', version: res.json().version });
    expect(wAfter.statusCode).toBe(409);
    expect((await auditOf(r.id)).map((x) => x.action)).toEqual(['sampling.record', 'sampling.send', 'sampling.edit', 'sampling.withdraw']);
  });
});

describe('bad input: 4xx with {code, message}, nothing stored', () => {
  it('refuses negative quantities, a unit outside the area, a single sampler, 不合格 without failed item, an .exe seal photo', async () => {
    const before = await counts();
    const neg = await inspector.post('/api/sampling-records', sample({ quantity: -1 }));
    expect(neg.statusCode).toBe(400);
    expect(neg.json().message).toBeTruthy();
    const outside = await inspector.post('/api/sampling-records', sample({ entityId: xlEntity }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toBe('被抽样单位不在本辖区');
    expect(outside.body).not.toContain('兴隆测试大药房');
    const oneSampler = await inspector.post('/api/sampling-records', sample({ samplerIds: [inspectorId] }));
    expect(oneSampler.statusCode).toBe(400);
    // A sampler of another station is not one of this unit's samplers.
    const foreign = await inspector.post('/api/sampling-records', sample({ samplerIds: [inspectorId, xlInspectorId] }));
    expect(foreign.statusCode).toBe(400);
    const negPlan = await dept.post('/api/sampling-plans', {
      level: 'county',
      year: 2030,
      name: '负数计划',
      lines: [{ category: 'drug', planned: -3 }],
    });
    expect(negPlan.statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const r = await atLab();
    const mid = await counts();
    const noItem = await inspector.post(`/api/sampling-records/${r.id}/result`, { ...unqualified(r.version), failedItems: [] });
    expect(noItem.statusCode).toBe(400);
    expect(noItem.json().message).toContain('不合格项目');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);
    const m = multipartFile('file', 'seal.exe', exe, 'application/octet-stream');
    const up = await inspector.request({
      method: 'POST',
      url: `/api/sampling-records/${r.id}/files?purpose=seal`,
      payload: m.payload,
      headers: m.headers,
    });
    expect(up.statusCode).toBe(415);
    expect(up.json().code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(await counts()).toEqual(mid);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from file_attachments where record_type like 'sampling-%'`)).n).toBe(0);
  });

  it('prints the 抽样单 (.docx) with the unit as registered, the sample, its task and the samplers', async () => {
    const r = await atLab({ productName: '阿莫西林胶囊', batchNo: 'AMX2611' });
    const doc = await leader.get(`/api/sampling-records/${r.id}/document`);
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const text = new PizZip(doc.rawPayload)
      .file('word/document.xml')!
      .asText()
      .replace(/<[^>]+>/g, '');
    const [unit] = await q<{ name: string; credit_code: string }>(
      t.database.db,
      sql`select name, credit_code from entities where id = ${r.entityId}`,
    );
    for (const s of [
      '抽样单',
      r.number,
      unit.name,
      unit.credit_code,
      '阿莫西林胶囊',
      'AMX2611',
      r.manufacturer,
      '市药品检验所',
      ...r.samplers.map((x: any) => x.name),
    ].filter(Boolean))
      expect(text, s).toContain(s);
    expect(text).not.toMatch(/\{[a-zA-Z#/^%]/);
    expect((await inspectorXl.get(`/api/sampling-records/${r.id}/document`)).statusCode).toBe(404);
  });

  it('another station neither sees nor changes the record', async () => {
    const r = await newRecord();
    expect((await inspectorXl.get(`/api/sampling-records/${r.id}`)).statusCode).toBe(404);
    expect(
      (await inspectorXl.post(`/api/sampling-records/${r.id}/send`, { labName: 'x', sentOn: '2026-11-03', version: r.version })).statusCode,
    ).toBe(404);
    const list = (await inspectorXl.get('/api/sampling-records?pageSize=200')).json();
    expect(list.items.some((i: any) => i.id === r.id)).toBe(false);
  });
});

describe('follow-up contributions run in the result’s transaction', () => {
  it('a contribution that fails rolls back the result, the follow-up, the audit and what the others opened', async () => {
    const r = await atLab();
    const before = await counts();
    failClue = true;
    const res = await inspector.post(`/api/sampling-records/${r.id}/result`, unqualified(r.version));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('线索模块拒绝（测试）');
    // The risk stand-in was called (and wrote its row) before the clue refused: its row is gone with the rest.
    expect(opened.map((o) => o.key)).toEqual(['test-risk']);
    expect(await counts()).toEqual(before);
    expect((await inspector.get(`/api/sampling-records/${r.id}`)).json()).toMatchObject({
      status: 'testing',
      result: null,
      followUp: null,
    });

    failClue = false;
    const ok = await inspector.post(`/api/sampling-records/${r.id}/result`, unqualified(r.version));
    expect(ok.statusCode, ok.body).toBe(200);
    const after = await counts();
    expect(after).toMatchObject({ results: before.results + 1, follow: before.follow + 1, opened: before.opened + 2 });
    const rowsOpened = await q<{ id: number; kind: string; summary: string }>(
      db(),
      sql`select id, kind, summary from sampling_test_opened where record_id = ${r.id} order by id`,
    );
    expect(ok.json().followUp.links.filter((l: any) => l.key.startsWith('test-'))).toEqual(
      rowsOpened.map((o) => ({
        key: `test-${o.kind}`,
        label: o.kind === 'risk' ? '测试风险' : '测试线索',
        type: `test-${o.kind}`,
        id: o.id,
      })),
    );
    expect(rowsOpened[0].summary).toBe(
      '监督抽检不合格：黄连上清片（批号 230401，某某制药有限公司），含量测定不符合《中国药典》2020年版一部',
    );
  });
});

describe('plan progress on hand-made data', () => {
  it('counts planned vs sampled vs results in per line, category and level; withdrawn and unplanned records do not count', async () => {
    const res = await dept.post('/api/sampling-plans', {
      level: 'county',
      year: 2026,
      name: '2026年区级药品抽检计划',
      issuer: '本局',
      lines: [
        { category: 'drug', subCategory: 'tcm_pieces', planned: 4, entityIds: [cxEntity] },
        { category: 'drug', subCategory: 'chemical', planned: 2 },
        { category: 'cosmetic', planned: 3 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    const [pieces, chemical, cosmetic] = plan.lines;
    expect(pieces).toMatchObject({ label: '中药饮片', planned: 4, sampled: 0, entities: [{ id: cxEntity, name: '创新测试大药房' }] });
    // A second plan of the same level and year is refused.
    expect(
      (await dept.post('/api/sampling-plans', { level: 'county', year: 2026, name: '重复', lines: [{ category: 'drug', planned: 1 }] }))
        .statusCode,
    ).toBe(409);
    // A line of another category does not take a record.
    const wrong = await inspector.post('/api/sampling-records', sample({ planLineId: cosmetic.id }));
    expect(wrong.statusCode).toBe(400);

    // pieces: 3 sampled (1 withdrawn), 1 qualified, 1 unqualified; chemical: 1 at the lab; cosmetic: 1 sampled; 1 unplanned.
    const p1 = await atLab({ planLineId: pieces.id });
    await inspector.post(`/api/sampling-records/${p1.id}/result`, { ...unqualified(p1.version), verdict: 'qualified', failedItems: [] });
    const p2 = await atLab({ planLineId: pieces.id, entityId: cxEntity2 });
    await inspector.post(`/api/sampling-records/${p2.id}/result`, unqualified(p2.version));
    const p3 = await newRecord({ planLineId: pieces.id });
    await inspector.post(`/api/sampling-records/${p3.id}/withdraw`, { reason: '重复录入', version: p3.version });
    await atLab({ planLineId: chemical.id, productName: '阿莫西林胶囊' });
    await newRecord({ planLineId: cosmetic.id, category: 'cosmetic', productName: '保湿面霜' }, dept);
    await newRecord();

    const got = (await head.get(`/api/sampling-plans/${plan.id}`)).json();
    const prog = (l: any) => [l.planned, l.sampled, l.resultsIn, l.unqualified];
    expect(got.lines.map(prog)).toEqual([
      [4, 2, 2, 1],
      [2, 1, 0, 0],
      [3, 1, 0, 0],
    ]);
    expect(got.byCategory.map((c: any) => [c.category, ...prog(c)])).toEqual([
      ['drug', 6, 3, 2, 1],
      ['cosmetic', 3, 1, 0, 0],
    ]);
    expect(prog(got.total)).toEqual([9, 4, 2, 1]);
    expect(got.editable).toBe(false); // a station head sees the bureau's plan but does not manage it
    const year = (await dept.get('/api/sampling-plans/progress?year=2026')).json();
    expect(year.rows.map((r: any) => [r.level, r.category, ...prog(r)])).toEqual([
      ['county', 'drug', 6, 3, 2, 1],
      ['county', 'cosmetic', 3, 1, 0, 0],
    ]);
    // A line with records cannot be removed.
    const rm = await dept.put(`/api/sampling-plans/${plan.id}`, {
      name: plan.name,
      lines: [
        { id: chemical.id, category: 'drug', subCategory: 'chemical', planned: 2 },
        { id: cosmetic.id, category: 'cosmetic', planned: 3 },
      ],
      version: plan.version,
    });
    expect(rm.statusCode).toBe(409);
    const up = await dept.put(`/api/sampling-plans/${plan.id}`, {
      name: plan.name,
      lines: [
        { id: pieces.id, category: 'drug', subCategory: 'tcm_pieces', planned: 5 },
        { id: chemical.id, category: 'drug', subCategory: 'chemical', planned: 2 },
        { id: cosmetic.id, category: 'cosmetic', planned: 3 },
        { category: 'device', subCategory: 'ivd', planned: 1 },
      ],
      version: plan.version,
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().lines.map(prog)).toEqual([
      [5, 2, 2, 1],
      [2, 1, 0, 0],
      [3, 1, 0, 0],
      [1, 0, 0, 0],
    ]);
  });
});

describe('measures, timeline and export', () => {
  it('counts batches sampled and 不合格 per station, shows records on the unit’s file, exports Excel', async () => {
    const m = t.app.ext.measures;
    const batches = m.find((x) => x.key === 'sampling.batches')!;
    const bad = m.find((x) => x.key === 'sampling.unqualified')!;
    const path = (await one<{ path: string }>(sql`select path from jurisdictions where id = ${t.org.districtId}`)).path;
    const f = { path, from: '2026-11-01', to: '2026-11-30' };
    const cx = t.org.stations['创新'].jurisdictionId;
    const n = await one<{ b: number; u: number }>(sql`select
      (select count(*)::int from sampling_records where status <> 'withdrawn' and sampled_on between '2026-11-01' and '2026-11-30') as b,
      (select count(*)::int from sampling_results where verdict = 'unqualified') as u`);
    expect(n.b).toBeGreaterThan(5);
    expect((await batches.compute(db(), f)).get(cx)).toBe(n.b);
    expect((await bad.compute(db(), f)).get(cx)).toBe(n.u);
    expect((await batches.compute(db(), { ...f, from: '2026-12-01', to: '2026-12-31' })).get(cx)).toBeUndefined();

    const tl = (await inspector.get(`/api/entities/${cxEntity2}/timeline`)).json();
    const items = (tl.items ?? tl).filter((i: any) => i.source === 'sampling');
    expect(items[0]).toMatchObject({ title: '监督抽检（不合格）' });
    expect(items[0].detail).toContain('不合格项目：含量测定');

    const x = await inspector.get('/api/sampling-records/export?status=unqualified');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});
