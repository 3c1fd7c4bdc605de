import { describe, expect, it } from 'vitest';
import { findDates, dayOf } from './dates.js';
import { deadlinesIn } from './deadlines.js';
import { readFocus } from './focus.js';
import { readHeader } from './header.js';
import { draftDefinition } from './index.js';
import { parseNumeral, parseWeekday } from './numerals.js';
import { readPeriod, readPhases } from './period.js';
import { quotasIn } from './quotas.js';
import { readTables } from './tables.js';
import { sentences } from './text.js';

const rules = (s: string, year: number | null = 2023) => deadlinesIn(s, year).map((d) => d.rule);
const whole = (text: string) => ({ text, start: 0, end: text.length });

describe('numerals', () => {
  it('reads Chinese and Arabic numerals', () => {
    expect(parseNumeral('十五')).toBe(15);
    expect(parseNumeral('二十三')).toBe(23);
    expect(parseNumeral('两')).toBe(2);
    expect(parseNumeral('十')).toBe(10);
    expect(parseNumeral('一百零五')).toBe(105);
    expect(parseNumeral('二〇二三')).toBe(2023);
    expect(parseNumeral('１５')).toBe(15);
    expect(parseNumeral('15')).toBe(15);
    expect(parseNumeral('十五家')).toBeNull();
    expect(parseWeekday('四')).toBe(4);
    expect(parseWeekday('日')).toBe(7);
    expect(parseWeekday('天')).toBe(7);
  });
});

describe('dates', () => {
  const one = (s: string, year: number | null = 2023) =>
    findDates(s, year).map((d) => [d.text, dayOf(d, 'first'), dayOf(d, 'last'), d.before]);
  it('takes a missing year from the date before it, else from the document', () => {
    expect(one('(2018年12月22日—12月23日)')).toEqual([
      ['2018年12月22日', '2018-12-22', '2018-12-22', false],
      ['12月23日', '2018-12-23', '2018-12-23', false],
    ]);
    expect(one('于X年起，3月5日前报送', 2019)).toEqual([['3月5日', '2019-03-05', '2019-03-05', true]]);
    expect(one('2018年12月24日至1月5日')).toEqual([
      ['2018年12月24日', '2018-12-24', '2018-12-24', false],
      ['1月5日', '2019-01-05', '2019-01-05', false],
    ]);
    // No year anywhere: nothing is guessed.
    expect(one('3月5日前报送', null)).toEqual([]);
  });
  it('reads 月底, 年底, quarters, months and a day without 日 before 前', () => {
    expect(one('3月底前')).toEqual([['3月底', '2023-03-31', '2023-03-31', true]]);
    expect(one('2月底前', 2024)[0][1]).toBe('2024-02-29');
    expect(one('自2023年7月至2024年年底')).toEqual([
      ['2023年7月', '2023-07-01', '2023-07-31', false],
      ['2024年年底', '2024-12-31', '2024-12-31', false],
    ]);
    expect(one('2024年第四季度')).toEqual([['2024年第四季度', '2024-10-01', '2024-12-31', false]]);
    expect(one('于2023年11月1前')).toEqual([['2023年11月1', '2023-11-01', '2023-11-01', true]]);
    expect(one('二〇二三年十一月五日前')).toEqual([['二〇二三年十一月五日', '2023-11-05', '2023-11-05', true]]);
    expect(one('2023年2月30日前')).toEqual([]);
    expect(one('每月5日前')).toEqual([]);
  });
});

describe('deadline phrases → the rules of the seed definitions', () => {
  it('每周四下班前: Thursday, the time left to the office', () => {
    const [d] = deadlinesIn('各所于每周四下班前报送至县局药械股。', 2019);
    expect(d.rule).toEqual({ every: 'week', weekday: 4 });
    expect(d.text).toBe('每周四下班前');
    expect(d.notes.join()).toContain('下班前');
  });
  it('每月5日前, 每月20日前, 每月底', () => {
    expect(rules('经单位负责人审核后每月5日前发送到邮箱。')).toEqual([{ every: 'month', day: 5 }]);
    expect(rules('于每月20日前将案件查办数据报送给旗药械监管股')).toEqual([{ every: 'month', day: 20 }]);
    expect(rules('每月底前报送月报')).toEqual([{ every: 'month', day: 31, lastDayIfShort: true }]);
    expect(deadlinesIn('于每月30日前报执法大队', 2023)[0].notes.join()).toContain('并非每个月都有30日');
  });
  it('每季度第一个月的1日前', () => {
    expect(rules('并于每季度第一个月的1日前报送至旗局')).toEqual([{ every: 'quarter', monthOfQuarter: 1, day: 1 }]);
    expect(rules('每季度报送不少于1个')).toEqual([]);
  });
  it('于X月X日前: one-off dates, enumerated with 、 and ，', () => {
    expect(rules('应于2023年9月15日前报送自评报告')).toEqual([{ once: '2023-09-15' }]);
    expect(rules('应于2023年11月5日前、2024年6月5日前报送阶段性工作总结，2024年11月5日前报送工作总结')).toEqual([
      { once: '2023-11-05' },
      { once: '2024-06-05' },
      { once: '2024-11-05' },
    ]);
    expect(rules('2019年1月2日、2019年1月28日报阶段工作小结')).toEqual([{ once: '2019-01-02' }, { once: '2019-01-28' }]);
    expect(rules('于3月5日前报送总结', 2019)).toEqual([{ once: '2019-03-05' }]);
  });
  it('每天15时前 in the sentence’s windows, one rule per window', () => {
    expect(rules('其中，2018年12月24日至12月29日和2019年1月21日至1月25日开展攻坚行动，每日下午15:00前报送相关报表。')).toEqual([
      { every: 'day', time: '15:00', within: { from: '2018-12-24', to: '2018-12-29' } },
      { every: 'day', time: '15:00', within: { from: '2019-01-21', to: '2019-01-25' } },
    ]);
    expect(rules('每天15时前报送')).toEqual([{ every: 'day', time: '15:00' }]);
    expect(rules('每日下午3:30前上报')).toEqual([{ every: 'day', time: '15:30' }]);
  });
  it('每周 / 每月 without a day stay unset; 及时上报 is ad hoc', () => {
    expect(rules('办公室将每周汇总、通报线索情况,每月对整治工作进行调度,并向市局报告。')).toEqual([{ every: 'week' }, { every: 'month' }]);
    expect(rules('有典型案例的及时上报巩固提升行动的典型案例')).toEqual([{ adHoc: true }]);
    expect(rules('及时报送数据，并于每月20日前报送')).toEqual([{ every: 'month', day: 20 }]);
    // A serious matter is reported when it happens: an event rule, its kind and hours left open.
    expect(rules('对药品监管执法中的重大信息要及时向市局报告')).toEqual([{ type: 'event' }]);
    expect(rules('要及时总结报送特色做法和典型经验，工作中发现重大问题要及时上报')).toEqual([{ adHoc: true }, { type: 'event' }]);
  });
  it('a sentence that reports nothing has no deadline; a start date is not a deadline', () => {
    expect(rules('每季度药品、医疗器械、化妆品领域分别确定重点推进事项')).toEqual([]);
    expect(rules('2023年11月20日前，每个乡镇要配备一名协管员')).toEqual([]);
    expect(rules('统计自2023年7月1日起累计报送')).toEqual([]);
  });
});

describe('quotas', () => {
  it('比例不低于50% with its exclusions, 全覆盖 and 至少1次', () => {
    const q = quotasIn(
      whole(
        '一是对本辖区内的零售药 店、医疗机构(三级医疗机构和市疾控中心除外)监督检查比例不低于50%;其中:对高风险的企业实施全覆盖并增加检查频次。二是对三级委托监管企业全覆盖检查至少1次。',
      ),
    );
    expect(q.map((x) => [x.target, x.times])).toEqual([
      [{ type: 'share', min: 0.5 }, undefined],
      [{ type: 'all' }, undefined],
      [{ type: 'all' }, 1],
    ]);
    expect(q[0].population).toEqual({
      kinds: ['pharmacy_chain', 'pharmacy_single', 'medical_institution'],
      exclude: [
        { kinds: ['medical_institution'], medicalGrades: ['3'] },
        { kinds: ['cdc'], tagsAny: ['city_level'] },
      ],
    });
    expect(q[1].population.tagsAny).toEqual(['high_risk']);
  });
  it('counts per station group: 不低于15家、（…）不低于 5家', () => {
    const [q] = quotasIn(whole('三是（创新所、兴隆所）抽查化妆品经营和使用者总量要不低于15家、（曙光所、高采所）不低于 5家。'));
    expect(q.target).toEqual({ type: 'count', min: 15, byStation: { 创新所: 15, 兴隆所: 15, 曙光所: 5, 高采所: 5 } });
  });
  it('各不低于: one rule per object named', () => {
    const q = quotasIn(
      whole('其中:抽查母婴用品专卖店、化妆品专营店各不低于50%,对生活美容机构、宾馆各不低于（创新所、兴隆所）2家（曙光所）不低于 1家。'),
    );
    expect(q.map((x) => [x.population.kinds, x.target])).toEqual([
      [['cosmetics_maternal'], { type: 'share', min: 0.5 }],
      [['cosmetics_store'], { type: 'share', min: 0.5 }],
      [['beauty_salon'], { type: 'count', min: 2, byStation: { 创新所: 2, 兴隆所: 2, 曙光所: 1 } }],
      [['hotel'], { type: 'count', min: 2, byStation: { 创新所: 2, 兴隆所: 2, 曙光所: 1 } }],
    ]);
  });
  it('sampling coverage (抽检全覆盖) is not an inspection quota', () => {
    expect(quotasIn(whole('实现重点品种抽检全覆盖。'))).toEqual([]);
  });
});

describe('document header, period, phases, tables, focus', () => {
  it('reads 文号, issuer, date of issue and title', () => {
    const h = readHeader(
      '奈市监发〔2023〕66号\n关于印发《奈曼旗行动实施方案》的通知\n各所：\n                   奈曼旗市场监督管理局\n                   2023年7月25日\n\n奈曼旗药品安全巩固提升行动实施方案\n',
    );
    expect([h.docNo?.value, h.issuer?.value, h.issuedOn?.value, h.name?.value]).toEqual([
      '奈市监发〔2023〕66号',
      '奈曼旗市场监督管理局',
      '2023-07-25',
      '奈曼旗药品安全巩固提升行动实施方案',
    ]);
  });
  it('reads the period and the phases', () => {
    const ss = sentences(
      '本次行动自2018年12月22日开始，至2019年2月28日结束。分三个阶段实施：\n(一)动员部署阶段(2018年12月22日—12月23日)，制定方案。\n',
    );
    expect(readPeriod(ss, 2019)).toMatchObject({ from: '2018-12-22', to: '2019-02-28' });
    expect(readPhases(ss, 2019).map((p) => p.phase)).toEqual([{ key: 'p1', name: '动员部署阶段', from: '2018-12-22', to: '2018-12-23' }]);
    expect(readPeriod(sentences('决定自2023年7月至2024年年底，开展行动。'), 2023)).toMatchObject({ from: '2023-07-01', to: '2024-12-31' });
  });
  it('reads a report table from its header line and blank rows; a filled table is not a form', () => {
    const t = readTables(
      '## 工作情况统计表\n类别\t检查单位数量 (家)\t罚没款金额 (万元)\t备注\n零售药店\t\t\t\n药品使用单位\t\t\t\n\n工作任务\t序号\t内容\n一、排查\t1\t开展排查\n',
    );
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({
      label: '工作情况统计表',
      columns: [{ label: '检查单位数量', unit: '家' }, { label: '罚没款金额', unit: '万元' }, { label: '备注' }],
      rows: ['零售药店', '药品使用单位'],
    });
  });
  it('reads the focus lists', () => {
    const f = readFocus(
      sentences('要以疫苗、血液制品等为重点产品，以城乡接合部、医院周边区域为重点区域，从检查核查、投诉举报等渠道全面排查。'),
    );
    expect(f.map((x) => [x.list, x.items])).toEqual([
      ['products', ['疫苗', '血液制品']],
      ['areas', ['城乡接合部', '医院周边区域']],
      ['channels', ['检查核查', '投诉举报']],
    ]);
  });
});

describe('draftDefinition', () => {
  it('marks what the text leaves open as 方案未定 and invents nothing', () => {
    const d = draftDefinition('某某局关于印发某行动方案的通知\n办公室将每周汇总情况。');
    expect(d.definition.period).toBeUndefined();
    expect(d.definition.provenance).toMatchObject({
      period: { kind: 'unset' },
      phases: { kind: 'unset' },
      'obligations.o1.rule.weekday': { kind: 'unset' },
    });
    expect(d.definition.obligations?.[0].rule).toEqual({ every: 'week' });
    for (const p of d.proposals) expect(d.proposals.length && p.source.text).toBeTruthy();
  });
  it('reads a long paste without sentences or with thousands of dates into a bounded answer', () => {
    expect(draftDefinition('以药品'.repeat(66_000)).proposals).toEqual([]);
    const many = draftDefinition('各所于2023年1月5日前报送。'.repeat(12_000));
    expect(many.proposals.length).toBe(500);
    expect(draftDefinition('2023年1月1日、'.repeat(20_000) + '报送').proposals).toEqual([]);
  });
  it('gives each proposal the exact span of its sentence', () => {
    const text = '前言。\r\n各所于2023年9月15日前报送自评报告至县局药械股。';
    const d = draftDefinition(text);
    const p = d.proposals.find((x) => x.section === 'obligations')!;
    expect(text.slice(p.source.start, p.source.end)).toBe(p.source.text);
    expect(p.source.text).toBe('各所于2023年9月15日前报送自评报告至县局药械股。');
    expect(p.value).toMatchObject({ rule: { once: '2023-09-15' }, recipient: '县局药械股' });
  });
});
