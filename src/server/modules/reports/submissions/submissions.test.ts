import { sql } from 'drizzle-orm';
import PizZip from 'pizzip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { ACTION_ROUTES } from '../../../../contracts/submissions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/app.js';
import { sheetValues } from '../../../../test/xlsx.js';
import { multipartFile } from '../../../../test/multipart.js';
import { submissionStats } from '../public.js';
import { reportingPlan } from './fixture.js';
import { dueStatus } from './obligations.js';

let t: TestApp;
let office: Client;
let leader: Client;
let headCx: Client;
let cx: Client;
let campaignId: number;
let photo: Buffer;

const rows = async <T = any>(q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows;
const count = async () => Number((await rows(sql`select count(*)::int as n from report_submissions`))[0].n);
const STATION = '创新市场监督管理所';

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, headCx, cx] = await Promise.all(['office', 'leader', 'head_cx', 'inspector_cx'].map((u) => t.as(u)));
  const res = await office.post('/api/campaigns', { definition: reportingPlan(), status: 'active' });
  expect(res.statusCode, res.body).toBe(200);
  campaignId = res.json().id;
  photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
});
afterAll(() => t?.close());

async function draft(c: Client, obligationKey: string, dueDate?: string) {
  const res = await c.post('/api/reports/submissions', { campaignId, obligationKey, ...(dueDate ? { dueDate } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function act(c: Client, s: { id: number; version: number }, action: string, reason?: string) {
  return c.post(`/api/reports/submissions/${s.id}/${ACTION_ROUTES[action as keyof typeof ACTION_ROUTES]}`, { action, version: s.version, ...(reason ? { reason } : {}) });
}
async function ok(c: Client, s: { id: number; version: number }, action: string, reason?: string) {
  const res = await act(c, s, action, reason);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function write(c: Client, s: { id: number; version: number }, body: Record<string, unknown>) {
  const res = await c.put(`/api/reports/submissions/${s.id}`, { ...body, version: s.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const setReportedAt = (id: number, at: string) =>
  t.database.db.execute(sql`update report_submissions set first_reported_at = ${at}::timestamptz where id = ${id}`);
async function calendarOf(c: Client) {
  const res = await c.get(`/api/reports/campaigns/${campaignId}/calendar`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const entry = (cal: any, key: string, date: string) => cal.units[0].entries.find((e: any) => e.obligationKey === key && e.dueDate === date);

describe('due status (pure)', () => {
  const due = { date: '2026-11-23', time: '15:00', at: '2026-11-23T15:00:00+08:00' };
  it('15:00 sharp is on time, 15:01 is late by an hour (rounded up), nothing after the deadline is missing, before it pending', () => {
    const at = (s: string) => ({ firstReportedAt: new Date(s), status: 'reported' });
    expect(dueStatus(due, at('2026-11-23T15:00:00+08:00'), new Date())).toEqual({ status: 'on_time', hoursLate: null });
    expect(dueStatus(due, at('2026-11-23T15:01:00+08:00'), new Date())).toEqual({ status: 'late', hoursLate: 1 });
    expect(dueStatus(due, { ...at('2026-11-23T14:00:00+08:00'), status: 'accepted' }, new Date()).status).toBe('accepted');
    expect(dueStatus(due, undefined, new Date('2026-11-23T15:00:01+08:00')).status).toBe('missing');
    expect(dueStatus(due, undefined, new Date('2026-11-23T14:59:00+08:00')).status).toBe('pending');
    expect(dueStatus(due, { firstReportedAt: null, status: 'draft' }, new Date('2026-11-24T00:00:00+08:00')).status).toBe('missing');
  });
});

describe('obligations calendar', () => {
  it('lists every recurrence kind for the caller’s unit: weekly Thursday 17:00, monthly day 5, quarterly day 10 of the first month, daily 15:00 in the window, once', async () => {
    const cal = await calendarOf(cx);
    expect(cal.units.map((u: any) => u.name)).toEqual([STATION]);
    const dates = (key: string) => cal.units[0].entries.filter((e: any) => e.obligationKey === key).map((e: any) => e.dueAt);
    expect(dates('weekly').slice(0, 3)).toEqual(['2026-10-01T17:00:00+08:00', '2026-10-08T17:00:00+08:00', '2026-10-15T17:00:00+08:00']);
    expect(dates('weekly')).toHaveLength(26);
    expect(dates('monthly')).toEqual(['10', '11', '12', '01', '02', '03'].map((m, i) => `${i < 3 ? 2026 : 2027}-${m}-05T23:59:00+08:00`));
    expect(dates('quarterly')).toEqual(['2026-10-10T23:59:00+08:00', '2027-01-10T23:59:00+08:00']);
    expect(dates('daily')).toEqual(['23', '24', '25', '26', '27'].map((d) => `2026-11-${d}T15:00:00+08:00`));
    expect(dates('self')).toEqual(['2026-11-15T23:59:00+08:00']);
    expect(dates('cases')).toEqual([]);
    expect(entry(cal, 'daily', '2026-11-23')).toMatchObject({ status: 'missing', submissionId: null });
    if (shanghaiToday() < '2027-01-10') expect(entry(cal, 'quarterly', '2027-01-10').status).toBe('pending');
    expect(cal.obligations.find((o: any) => o.key === 'cases')).toMatchObject({ rule: '随时报送（方案未规定期限）', minCount: { count: 1, per: 'quarter' } });
  });

  it('shows the bureau’s office every station with its totals', async () => {
    const cal = await calendarOf(office);
    expect(cal.units).toHaveLength(11);
    expect(cal.units[0].totals.missing).toBeGreaterThan(0);
  });

  it('daily before 15:00: on time at 15:00, late at 15:01, missing without a report; stats count them per jurisdiction', async () => {
    const a = await draft(cx, 'daily', '2026-11-23');
    const b = await draft(cx, 'daily', '2026-11-24');
    for (const s of [a, b]) {
      const w = await write(cx, s, { sections: [{ title: '当日工作', text: '检查药店3家。' }] });
      expect((await ok(cx, w, 'submit')).status).toBe('reported'); // no review asked: straight up
    }
    await setReportedAt(a.id, '2026-11-23T15:00:00+08:00');
    await setReportedAt(b.id, '2026-11-24T15:01:00+08:00');
    const cal = await calendarOf(cx);
    expect(entry(cal, 'daily', '2026-11-23')).toMatchObject({ status: 'on_time', hoursLate: null, submissionId: a.id });
    expect(entry(cal, 'daily', '2026-11-24')).toMatchObject({ status: 'late', hoursLate: 1, submissionId: b.id });
    expect(entry(cal, 'daily', '2026-11-25')).toMatchObject({ status: 'missing' });
    const view = (await cx.get(`/api/reports/submissions/${b.id}`)).json();
    expect(view.late).toBe(true);

    const station = t.org.stations['创新'];
    const [path] = await rows<{ path: string }>(sql`select path from jurisdictions where id = ${station.jurisdictionId}`);
    const stats = await submissionStats(t.database.db, { campaignId, path: path.path, from: '2026-11-23', to: '2026-11-27' });
    // The week's Thursday report (11-26) falls in the range too: missing.
    expect(stats, JSON.stringify(stats)).toEqual([{ jurisdictionId: station.jurisdictionId, due: 6, onTime: 1, late: 1, missing: 4 }]);
  });

  it('counts ad-hoc typical cases per quarter against the minimum', async () => {
    const before = (await calendarOf(cx)).units[0].counts.find((c: any) => c.obligationKey === 'cases' && c.from === '2026-10-01');
    expect(before).toMatchObject({ required: 1, submitted: 0, met: false, to: '2026-12-31' });
    const s = await draft(cx, 'cases');
    const w = await write(cx, s, { title: '某药店销售过期药品案', sections: [{ title: '案情概述', text: '某药店销售过期药品。' }] });
    await ok(cx, w, 'submit');
    const after = (await calendarOf(cx)).units[0].counts.find((c: any) => c.obligationKey === 'cases' && c.from === '2026-10-01');
    expect(after).toMatchObject({ submitted: 1, met: true });
  });
});

describe('submission review', () => {
  it('refuses a period outside the campaign, a date that is no due date, a unit that does not submit; nothing stored', async () => {
    const n = await count();
    for (const dueDate of ['2026-10-02', '2027-05-06', '2026-09-24']) {
      const res = await cx.post('/api/reports/submissions', { campaignId, obligationKey: 'weekly', dueDate });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'PERIOD_OUTSIDE_CAMPAIGN', message: expect.stringContaining('报送日期') });
    }
    const dept = await office.post('/api/reports/submissions', { campaignId, obligationKey: 'weekly', dueDate: '2026-10-01' });
    expect(dept.json()).toMatchObject({ code: 'NOT_A_SUBMITTER' });
    expect(await count()).toBe(n);
  });

  it('goes through unit head and leader, is returned once with a reason, resubmitted, accepted, then locked', async () => {
    let s = await draft(cx, 'weekly', '2026-10-01');
    expect(s).toMatchObject({ status: 'draft', orgUnitName: STATION, actions: ['edit', 'submit'], frozen: false });
    expect(s.table.columns.map((c: any) => c.source)).toEqual(['measure', 'input']);
    // Typed cells are checked against their column.
    const bad = await cx.put(`/api/reports/submissions/${s.id}`, { version: s.version, cells: { all: { trained: 'x', visits: 3 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/须为不小于0的数字.*由记录计算/);
    s = await write(cx, s, { cells: { all: { trained: 5 } } });
    expect(s.table.rows[0].cells.trained.value).toBe(5);

    s = await ok(cx, s, 'submit');
    expect(s.status).toBe('unit_review');
    expect((await act(cx, s, 'approve')).statusCode).toBe(403); // an inspector approves nothing
    expect((await act(leader, s, 'approve')).statusCode).toBe(200); // a bureau leader may stand in for the unit head
    s = (await cx.get(`/api/reports/submissions/${s.id}`)).json();
    expect(s.status).toBe('leader_review');
    expect((await act(headCx, s, 'approve')).statusCode).toBe(403); // the leader's step is the leader's
    s = await ok(leader, s, 'approve');
    expect(s).toMatchObject({ status: 'reported', frozen: true });
    expect(s.table.rows[0].cells.trained.value).toBe(5);

    const officeView = (await office.get(`/api/reports/submissions/${s.id}`)).json();
    expect(officeView.actions).toEqual(['accept', 'return']);
    const noReason = await act(office, s, 'return');
    expect(noReason.statusCode).toBe(400);
    s = await ok(office, s, 'return', '培训人员数与台账不符，请核实');
    expect(s).toMatchObject({ status: 'returned', returnReason: '培训人员数与台账不符，请核实', frozen: false });
    s = (await cx.get(`/api/reports/submissions/${s.id}`)).json();
    expect(s.actions).toEqual(['edit', 'submit']);
    s = await write(cx, s, { cells: { all: { trained: 6 } } });
    s = await ok(cx, s, 'submit');
    s = await ok(headCx, s, 'approve');
    s = await ok(leader, s, 'approve');
    s = await ok(office, s, 'accept');
    expect(s).toMatchObject({ status: 'accepted', actions: [], acceptedBy: expect.any(String) });
    expect(s.table.rows[0].cells.trained.value).toBe(6);

    // Locked: no edit, no resubmission, no withdrawal.
    const edit = await cx.put(`/api/reports/submissions/${s.id}`, { version: s.version, cells: { all: { trained: 7 } } });
    expect(edit.statusCode).toBe(409);
    for (const a of ['submit', 'withdraw', 'return']) expect((await act(a === 'return' ? office : cx, s, a)).statusCode).toBe(409);
    const [row] = await rows(sql`select status, version, content from report_submissions where id = ${s.id}`);
    expect(row).toMatchObject({ status: 'accepted', version: s.version });
    const audit = await rows<{ action: string }>(
      sql`select action from audit_log where entity_type = 'report_submission' and entity_id = ${String(s.id)} order by id`,
    );
    expect(audit.map((a) => a.action.replace('report_submission.', ''))).toEqual([
      'create',
      'edit',
      'submit',
      'approve',
      'approve',
      'return',
      'edit',
      'submit',
      'approve',
      'approve',
      'accept',
    ]);

    // The table as reported, in Excel (the plan's layout): the unit, the typed 6.
    const x = await office.get(`/api/reports/submissions/${s.id}/excel`);
    expect(x.statusCode, x.body).toBe(200);
    const cells = await sheetValues(x.rawPayload);
    expect(cells.join('|')).toContain(STATION);
    expect(cells.join('|')).toContain(s.table.label);
    expect(cells).toContain(6);
  });

  it('a cumulative typed value below the last accepted report blocks the submission', async () => {
    let s = await draft(cx, 'weekly', '2026-10-08');
    s = await write(cx, s, { cells: { all: { trained: 3 } } });
    expect(s.checks).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('小于上次已受理报送的6') }));
    const res = await act(cx, s, 'submit');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CUMULATIVE_DECREASE');
    expect((await rows(sql`select status from report_submissions where id = ${s.id}`))[0].status).toBe('draft');
  });

  it('a head may not approve the report they drafted', async () => {
    let s = await draft(headCx, 'monthly', '2026-10-05');
    s = await ok(headCx, s, 'submit');
    const res = await act(headCx, s, 'approve');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'SELF_APPROVAL', message: expect.stringContaining('不能审核自己起草的报送') });
    expect((await rows(sql`select status from report_submissions where id = ${s.id}`))[0].status).toBe('unit_review');
  });

  it('self-inspection report: problems below 800 characters refused, scan before acceptance, Word file with the unit and the text', async () => {
    let s = await draft(cx, 'self', '2026-11-15');
    expect(s.sections.map((x: any) => x.title)).toEqual(['基本情况', '存在问题和分析', '下一步措施']);
    expect(s.sections[0].text).toContain(`${STATION}检查单位0家`);
    s = await write(cx, s, { sections: [{ title: '存在问题和分析', text: '问'.repeat(100) }] });
    const short = await act(cx, s, 'submit');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'NARRATIVE_TOO_SHORT', message: '“存在问题和分析”不少于800字，现为100字' });
    expect((await rows(sql`select status from report_submissions where id = ${s.id}`))[0].status).toBe('draft');

    const problems = '个别零售药店未按规定执行处方药凭处方销售制度，' + '存在问题'.repeat(200);
    s = await write(cx, s, { sections: [{ title: '存在问题和分析', text: problems }] });
    s = await ok(cx, s, 'submit');
    s = await ok(headCx, s, 'approve');
    // The campaigns 工作台 no longer calls the once-only report overdue once it is sent up.
    const overdueBefore = (await cx.get('/api/dashboard')).json().deadlines.overdue.map((d: any) => d.obligation);
    expect(overdueBefore).toContain('self');
    s = await ok(leader, s, 'approve');
    const dash = (await cx.get('/api/dashboard')).json();
    expect(dash.deadlines.overdue.map((d: any) => d.obligation)).not.toContain('self');
    expect(dash.reports.missing.map((r: any) => `${r.obligationKey} ${r.dueDate}`)).toContain('daily 2026-11-25');

    expect((await act(office, s, 'accept')).json().code).toBe('SCAN_MISSING');
    const up = await cx.request({
      method: 'POST',
      url: `/api/reports/submissions/${s.id}/scan`,
      ...multipartFile('file', '自查报告盖章件.jpg', photo, 'image/jpeg'),
    });
    expect(up.statusCode, up.body).toBe(200);
    s = (await office.get(`/api/reports/submissions/${s.id}`)).json();
    expect(s.scans).toHaveLength(1);
    s = await ok(office, s, 'accept');
    expect(s.status).toBe('accepted');

    // A narrative report has no table to export.
    expect((await cx.get(`/api/reports/submissions/${s.id}/excel`)).json()).toMatchObject({ code: 'NO_TABLE' });
    const word = await cx.get(`/api/reports/submissions/${s.id}/word`);
    expect(word.statusCode).toBe(200);
    const xml = new PizZip(word.rawPayload).file('word/document.xml')!.asText();
    expect(xml).toContain(STATION);
    expect(xml).toContain('个别零售药店未按规定执行处方药凭处方销售制度');
    expect(xml).toContain('自查报告');
  });

  it('lists mine, to approve and to receive', async () => {
    const mine = (await cx.get('/api/reports/submissions?box=mine')).json();
    expect(mine.length).toBeGreaterThan(3);
    const toApprove = (await headCx.get('/api/reports/submissions?box=approve')).json();
    expect(toApprove.every((x: any) => x.status === 'unit_review')).toBe(true);
    const toReceive = (await office.get('/api/reports/submissions?box=receive')).json();
    expect(toReceive.every((x: any) => x.status === 'reported')).toBe(true);
    expect(toReceive.length).toBeGreaterThan(0);
  });
});
