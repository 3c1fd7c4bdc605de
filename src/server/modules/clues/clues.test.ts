import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import type { Actor } from '../../core/context.js';
import { buildRegistry } from '../../core/extensions.js';
import { seedDemoDocuments } from '../../demo/seed-documents.js';
import { seedDemoEntities } from '../../demo/seed-entities.js';
import { MODULES } from '../index.js';
import { transitionClue } from './use-cases/transition-clue.js';

/**
 * Clues (线索), transfers (移交), assist requests (协查函), complaints (投诉举报) and the weekly
 * summary, through the HTTP API on a real database. 立案 files a case through the cases module's
 * `clueFiling` contribution.
 */
let t: TestApp;
let c: Record<string, Client>;
const q = async (query: ReturnType<typeof sql>) => ((await t.database.db.execute(query)) as any).rows as any[];
const count = async (table: string) => Number((await q(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);
let cxEntity: number, bannerEntity: number;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoDocuments(t.database.db, t.org);
  c = {};
  for (const u of ['inspector_cx', 'head_cx', 'inspector_xl', 'coordinator', 'viewer', 'office', 'leader', 'enforcer', 'dept'])
    c[u] = await t.as(u);
  [{ id: cxEntity }] = await q(
    sql`select id from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} order by id limit 1`,
  );
  [{ id: bannerEntity }] = await q(
    sql`select e.id from entities e join jurisdictions j on j.id = e.jurisdiction_id where j.path like (select path from jurisdictions where id = ${t.org.bannerId}) || '%' limit 1`,
  );
}, 120_000);
afterAll(() => t?.close());

const manual = (over: Record<string, unknown> = {}) => ({
  source: 'online',
  sourceNote: '网络监测发现',
  entityId: cxEntity,
  summary: '网店销售处方药未凭处方',
  description: '监测平台截图显示……',
  receivedOn: '2026-11-24',
  ...over,
});

describe('clues: bad input stores nothing', () => {
  it('refuses a clue about another county’s unit (400), a future date, an unknown source', async () => {
    const before = await count('clues');
    const other = await c.inspector_cx.post('/api/clues', manual({ entityId: bannerEntity }));
    expect(other.statusCode).toBe(400);
    expect(other.json().code).toBe('VALIDATION');
    expect((await c.inspector_cx.post('/api/clues', manual({ receivedOn: '2099-01-01' }))).statusCode).toBe(400);
    expect((await c.inspector_cx.post('/api/clues', manual({ source: 'tip' }))).statusCode).toBe(400);
    // Another station's unit is outside 兴隆所's area too.
    expect((await c.inspector_xl.post('/api/clues', manual())).statusCode).toBe(400);
    expect(await count('clues')).toBe(before);
  });
});

describe('clue workflow by role', () => {
  let id: number;
  const clue = async () => (await c.head_cx.get(`/api/clues/${id}`)).json();
  beforeAll(async () => {
    const res = await c.inspector_cx.post('/api/clues', manual());
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'pending', source: 'online', actions: ['verify'] });
  });

  it('待核查 → 核查中 by an inspector; findings recorded; an inspector may not decide', async () => {
    expect((await c.viewer.post(`/api/clues/${id}/transition`, { action: 'verify', version: 1 })).statusCode).toBe(403);
    expect((await c.inspector_xl.post(`/api/clues/${id}/transition`, { action: 'verify', version: 1 })).statusCode).toBe(404);
    const v = await c.inspector_cx.post(`/api/clues/${id}/transition`, { action: 'verify', version: 1 });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ status: 'verifying', canVerify: true, handler: { name: expect.any(String) } });
    expect(v.json().actions).toEqual([]); // an inspector verifies but does not decide
    expect((await c.inspector_cx.post(`/api/clues/${id}/transition`, { action: 'verify', version: 2 })).statusCode).toBe(409);
    const f = await c.inspector_cx.put(`/api/clues/${id}/verification`, { findings: '经核查，该网店为辖区药店开设。', version: 2 });
    expect(f.statusCode, f.body).toBe(200);
    const refused = await c.inspector_cx.post(`/api/clues/${id}/transition`, { action: 'file', version: 3 });
    expect(refused.statusCode).toBe(403);
    expect((await clue()).status).toBe('verifying');
  });

  it('不予立案 needs a reason (400, nothing stored); a stale version is 409', async () => {
    expect((await clue()).actions).toEqual(['file', 'dismiss', 'transfer']);
    const none = await c.head_cx.post(`/api/clues/${id}/transition`, { action: 'dismiss', version: 3 });
    expect(none.statusCode).toBe(400);
    expect((await c.head_cx.post(`/api/clues/${id}/transition`, { action: 'dismiss', reason: '不构成违法', version: 1 })).json().code).toBe(
      'STALE_VERSION',
    );
    expect((await clue()).status).toBe('verifying');
  });

  it('立案 calls the cases module in the same transaction and keeps the case id', async () => {
    const res = await c.head_cx.post(`/api/clues/${id}/transition`, { action: 'file', version: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'filed', actions: [] });
    // A 普通程序 case waiting for the head's approval (its number comes then), with the clue as its source.
    const [k] = await q(sql`select id, status, source_type, source_id, entity_id from cases where id = ${res.json().caseId}`);
    expect(k).toMatchObject({ status: 'proposed', source_type: 'clue', source_id: id, entity_id: cxEntity });
    const [log] = await q(
      sql`select action from audit_log where entity_type = 'clue' and entity_id = ${String(id)} order by id desc limit 1`,
    );
    expect(log.action).toBe('clue.file');
  });

  it('without a cases module, 立案 is 409 with a Chinese message and changes nothing', async () => {
    const other = (await c.inspector_cx.post('/api/clues', manual({ summary: '另一条线索' }))).json();
    await c.inspector_cx.post(`/api/clues/${other.id}/transition`, { action: 'verify', version: 1 });
    const [u] = await q(
      sql`select u.id, u.org_unit_id, u.jurisdiction_id, j.path from users u join jurisdictions j on j.id = u.jurisdiction_id where username = 'head_cx'`,
    );
    const actor: Actor = {
      id: u.id,
      username: 'head_cx',
      name: '所长',
      role: 'station_head',
      scope: 'jurisdiction',
      orgUnitId: u.org_unit_id,
      jurisdictionId: u.jurisdiction_id,
      jurisdictionPath: u.path,
    };
    const withoutCases = buildRegistry(MODULES.filter((m) => m.name !== 'cases'));
    const err = await transitionClue({ db: t.database.db, actor, ext: withoutCases }, other.id, { action: 'file', version: 2 }).catch(
      (e) => e,
    );
    expect(err).toMatchObject({ code: 'CASES_UNAVAILABLE', status: 409 });
    expect(err.message).toMatch(/案件/);
    expect((await c.head_cx.get(`/api/clues/${other.id}`)).json().status).toBe('verifying');
  });

  it('移交 needs a receiving body; then the transfer is recorded with its receipt', async () => {
    const x = (await c.inspector_cx.post('/api/clues', manual({ summary: '涉嫌非法行医' }))).json();
    await c.inspector_cx.post(`/api/clues/${x.id}/transition`, { action: 'verify', version: 1 });
    const before = await count('clue_transfers');
    const noBody = await c.enforcer.post(`/api/clues/${x.id}/transition`, {
      action: 'transfer',
      transfer: { target: 'health', transferredOn: '2026-11-25' },
      version: 2,
    });
    expect(noBody.statusCode).toBe(400);
    const noTransfer = await c.enforcer.post(`/api/clues/${x.id}/transition`, { action: 'transfer', version: 2 });
    expect(noTransfer.statusCode).toBe(400);
    expect(await count('clue_transfers')).toBe(before);
    const ok = await c.enforcer.post(`/api/clues/${x.id}/transition`, {
      action: 'transfer',
      transfer: { target: 'health', receivingBody: '兴隆台区卫生健康局', transferredOn: '2026-11-25', letterNo: '兴市监移〔2026〕3号' },
      version: 2,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const tr = ok.json().transfers[0];
    expect(ok.json().status).toBe('transferred');
    expect(tr).toMatchObject({ status: 'sent', receivingBody: '兴隆台区卫生健康局', actions: ['receipt'] });
    expect(
      (await c.inspector_cx.post(`/api/clue-transfers/${tr.id}/receipt`, { receiptOn: '2026-11-20', version: tr.version })).statusCode,
    ).toBe(400);
    const rc = await c.inspector_cx.post(`/api/clue-transfers/${tr.id}/receipt`, { receiptOn: '2026-11-27', version: tr.version });
    expect(rc.statusCode, rc.body).toBe(200);
    expect(rc.json()).toMatchObject({ status: 'receipted', receiptOn: '2026-11-27', actions: [] });
    expect((await c.inspector_xl.get('/api/clue-transfers')).json().items.map((i: any) => i.id)).not.toContain(tr.id);
  });
});

describe('clues from other records', () => {
  it('a reviewed tip becomes a clue with one click, once; an unreviewed one cannot', async () => {
    const tip = (
      await c.coordinator.post('/api/tips', { kind: 'clue', title: '村卫生室疑似销售过期药', place: '友谊街道', occurredOn: '2026-11-28' })
    ).json();
    expect((await c.inspector_cx.post('/api/clues/from-tip', { tipId: tip.id })).statusCode).toBe(409);
    expect((await c.inspector_cx.post(`/api/tips/${tip.id}/transition`, { action: 'accept', note: '安排核查' })).statusCode).toBe(200);
    expect((await c.inspector_xl.post('/api/clues/from-tip', { tipId: tip.id })).statusCode).toBe(404);
    const res = await c.inspector_cx.post('/api/clues/from-tip', { tipId: tip.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'tip', sourceId: tip.id, summary: '村卫生室疑似销售过期药', status: 'pending' });
    const again = await c.inspector_cx.post('/api/clues/from-tip', { tipId: tip.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CLUE_EXISTS');
  });

  it('a signed inspection’s finding becomes a clue about the inspected unit', async () => {
    const png = `data:image/png;base64,${(
      await sharp({ create: { width: 20, height: 10, channels: 4, background: '#000' } })
        .png()
        .toBuffer()
    ).toString('base64')}`;
    const people = await q(sql`select id, username from users where username in ('inspector_cx','head_cx')`);
    const pid = (u: string) => people.find((p) => p.username === u).id as number;
    const [e] = await q(
      sql`select id from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} order by id desc limit 1`,
    );
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const rec = await c.inspector_cx.post('/api/inspections', {
      entityId: e.id,
      kind: 'special',
      date: today,
      inspectorIds: [pid('inspector_cx'), pid('head_cx')],
      findings: [
        { severity: 'serious', description: '货架上有超过有效期的药品' },
        { severity: 'general', description: '温湿度记录不全' },
      ],
      measures: [{ kind: 'refer_clue', note: '涉嫌销售劣药' }],
      signatures: [
        { signer: 'inspector', userId: pid('inspector_cx'), image: png },
        { signer: 'unit', name: '店长', image: png },
        { signer: 'inspector', userId: pid('head_cx'), password: 'demo1234', image: png },
      ],
    });
    expect(rec.statusCode, rec.body).toBe(200);
    const insp = rec.json();
    expect(insp.status).toBe('done');
    const finding = insp.findings[0].id;
    expect((await c.inspector_xl.post('/api/clues/from-inspection', { inspectionId: insp.id, findingId: finding })).statusCode).toBe(404);
    expect((await c.inspector_cx.post('/api/clues/from-inspection', { inspectionId: insp.id, findingId: 2147483647 })).statusCode).toBe(
      400,
    );
    const res = await c.inspector_cx.post('/api/clues/from-inspection', { inspectionId: insp.id, findingId: finding });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'inspection', sourceId: insp.id, sourceDetailId: finding, entityId: e.id });
    expect(res.json().summary).toContain('货架上有超过有效期的药品');
    // The measure 转为线索: the inspection as a whole, once.
    const whole = await c.inspector_cx.post('/api/clues/from-inspection', { inspectionId: insp.id });
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.json().description).toContain('温湿度记录不全');
    expect((await c.inspector_cx.post('/api/clues/from-inspection', { inspectionId: insp.id })).statusCode).toBe(409);
    // On the unit's file.
    const tl = (await c.inspector_cx.get(`/api/entities/${e.id}/timeline`)).json();
    expect(JSON.stringify(tl)).toContain('线索（监督检查');
  });
});

describe('complaints (投诉举报) with the 12315 time limits over the holiday calendar', () => {
  const input = (over: Record<string, unknown> = {}) => ({
    kind: 'complaint',
    channel: 'platform',
    platformNo: '12315-2026-0001',
    receivedOn: '2026-02-12',
    realName: true,
    complainantName: '张某',
    complainantPhone: '13800000000',
    entityId: cxEntity,
    summary: '购买的药品已过期',
    content: '2月10日在该店购买的感冒药已过有效期。',
    ...over,
  });

  it('受理 within 7 working days: across Spring Festival 2026 and the make-up Saturday 2-14 and 2-28', async () => {
    const res = await c.dept.post('/api/complaints', input());
    expect(res.statusCode, res.body).toBe(200);
    const x = res.json();
    // 2-13 (Fri), 2-14 (make-up Sat), 2-15…2-23 off, 2-24…2-27, 2-28 (make-up Sat) = the 7th working day.
    expect(x.deadlines).toEqual([expect.objectContaining({ key: 'accept', due: '2026-02-28', overdue: true, inferred: false })]);
    expect(x.overdue).toBe(true);
    const overdue = (await c.dept.get('/api/complaints?overdue=true')).json();
    expect(overdue.items.map((i: any) => i.id)).toContain(x.id);
    const dash = (await c.dept.get('/api/dashboard')).json();
    expect(dash.complaints.overdue).toBeGreaterThan(0);
  });

  it('bad input: a reply before acceptance (409), a refusal without reason (400), another county’s unit (400)', async () => {
    const before = await count('complaints');
    expect((await c.dept.post('/api/complaints', input({ entityId: bannerEntity }))).statusCode).toBe(400);
    expect((await c.dept.post('/api/complaints', input({ complainantName: null }))).statusCode).toBe(400);
    expect(await count('complaints')).toBe(before);
    const x = (await c.dept.post('/api/complaints', input({ receivedOn: '2026-11-30' }))).json();
    const reply = await c.dept.post(`/api/complaints/${x.id}/transition`, { action: 'reply', note: '已处理', version: x.version });
    expect(reply.statusCode).toBe(409);
    expect((await c.dept.post(`/api/complaints/${x.id}/transition`, { action: 'refuse', version: x.version })).statusCode).toBe(400);
    expect((await c.viewer.post(`/api/complaints/${x.id}/transition`, { action: 'accept', version: x.version })).statusCode).toBe(403);
    const got = (await c.dept.get(`/api/complaints/${x.id}`)).json();
    expect(got).toMatchObject({ status: 'received', version: x.version, reply: null });
  });

  it('a named report: accepted, made a clue, told within 5 working days of the filing decision (across National Day)', async () => {
    let x = (await c.dept.post('/api/complaints', input({ kind: 'report', receivedOn: '2026-09-21', summary: '举报药店销售假药' }))).json();
    x = (await c.dept.post(`/api/complaints/${x.id}/transition`, { action: 'accept', on: '2026-09-22', version: x.version })).json();
    expect(x.deadlines[0]).toMatchObject({ key: 'accept', inferred: true, doneOn: '2026-09-22', overdue: false });
    expect(x.canMakeClue).toBe(true);
    const made = await c.dept.post(`/api/complaints/${x.id}/to-clue`, { version: x.version });
    expect(made.statusCode, made.body).toBe(200);
    x = made.json();
    const clue = (await c.dept.get(`/api/clues/${x.clueId}`)).json();
    expect(clue).toMatchObject({ source: 'complaint', sourceId: x.id });
    expect((await c.dept.post(`/api/complaints/${x.id}/to-clue`, { version: x.version })).statusCode).toBe(409);
    expect(x.actions).not.toContain('inform');
    await c.dept.post(`/api/clues/${clue.id}/transition`, { action: 'verify', version: clue.version });
    expect(
      (await c.enforcer.post(`/api/clues/${clue.id}/transition`, { action: 'dismiss', reason: '经核查不属实', version: clue.version + 1 }))
        .statusCode,
    ).toBe(200);
    // The decision taken on Tuesday 9-29: 9-30, (10-1…10-7 off), 10-8, 10-9, 10-10 (make-up Sat), 10-12 = 5th working day.
    await q(sql`update clues set decided_at = '2026-09-29T10:00:00+08:00' where id = ${clue.id}`);
    x = (await c.dept.get(`/api/complaints/${x.id}`)).json();
    expect(x.deadlines.find((d: any) => d.key === 'inform')).toMatchObject({ due: '2026-10-12', overdue: true, inferred: false });
    expect(x.actions).toContain('inform');
    x = (
      await c.dept.post(`/api/complaints/${x.id}/transition`, { action: 'inform', on: '2026-10-12', note: '电话告知', version: x.version })
    ).json();
    expect(x.deadlines.find((d: any) => d.key === 'inform')).toMatchObject({ doneOn: '2026-10-12', overdue: false });
    const replied = await c.dept.post(`/api/complaints/${x.id}/transition`, {
      action: 'reply',
      note: '经核查不属实，已答复',
      version: x.version,
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().status).toBe('replied');
  });

  it('a reward is approved by someone other than its requester', async () => {
    let x = (await c.office.post('/api/complaints', input({ kind: 'report', receivedOn: '2026-11-02', summary: '举报无证经营' }))).json();
    x = (await c.office.post(`/api/complaints/${x.id}/transition`, { action: 'accept', version: x.version })).json();
    const req = await c.office.post(`/api/complaints/${x.id}/reward`, { amount: 500, reason: '举报属实，已立案', version: x.version });
    expect(req.statusCode, req.body).toBe(200);
    x = req.json();
    expect(x.reward).toMatchObject({ amount: 500, status: 'requested', canDecide: false });
    const own = await c.office.post(`/api/complaints/${x.id}/reward/decide`, { approve: true, version: x.version });
    expect(own.statusCode).toBe(403);
    expect((await c.dept.post(`/api/complaints/${x.id}/reward/decide`, { approve: true, version: x.version })).statusCode).toBe(403);
    expect((await c.leader.get(`/api/complaints/${x.id}`)).json().reward).toMatchObject({ status: 'requested', canDecide: true });
    const ok = await c.leader.post(`/api/complaints/${x.id}/reward/decide`, { approve: true, note: '同意', version: x.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().reward).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
  });
});

describe('assist requests (协查函)', () => {
  it('an outgoing letter is numbered and downloadable; a received one becomes a clue once; replies recorded', async () => {
    const out = await c.enforcer.post('/api/assist-requests', {
      direction: 'outgoing',
      counterpart: '某市市场监督管理局',
      subject: '某药店销售假药案',
      content: '请核实供货企业资质。\n请核实销售票据。',
      date: '2026-11-20',
      dueOn: '2026-12-20',
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().letterNo).toMatch(/^兴市监协查〔2026〕\d+号$/);
    const doc = await c.enforcer.get(`/api/assist-requests/${out.json().id}/letter`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(
      (
        await c.enforcer.post('/api/assist-requests', {
          direction: 'incoming',
          counterpart: '某局',
          subject: '回复期限早于来函日期',
          content: '内容',
          date: '2026-11-20',
          dueOn: '2026-11-01',
        })
      ).statusCode,
    ).toBe(400);
    const inc = (
      await c.inspector_cx.post('/api/assist-requests', {
        direction: 'incoming',
        counterpart: '邻县市场监督管理局',
        subject: '协查某批次药品流向',
        content: '请协查辖区药店是否购进该批次药品。',
        date: '2026-11-10',
        dueOn: '2026-11-24',
        letterNo: '邻市监协查〔2026〕8号',
      })
    ).json();
    expect(inc).toMatchObject({ overdue: true, actions: ['reply', 'to_clue'] });
    const clue = await c.inspector_cx.post(`/api/assist-requests/${inc.id}/to-clue`, { version: inc.version });
    expect(clue.statusCode, clue.body).toBe(200);
    expect(clue.json()).toMatchObject({ source: 'assist', sourceId: inc.id });
    const again = (await c.inspector_cx.get(`/api/assist-requests/${inc.id}`)).json();
    expect(again.actions).toEqual(['reply']);
    expect((await c.inspector_cx.post(`/api/assist-requests/${inc.id}/to-clue`, { version: again.version })).statusCode).toBe(409);
    const rep = await c.inspector_cx.post(`/api/assist-requests/${inc.id}/reply`, {
      repliedOn: '2026-11-23',
      content: '未发现购进',
      version: again.version,
    });
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.json()).toMatchObject({ status: 'replied', overdue: false });
    expect((await c.inspector_xl.get(`/api/assist-requests/${inc.id}`)).statusCode).toBe(404);
  });
});

describe('weekly summary (每周报送)', () => {
  it('counts clues found and transferred per station and in total; the columns are the four of seed 000 (clues found and transferred, cases filed and decided)', async () => {
    const s = (await c.office.get('/api/clues/weekly?date=2026-11-25')).json();
    expect(s).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });
    expect(s.columns.map((x: any) => x.key)).toEqual(['clues.found', 'clues.transferred', 'cases.filed', 'cases.decided']);
    const cx = s.rows.find((r: any) => r.name.startsWith('创新'));
    const [{ n }] = await q(
      sql`select count(*)::int as n from clues c join jurisdictions j on j.id = c.jurisdiction_id where c.received_on between '2026-11-23' and '2026-11-29' and j.path like (select path from jurisdictions where id = ${t.org.stations['创新'].jurisdictionId}) || '%'`,
    );
    expect(n).toBeGreaterThan(0);
    expect(cx.values['clues.found']).toBe(n);
    expect(s.total['clues.transferred']).toBe(1);
    expect(s.total['clues.found']).toBe(s.rows.reduce((a: number, r: any) => a + r.values['clues.found'], 0));
    // A station sees its own area only.
    const xl = (await c.inspector_xl.get('/api/clues/weekly?date=2026-11-25')).json();
    expect(xl.total['clues.found']).toBe(0);
    const x = await c.office.get('/api/clues/weekly/export?date=2026-11-25');
    expect(x.statusCode).toBe(200);
    for (const url of ['/api/clues/export', '/api/complaints/export', '/api/assist-requests/export', '/api/clue-transfers/export'])
      expect((await c.office.get(url)).statusCode, url).toBe(200);
  });
});
