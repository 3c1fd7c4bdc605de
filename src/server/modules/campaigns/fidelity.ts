import { dueDates, obligationWindow, type CampaignDefinition } from '../../../contracts/campaigns.js';
import { getAtPath, sameValue } from '../../../contracts/definition-paths.js';

/**
 * Fidelity of the five seed templates to the plans (issue 19), row by row from the seed audit
 * (`shared/fidelity/seed-audit.md`): every ✗ and ≈ row, and the hard numbers among its ✓ rows. A row
 * is either exact (the value the plan states, and the template marks it quoted or bureau-set),
 * inferred (the plan does not state it: the template must mark it 推定 with a reason), unset (the
 * plan asks without a value: left out, marked 方案未定) or still missing (with why, counted).
 * `none` rows are exact: the plan has no such value (no period, no phases, “每周” without a weekday)
 * and the template has none either, marked 方案未定 with the plan's words (issue 19).
 */
type Check = (d: CampaignDefinition) => unknown;
export type Row =
  | { id: string; kind: 'exact'; path: string; value?: unknown; check?: Check }
  | { id: string; kind: 'inferred' | 'unset' | 'none'; path: string }
  | { id: string; kind: 'missing'; why: string };

const eq = (id: string, path: string, value: unknown): Row => ({ id, kind: 'exact', path, value });
const ok = (id: string, path: string, check: Check): Row => ({ id, kind: 'exact', path, check });
const inf = (id: string, path: string): Row => ({ id, kind: 'inferred', path });
const unset = (id: string, path: string): Row => ({ id, kind: 'unset', path });
const none = (id: string, path: string): Row => ({ id, kind: 'none', path });
const first = (key: string) => (d: CampaignDefinition) => {
  const rule = d.obligations.find((o) => o.key === key)!.rule;
  const { window } = obligationWindow(d, rule);
  return window ? dueDates(rule, window)[0]?.date : undefined;
};
const text =
  (path: string, ...parts: string[]) =>
  (d: CampaignDefinition) =>
    parts.every((p) => JSON.stringify(getAtPath(d, path).value ?? '').includes(p));

export const FIDELITY: Record<string, Row[]> = {
  'seed-000': [
    // “通过全年专项整治工作”: no dates, no phases in the plan; none in the template (方案未定).
    none('000-07', 'period'),
    none('000-08', 'phases'),
    ok('000-10', 'tasks.8', text('tasks.8.content', '非法交易精神药品', '移交公安部门')),
    eq('000-15', 'focus.violations.8.items', ['虚假医美广告']),
    eq('000-21', 'quotas.drug-retail-medical.target', { type: 'share', min: 0.5 }),
    eq('000-22', 'quotas.drug-retail-medical.population.exclude.0', { kinds: ['medical_institution'], medicalGrades: ['3'] }),
    eq('000-23', 'quotas.drug-retail-medical.population.exclude.1', { kinds: ['cdc'], tagsAny: ['city_level'] }),
    eq('000-24', 'quotas.vaccine-full.population.exclude', [{ kinds: ['cdc'], tagsAny: ['city_level'] }]),
    ok('000-25', 'quotas.high-risk-full.population', (d) => {
      const [hr, rm] = ['high-risk-full', 'drug-retail-medical'].map((id) => getAtPath(d, `quotas.${id}.population`).value as any);
      return sameValue(hr.tagsAny, ['high_risk']) && sameValue(hr.exclude, rm.exclude) && sameValue(hr.kinds, rm.kinds);
    }),
    unset('000-26', 'quotas.high-risk-full.times'),
    eq('000-27', 'quotas.device-level-1-2.target', { type: 'share', min: 0.5 }),
    eq('000-28', 'quotas.device-level-3.target', { type: 'all' }),
    eq('000-29', 'quotas.device-level-3-family-planning.target', { type: 'share', min: 0.5 }),
    ok('000-30', 'quotas.cosmetics.target', (d) =>
      ['创新所', '兴隆所', '振兴所', '兴盛所', '兴海所', '惠宾所', '渤海所'].every(
        (s) => (getAtPath(d, 'quotas.cosmetics.target.byStation').value as any)[s] === 15,
      ),
    ),
    ok('000-31', 'quotas.cosmetics.target', (d) =>
      ['曙光所', '欢喜岭所', '新工所', '高采所'].every((s) => (getAtPath(d, 'quotas.cosmetics.target.byStation').value as any)[s] === 5),
    ),
    eq('000-32', 'quotas.cosmetics.children.cosmetics-store.target', { type: 'share', min: 0.5 }),
    eq('000-33', 'quotas.cosmetics.children.hotel.target.min', 2),
    eq('000-34', 'quotas.cosmetics.children.bathhouse.target.byStation', { 曙光所: 1, 欢喜岭所: 1, 新工所: 1, 高采所: 1 }),
    ok('000-35', 'tasks.9', text('tasks.9.content', '避免重复检查')),
    // Was the task's text only; now also an event-triggered obligation to the city bureau (issue #16).
    ok(
      '000-42',
      'obligations.major-info',
      (d) =>
        text('tasks.10.content', '重大信息', '市局')(d) &&
        sameValue(d.obligations.find((o) => o.key === 'major-info')?.rule, { type: 'event', event: 'serious_finding' }) &&
        d.obligations.find((o) => o.key === 'major-info')?.externalRecipient === '盘锦市市场监督管理局',
    ),
    inf('000-42b', 'obligations.major-info.rule.event'),
    unset('000-42c', 'obligations.major-info.rule.withinHours'),
    ok('000-44', 'tasks.11', text('tasks.11.content', '积极配合、迅速办理、及时反馈', '延伸检查')),
    // “每周汇总、通报” / “每月调度”: weekly and monthly as written, no weekday or day (方案未定).
    none('000-55', 'obligations.weekly-clues.rule.weekday'),
    none('000-57', 'obligations.monthly-dispatch.rule.day'),
    eq('000-58', 'obligations.monthly-city.externalRecipient', '盘锦市市场监督管理局'),
  ],
  'seed-001': [
    ok('001-04', 'summary', text('summary', '第22次区长办公会议')),
    none('001-07', 'period'),
    none('001-08', 'phases'),
    eq('001-13', 'tasks.4.partners', ['区委编办', '人社局', '各街镇']),
    eq('001-14', 'tasks.5.partners', ['公安分局', '检察院', '法院', '各街镇']),
    ok('001-15', 'tasks.6', text('tasks.6.content', '追溯', '疫苗接种点', '含兴奋剂', 'UDI')),
    ok('001-16', 'focus.objects', (d) => !getAtPath(d, 'quotas.vaccination-sites').found && d.focus.objects.includes('疫苗接种点')),
    eq('001-17', 'quotas.retail-credit.target', { type: 'all' }),
    unset('001-18', 'quotas.retail-credit.byCreditGrade'),
    ok('001-20', 'tasks.8', text('tasks.8.content', '监管技能小课堂')),
    ok('001-21', 'tasks.9', text('tasks.9.target', '600份/百万人口', '80%')),
    ok('001-23', 'tasks.9', text('tasks.9.content', '群体不良反应事件')),
    ok('001-27', 'tasks.13', text('tasks.13.content', '京津冀')),
    eq('001-28', 'tasks.14.partners', ['卫生健康委']),
    ok('001-36', 'summary', (d) => text('summary', '每年对街镇药品安全工作进行考核')(d) && d.obligations.length === 0),
    unset('001-37', 'staffing'),
  ],
  'seed-002': [
    // The plan sets up no leading group; it was invented while the format required one (issue #16).
    none('002-inv-lg', 'organisation.leadingGroup'),
    eq('002-06', 'period', { from: '2018-12-22', to: '2019-02-28', reportingUntil: '2019-03-05' }),
    eq('002-08', 'phases.zhengzhi.to', '2019-02-20'),
    // 三（四）“明确信息报送责任人”: each reporting unit names its responsible person (the liaison register).
    ok('002-31', 'liaisons', (d) => d.liaisons?.recipient === '药械股' && !JSON.stringify(d.organisation.office.duties).includes('责任人')),
    ok(
      '002-32',
      'obligations.weekly.submitters',
      (d) =>
        d.obligations.every((o) => sameValue(o.submitters, ['各市场监管所', '稽查大队', '相关股室'])) &&
        sameValue(d.liaisons?.units, ['各市场监管所', '稽查大队', '相关股室']),
    ),
    eq('002-35', 'obligations.weekly-case.form.type', 'typical_case'),
    eq('002-37', 'obligations.gongjian-1.rule.within', { from: '2018-12-24', to: '2018-12-29' }),
    eq('002-38', 'obligations.gongjian-2.rule.within', { from: '2019-01-21', to: '2019-01-25' }),
    eq('002-39', 'obligations.gongjian-1.rule.time', '15:00'),
    eq('002-40', 'obligations.stage-1.rule', { once: '2019-01-02' }),
    eq('002-41', 'obligations.stage-2.rule', { once: '2019-01-28' }),
    eq('002-43', 'obligations.final.rule', { once: '2019-03-05' }),
  ],
  'seed-003': [
    ok('003-06', 'basis', text('basis', '内药监函〔2023〕117号')),
    ok('003-07', 'basis', text('basis', '内药监综〔2023〕4号')),
    inf('003-10', 'phases.tuijin'),
    ok('003-20', 'tasks.9', text('tasks.9.content', '警示约谈', '医疗机构')),
    unset('003-22', 'quotas.high-risk-more-often'),
    eq('003-24', 'tasks.10.units', ['执法大队', '法规股', '投诉举报中心']),
    eq('003-26', 'tasks.11.units', ['执法大队', '法规股', '新闻宣传和信息化股']),
    eq('003-27', 'tasks.12.units', ['执法大队']),
    ok('003-28', 'tasks.13', text('tasks.13.content', '行政拘留标准', '不构成犯罪')),
    eq('003-29', 'tasks.14.units', ['法规股', '执法大队', '新闻宣传和信息化股']),
    ok('003-30', 'tasks.15', text('tasks.15.content', '四级', '东北地区', '大案要案')),
    eq('003-32', 'tasks.16.units', ['人事股', '执法大队', '各市场监管所', '药械监管股', '化妆品监管股']),
    // 二级单位 are not units of the bureau: kept as partners, marked inferred.
    inf('003-33', 'tasks.17.partners'),
    eq('003-34', 'tasks.18.units', ['不良反应监测股']),
    eq('003-35', 'tasks.19.units', ['相关股室', '各市场监管所']),
    eq('003-36', 'tasks.20.units', ['相关股室', '各市场监管所']),
    eq('003-37', 'tasks.21.units', [
      '执法大队',
      '财务股',
      '新闻宣传和信息化股',
      '网络市场交易和广告监管股',
      '不良反应监测股',
      '各市场监管所',
    ]),
    eq('003-38', 'tasks.22.units', ['人事股', '各市场监管所']),
    eq('003-39', 'tasks.23.units', ['相关股室', '各市场监管所']),
    unset('003-41', 'staffing'),
    eq('003-42', 'tasks.24.units', ['药械监管股', '执法大队', '各市场监管所']),
    eq('003-44', 'tasks.25.units', ['执法大队', '法规股', '人事股', '各市场监管所']),
    ok('003-45', 'tasks.26', text('tasks.26.content', '主要负责人担任组长')),
    ok('003-46', 'tasks.27', text('tasks.27.content', '报通辽市市场监管局同意')),
    // 特色做法 ad hoc; 重大问题及时上报 is now its own event-triggered obligation (issue #16).
    ok(
      '003-47',
      'obligations.major-issue',
      (d) =>
        sameValue(d.obligations.find((o) => o.key === 'good-practice')?.rule, { adHoc: true }) &&
        sameValue(d.obligations.find((o) => o.key === 'major-issue')?.rule, { type: 'event', event: 'serious_finding' }),
    ),
    unset('003-47b', 'obligations.major-issue.rule.withinHours'),
    eq('003-49', 'obligations.case-data.rule', { every: 'month', day: 20 }),
    eq('003-50', 'obligations.case-data.review', ['unit_head']),
    inf('003-51', 'tables.case-stats.measures'),
    eq('003-52', 'obligations.case-data-national.externalRecipient', '国家药监局药品监督管理统计信息系统'),
    eq('003-53', 'obligations.case-data-city.submitters', ['执法大队']),
    eq('003-54', 'obligations.case-data-tongliao.review', ['leader']),
    eq('003-55', 'obligations.risk-list.submitters', ['各市场监管所', '各执法中队']),
    eq('003-56', 'obligations.risk-list.rule', { every: 'quarter', monthOfQuarter: 1, day: 1 }),
    ok(
      '003-57',
      'obligations.risk-list',
      (d) => first('risk-list')(d) === '2023-10-01' && first('case-data')(d) === '2023-08-20' && first('typical-case')(d) === '2023-08-01',
    ),
    inf('003-58', 'obligations.risk-list.recipient'),
    ok('003-63', 'tables.risk-totals', (d) => {
      const [work, totals] = ['risk-work', 'risk-totals'].map((k) => d.tables.find((t) => t.key === k)!);
      return (
        sameValue(
          work.measures.map((m) => `${m.label}(${m.unit})`),
          ['检查(家次)'],
        ) &&
        sameValue(
          totals.rows.map((r) => r.label),
          ['合计'],
        ) &&
        sameValue(
          totals.measures.map((m) => m.unit),
          ['人次', '条', '个', '次', '个', '次', '个'],
        ) &&
        totals.measures.some((m) => m.label.startsWith('本级')) &&
        totals.measures.some((m) => m.label.startsWith('所辖旗县'))
      );
    }),
    // 附件1 gives the squads the 30th, 附件4 the 1st: the template keeps the 30th and marks it inferred.
    inf('003-67', 'obligations.typical-case-squad.rule'),
    ok(
      '003-68',
      'obligations.typical-case-city',
      (d) =>
        sameValue(getAtPath(d, 'obligations.typical-case-city.review').value, ['leader']) &&
        getAtPath(d, 'obligations.typical-case-city.externalRecipient').value === '通辽市市场监督管理局执法稽查局',
    ),
    ok(
      '003-69',
      'obligations.typical-case-tongliao',
      (d) =>
        sameValue(getAtPath(d, 'obligations.typical-case-tongliao.rule').value, { every: 'month', day: 1 }) &&
        sameValue(getAtPath(d, 'obligations.typical-case-tongliao.submitters').value, ['执法大队']),
    ),
    eq('003-70', 'obligations.typical-case.rule', { every: 'month', day: 1 }),
    eq('003-71', 'obligations.typical-case-squad.minCount', { count: 1, per: 'quarter' }),
    ok('003-73', 'obligations.typical-case', text('obligations.typical-case.form.scope', '2023年作出行政处罚或移送')),
    ok('003-74', 'obligations.typical-case', text('obligations.typical-case-squad.form.attachments', '《行政处罚决定书》')),
    ok('003-75', 'obligations.typical-case', (d) =>
      ['typical-case', 'typical-case-squad'].every((k) => getAtPath(d, `obligations.${k}.stampedScan`).value === true),
    ),
    eq('003-76', 'obligations.self-inspection.rule', { once: '2023-09-15' }),
    eq('003-78', 'obligations.self-inspection.form.sections.2.minChars', 800),
    eq('003-79', 'obligations.stage-1.rule', { once: '2023-11-01' }),
    eq('003-80', 'obligations.stage-2.rule', { once: '2024-06-01' }),
    eq('003-81', 'obligations.final.rule', { once: '2024-11-01' }),
    ok('003-83', 'obligations.stage-1', text('obligations.stage-1.form.sections', '工作措施')),
    eq('003-86', 'obligations.flying-1.rule', { once: '2023-11-01' }),
    eq('003-87', 'obligations.flying-2.rule', { once: '2024-11-01' }),
    eq('003-88', 'liaisons.due', '2023-07-27'),
    ok('003-90', 'obligations.case-data', (d) =>
      d.obligations.filter((o) => !o.key.startsWith('case-data-national')).every((o) => o.stampedScan === true),
    ),
    ok('003-95', 'organisation.leadingGroup.members', (d) => d.organisation.leadingGroup?.members.length === 24),
    ok('003-98', 'organisation.office', (d) => d.organisation.office.deputies?.length === 7 && d.organisation.office.members?.length === 6),
    ok(
      '003-101',
      'organisation.workingGroups.jicha',
      (d) =>
        d.organisation.workingGroups.find((g) => g.key === 'jicha')!.members.length === 1 &&
        !!d.organisation.workingGroups.find((g) => g.key === 'jicha')!.liaison,
    ),
    ok('003-102', 'organisation.workingGroups.jicha', text('organisation.workingGroups.jicha.duties', '自治区药监局')),
    ok(
      '003-103',
      'organisation.workingGroups.yaoxie',
      (d) =>
        d.organisation.workingGroups.find((g) => g.key === 'yaoxie')!.members.length === 1 &&
        text('organisation.workingGroups.yaoxie.duties', '业务问题')(d),
    ),
    ok(
      '003-104',
      'organisation.workingGroups.huazhuangpin',
      text('organisation.workingGroups.huazhuangpin.duties', '提升化妆品领域监管能力', '业务问题'),
    ),
    inf('003-105', 'liaisons.units'),
    ok('003-106', 'events.0', (d) => sameValue([d.events[0].date, d.events[0].precision], ['2023-07-31', 'month'])),
    ok('003-108', 'events.1', (d) =>
      sameValue(
        [1, 3].map((i) => [d.events[i].date, d.events[i].precision]),
        [
          ['2023-09-30', 'quarter'],
          ['2024-06-30', 'quarter'],
        ],
      ),
    ),
    ok('003-109', 'events.2', (d) => sameValue([d.events[2].date, d.events[2].precision], ['2024-03-31', 'month'])),
    ok('003-110', 'phases.zongjie', (d) => sameValue([d.phases.at(-1)!.from, d.phases.at(-1)!.to], ['2024-10-01', '2024-12-31'])),
  ],
  'seed-004': [
    // The 文号 as the plan prints it (宜市市监药化, not 宜市监药化): found by the drafting assistant's reading.
    eq('004-01', 'docNo', '宜市市监药化〔2023〕14号'),
    ok('004-06', 'basis', text('basis', '若干措施', '药品案件查办工作的意见')),
    none('004-07', 'period'),
    none('004-08', 'phases'),
    ok('004-13', 'focus.products', text('focus.products', '高值降压降糖类、心脑血管类、抗肿瘤类等纳入医保基金支付范围药品')),
    ok('004-17', 'focus.violations', text('focus.violations', '必须经市市场监督管理局批准')),
    eq('004-20', 'staffing.coordinatorPerTownship', true),
    eq('004-21', 'staffing.informantPerVillage', true),
    // 正文二（三）: 2023-11-20 (staffing); 附件5 T7: 2023年11月底 (the task): each kept where the plan states it.
    ok('004-22', 'tasks.7.due', (d) => d.tasks.find((t) => t.no === 7)!.due === '2023-11-30' && d.staffing?.by === '2023-11-20'),
    ok('004-24', 'tasks.9', text('tasks.9.content', '具体实施方案')),
    ok('004-25', 'tasks.10', text('tasks.10.content', '第一时间通报公安机关')),
    eq('004-26', 'tasks.11.partners', ['卫健', '医保', '工信']),
    eq('004-29', 'obligations.stats.rule.day', 5),
    inf('004-30', 'obligations.stats.recipient'),
    eq('004-31', 'obligations.typical-case.submitters', ['各县（市、区）局', '直属分局']),
    eq('004-33', 'obligations.typical-case.rule', { adHoc: true }),
    eq('004-34', 'obligations.good-practice.rule', { adHoc: true }),
    ok('004-35', 'tasks.12', text('tasks.12.content', '纳入年度药品安全考核')),
    eq('004-36', 'obligations.stage-1.rule', { once: '2023-11-05' }),
    eq('004-37', 'obligations.stage-2.rule', { once: '2024-06-05' }),
    eq('004-38', 'obligations.final.rule', { once: '2024-11-05' }),
    eq('004-40', 'obligations.liaison.rule', { once: '2023-08-08' }),
    eq('004-50', 'tables.stats.cumulativeFrom', '2023-07-01'),
    inf('004-52', 'obligations.stats.rule.within'),
    eq('004-53', 'obligations.typical-case.stampedScan', true),
    ok('004-55', 'obligations.typical-case', text('obligations.typical-case.form.scope', '2023年作出行政处罚或移送')),
    ok('004-56', 'obligations.typical-case', text('obligations.typical-case.form.attachments', '《行政处罚决定书》')),
    ok('004-57', 'obligations.typical-case', text('obligations.typical-case.form.sections', '调查取证', '行刑衔接')),
    ok('004-59', 'obligations.stage-1', text('obligations.stage-1.form.sections', '工作措施')),
    // T3 content verbatim; its 责任单位 “市” is mapped to the 药品化妆品监管科 (inferred).
    inf('004-64', 'tasks.3.units'),
    ok('004-65', 'tasks.4', text('tasks.4.content', '跨地区、跨所有制兼并重组', '药品现代物流新格局')),
    ok('004-66', 'tasks.5', text('tasks.5.content', '推行药品网络化管理')),
  ],
};

/**
 * The audit's counts re-run: its ✓ rows not listed here stay exact (they are the plan's hard numbers,
 * several re-checked above); listed rows count as their kind. `npx tsx scripts/seed-fidelity.ts` prints them.
 */
export const AUDIT_TOTALS = {
  'seed-000': { facts: 58, exact: 44 },
  'seed-001': { facts: 37, exact: 23 },
  'seed-002': { facts: 43, exact: 40 },
  'seed-003': { facts: 110, exact: 58 },
  'seed-004': { facts: 68, exact: 45 },
} as const;
export function fidelityCounts(auditExactIds: Set<string>) {
  return Object.entries(FIDELITY).map(([code, rows]) => {
    const { facts, exact: auditExact } = AUDIT_TOTALS[code as keyof typeof AUDIT_TOTALS];
    const listedExactBefore = rows.filter((r) => auditExactIds.has(r.id)).length;
    const n = (...k: Row['kind'][]) => rows.filter((r) => k.includes(r.kind)).length;
    const exact = auditExact - listedExactBefore + n('exact', 'none');
    // unset: the plan gives no value and the template leaves it out, marked 方案未定 with the plan's words.
    const inferred = n('inferred');
    const unset = n('unset');
    return { code, facts, exact, inferred, unset, missing: facts - exact - inferred - unset };
  });
}
