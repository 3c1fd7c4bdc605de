import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { adrCsv, adrRow, uploadAdr } from './test-helpers.js';

let t: TestApp;
let office: Client;
let admin: Client;
let inspectorCx: Client;
let inspectorXl: Client;
let viewer: Client;
const q = async (query: ReturnType<typeof sql>) => ((await t.database.db.execute(query)) as any).rows as any[];
const count = async (table: string) => Number((await q(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);

/** A form body (drug report of 兴隆台区 unless overridden). */
function report(code: string, over: Record<string, unknown> = {}) {
  return {
    kind: 'drug',
    reportCode: code,
    reporterName: '兴隆台区人民医院',
    reporterKind: 'medical',
    patientSex: 'female',
    patientAge: 60,
    drugs: [{ genericName: '左氧氟沙星注射液', batchNo: 'L2601', manufacturer: '甲制药有限公司' }],
    reactions: ['皮疹'],
    seriousness: 'general',
    isNew: false,
    onsetOn: '2026-04-01',
    reportedOn: '2026-04-05',
    outcome: 'improved',
    death: false,
    ...over,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  admin = await t.as('admin');
  inspectorCx = await t.as('inspector_cx');
  inspectorXl = await t.as('inspector_xl');
  viewer = await t.as('viewer');
});
afterAll(() => t.close());

describe('report entry', () => {
  it('stores a report with one row per reaction term and per drug, and its deadline (late flagged)', async () => {
    const res = await office.post(
      '/api/adr-reports',
      report('F-0001', {
        seriousness: 'serious',
        drugs: [{ genericName: '阿莫西林胶囊', batchNo: 'A1', manufacturer: '乙药业' }, { genericName: '布洛芬片' }],
        reactions: ['皮疹', '呼吸困难', '皮疹'],
        onsetOn: '2026-02-01',
        reportedOn: '2026-02-20',
        jurisdictionId: t.org.stations['创新'].jurisdictionId,
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json().report;
    // Serious: 15 days from 02-01 → due 02-16; reported 02-20 → 4 days late.
    expect(r).toMatchObject({ deadlineRule: 'serious_or_new', dueOn: '2026-02-16', late: true, daysLate: 4, countyId: t.org.districtId });
    expect(r.reactions).toEqual(['呼吸困难', '皮疹']);
    expect(r.drugs.map((d: any) => d.genericName)).toEqual(['阿莫西林胶囊', '布洛芬片']);
    const pairs = await q(
      sql`select d.generic_name, x.term from adr_reactions x join adr_report_drugs d using (report_id) where x.report_id = ${r.id} order by 1, 2`,
    );
    expect(pairs).toHaveLength(4);
    const audit = await q(sql`select action from audit_log where entity_type = 'adr_report' and entity_id = ${String(r.id)}`);
    expect(audit.map((a) => a.action)).toEqual(['adr_report.create']);
    const late = (await office.get('/api/adr-reports?late=true&drug=阿莫西林')).json();
    expect(late.items.map((x: any) => x.reportCode)).toEqual(['F-0001']);
    expect((await office.get('/api/adr-reports?late=false&drug=阿莫西林')).json().total).toBe(0);
  });

  it('refuses bad input with {code, message} and stores nothing', async () => {
    const before = await count('adr_reports');
    const cases = [
      report('F-0002', { reactions: [] }),
      report('F-0003', { onsetOn: '2026-04-10', reportedOn: '2026-04-01' }),
      report('F-0004', { onsetOn: '2099-01-01', reportedOn: '2099-01-02' }),
      report('F-0005', { reporterKind: 'hospital' }),
      report('F-0006', { outcome: 'death', death: false }),
      report('F-0007', { jurisdictionId: t.org.provinceId }),
      { ...report('F-0008'), drugs: 'x' },
    ];
    for (const body of cases) {
      const res = await office.post('/api/adr-reports', body);
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    }
    const dup = await office.post('/api/adr-reports', report('F-0001'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ADR_REPORT_EXISTS');
    expect(await count('adr_reports')).toBe(before);
    expect((await viewer.post('/api/adr-reports', report('F-0009'))).statusCode).toBe(403);
  });

  it('scopes reads by jurisdiction: another county’s or another station’s report → 404', async () => {
    const cg = (await q(sql`select id from jurisdictions where name = '查干旗'`))[0].id;
    const other = await admin.post('/api/adr-reports', report('CG-0001', { jurisdictionId: cg, reporterName: '查干旗医院' }));
    expect(other.statusCode, other.body).toBe(200);
    const id = other.json().report.id;
    expect((await office.get(`/api/adr-reports/${id}`)).statusCode).toBe(404);
    expect((await office.get('/api/adr-reports?drug=左氧氟沙星&pageSize=200')).json().items.some((r: any) => r.id === id)).toBe(false);
    const cx = await inspectorCx.post('/api/adr-reports', report('CX-0001', { drugs: [{ genericName: '维生素C片' }] }));
    expect(cx.statusCode, cx.body).toBe(200);
    expect(cx.json().report.jurisdictionId).toBe(t.org.stations['创新'].jurisdictionId);
    const cxId = cx.json().report.id;
    expect((await inspectorXl.get(`/api/adr-reports/${cxId}`)).statusCode).toBe(404);
    expect((await office.get(`/api/adr-reports/${cxId}`)).statusCode).toBe(200);
    const put = await inspectorXl.put(`/api/adr-reports/${cxId}`, { ...report('CX-0001'), version: 1 });
    expect(put.statusCode).toBe(404);
  });
});

describe('cluster alerts', () => {
  const drug = (code: string, onsetOn: string, batchNo = 'B26') =>
    report(code, { drugs: [{ genericName: '注射用头孢呋辛钠', batchNo, manufacturer: '丙制药' }], onsetOn, reportedOn: onsetOn });

  it('fires once when the third report in 7 days completes the cluster, and not again as reports keep coming', async () => {
    const a = await office.post('/api/adr-reports', drug('C-1', '2026-06-01'));
    const b = await office.post('/api/adr-reports', drug('C-2', '2026-06-03'));
    expect(a.json().alertsOpened).toEqual([]);
    expect(b.json().alertsOpened).toEqual([]);
    const c = await office.post('/api/adr-reports', drug('C-3', '2026-06-06'));
    expect(c.json().alertsOpened).toHaveLength(1);
    const [alertId] = c.json().alertsOpened;
    const alert = (await office.get(`/api/adr-alerts/${alertId}`)).json();
    // The drug, its batch and its maker hold the same three reports: one alert, by the batch.
    expect(alert).toMatchObject({
      keyKind: 'batch',
      status: 'new',
      windowReports: 3,
      windowStart: '2026-05-31',
      windowEnd: '2026-06-06',
      expected: 0,
    });
    for (const [code, day] of [
      ['C-4', '2026-06-07'],
      ['C-5', '2026-06-09'],
      ['C-6', '2026-06-12'],
    ])
      expect((await office.post('/api/adr-reports', drug(code, day))).json().alertsOpened).toEqual([]);
    const rows = await q(
      sql`select key_kind, report_count, last_onset_on::text as last from adr_alerts where key_label like '注射用头孢呋辛钠%'`,
    );
    expect(rows).toEqual([{ key_kind: 'batch', report_count: 6, last: '2026-06-12' }]);
    expect(await q(sql`select count(*)::int as n from audit_log where action = 'adr_alert.open'`)).toEqual([{ n: 1 }]);
    // Another batch of the same drug in the episode: the drug's reports now differ from the batch's → the drug alerts once.
    const other = await office.post('/api/adr-reports', drug('C-7', '2026-06-13', 'B27'));
    expect(other.json().alertsOpened).toHaveLength(1);
    expect((await office.post('/api/adr-reports', drug('C-8', '2026-06-14', 'B27'))).json().alertsOpened).toEqual([]);
    // A later burst after a quiet spell is a new episode.
    for (const [code, day] of [
      ['C-9', '2026-08-01'],
      ['C-10', '2026-08-02'],
    ])
      await office.post('/api/adr-reports', drug(code, day));
    expect((await office.post('/api/adr-reports', drug('C-11', '2026-08-03'))).json().alertsOpened).toHaveLength(1);
  });

  it("a station's inspector reads the county's alerts but the county acts on them; another county's stay unseen", async () => {
    const alert = (await office.get('/api/adr-alerts?status=new')).json().items[0];
    expect(alert.countyId).toBe(t.org.districtId);
    expect(alert.actions.length).toBeGreaterThan(0);
    const seen = (await inspectorCx.get('/api/adr-alerts?status=new')).json();
    const mine = seen.items.find((a: any) => a.id === alert.id);
    expect(mine).toMatchObject({ keyLabel: alert.keyLabel, actions: [] });
    expect((await inspectorCx.get(`/api/adr-alerts/${alert.id}`)).json()).toMatchObject({ id: alert.id, actions: [] });
    const act = await inspectorCx.post(`/api/adr-alerts/${alert.id}/transition`, {
      action: 'dismiss',
      note: '站所排除',
      version: alert.version,
    });
    expect(act.statusCode).toBe(404);
    expect((await office.get(`/api/adr-alerts/${alert.id}`)).json().status).toBe('new');
    // An alert of 查干旗 (another county) is not read from 兴隆台区's station.
    const [{ id: other }] = await q(
      sql`insert into adr_alerts (jurisdiction_id, category, key_kind, key_value, key_label, episode_start, window_start, window_end,
            window_reports, report_count, last_onset_on, expected)
          values (${t.org.bannerId}, 'drug', 'drug', 'drug|旗药', '旗药', '2026-06-01', '2026-06-01', '2026-06-07', 3, 3, '2026-06-07', 0) returning id`,
    );
    expect((await inspectorCx.get(`/api/adr-alerts/${other}`)).statusCode).toBe(404);
    expect((await inspectorCx.get('/api/adr-alerts?pageSize=100')).json().items.some((a: any) => a.id === other)).toBe(false);
    expect((await office.get(`/api/adr-alerts/${other}`)).statusCode).toBe(404);
  });

  it('turns an alert into a risk in one idempotent click, audited; assess needs a note; states follow the table', async () => {
    const list = (await office.get('/api/adr-alerts?status=new')).json();
    const alert = list.items.find((a: any) => a.keyKind === 'batch' && a.keyLabel.includes('B26'));
    expect(alert.actions).toEqual(['assess', 'to_risk', 'to_clue', 'dismiss']);
    const noNote = await office.post(`/api/adr-alerts/${alert.id}/transition`, { action: 'assess', version: alert.version });
    expect(noNote.statusCode).toBe(400);
    const assessed = await office.post(`/api/adr-alerts/${alert.id}/transition`, {
      action: 'assess',
      note: '同批号集中，需核查',
      version: alert.version,
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    expect(assessed.json()).toMatchObject({ status: 'assessed', note: '同批号集中，需核查' });
    const risk = await office.post(`/api/adr-alerts/${alert.id}/transition`, { action: 'to_risk', version: assessed.json().version });
    expect(risk.statusCode, risk.body).toBe(200);
    expect(risk.json()).toMatchObject({ status: 'risk', riskId: expect.any(Number) });
    const again = await office.post(`/api/adr-alerts/${alert.id}/transition`, { action: 'to_risk', version: assessed.json().version });
    expect(again.statusCode).toBe(200);
    expect(again.json().riskId).toBe(risk.json().riskId);
    const risks = await q(sql`select channel, source_type, source_id, jurisdiction_id from risks where source_type = 'adr'`);
    expect(risks).toEqual([{ channel: 'adr', source_type: 'adr', source_id: alert.id, jurisdiction_id: t.org.districtId }]);
    const dismiss = await office.post(`/api/adr-alerts/${alert.id}/transition`, {
      action: 'dismiss',
      note: 'x',
      version: risk.json().version,
    });
    expect(dismiss.statusCode).toBe(409);
    const audits = await q(
      sql`select action from audit_log where entity_type = 'adr_alert' and entity_id = ${String(alert.id)} order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual(['adr_alert.open', 'adr_alert.assess', 'adr_alert.to_risk']);

    const second = (await office.get('/api/adr-alerts?status=new')).json().items[0];
    const clue = await office.post(`/api/adr-alerts/${second.id}/transition`, { action: 'to_clue', version: second.version });
    expect(clue.statusCode, clue.body).toBe(200);
    expect(clue.json()).toMatchObject({ status: 'clue', clueId: expect.any(Number) });
    expect(
      (await office.post(`/api/adr-alerts/${second.id}/transition`, { action: 'to_clue', version: second.version })).json().clueId,
    ).toBe(clue.json().clueId);
    expect(await q(sql`select count(*)::int as n from clues where source_type = 'adr' and source_id = ${second.id}`)).toEqual([{ n: 1 }]);
    // A station of the county reads it, with nothing to do on it (another county's: the test above).
    expect((await inspectorXl.get(`/api/adr-alerts/${second.id}`)).json()).toMatchObject({ status: 'clue', actions: [] });
  });
});

describe('import', () => {
  it('an import writes its alerts in bulk as one report at a time would: one per episode, an existing one only counted up', async () => {
    const batch = (code: string, onset: string, drug = '注射用阿奇霉素', batchNo = 'AZ1') =>
      adrRow(code, { 通用名称: drug, 批号: batchNo, 生产企业: '丁制药', 发生日期: onset, 报告日期: onset });
    // One report of the second burst is entered first: its burst's alert must come from the import.
    const first = [batch('BK-1', '2026-02-01'), batch('BK-2', '2026-02-02'), batch('BK-3', '2026-02-03')];
    const pre = (await uploadAdr(office, '前.csv', adrCsv(first))).json();
    expect((await office.post(`/api/adr-imports/${pre.id}/confirm?wait=true`)).json()).toMatchObject({ status: 'done', alertsOpened: 1 });
    const rows = [
      // The first burst goes on (same episode: its alert counted up, not a second alert) …
      batch('BK-4', '2026-02-05'),
      batch('BK-5', '2026-02-06'),
      // … a second burst of the same batch after a quiet month (a new episode) …
      batch('BK-6', '2026-04-01'),
      batch('BK-7', '2026-04-02'),
      batch('BK-8', '2026-04-03'),
      batch('BK-9', '2026-04-04'),
      // … and a burst of another drug and maker in the same file.
      adrRow('BK-10', { 通用名称: '甲硝唑片', 批号: 'MZ', 生产企业: '戊制药', 发生日期: '2026-04-10', 报告日期: '2026-04-10' }),
      adrRow('BK-11', { 通用名称: '甲硝唑片', 批号: 'MZ', 生产企业: '戊制药', 发生日期: '2026-04-11', 报告日期: '2026-04-11' }),
      adrRow('BK-12', { 通用名称: '甲硝唑片', 批号: 'MZ', 生产企业: '戊制药', 发生日期: '2026-04-12', 报告日期: '2026-04-12' }),
    ];
    const job = (await uploadAdr(office, '批量.csv', adrCsv(rows))).json();
    const done = (await office.post(`/api/adr-imports/${job.id}/confirm?wait=true`)).json();
    expect(done).toMatchObject({ status: 'done', toCreate: 9, alertsOpened: 2 });
    const alerts = await q(
      sql`select key_kind, key_label, episode_start::text as start, report_count, last_onset_on::text as last from adr_alerts
          where key_label like '注射用阿奇霉素%' or key_label like '甲硝唑片%' order by key_label, episode_start`,
    );
    expect(alerts).toEqual([
      { key_kind: 'batch', key_label: '注射用阿奇霉素（批号 AZ1）', start: '2026-02-01', report_count: 5, last: '2026-02-06' },
      { key_kind: 'batch', key_label: '注射用阿奇霉素（批号 AZ1）', start: '2026-04-01', report_count: 4, last: '2026-04-04' },
      { key_kind: 'batch', key_label: '甲硝唑片（批号 MZ）', start: '2026-04-10', report_count: 3, last: '2026-04-12' },
    ]);
    // One audit entry per alert opened, in the import's transaction.
    const opened = await q(sql`select count(*)::int as n from audit_log a join adr_alerts x on a.entity_id = x.id::text
      where a.action = 'adr_alert.open' and (x.key_label like '注射用阿奇霉素%' or x.key_label like '甲硝唑片%')`);
    expect(opened).toEqual([{ n: 3 }]);
  });

  it('imports a GBK CSV after a clean dry run, then re-import updates or skips registered codes (never a second report)', async () => {
    const rows = [
      adrRow('I-1'),
      adrRow('I-2', { 患者性别: '男', 严重程度: '新的严重', 发生日期: '2026/3/1', 报告日期: '2026年3月20日' }),
      adrRow('I-3', { 报告类别: '医疗器械不良事件', 通用名称: '一次性使用输液器', 报告单位类别: '经营企业', 报告单位名称: '兴隆大药房' }),
    ];
    const job = (await uploadAdr(office, '报告.csv', adrCsv(rows, 'gbk'))).json();
    expect(job).toMatchObject({ status: 'validated', total: 3, valid: 3, toCreate: 3, toUpdate: 0, toSkip: 0, errors: [] });
    expect(await q(sql`select count(*)::int as n from adr_reports where report_code like 'I-%'`)).toEqual([{ n: 0 }]);
    const done = await office.post(`/api/adr-imports/${job.id}/confirm?wait=true`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', toCreate: 3 });
    const list = (await office.get('/api/adr-reports?drug=头孢曲松钠')).json();
    const i2 = list.items.find((r: any) => r.reportCode === 'I-2');
    // 新的严重: 15 days; onset 03-01 → due 03-16, reported 03-20 → late.
    expect(i2).toMatchObject({
      seriousness: 'serious',
      isNew: true,
      patientSex: 'male',
      dueOn: '2026-03-16',
      late: true,
      reactions: ['瘙痒', '皮疹'],
    });

    const again = [adrRow('I-1', { 转归: '痊愈' }), adrRow('I-4')];
    const dry = (await uploadAdr(office, '报告2.csv', adrCsv(again), 'skip')).json();
    expect(dry).toMatchObject({ status: 'validated', toCreate: 1, toUpdate: 0, toSkip: 1, duplicateCodes: ['I-1'] });
    const upd = (await uploadAdr(office, '报告2.csv', adrCsv(again), 'update')).json();
    expect(upd).toMatchObject({ toCreate: 1, toUpdate: 1, toSkip: 0, duplicateCodes: ['I-1'] });
    expect((await office.post(`/api/adr-imports/${upd.id}/confirm?wait=true`)).json()).toMatchObject({
      status: 'done',
      toCreate: 1,
      toUpdate: 1,
    });
    const i1 = await q(
      sql`select count(*)::int as n, max(outcome) as outcome, max(version) as v from adr_reports where report_code = 'I-1'`,
    );
    expect(i1).toEqual([{ n: 1, outcome: 'cured', v: 2 }]);
    // The skipping dry run was staged before: confirming it now skips I-1 and I-4 (registered since).
    const skipped = (await office.post(`/api/adr-imports/${dry.id}/confirm?wait=true`)).json();
    expect(skipped).toMatchObject({ status: 'done', toCreate: 0, toSkip: 2 });
    expect(await q(sql`select count(*)::int as n from adr_reports where report_code like 'I-%'`)).toEqual([{ n: 4 }]);
  });

  it('names every bad row and column (UTF-8), and a file with errors cannot be confirmed', async () => {
    const rows = [
      adrRow('E-1', { 患者性别: '未说明性别', 发生日期: '2026-02-30' }),
      adrRow('E-2', { 报告单位类别: '学校' }),
      adrRow('E-1'),
      adrRow('E-4', { 不良反应名称: '' }),
      adrRow('E-5', { 所属辖区: '查干旗' }),
      adrRow('F-0001'),
    ];
    const job = (await uploadAdr(office, 'bad.csv', adrCsv(rows))).json();
    expect(job.status).toBe('invalid');
    const at = (row: number) => job.errors.filter((e: any) => e.row === row).map((e: any) => `${e.column}:${e.message}`);
    expect(at(2)).toEqual([expect.stringMatching(/^患者性别:/), expect.stringMatching(/^发生日期:.*不是有效日期/)]);
    expect(at(3)).toEqual([expect.stringMatching(/^报告单位类别:/)]);
    expect(at(4)).toEqual([expect.stringMatching(/^报告编码:.*与第 2 行重复/)]);
    expect(at(5)).toEqual([expect.stringMatching(/^不良反应名称:/)]);
    expect(at(6)).toEqual([expect.stringMatching(/^所属辖区:/)]);
    expect(at(7)).toEqual([]);
    expect((await office.post(`/api/adr-imports/${job.id}/confirm?wait=true`)).statusCode).toBe(400);
    expect(await q(sql`select count(*)::int as n from adr_reports where report_code like 'E-%'`)).toEqual([{ n: 0 }]);
    const noColumn = (await uploadAdr(office, 'x.csv', adrCsv([adrRow('E-9')], 'utf8', ['报告编码', '患者性别']))).json();
    expect(noColumn.errors[0]).toMatchObject({ row: 0, column: '报告单位名称' });
    // Another county's report code cannot be taken over by an import.
    const cg = (await uploadAdr(office, 'cg.csv', adrCsv([adrRow('CG-0001')]))).json();
    expect(cg.errors).toEqual([{ row: 2, column: '报告编码', message: '报告编码 CG-0001 已由其他辖区登记' }]);
  });
});

describe('targets', () => {
  it('reports per million, shortfall and the medical share by hand; silent medical institutions listed', async () => {
    const stationId = t.org.stations['创新'].jurisdictionId;
    const [hospital] = await q(
      sql`insert into entities (name, kind, jurisdiction_id) values ('兴隆台区第二医院', 'medical_institution', ${stationId}), ('创新社区诊所', 'clinic', ${stationId}) returning id`,
    );
    const pop = await office.put('/api/adr-population', { jurisdictionId: t.org.districtId, year: 2025, population: 400_000, version: 0 });
    expect(pop.statusCode, pop.body).toBe(200);
    const day = { onsetOn: '2025-05-01', reportedOn: '2025-05-02' };
    await office.post('/api/adr-reports', report('T-1', { ...day, reporterName: '兴隆台区第二医院', drugs: [{ genericName: '甲药' }] }));
    await office.post('/api/adr-reports', report('T-2', { ...day, reporterName: '兴隆台区第二医院', drugs: [{ genericName: '乙药' }] }));
    await office.post(
      '/api/adr-reports',
      report('T-3', { ...day, reporterName: '某药店', reporterKind: 'business', drugs: [{ genericName: '丙药' }] }),
    );
    await office.post('/api/adr-reports', report('T-4', { ...day, kind: 'device', drugs: [{ genericName: '输液器' }] }));
    const res = await office.get('/api/adr-targets?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().rows.find((r: any) => r.countyId === t.org.districtId);
    // 3 drug reports / 400,000 people × 1,000,000 = 7.5 per million; target 600 → 240 needed, 237 short; medical 2 of 3 = 66.7%.
    expect(row).toMatchObject({
      population: 400000,
      drugReports: 3,
      deviceReports: 1,
      reports: 4,
      perMillion: 7.5,
      targetPerMillion: 600,
      shortfall: 237,
      medicalReports: 2,
      medicalSharePct: 66.7,
      targetMedicalSharePct: 80,
    });
    expect(row.institutions).toEqual(expect.arrayContaining([{ entityId: hospital.id, name: '兴隆台区第二医院', reports: 2 }]));
    expect(row.silentInstitutions.map((s: any) => s.name)).toEqual(['创新社区诊所']);
    expect(res.json().sources.targetPerMillion).toContain('不少于600份/百万人口');
    // Population: stale version → 409; the station inspector may not set it.
    expect(
      (await office.put('/api/adr-population', { jurisdictionId: t.org.districtId, year: 2025, population: 1, version: 0 })).statusCode,
    ).toBe(409);
    expect(
      (await inspectorCx.put('/api/adr-population', { jurisdictionId: t.org.districtId, year: 2025, population: 1, version: 1 }))
        .statusCode,
    ).toBe(403);
  });

  it('settings are data: a lower threshold makes two reports a cluster', async () => {
    const cur = (await office.get('/api/adr-settings')).json();
    expect(cur).toMatchObject({ clusterMinReports: 3, version: 0 });
    const saved = await office.put('/api/adr-settings', { ...cur, jurisdictionId: t.org.districtId, clusterMinReports: 2 });
    expect(saved.statusCode, saved.body).toBe(200);
    const d = (code: string) => report(code, { drugs: [{ genericName: '丁药' }], onsetOn: '2026-09-01', reportedOn: '2026-09-02' });
    await office.post('/api/adr-reports', d('S-1'));
    expect((await office.post('/api/adr-reports', d('S-2'))).json().alertsOpened).toHaveLength(1);
  });
});
