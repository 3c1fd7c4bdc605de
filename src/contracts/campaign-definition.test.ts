import { describe, expect, it } from 'vitest';
import {
  checkDefinition,
  definitionWarnings,
  missingProvenance,
  obligationWindow,
  pendingDecisions,
  provenanceOf,
  reportingPeriod,
  type CampaignDefinition,
} from './campaigns.js';
import { dueDates } from './deadline-rules.js';
import { getAtPath, setAtPath } from './definition-paths.js';
import { citeArticles } from './legal-articles.js';

const base = () => ({
  schemaVersion: 1,
  name: '测试行动',
  issuer: '测试局',
  issuedOn: '2023-07-25',
  period: { from: '2023-07-01', to: '2023-12-31' },
  phases: [{ key: 'all', name: '全程', from: '2023-07-01', to: '2023-12-31' }],
  organisation: { leadingGroup: { name: '领导小组', leader: { title: '局长' } }, office: { unit: '药械股' } },
  quotas: [
    {
      id: 'a',
      label: 'A',
      population: { kinds: ['pharmacy_single'] },
      target: { type: 'all' },
      children: [{ id: 'b', label: 'B', population: { kinds: ['pharmacy_single'] }, target: { type: 'share', min: 0.5 } }],
    },
  ],
});
const issues = (d: unknown) => {
  const r = checkDefinition(d);
  return r.ok ? [] : r.issues;
};

describe('quota rules in a definition (issue 9 item 5)', () => {
  it('refuses a duplicate quota id anywhere in the rule tree, with the path', () => {
    const d = base();
    d.quotas.push({ id: 'b', label: 'B again', population: { kinds: ['clinic'] }, target: { type: 'all' } } as any);
    expect(issues(d)).toContainEqual({ path: 'quotas.1.id', message: expect.stringContaining('重复') });
  });
  it('refuses a quota window that ends after the campaign, with the path', () => {
    const d = base();
    (d.quotas[0] as any).window = { from: '2023-08-01', to: '2024-03-31' };
    expect(issues(d)).toContainEqual({ path: 'quotas.0.window.to', message: expect.stringContaining('行动期间') });
  });
});

describe('reports never fall due before the plan is issued', () => {
  it('counts recurring due dates from the day after issue', () => {
    const d = checkDefinition(base());
    if (!d.ok) throw new Error(JSON.stringify(d.issues));
    expect(reportingPeriod(d.definition)).toEqual({ from: '2023-07-26', to: '2023-12-31' });
    expect(dueDates({ every: 'month', day: 20 }, reportingPeriod(d.definition)!)[0].date).toBe('2023-08-20');
  });
  it('keeps a one-off report due on or before the issue date or after the end, with a warning (issue #16)', () => {
    const d = {
      ...base(),
      obligations: [
        { key: 'x', label: '报告', rule: { once: '2023-07-20' }, submitters: ['药械股'], recipient: '药械股', form: { type: 'narrative' } },
        { key: 'y', label: '总结', rule: { once: '2024-01-10' }, submitters: ['药械股'], recipient: '药械股', form: { type: 'narrative' } },
      ],
    };
    expect(issues(d)).toEqual([]);
    const r = checkDefinition(d);
    if (!r.ok) throw new Error('refused');
    expect(definitionWarnings(r.definition)).toEqual([
      { path: 'obligations.0.rule.once', code: 'DEADLINE_BEFORE_ISSUE', message: expect.stringContaining('方案印发') },
      { path: 'obligations.1.rule.once', code: 'DEADLINE_AFTER_END', message: expect.stringContaining('行动结束') },
    ]);
    // Kept: each still falls due on its own date.
    expect(obligationWindow(r.definition, r.definition.obligations[0].rule).window?.from).toBe('2023-07-20');
    expect(obligationWindow(r.definition, r.definition.obligations[1].rule).window?.to).toBe('2024-01-10');
  });
  it('accepts overlapping phases and a notice without a leading group (issue #16)', () => {
    const d = base() as any;
    d.phases = [
      { key: 'a', name: '集中检查', from: '2023-08-01', to: '2023-10-31' },
      { key: 'b', name: '节日巡查', from: '2023-09-25', to: '2023-10-08' },
    ];
    delete d.organisation.leadingGroup;
    expect(issues(d)).toEqual([]);
    d.phases[1].to = '2023-09-20';
    expect(issues(d)).toContainEqual({ path: 'phases.1.to', message: expect.stringContaining('结束日期不能早于开始日期') });
  });
  it('refuses an event-triggered obligation without its event kind, with the path (issue #16)', () => {
    const ob = { key: 'e', label: '重大问题', submitters: ['药械股'], recipient: '药械股', form: { type: 'narrative' } };
    expect(issues({ ...base(), obligations: [{ ...ob, rule: { type: 'event', withinHours: 24 } }] })).toContainEqual({
      path: 'obligations.0.rule.event',
      message: expect.stringContaining('触发事件'),
    });
    expect(issues({ ...base(), obligations: [{ ...ob, rule: { type: 'event', event: 'case_referred', withinHours: 24 } }] })).toEqual([]);
  });
  it('accepts “及时上报” as a rule with no due date instead of inventing one', () => {
    const d = {
      ...base(),
      obligations: [
        {
          key: 'x',
          label: '典型案例',
          rule: { adHoc: true },
          submitters: ['药械股'],
          externalRecipient: '市局',
          form: { type: 'typical_case', scope: '2023年作出行政处罚或移送的案例', attachments: ['《行政处罚决定书》'] },
        },
      ],
    };
    expect(issues(d)).toEqual([]);
    expect(dueDates({ adHoc: true }, { from: '2023-01-01', to: '2023-12-31' })).toEqual([]);
  });
  it('wants exactly one receiver, in the bureau or outside it', () => {
    const d = {
      ...base(),
      obligations: [{ key: 'x', label: '报告', rule: { once: '2023-09-01' }, submitters: ['药械股'], form: { type: 'narrative' } }],
    };
    expect(issues(d)).toContainEqual({ path: 'obligations.0.recipient', message: expect.stringContaining('接收单位') });
  });
});

describe('provenance', () => {
  const withProv = (provenance: Record<string, unknown>, extra: object = {}) => ({ ...base(), ...extra, provenance });
  it('resolves keyed paths and falls back to the enclosing entry', () => {
    const r = checkDefinition(
      withProv({ 'quotas.a': '三（一）3', 'quotas.a.children.b.target': { kind: 'inferred', reason: '方案只写“抽查”' } }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(provenanceOf(r.definition, 'quotas.a.target')).toMatchObject({ kind: 'quoted', source: '三（一）3', path: 'quotas.a' });
    expect(provenanceOf(r.definition, 'quotas.a.children.b.target.min')).toMatchObject({
      kind: 'inferred',
      path: 'quotas.a.children.b.target',
    });
    expect(pendingDecisions(r.definition).inferred).toEqual([
      { path: 'quotas.a.children.b.target', kind: 'inferred', source: null, reason: '方案只写“抽查”', value: { type: 'share', min: 0.5 } },
    ]);
  });
  it('refuses a provenance for a value that is not there, an inference without reason, and an unset value that is set', () => {
    const found = issues(
      withProv({ 'quotas.zz': '一', 'period.from': { kind: 'inferred' }, 'quotas.a.target': { kind: 'unset', reason: '增加检查频次' } }),
    );
    expect(found.map((i) => i.path)).toEqual(
      expect.arrayContaining(['provenance.quotas.zz', 'provenance.period.from.reason', 'provenance.quotas.a.target']),
    );
  });
  it('accepts an unset value whose parent exists', () => {
    expect(issues(withProv({ 'quotas.a.times': { kind: 'unset', reason: '方案写“增加检查频次”，未规定次数' } }))).toEqual([]);
  });
  it('lists items without provenance; a list-wide entry does not count for its items', () => {
    const r = checkDefinition(withProv({ quotas: '三', name: '题' }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(missingProvenance(r.definition)).toEqual(
      expect.arrayContaining(['issuer', 'period', 'phases.all', 'quotas.a', 'quotas.a.children.b']),
    );
    expect(missingProvenance(r.definition)).not.toContain('name');
  });
});

describe('readings', () => {
  const reading = (chosenValue: unknown) => ({
    key: 'clinic',
    question: '个体诊所是否计入医疗机构',
    chosen: 'with',
    options: [
      { key: 'with', label: '计入', set: { 'quotas.a.population.kinds': chosenValue } },
      { key: 'without', label: '不计入', set: { 'quotas.a.population.kinds': ['pharmacy_single'] } },
    ],
  });
  it("requires the chosen option's values to be the definition's", () => {
    expect(issues({ ...base(), readings: [reading(['pharmacy_single'])] })).toEqual([]);
    expect(issues({ ...base(), readings: [reading(['pharmacy_single', 'clinic'])] })[0].path).toBe(
      'readings.0.options.0.set.quotas.a.population.kinds',
    );
  });
});

describe('paths and articles', () => {
  it('sets and removes values by key', () => {
    const d = base();
    const e = setAtPath(d, 'quotas.a.children.b.target', { type: 'all' });
    expect(getAtPath(e, 'quotas.a.children.b.target').value).toEqual({ type: 'all' });
    expect(getAtPath(d, 'quotas.a.children.b.target').value).toEqual({ type: 'share', min: 0.5 });
    expect(getAtPath(setAtPath(d, 'issuedOn', undefined), 'issuedOn').found).toBe(false);
  });
  it('cites articles of one law together', () => {
    expect(citeArticles(['cosmetics-reg-59', 'cosmetics-reg-61'])).toBe('《化妆品监督管理条例》第五十九条、第六十一条');
  });
});

export type { CampaignDefinition };

describe('events dated only to a month or quarter (issue 19)', () => {
  it('takes the last day of the month or quarter with its precision, and refuses any other day', () => {
    const ok = {
      ...base(),
      events: [
        { date: '2023-07-31', precision: 'month', label: '部署会（2023年7月）' },
        { date: '2023-09-30', precision: 'quarter', label: '督查（2023年第三季度）' },
        { date: '2023-08-15', label: '现场会' },
      ],
    };
    expect(issues(ok)).toEqual([]);
    const bad = {
      ...base(),
      events: [
        { date: '2023-07-15', precision: 'month', label: '部署会' },
        { date: '2023-08-31', precision: 'quarter', label: '督查' },
      ],
    };
    expect(issues(bad)).toEqual([
      { path: 'events.0.date', message: '只写到月的日期须填该月的最后一天' },
      { path: 'events.1.date', message: '只写到季度的日期须填该季度的最后一天' },
    ]);
    const week = { ...base(), events: [{ date: '2023-09-30', precision: 'week', label: '例会' }] };
    expect(issues(week).map((i) => i.path)).toEqual(['events.0.precision']);
  });
});
