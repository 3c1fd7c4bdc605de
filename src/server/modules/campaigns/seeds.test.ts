import { describe, expect, it } from 'vitest';
import { dueDates, type CampaignDefinition } from '../../../contracts/campaigns.js';
import type { QuotaRule } from '../../../contracts/quota-rules.js';
import { getTemplate, loadTemplates } from './templates.js';

const seed = (code: string): CampaignDefinition => getTemplate(code)!.definition;
const quota = (d: CampaignDefinition, id: string): QuotaRule => {
  const all = (rs: QuotaRule[]): QuotaRule[] => rs.flatMap((r) => [r, ...all(r.children ?? [])]);
  return all(d.quotas).find((r) => r.id === id)!;
};
const ob = (d: CampaignDefinition, key: string) => d.obligations.find((o) => o.key === key)!;
const due = (d: CampaignDefinition, key: string) => dueDates(ob(d, key).rule, { from: d.period.from, to: d.period.reportingUntil ?? d.period.to }).map((x) => x.date);

describe('seed plans as definitions', () => {
  it('ships five valid templates', () => {
    expect(loadTemplates().map((t) => t.code)).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
  });

  it('seed 000: 50% retail/medical (excluding 三级 and city units), 100% vaccine, high risk ×2, devices, cosmetics 15/5', () => {
    const d = seed('seed-000');
    expect(d.issuedOn).toBe('2022-03-28');
    const rm = quota(d, 'drug-retail-medical');
    expect(rm.target).toEqual({ type: 'share', min: 0.5 });
    expect(rm.population.kinds).toEqual(['pharmacy_chain', 'pharmacy_single', 'medical_institution']);
    expect(rm.population.exclude).toEqual([{ kinds: ['medical_institution'], medicalGrades: ['3'] }, { tagsAny: ['city_level'] }]);
    expect(quota(d, 'vaccine-full')).toMatchObject({ population: { kinds: ['vaccine_distributor', 'cdc', 'vaccination_site'], exclude: [{ tagsAny: ['city_level'] }] }, target: { type: 'all' } });
    expect(quota(d, 'high-risk-full')).toMatchObject({ target: { type: 'all' }, times: 2 });
    expect(quota(d, 'device-level-1-2')).toMatchObject({ population: { deviceLevels: ['1', '2'] }, target: { min: 0.5 } });
    expect(quota(d, 'device-level-3')).toMatchObject({ target: { type: 'all' }, population: { exclude: [{ familyPlanning: true }] } });
    expect(quota(d, 'device-level-3-family-planning')).toMatchObject({ population: { familyPlanning: true }, target: { min: 0.5 } });
    const cos = quota(d, 'cosmetics');
    if (cos.target.type !== 'count') throw new Error('count expected');
    const big = ['创新所', '兴隆所', '振兴所', '兴盛所', '兴海所', '惠宾所', '渤海所'];
    const small = ['曙光所', '欢喜岭所', '新工所', '高采所'];
    for (const s of big) expect(cos.target.byStation![s]).toBe(15);
    for (const s of small) expect(cos.target.byStation![s]).toBe(5);
    for (const id of ['cosmetics-maternal', 'cosmetics-store', 'cosmetics-counter']) expect(quota(d, id).target).toEqual({ type: 'share', min: 0.5 });
    for (const id of ['beauty-salon', 'hair-salon', 'hotel', 'bathhouse']) {
      const t = quota(d, id).target;
      expect(t).toMatchObject({ type: 'count', min: 2 });
      if (t.type === 'count') for (const s of small) expect(t.byStation![s]).toBe(1);
    }
    expect(d.organisation.office.unit).toBe('药品和医疗器械股');
    expect(ob(d, 'weekly-clues').rule.every).toBe('week');
    expect(ob(d, 'monthly-dispatch').rule.every).toBe('month');
  });

  it('seed 001: ADR 600/million with 80% from medical institutions; credit-graded retail supervision', () => {
    const d = seed('seed-001');
    expect(d.tasks.find((t) => t.no === 9)!.target).toMatch(/600份\/百万人口.*80%/);
    const r = quota(d, 'retail-credit');
    expect(r.byCreditGrade?.D?.times).toBeGreaterThan(r.byCreditGrade!.A.times!);
    expect(d.staffing).toMatchObject({ informantPerVillage: true });
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
    expect([ob(d, 'stage-1').rule.once, ob(d, 'stage-2').rule.once, ob(d, 'final').rule.once]).toEqual(['2019-01-02', '2019-01-28', '2019-03-05']);
  });

  it('seed 003: quarterly risk list, monthly 20th case data, ≥1 typical case per quarter, 800 characters, liaisons by 07-27', () => {
    const d = seed('seed-003');
    expect(d.docNo).toBe('奈市监发〔2023〕66号');
    expect(ob(d, 'risk-list').rule).toEqual({ every: 'quarter', monthOfQuarter: 1, day: 1 });
    expect(due(d, 'risk-list')).toEqual(['2023-07-01', '2023-10-01', '2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01']);
    expect(ob(d, 'case-data').rule).toEqual({ every: 'month', day: 20 });
    expect(due(d, 'case-data')).toHaveLength(18);
    expect(ob(d, 'typical-case').minCount).toEqual({ count: 1, per: 'quarter' });
    expect(ob(d, 'self-inspection').form.sections!.find((s) => s.title.startsWith('存在问题'))!.minChars).toBe(800);
    expect(['stage-1', 'stage-2', 'final'].map((k) => ob(d, k).rule.once)).toEqual(['2023-11-01', '2024-06-01', '2024-11-01']);
    expect(d.liaisons!.due).toBe('2023-07-27');
    expect(d.organisation.workingGroups.map((g) => g.name)).toEqual(['稽查执法组', '药品和医疗器械工作组', '化妆品工作组']);
    expect(d.organisation.workingGroups.every((g) => g.liaison)).toBe(true);
    const work = d.tables.find((t) => t.key === 'risk-work')!;
    expect(work.measures.map((m) => m.unit)).toEqual(['家次', '人次', '条', '个', '次', '个']);
  });

  it('seed 004: 清源/药剑/强基, seven statistics columns from 2023-07-01 by the 5th, staffing by 2023-11-20', () => {
    const d = seed('seed-004');
    expect(d.subActions.map((s) => s.name)).toEqual(['清源行动', '药剑行动', '强基行动']);
    const t = d.tables.find((x) => x.key === 'stats')!;
    expect(t.rows.map((r) => r.label)).toEqual(['零售药店', '药品使用单位', '药品网络销售单位']);
    expect(t.measures.map((m) => `${m.label}(${m.unit})`)).toEqual([
      '检查单位数量(家)', '发现违规单位数量(家)', '完成整改单位数量(家)', '已立案查处数量(件)', '罚没款金额(万元)', '吊销许可证数量(家)', '移送公安机关案件数量(家)',
    ]);
    expect(t.cumulativeFrom).toBe('2023-07-01');
    expect(ob(d, 'stats').rule).toEqual({ every: 'month', day: 5 });
    expect(d.staffing).toEqual({ coordinatorPerTownship: true, informantPerVillage: true, by: '2023-11-20' });
    expect(d.tasks.map((x) => x.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ob(d, 'liaison').rule.once).toBe('2023-08-08');
  });

  it('never carries the officials named in the seeds', () => {
    const text = JSON.stringify(loadTemplates());
    for (const name of ['寇晓东', '苏岩', '王化成', '刘晓华', '林松丽', '杨慧', '高东丽', '钟雨柔', '18317956250']) expect(text).not.toContain(name);
  });
});
