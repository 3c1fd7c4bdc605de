import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { getTemplate } from './templates.js';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t.close());

const count = async (table: string) =>
  Number(((await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as any).rows[0].n);

/** A campaign that is in none of the seeds: its own phases, quota rule, obligation and table. */
function winterPlan() {
  return {
    schemaVersion: 1,
    name: '冬季中药饮片质量排查',
    issuer: '兴隆台区市场监督管理局',
    period: { from: '2026-12-01', to: '2027-02-28' },
    phases: [
      { key: 'survey', name: '摸底排查', from: '2026-12-01', to: '2026-12-20' },
      { key: 'sample', name: '抽检核查', from: '2026-12-21', to: '2027-02-10' },
      { key: 'wrap', name: '收尾', from: '2027-02-11', to: '2027-02-28' },
    ],
    quotas: [
      {
        id: 'tcm-retail',
        label: '零售药店抽查不低于30%',
        population: { kinds: ['pharmacy_chain', 'pharmacy_single'] },
        target: { type: 'share', min: 0.3 },
        window: { phase: 'sample' },
      },
    ],
    tables: [
      {
        key: 'tcm',
        label: '中药饮片排查情况表',
        rows: [{ key: 'retail', label: '零售药店', kinds: ['pharmacy_chain', 'pharmacy_single'] }],
        measures: [
          { key: 'checked', label: '检查家次', unit: '家次' },
          { key: 'samples', label: '抽样批次', unit: '批' },
        ],
        period: 'week',
      },
    ],
    obligations: [
      {
        key: 'biweekly',
        label: '排查情况周报（每周二）',
        rule: { every: 'week', weekday: 2, time: '12:00' },
        submitters: ['各市场监管所'],
        recipient: '药品和医疗器械股',
        form: { type: 'table', table: 'tcm' },
      },
    ],
    organisation: {
      leadingGroup: { name: '排查工作专班', leader: { name: '测试组长', title: '副局长', unit: '本局' } },
      office: { unit: '药品和医疗器械股' },
    },
    tasks: [{ no: 1, task: '摸底', target: '建立饮片经营台账', content: '各所摸清辖区饮片经营户', units: ['各市场监管所'] }],
    liaisons: { units: ['各市场监管所'] },
  };
}

describe('campaigns API', () => {
  it('lists the five seed templates', async () => {
    const res = await office.get('/api/campaign-templates');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((x: any) => x.code)).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    const one = await office.get('/api/campaign-templates/seed-002');
    expect(one.json().yaml).toContain('动员部署阶段');
  });

  it('creates seed 000 for 兴隆台区: every unit of its plan resolves to the bureau', async () => {
    const res = await office.post('/api/campaigns', { template: 'seed-000', status: 'active' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '深入开展药品安全专项整治行动',
      status: 'active',
      version: 1,
      jurisdictionId: t.org.districtId,
    });
    const home = (await office.get(`/api/campaigns/${res.json().id}/home`)).json();
    expect(home.tasks[0].progress.map((p: any) => p.unitName)).toContain('创新所');
    expect(home.liaisons).toHaveLength(12); // 11 stations + 执法大队
  });

  it('a seed whose units the bureau lacks is refused with the path', async () => {
    const res = await office.post('/api/campaigns', { template: 'seed-003' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual({ path: 'obligations.0.recipient', message: expect.stringMatching(/不是本局的机构/) });
  });

  describe('bad input: 400 with the field path and a Chinese message; nothing saved', () => {
    const cases: [string, (d: any) => void, string, RegExp][] = [
      ['wrong date order', (d) => (d.phases[1].to = '2026-12-15'), 'phases.1.to', /结束日期不能早于开始日期/],
      // Phases may overlap (issue #16); one that ends before it starts may not.
      ['phase ending before it starts', (d) => (d.phases[2].to = '2026-12-01'), 'phases.2.to', /结束日期不能早于开始日期/],
      ['unknown entity kind', (d) => (d.quotas[0].population.kinds = ['pharmacy_x']), 'quotas.0.population.kinds.0', /[\u4e00-\u9fa5]/],
      ['unknown focus kind', (d) => (d.focus = { entityKinds: ['spaceship'] }), 'focus.entityKinds.0', /未知的监管对象类型/],
      ['quota over 100%', (d) => (d.quotas[0].target.min = 1.5), 'quotas.0.target.min', /不能超过100%/],
      ['day 31 every month', (d) => (d.obligations[0].rule = { every: 'month', day: 31 }), 'obligations.0.rule.day', /并非每个月都有31日/],
      ['Feb 30', (d) => (d.obligations[0].rule = { once: '2027-02-30' }), 'obligations.0.rule.once', /日期不存在/],
      [
        'weekday outside its window',
        (d) => (d.obligations[0].rule = { every: 'week', weekday: 6, within: { from: '2026-12-07', to: '2026-12-09' } }),
        'obligations.0.rule',
        /一次也不会发生/,
      ],
      // A one-off date outside the period is kept with a warning (issue #16); a window outside it is refused.
      [
        'report window outside the period',
        (d) => (d.obligations[0].rule = { every: 'day', within: { from: '2027-05-10', to: '2027-05-12' } }),
        'obligations.0.rule.within',
        /须在行动期间/,
      ],
      ['unit outside the bureau', (d) => (d.tasks[0].units = ['巴彦所']), 'tasks.0.units.0', /不是本局的机构/],
      [
        'station quota for another county',
        (d) => (d.quotas[0].target = { type: 'count', min: 3, byStation: { 查干所: 2 } }),
        'quotas.0.target.byStation.查干所',
        /不是本局/,
      ],
    ];
    for (const [what, mutate, path, msg] of cases) {
      it(what, async () => {
        const before = [await count('campaigns'), await count('campaign_versions')];
        const d = winterPlan();
        mutate(d);
        const res = await office.post('/api/campaigns', { definition: d });
        expect(res.statusCode).toBe(400);
        const body = res.json();
        expect(body.code).toBe('VALIDATION');
        expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(body.details).toContainEqual({ path, message: expect.stringMatching(msg) });
        expect([await count('campaigns'), await count('campaign_versions')]).toEqual(before);
      });
    }
    it('amending with a bad definition keeps the current version', async () => {
      const c = (await office.post('/api/campaigns', { definition: winterPlan() })).json();
      const d = winterPlan();
      d.period.to = '2026-11-01';
      const res = await office.put(`/api/campaigns/${c.id}/definition`, { definition: d, note: '错误修订', version: c.version });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toContainEqual({ path: 'period.to', message: '结束日期不能早于开始日期' });
      expect((await office.get(`/api/campaigns/${c.id}`)).json().version).toBe(1);
    });
  });

  it('runs a campaign that is in none of the seeds entirely through the API', async () => {
    const check = await office.post('/api/campaigns/validate', { definition: winterPlan() });
    expect(check.json()).toEqual({ ok: true, issues: [], warnings: [] });
    const created = await office.post('/api/campaigns', { definition: winterPlan(), status: 'draft' });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    expect((await office.post(`/api/campaigns/${id}/status`, { status: 'active' })).json().status).toBe('active');

    const d = winterPlan();
    d.phases[1].to = '2027-02-05';
    d.phases[2].from = '2027-02-06';
    const amended = await office.put(`/api/campaigns/${id}/definition`, { definition: d, note: '抽检阶段提前结束', version: 1 });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json().version).toBe(2);

    const versions = (await office.get(`/api/campaigns/${id}/versions`)).json();
    expect(versions.map((v: any) => v.version)).toEqual([2, 1]);
    expect(versions[0].changes).toContain('阶段“抽检核查”：2026-12-21~2027-02-10 → 2026-12-21~2027-02-05');
    const audits = (await t.database.db.execute(
      sql`select action from audit_log where entity_type = 'campaign' and entity_id = ${String(id)} order by id`,
    )) as any;
    expect(audits.rows.map((r: any) => r.action)).toEqual(['campaign.create', 'campaign.status', 'campaign.amend']);
    // Two people amending the version they both loaded: one amendment becomes version 3, the other
    // is refused (409 STALE_VERSION with the current definition), never silently lost.
    const race = await Promise.all([
      office.put(`/api/campaigns/${id}/definition`, { definition: d, note: '甲修订', version: 2 }),
      office.put(`/api/campaigns/${id}/definition`, { definition: d, note: '乙修订', version: 2 }),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'STALE_VERSION', details: { current: { version: 3 } } });
    expect((await office.get(`/api/campaigns/${id}/versions`)).json()).toHaveLength(3);

    const home = (await office.get(`/api/campaigns/${id}/home`)).json();
    expect(home.definition.phases[1].to).toBe('2027-02-05');
    expect(home.definition.quotas[0].target).toEqual({ type: 'share', min: 0.3 });
    expect(home.definition.tables[0].measures).toHaveLength(2);
    expect(home.obligations[0]).toMatchObject({ key: 'biweekly', rule: '每周二 12:00 前', count: 13 });

    const due = (await office.get(`/api/campaigns/${id}/due-dates?obligation=biweekly&to=2026-12-31`)).json();
    expect(due.map((x: any) => x.at)).toEqual([
      '2026-12-01T12:00:00+08:00',
      '2026-12-08T12:00:00+08:00',
      '2026-12-15T12:00:00+08:00',
      '2026-12-22T12:00:00+08:00',
      '2026-12-29T12:00:00+08:00',
    ]);
  });

  it('a station fills in only its own liaison row; the register exports to Excel', async () => {
    const id = (await office.post('/api/campaigns', { definition: winterPlan() })).json().id;
    const cx = await t.as('inspector_cx');
    const xl = await t.as('inspector_xl');
    const cxUnit = t.org.stations['创新'].orgUnitId;
    const ok = await cx.put(`/api/campaigns/${id}/liaisons/${cxUnit}`, {
      name: '周联络',
      department: '创新所',
      title: '监管员',
      officePhone: '0427-1234567',
      mobile: '13900001111',
      email: 'cx@example.com',
      version: 0,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const denied = await xl.put(`/api/campaigns/${id}/liaisons/${cxUnit}`, { name: '冒名', version: 1 });
    expect(denied.statusCode).toBe(403);
    const bad = await cx.put(`/api/campaigns/${id}/liaisons/${cxUnit}`, { name: '周联络', mobile: '123', version: 1 });
    expect(bad.statusCode).toBe(400);
    const home = (await xl.get(`/api/campaigns/${id}/home`)).json();
    expect(home.liaisons.find((l: any) => l.orgUnitId === cxUnit).liaison.name).toBe('周联络');
    const xlsx = await office.get(`/api/campaigns/${id}/liaisons.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((r: any) => r.slice(1));
    expect(rows[1]).toEqual(['单位名称', '姓名', '所在部门', '职务', '办公电话', '移动电话', '电子邮箱']);
    expect(rows.find((r: any) => r[1] === '周联络')).toEqual([
      '创新市场监督管理所',
      '周联络',
      '创新所',
      '监管员',
      '0427-1234567',
      '13900001111',
      'cx@example.com',
    ]);
  });

  it('a responsible unit reports task progress with evidence; others may not', async () => {
    const id = (await office.post('/api/campaigns', { definition: winterPlan() })).json().id;
    const cx = await t.as('inspector_cx');
    const xl = await t.as('inspector_xl');
    const cxUnit = t.org.stations['创新'].orgUnitId;
    const boundary = 'XBOUNDARY';
    const send = (name: string, type: string, content: string) =>
      cx.request({
        method: 'POST',
        url: `/api/campaigns/${id}/tasks/1/units/${cxUnit}/evidence`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${boundary}--\r\n`,
      });
    // Types by content, not by name or declared type: a script page named .pdf is refused.
    const html = await send('台账.pdf', 'application/pdf', '<html><script>alert(1)</script></html>');
    expect(html.statusCode).toBe(415);
    expect(html.json()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', message: expect.stringContaining('PDF') });
    const up = await send('台账.pdf', 'text/html', '%PDF-1.4 饮片经营户12家');
    expect(up.statusCode, up.body).toBe(200);
    const file = up.json();
    const res = await cx.put(`/api/campaigns/${id}/tasks/1/units/${cxUnit}`, {
      status: 'done',
      note: '已建台账',
      evidence: [
        { name: file.name, fileId: file.fileId },
        { name: '照片', url: 'https://example.com/p.jpg' },
      ],
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(file.mime).toBe('application/pdf');
    // No script URLs stored as evidence links.
    const js = await cx.put(`/api/campaigns/${id}/tasks/1/units/${cxUnit}`, {
      status: 'done',
      evidence: [{ name: '链接', url: 'javascript:alert(1)' }],
      version: 1,
    });
    expect(js.statusCode).toBe(400);
    expect((await xl.put(`/api/campaigns/${id}/tasks/1/units/${cxUnit}`, { status: 'done', version: 1 })).statusCode).toBe(403);
    const home = (await office.get(`/api/campaigns/${id}/home`)).json();
    const p = home.tasks[0].progress.find((x: any) => x.orgUnitId === cxUnit);
    expect(p).toMatchObject({ status: 'done', note: '已建台账' });
    expect(p.evidence).toHaveLength(2);
    const dl = await cx.get(`/api/campaigns/${id}/files/${file.fileId}`);
    expect(dl.body).toBe('%PDF-1.4 饮片经营户12家');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('reports grassroots staffing against the target from the org tables', async () => {
    const d = winterPlan() as any;
    d.staffing = { coordinatorPerTownship: true, informantPerVillage: true, by: '2027-01-31' };
    const id = (await office.post('/api/campaigns', { definition: d })).json().id;
    const s = (await office.get(`/api/campaigns/${id}/home`)).json().staffing;
    expect(s.target.by).toBe('2027-01-31');
    expect(s.townships.total).toBeGreaterThan(0);
    expect(s.villages.staffed).toBe(1); // the demo has one informant
    expect(s.villages.missing).toHaveLength(s.villages.total - 1);
  });

  it('viewers read, only managers amend', async () => {
    const id = (await office.post('/api/campaigns', { definition: winterPlan() })).json().id;
    const cx = await t.as('inspector_cx');
    expect((await cx.get(`/api/campaigns/${id}`)).statusCode).toBe(200);
    expect((await cx.put(`/api/campaigns/${id}/definition`, { definition: winterPlan(), note: 'x', version: 1 })).statusCode).toBe(403);
    expect(getTemplate('seed-000')).toBeDefined();
  });
});

describe('campaign list and scope', () => {
  it('lists the current version of each visible campaign; another county sees none of them', async () => {
    const id = (await office.post('/api/campaigns', { definition: winterPlan() })).json().id;
    const d = winterPlan();
    d.name = '冬季中药饮片质量排查（修订）';
    expect((await office.put(`/api/campaigns/${id}/definition`, { definition: d, note: '改名', version: 1 })).statusCode).toBe(200);
    const cx = await t.as('inspector_cx');
    const list = (await cx.get('/api/campaigns')).json();
    expect(list.find((c: any) => c.id === id)).toMatchObject({ name: '冬季中药饮片质量排查（修订）', version: 2 });
    const admin = await t.as('admin');
    const banner = await admin.post('/api/campaigns', {
      jurisdictionId: t.org.bannerId,
      definition: {
        ...winterPlan(),
        tasks: [],
        liaisons: undefined,
        obligations: [],
        organisation: { leadingGroup: { name: '专班', leader: { title: '局长' } }, office: { unit: '药品和医疗器械股' } },
      },
    });
    expect(banner.statusCode, banner.body).toBe(200);
    expect((await cx.get('/api/campaigns')).json().map((c: any) => c.id)).not.toContain(banner.json().id);
    expect((await cx.get(`/api/campaigns/${banner.json().id}`)).statusCode).toBe(404);
  });
});
