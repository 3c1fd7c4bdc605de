import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiToday } from '../../../contracts/calendar.js';
import type { Actor } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { multipartFile } from '../../../test/multipart.js';
import { openRisk } from './public.js';

let t: TestApp;
let cx: Client; // inspector_cx (创新所): risks.manage
let head: Client; // head_cx (创新所所长): risks.manage + risks.verify
let office: Client; // 专项办 (区局)
let admin: Client;
const ids: Record<string, number> = {};
const today = shanghaiToday();
const later = addDays(today, 20);
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];
const count = async (table: string) => Number((await rows(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);
const auditOf = async (id: number) =>
  (await rows(sql`select action from audit_log where entity_type = 'risk' and entity_id = ${String(id)} order by id`)).map((r) => r.action);

let photo: Buffer;
async function upload(c: Client, id: number) {
  return c.request({
    method: 'POST',
    url: `/api/risks/${id}/files`,
    ...multipartFile('file', '整改照片.jpg', photo, 'image/jpeg', { note: '已整改' }),
  });
}
function newRisk(over: Record<string, unknown> = {}) {
  return {
    channel: 'complaint',
    category: 'drug',
    title: '处方药未凭处方销售',
    description: '投诉反映某药店不凭处方销售抗菌药物',
    level: 'general',
    controlMeasure: '责令改正，跟踪复查',
    ownerId: ids.inspectorCx,
    deadline: later,
    entityIds: [ids.pharmacy],
    ...over,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  [cx, head, office, admin] = await Promise.all(['inspector_cx', 'head_cx', 'office', 'admin'].map((u) => t.as(u)));
  for (const r of await rows(sql`select id, username from users where username in ('inspector_cx','head_cx','office','inspector_xl')`))
    ids[r.username === 'inspector_cx' ? 'inspectorCx' : r.username === 'head_cx' ? 'headCx' : r.username] = r.id;
  const st = t.org.stations['创新'];
  const mk = async (name: string, jurisdictionId: number) => {
    const e = await office.post('/api/entities', { name, kind: 'pharmacy_single', jurisdictionId });
    expect(e.statusCode, e.body).toBe(200);
    return e.json().id as number;
  };
  ids.pharmacy = await mk('创新大药房', st.jurisdictionId);
  ids.pharmacy2 = await mk('仁和药店', st.jurisdictionId);
  photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
});
afterAll(() => t?.close());

describe('risk register workflow', () => {
  it('controls, needs evidence to ask for closure, is verified by someone else, and reopens with a reason — every step audited', async () => {
    const created = await cx.post('/api/risks', newRisk());
    expect(created.statusCode, created.body).toBe(200);
    let r = created.json();
    expect(r).toMatchObject({
      status: 'open',
      owner: { id: ids.inspectorCx },
      entities: [{ id: ids.pharmacy }],
      stationName: expect.any(String),
    });
    expect(r.actions).toEqual(['edit', 'control']);

    r = (await cx.post(`/api/risks/${r.id}/transition`, { action: 'control', version: r.version })).json();
    expect(r.status).toBe('controlling');
    // No evidence yet: the closure request is refused and nothing changes.
    const noEvidence = await cx.post(`/api/risks/${r.id}/transition`, { action: 'request_closure', version: r.version });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().code).toBe('EVIDENCE_REQUIRED');
    expect((await cx.get(`/api/risks/${r.id}`)).json().status).toBe('controlling');

    expect((await upload(cx, r.id)).statusCode).toBe(200);
    r = (await cx.get(`/api/risks/${r.id}`)).json();
    expect(r.evidence).toHaveLength(1);
    expect(r.actions).toContain('request_closure');
    r = (await cx.post(`/api/risks/${r.id}/transition`, { action: 'request_closure', note: '已整改到位', version: r.version })).json();
    expect(r.status).toBe('closure_requested');

    // The inspector (no verify permission) cannot close; evidence can no longer be added.
    const byInspector = await cx.post(`/api/risks/${r.id}/transition`, { action: 'close', version: r.version });
    expect(byInspector.statusCode).toBe(403);
    expect((await upload(cx, r.id)).statusCode).toBe(409);
    // The station head (not the owner) verifies it.
    expect((await head.get(`/api/risks/${r.id}`)).json().actions).toEqual(['close', 'refuse_closure']);
    const closed = await head.post(`/api/risks/${r.id}/transition`, { action: 'close', note: '现场核实', version: r.version });
    expect(closed.statusCode, closed.body).toBe(200);
    r = closed.json();
    expect(r).toMatchObject({ status: 'closed', closedBy: { id: ids.headCx }, closedOn: today });

    // Reopening needs a reason; then it is controlled again and its closure cleared.
    expect((await cx.post(`/api/risks/${r.id}/transition`, { action: 'reopen', version: r.version })).statusCode).toBe(400);
    const reopened = await cx.post(`/api/risks/${r.id}/transition`, { action: 'reopen', note: '复查发现再次违规', version: r.version });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'controlling', closedBy: null, closedOn: null });
    // A stale version is refused.
    expect((await cx.post(`/api/risks/${r.id}/transition`, { action: 'request_closure', version: r.version })).json().code).toBe(
      'STALE_VERSION',
    );

    expect(await auditOf(r.id)).toEqual([
      'risk.create',
      'risk.control',
      'risk.file.add',
      'risk.request_closure',
      'risk.close',
      'risk.reopen',
    ]);
  });

  it('refuses the owner verifying their own closure, and a closure from the wrong state', async () => {
    let r = (await head.post('/api/risks', newRisk({ ownerId: ids.headCx, title: '冷链药品温度记录缺失' }))).json();
    r = (await head.post(`/api/risks/${r.id}/transition`, { action: 'control', version: r.version })).json();
    // close from 管控中 is not a transition of the table (and there is no evidence)
    expect(
      (await office.post(`/api/risks/${r.id}/transition`, { action: 'refuse_closure', note: 'x', version: r.version })).statusCode,
    ).toBe(409);
    expect((await upload(head, r.id)).statusCode).toBe(200);
    r = (await head.get(`/api/risks/${r.id}`)).json();
    r = (await head.post(`/api/risks/${r.id}/transition`, { action: 'request_closure', version: r.version })).json();
    expect(r.actions).not.toContain('close');
    const self = await head.post(`/api/risks/${r.id}/transition`, { action: 'close', version: r.version });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('SELF_VERIFICATION');
    expect(
      (await head.post(`/api/risks/${r.id}/transition`, { action: 'refuse_closure', note: '自己退回', version: r.version })).statusCode,
    ).toBe(403);
    // The bureau's 专项办 verifies it instead; a refusal needs a reason.
    expect((await office.post(`/api/risks/${r.id}/transition`, { action: 'refuse_closure', version: r.version })).statusCode).toBe(400);
    const ok = await office.post(`/api/risks/${r.id}/transition`, { action: 'close', version: r.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('closed');
  });

  it('refuses bad input with {code, message} and stores nothing', async () => {
    const before = await count('risks');
    const audits = await count('audit_log');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ deadline: addDays(today, -1) }, 400, 'VALIDATION'],
      [{ entityIds: [999_999] }, 400, 'UNKNOWN_ENTITY'],
      [{ ownerId: ids.inspector_xl }, 400, 'VALIDATION'], // another station's person
      [{ level: 'extreme' }, 400, 'VALIDATION'],
      [{ jurisdictionId: t.org.stations['兴隆'].jurisdictionId }, 400, 'VALIDATION'], // outside the caller's area
    ];
    for (const [over, status, code] of cases) {
      const res = await cx.post('/api/risks', newRisk(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(res.json()).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    }
    expect(await count('risks')).toBe(before);
    expect(await count('audit_log')).toBe(audits);
  });

  it('is scoped: another station sees and touches nothing; the viewer reads but may not write', async () => {
    const r = (await cx.post('/api/risks', newRisk({ title: '兴隆所不应看到' }))).json();
    const xl = await t.as('inspector_xl');
    expect((await xl.get(`/api/risks/${r.id}`)).statusCode).toBe(404);
    expect((await xl.post(`/api/risks/${r.id}/transition`, { action: 'control', version: r.version })).statusCode).toBe(404);
    expect((await xl.get('/api/risks')).json().items.some((x: any) => x.id === r.id)).toBe(false);
    const viewer = await t.as('viewer');
    expect((await viewer.get(`/api/risks/${r.id}`)).statusCode).toBe(200);
    expect((await viewer.post('/api/risks', newRisk())).statusCode).toBe(403);
  });

  it('lists with filters (overdue, level, station), shows overdue risks on the 工作台 and exports Excel', async () => {
    const r = (await cx.post('/api/risks', newRisk({ title: '逾期风险', level: 'serious' }))).json();
    // A deadline that has passed (data as it stands weeks later).
    await t.database.db.execute(sql`update risks set deadline = ${addDays(today, -3)} where id = ${r.id}`);
    const overdue = (await head.get(`/api/risks?overdue=true&stationId=${t.org.stations['创新'].jurisdictionId}`)).json();
    expect(overdue.items.map((x: any) => x.id)).toContain(r.id);
    expect(overdue.items.every((x: any) => x.overdue)).toBe(true);
    expect(overdue.items.find((x: any) => x.id === r.id).daysOverdue).toBe(3);
    expect((await head.get('/api/risks?level=serious')).json().items.every((x: any) => x.level === 'serious')).toBe(true);
    const dash = (await head.get('/api/dashboard')).json();
    expect(dash.risks.overdue).toBeGreaterThan(0);
    expect(dash.risks.overdueByStation[0]).toMatchObject({ stationId: t.org.stations['创新'].jurisdictionId, maxDaysOverdue: 3 });
    const x = await head.get('/api/risks/export?overdue=true');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('from an inspection finding', () => {
  it('转为风险 once per finding, with the finding as source and its unit; the unit file shows it', async () => {
    const rec = await cx.post('/api/inspections', {
      entityId: ids.pharmacy2,
      kind: 'special',
      date: today,
      inspectorIds: [ids.inspectorCx, ids.headCx],
      findings: [{ severity: 'serious', description: '执业药师不在岗时销售处方药' }],
    });
    expect(rec.statusCode, rec.body).toBe(200);
    const finding = rec.json().findings[0];
    ids.finding = finding.id;
    const res = await cx.post('/api/risks/from-finding', { findingId: finding.id, ownerId: ids.inspectorCx, deadline: later });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      channel: 'inspection',
      source: { type: 'finding', id: finding.id },
      level: 'major',
      entities: [{ id: ids.pharmacy2 }],
      status: 'open',
    });
    ids.fromFinding = res.json().id;
    const again = await cx.post('/api/risks/from-finding', { findingId: finding.id, ownerId: ids.inspectorCx, deadline: later });
    expect(again.statusCode).toBe(409);
    // Another station cannot reach the finding.
    const xl = await t.as('inspector_xl');
    expect(
      (await xl.post('/api/risks/from-finding', { findingId: finding.id, ownerId: ids.inspector_xl, deadline: later })).statusCode,
    ).toBe(404);
    const tl = await cx.get(`/api/entities/${ids.pharmacy2}/timeline`);
    expect(tl.statusCode, tl.body).toBe(200);
    const items = tl.json();
    expect(items.some((i: any) => i.source === 'risks' && i.title.includes('执业药师不在岗'))).toBe(true);
  });
});

describe('common risks', () => {
  it('groups risks and a finding into one common risk with their units; another area’s risk is refused', async () => {
    const a = (await cx.post('/api/risks', newRisk({ title: '处方药销售不规范A' }))).json();
    const res = await head.post('/api/common-risks', {
      title: '部分企业处方药未凭处方销售或未保留处方',
      category: 'drug',
      analysis: '多发于城乡接合部单体药店',
      controlMeasure: '责令改正或行政处罚',
      riskIds: [a.id, ids.fromFinding],
      findingIds: [ids.finding],
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.risks.map((r: any) => r.id).sort()).toEqual([a.id, ids.fromFinding].sort());
    expect(c.entities.map((e: any) => e.id).sort()).toEqual([ids.pharmacy, ids.pharmacy2].sort());
    expect(c.removed).toBe(false);
    const edited = await head.put(`/api/common-risks/${c.id}`, {
      ...c,
      analysis: '已专项整治',
      removed: true,
      riskIds: [a.id],
      findingIds: [],
      version: c.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ removed: true, removedOn: today, risks: [{ id: a.id }] });
    expect((await cx.get(`/api/risks/${a.id}`)).json().commonRisks).toEqual([{ id: c.id, title: c.title }]);

    const before = await count('common_risks');
    const other = (
      await admin.post(
        '/api/risks',
        newRisk({ jurisdictionId: t.org.stations['兴隆'].jurisdictionId, ownerId: ids.inspector_xl, entityIds: [] }),
      )
    ).json();
    const refused = await head.post('/api/common-risks', {
      title: '越权归并',
      category: 'drug',
      controlMeasure: '无',
      riskIds: [other.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(await count('common_risks')).toBe(before);
    expect((await head.get('/api/common-risks/export')).statusCode).toBe(200);
  });

  it('offers the area’s inspection findings to group, searchable, and none of another station’s', async () => {
    const mine = await head.get(`/api/common-risks/finding-options?q=${encodeURIComponent('执业药师')}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([
      expect.objectContaining({ id: ids.finding, entityName: '仁和药店', severity: 'serious', description: '执业药师不在岗时销售处方药' }),
    ]);
    expect(
      (await head.get('/api/common-risks/finding-options?q=' + encodeURIComponent('仁和'))).json().items.map((f: any) => f.id),
    ).toContain(ids.finding);
    expect((await head.get('/api/common-risks/finding-options?q=%25')).json().items).toEqual([]);
    const xl = await t.as('inspector_xl');
    expect((await xl.get('/api/common-risks/finding-options')).json().items.map((f: any) => f.id)).not.toContain(ids.finding);
  });
});

describe('consultations', () => {
  it('counts meetings and items at the own level and below; an item linking another bureau’s risk is refused', async () => {
    const risk = (await cx.post('/api/risks', newRisk({ title: '会商讨论的风险' }))).json();
    const station = await head.post('/api/consultations', {
      kind: 'risk',
      heldOn: today,
      host: '张所长',
      participants: ['李四', '王五'],
      items: [
        { topic: '处方药销售问题', decision: '开展专项检查', followUpUserId: ids.inspectorCx, links: [{ type: 'risk', id: risk.id }] },
        { topic: '冷链管理', decision: '约谈企业负责人' },
      ],
    });
    expect(station.statusCode, station.body).toBe(200);
    expect(station.json()).toMatchObject({
      level: 'station',
      items: [{ links: [{ type: 'risk', id: risk.id, title: '会商讨论的风险' }] }, {}],
    });
    const county = await office.post('/api/consultations', {
      kind: 'risk',
      heldOn: today,
      host: '副局长',
      items: [{ topic: '全区共性风险研判' }],
    });
    expect(county.statusCode, county.body).toBe(200);
    expect(county.json().level).toBe('county');
    // A case consultation is the same record, not counted as a risk meeting.
    expect(
      (await office.post('/api/consultations', { kind: 'case', heldOn: today, host: '副局长', items: [{ topic: '案件定性' }] })).statusCode,
    ).toBe(200);
    const city = await admin.post('/api/consultations', {
      kind: 'risk',
      heldOn: today,
      host: '市局',
      items: [{ topic: 'a' }, { topic: 'b' }, { topic: 'c' }],
    });
    expect(city.json().level).toBe('city');

    const district = (await office.get(`/api/risks/stats?from=${addDays(today, -30)}&to=${today}`)).json();
    expect(district.consultations).toEqual({ own: { held: 1, items: 1 }, below: { held: 1, items: 2 } });
    const all = (await admin.get(`/api/risks/stats?from=${addDays(today, -30)}&to=${today}`)).json();
    expect(all.consultations).toEqual({ own: { held: 1, items: 3 }, below: { held: 2, items: 3 } });
    expect(all.found).toBeGreaterThan(5);
    expect(all.closed).toBe(1); // the first risk was reopened: its closure no longer counts
    expect(all.common).toBe(1);
    // The risk shows the meeting that discussed it.
    expect((await cx.get(`/api/risks/${risk.id}`)).json().consultations).toEqual([
      { id: station.json().id, heldOn: today, topic: '处方药销售问题', decision: '开展专项检查' },
    ]);

    // Another bureau's risk (查干旗): refused, nothing stored.
    const [bannerStation] = await rows(
      sql`select j.id from jurisdictions j where j.path like (select path from jurisdictions where id = ${t.org.bannerId}) || '%' and j.level = 'station' limit 1`,
    );
    const [bannerPerson] = await rows(sql`select id from users where jurisdiction_id = ${bannerStation.id} and role = 'inspector' limit 1`);
    const foreign = await admin.post('/api/risks', newRisk({ jurisdictionId: bannerStation.id, ownerId: bannerPerson.id, entityIds: [] }));
    expect(foreign.statusCode, foreign.body).toBe(200);
    const n = await count('consultations');
    const linked = await office.post('/api/consultations', {
      kind: 'risk',
      heldOn: today,
      host: '副局长',
      items: [{ topic: '越权关联', links: [{ type: 'risk', id: foreign.json().id }] }],
    });
    expect(linked.statusCode).toBe(400);
    expect(linked.json().code).toBe('LINK_NOT_FOUND');
    expect(await count('consultations')).toBe(n);
    const unknownType = await office.post('/api/consultations', {
      kind: 'risk',
      heldOn: today,
      host: '副局长',
      items: [{ topic: '未知类型', links: [{ type: 'case', id: 1 }] }],
    });
    expect(unknownType.statusCode).toBe(400);
    expect(await count('consultations')).toBe(n);
    expect((await office.get('/api/consultations/export')).statusCode).toBe(200);
  });

  it('is corrected after the meeting with a reason and the version read; the reason is in the audit log', async () => {
    const m = (
      await head.post('/api/consultations', { kind: 'risk', heldOn: today, host: '张所长', items: [{ topic: '冷链药品储存' }] })
    ).json();
    const body = { heldOn: today, host: '张所长', participants: ['李四'], items: [{ topic: '冷链药品储存', decision: '逐店检查冷藏柜' }] };
    const noReason = await head.put(`/api/consultations/${m.id}`, { ...body, version: m.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBeTruthy();
    const ok = await head.put(`/api/consultations/${m.id}`, { ...body, reason: '补记会商意见', version: m.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      participants: ['李四'],
      items: [{ topic: '冷链药品储存', decision: '逐店检查冷藏柜' }],
      version: m.version + 1,
    });
    const stale = await head.put(`/api/consultations/${m.id}`, { ...body, host: '王所长', reason: '改主持人', version: m.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    const [log] = await rows(
      sql`select summary from audit_log where entity_type = 'consultation' and entity_id = ${String(m.id)} and action = 'consultation.update'`,
    );
    expect(log.summary).toContain('补记会商意见');
  });
});

describe('openRisk (public API for other modules)', () => {
  it('opens one risk per source record inside the caller’s transaction and rolls back with it on refusal', async () => {
    const [u] = await rows(
      sql`select u.id, u.org_unit_id, j.id as jid, j.path from users u join jurisdictions j on j.id = u.jurisdiction_id where u.username = 'inspector_cx'`,
    );
    const actor: Actor = {
      id: u.id,
      username: 'inspector_cx',
      name: '检查员',
      role: 'inspector',
      scope: 'jurisdiction',
      orgUnitId: u.org_unit_id,
      jurisdictionId: u.jid,
      jurisdictionPath: u.path,
    };
    const input = {
      source: { type: 'sampling', id: 4242 },
      entityIds: [ids.pharmacy],
      category: 'drug' as const,
      title: '抽检不合格：阿莫西林胶囊',
      description: '监督抽检结果不合格（溶出度）',
      level: 'major' as const,
    };
    const first = await t.database.db.transaction((tx) => openRisk(tx, { actor }, input));
    expect(first.created).toBe(true);
    const again = await t.database.db.transaction((tx) => openRisk(tx, { actor }, input));
    expect(again).toEqual({ id: first.id, created: false });
    const [r] = await rows(
      sql`select channel, source_type, source_id, owner_id, deadline::text as deadline from risks where id = ${first.id}`,
    );
    expect(r).toEqual({ channel: 'sampling', source_type: 'sampling', source_id: 4242, owner_id: u.id, deadline: addDays(today, 30) });
    const before = await count('risks');
    await expect(
      t.database.db.transaction(async (tx) => {
        await openRisk(tx, { actor }, { ...input, source: { type: 'sampling', id: 4243 }, entityIds: [999_999] });
      }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await count('risks')).toBe(before);
  });
});
