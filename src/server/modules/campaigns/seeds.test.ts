import { describe, expect, it } from 'vitest';
import { dueDates, missingProvenance, obligationWindow, reportingPeriod, type CampaignDefinition } from '../../../contracts/campaigns.js';
import { citeArticles, LEGAL_ARTICLES } from '../../../contracts/legal-articles.js';
import type { QuotaRule } from '../../../contracts/quota-rules.js';
import { resolveRef, type BureauUnit } from './resolve-units.js';
import { getTemplate, loadTemplates } from './templates.js';

const seed = (code: string): CampaignDefinition => getTemplate(code)!.definition;
const quota = (d: CampaignDefinition, id: string): QuotaRule => {
  const all = (rs: QuotaRule[]): QuotaRule[] => rs.flatMap((r) => [r, ...all(r.children ?? [])]);
  return all(d.quotas).find((r) => r.id === id)!;
};
const ob = (d: CampaignDefinition, key: string) => d.obligations.find((o) => o.key === key)!;
// Due dates as the campaign pages and the dashboard compute them: never before the plan was issued.
const due = (d: CampaignDefinition, key: string) => {
  const { window } = obligationWindow(d, ob(d, key).rule);
  return window ? dueDates(ob(d, key).rule, window).map((x) => x.date) : [];
};

describe('seed plans as definitions', () => {
  it('ships five valid templates', () => {
    expect(loadTemplates().map((t) => t.code)).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
  });

  it('seed 000: 50% retail/medical incl. clinics (excluding 三级 and the 市疾控中心), 100% vaccine, high risk covered with its frequency unset, devices, cosmetics 15/5', () => {
    const d = seed('seed-000');
    expect(d.issuedOn).toBe('2022-03-28');
    const rm = quota(d, 'drug-retail-medical');
    expect(rm.target).toEqual({ type: 'share', min: 0.5 });
    // Issue 9 item 4: a 个体诊所 holds a 医疗机构执业许可证 and counts (the alternative is a recorded reading).
    expect(rm.population.kinds).toEqual(['pharmacy_chain', 'pharmacy_single', 'medical_institution', 'clinic', 'cdc', 'vaccination_site']);
    // Only the city CDC is excluded, not every city-level unit (issue 19 rank 7).
    expect(rm.population.exclude).toEqual([
      { kinds: ['medical_institution'], medicalGrades: ['3'] },
      { kinds: ['cdc'], tagsAny: ['city_level'] },
    ]);
    expect(d.readings.map((r) => `${r.key}:${r.chosen}`)).toEqual([
      'share-combined:combined',
      'clinics:included',
      'city-cdc-vaccine:excluded',
    ]);
    expect(quota(d, 'vaccine-full')).toMatchObject({
      population: { kinds: ['vaccine_distributor', 'cdc', 'vaccination_site'], exclude: [{ kinds: ['cdc'], tagsAny: ['city_level'] }] },
      target: { type: 'all' },
    });
    // "增加检查频次" gives no number: the 2 was invented; the value is unset with the plan's words.
    expect(quota(d, 'high-risk-full')).toMatchObject({ target: { type: 'all' } });
    expect(quota(d, 'high-risk-full').times).toBeUndefined();
    expect(d.provenance['quotas.high-risk-full.times']).toMatchObject({ kind: 'unset', reason: expect.stringContaining('增加检查频次') });
    expect(quota(d, 'device-level-1-2')).toMatchObject({ population: { deviceLevels: ['1', '2'] }, target: { min: 0.5 } });
    expect(quota(d, 'device-level-3')).toMatchObject({ target: { type: 'all' }, population: { exclude: [{ familyPlanning: true }] } });
    expect(quota(d, 'device-level-3-family-planning')).toMatchObject({ population: { familyPlanning: true }, target: { min: 0.5 } });
    const cos = quota(d, 'cosmetics');
    if (cos.target.type !== 'count') throw new Error('count expected');
    const big = ['创新所', '兴隆所', '振兴所', '兴盛所', '兴海所', '惠宾所', '渤海所'];
    const small = ['曙光所', '欢喜岭所', '新工所', '高采所'];
    for (const s of big) expect(cos.target.byStation![s]).toBe(15);
    for (const s of small) expect(cos.target.byStation![s]).toBe(5);
    for (const id of ['cosmetics-maternal', 'cosmetics-store', 'cosmetics-counter'])
      expect(quota(d, id).target).toEqual({ type: 'share', min: 0.5 });
    for (const id of ['beauty-salon', 'hair-salon', 'hotel', 'bathhouse']) {
      const t = quota(d, id).target;
      expect(t).toMatchObject({ type: 'count', min: 2 });
      if (t.type === 'count') for (const s of small) expect(t.byStation![s]).toBe(1);
    }
    expect(d.organisation.office.unit).toBe('药品和医疗器械股');
    // “每周汇总、通报”, “每月对整治工作进行调度”: no weekday, no day, no period in the plan — none
    // invented; no date is computed and the pages say what is missing (issue 19).
    expect(ob(d, 'weekly-clues').rule).toEqual({ every: 'week' });
    expect(ob(d, 'monthly-dispatch').rule).toEqual({ every: 'month' });
    expect(d.period).toBeUndefined();
    expect(d.phases).toEqual([]);
    expect(d.provenance['period']).toMatchObject({ kind: 'unset', source: '一、总体要求' });
    expect(obligationWindow(d, ob(d, 'weekly-clues').rule)).toEqual({ window: null, missing: ['行动期间', '星期几'] });
    expect(obligationWindow(d, ob(d, 'monthly-dispatch').rule)).toEqual({ window: null, missing: ['行动期间', '每月几日'] });
    // With a period set by the office, the weekday is still missing: still no date.
    const set = { ...d, period: { from: '2022-03-28', to: '2022-12-31' } };
    expect(obligationWindow(set, ob(d, 'weekly-clues').rule)).toEqual({ window: null, missing: ['星期几'] });
    expect(due(set, 'monthly-city')[0]).toBe('2022-03-31');
    expect(ob(d, 'monthly-city').externalRecipient).toBe('盘锦市市场监督管理局');
    const items = d.checklists[0].sections.flatMap((s) => s.items);
    expect(citeArticles(items.find((i) => i.key === 'c1')!.articles!)).toBe('《化妆品监督管理条例》第五十九条、第六十一条');
    expect(items.find((i) => i.key === 'm2')!.articles).toEqual(['device-reg-81', 'device-reg-84', 'device-reg-86']);
    // The audit's flags: 化妆品条例 §59 unregistered special cosmetics (§61 unfiled ordinary ones); 器械条例
    // §86 use of unregistered devices, §84 unfiled class-I devices — in the checklist and the violation types.
    const vt = (k: string) => d.violationTypes.find((v) => v.key === k)!.articles;
    expect(vt('cosmetics-unregistered')).toEqual(['cosmetics-reg-59', 'cosmetics-reg-61']);
    expect(vt('device-unregistered')).toEqual(['device-reg-81', 'device-reg-84', 'device-reg-86']);
    expect(LEGAL_ARTICLES['cosmetics-reg-59'].covers).toContain('未经注册的特殊化妆品');
    expect(LEGAL_ARTICLES['device-reg-86'].covers).toContain('使用未依法注册的医疗器械');
    expect(LEGAL_ARTICLES['device-reg-84'].covers).toContain('未经备案的第一类医疗器械');
    // 违法违规类型 from 二（一）1—6, each quoted; the articles are the platform's reading, marked inferred.
    expect(d.violationTypes.map((v) => v.key)).toContain('drug-guakao');
    expect(d.violationTypes).toHaveLength(16);
    for (const v of d.violationTypes) {
      expect(d.provenance[`violationTypes.${v.key}`], v.key).toMatchObject({
        kind: 'quoted',
        source: expect.stringMatching(/^二（一）[1-6]$/),
      });
      if (v.articles)
        expect(d.provenance[`violationTypes.${v.key}.articles`], v.key).toMatchObject({
          kind: 'inferred',
          reason: expect.stringContaining('方案未引法条'),
        });
    }
  });

  it('seed 001: ADR 600/million with 80% from medical institutions; retail fully inspected, grade frequencies unset; nothing invented', () => {
    const d = seed('seed-001');
    expect(d.tasks.find((t) => t.no === 9)!.target).toMatch(/600份\/百万人口.*80%/);
    const r = quota(d, 'retail-credit');
    expect(r.target).toEqual({ type: 'all' });
    // The plan defers the per-grade frequency to the Tianjin rules: the ×1/1/2/4 were invented.
    expect(r.byCreditGrade).toBeUndefined();
    expect(d.provenance['quotas.retail-credit.byCreditGrade']?.kind).toBe('unset');
    // No period, phases, reports or staffing target in the plan: none in the template.
    expect(d.period).toBeUndefined();
    expect(d.phases).toEqual([]);
    expect(d.obligations).toEqual([]);
    expect(d.staffing).toBeUndefined();
    expect(d.tasks.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('seed 002: three phase dates, Thursday weekly, 15:00 daily in two 攻坚周, summaries on fixed dates', () => {
    const d = seed('seed-002');
    expect(d.phases.map((p) => [p.name, p.from, p.to])).toEqual([
      ['动员部署阶段', '2018-12-22', '2018-12-23'],
      ['集中整治阶段', '2018-12-24', '2019-02-20'],
      ['总结提高阶段', '2019-02-21', '2019-02-28'],
    ]);
    expect(ob(d, 'weekly').rule).toEqual({ every: 'week', weekday: 4, time: '17:00' });
    expect(due(d, 'weekly')[0]).toBe('2018-12-27');
    expect(ob(d, 'gongjian-1').rule).toMatchObject({ every: 'day', time: '15:00' });
    expect(due(d, 'gongjian-1')).toEqual(['2018-12-24', '2018-12-25', '2018-12-26', '2018-12-27', '2018-12-28', '2018-12-29']);
    expect(due(d, 'gongjian-2')).toEqual(['2019-01-21', '2019-01-22', '2019-01-23', '2019-01-24', '2019-01-25']);
    expect([ob(d, 'stage-1').rule.once, ob(d, 'stage-2').rule.once, ob(d, 'final').rule.once]).toEqual([
      '2019-01-02',
      '2019-01-28',
      '2019-03-05',
    ]);
  });

  it('seed 003: quarterly risk list, monthly 20th case data, ≥1 typical case per quarter, 800 characters, liaisons by 07-27', () => {
    const d = seed('seed-003');
    expect(d.docNo).toBe('奈市监发〔2023〕66号');
    expect(ob(d, 'risk-list').rule).toEqual({ every: 'quarter', monthOfQuarter: 1, day: 1 });
    // Issued 2023-07-25: the first risk list is due 10-01, not 07-01 (issue 19 rank 2).
    expect(due(d, 'risk-list')).toEqual(['2023-10-01', '2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01']);
    expect(ob(d, 'case-data').rule).toEqual({ every: 'month', day: 20 });
    expect(due(d, 'case-data')[0]).toBe('2023-08-20');
    expect(due(d, 'case-data')).toHaveLength(17);
    expect(ob(d, 'typical-case').minCount).toEqual({ count: 1, per: 'quarter' });
    expect(ob(d, 'self-inspection').form.sections!.find((s) => s.title.startsWith('存在问题'))!.minChars).toBe(800);
    expect(['stage-1', 'stage-2', 'final'].map((k) => ob(d, k).rule.once)).toEqual(['2023-11-01', '2024-06-01', '2024-11-01']);
    expect(d.liaisons!.due).toBe('2023-07-27');
    expect(d.organisation.workingGroups.map((g) => g.name)).toEqual(['稽查执法组', '药品和医疗器械工作组', '化妆品工作组']);
    expect(d.organisation.workingGroups.every((g) => g.liaison)).toBe(true);
    // 附件3: inspections per kind (家次), then one line of totals with own-level and subordinate meetings apart.
    const work = d.tables.find((t) => t.key === 'risk-work')!;
    expect(work.measures.map((m) => m.unit)).toEqual(['家次']);
    const totals = d.tables.find((t) => t.key === 'risk-totals')!;
    expect(totals.measures.map((m) => m.unit)).toEqual(['人次', '条', '个', '次', '个', '次', '个']);
  });

  it('seed 004: 清源/药剑/强基, seven statistics columns from 2023-07-01 by the 5th, staffing by 2023-11-20', () => {
    const d = seed('seed-004');
    expect(d.subActions.map((s) => s.name)).toEqual(['清源行动', '药剑行动', '强基行动']);
    const t = d.tables.find((x) => x.key === 'stats')!;
    expect(t.rows.map((r) => r.label)).toEqual(['零售药店', '药品使用单位', '药品网络销售单位']);
    expect(t.measures.map((m) => `${m.label}(${m.unit})`)).toEqual([
      '检查单位数量(家)',
      '发现违规单位数量(家)',
      '完成整改单位数量(家)',
      '已立案查处数量(件)',
      '罚没款金额(万元)',
      '吊销许可证数量(家)',
      '移送公安机关案件数量(家)',
    ]);
    expect(t.cumulativeFrom).toBe('2023-07-01');
    expect(ob(d, 'stats').rule).toMatchObject({ every: 'month', day: 5 });
    // No issue date in the plan; the 08-08 liaison deadline puts issue in late July: first table 08-05.
    expect(due(d, 'stats')[0]).toBe('2023-08-05');
    expect(d.staffing).toEqual({ coordinatorPerTownship: true, informantPerVillage: true, by: '2023-11-20' });
    // 附件5 T7 gives the task its own date (2023年11月底), unlike the body's 11-20: both kept, both quoted.
    expect(d.tasks.find((x) => x.no === 7)!.due).toBe('2023-11-30');
    for (const w of ['多部门监管协调', '检查稽查协同和执法联动', '开展药品经营企业风险信用监管'])
      expect(d.tasks.find((x) => x.no === 3)!.content).toContain(w);
    expect(d.tasks.map((x) => x.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(ob(d, 'liaison').rule.once).toBe('2023-08-08');
  });

  it('gives every template value a provenance, and no report falls due before the plan exists', () => {
    // Seeds 002 and 004 carry no issue date: 002 was drafted in its 动员部署 phase (from 2018-12-22);
    // 004 asks for liaisons by 2023-08-08, i.e. it was issued in late July 2023.
    const notBefore: Record<string, string> = { 'seed-002': '2018-12-22', 'seed-004': '2023-08-01' };
    const seen: string[] = [];
    for (const t of loadTemplates()) {
      seen.push(t.code);
      expect(missingProvenance(t.definition), t.code).toEqual([]);
      const first = reportingPeriod(t.definition)?.from;
      const floor = t.definition.issuedOn ?? notBefore[t.code];
      expect(floor, `${t.code}: issue date or the date the plan implies`).toBeTruthy();
      for (const o of t.definition.obligations)
        for (const x of due(t.definition, o.key))
          expect(t.definition.issuedOn ? x > floor! : x >= floor!, `${t.code} ${o.key} ${x}`).toBe(true);
      const issued = t.definition.issuedOn;
      if (issued) {
        for (const o of t.definition.obligations) if (o.rule.once) expect(o.rule.once > issued, `${t.code} ${o.key}`).toBe(true);
        for (const k of t.definition.tasks) if (k.due) expect(k.due > issued, `${t.code} task ${k.no}`).toBe(true);
        if (t.definition.staffing) expect(t.definition.staffing.by > issued, `${t.code} staffing`).toBe(true);
        if (first) expect(first > issued, t.code).toBe(true);
      }
    }
    expect(seen).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
  });

  it('reads the plans’ “相关股室” as the bureau’s departments (the plan names none)', () => {
    const u = (id: number, name: string, kind: string): BureauUnit => ({
      id,
      name,
      shortName: null,
      kind,
      jurisdictionId: 1,
      level: 'county',
      depth: 0,
    });
    const units = [
      u(1, '奈曼旗市场监督管理局', 'bureau'),
      u(2, '药械监管股', 'department'),
      u(3, '法规股', 'department'),
      u(4, '大沁他拉所', 'station'),
    ];
    expect(resolveRef('相关股室', units).map((x) => x.id)).toEqual([2, 3]);
    expect(seed('seed-002').obligations.every((o) => o.submitters.includes('相关股室'))).toBe(true);
  });

  it('only seed 000 lists violation types; the others use the default catalogue', () => {
    for (const t of loadTemplates()) if (t.code !== 'seed-000') expect(t.definition.violationTypes, t.code).toEqual([]);
  });

  it('cites legal articles only through the article table', () => {
    for (const t of loadTemplates())
      for (const c of t.definition.checklists)
        for (const s of c.sections)
          for (const i of s.items) expect(i.basis ?? '', `${t.code} ${i.key}`).not.toMatch(/第[一二三四五六七八九十百]+条/);
  });

  it('never carries the officials named in the seeds', () => {
    const text = JSON.stringify(loadTemplates());
    for (const name of ['寇晓东', '苏岩', '王化成', '刘晓华', '林松丽', '杨慧', '高东丽', '钟雨柔', '18317956250'])
      expect(text).not.toContain(name);
  });
});
