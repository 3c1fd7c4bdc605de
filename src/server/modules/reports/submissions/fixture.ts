/**
 * A campaign definition for the submission tests (API and browser): one obligation of each
 * recurrence kind, a table with a computed and a typed cumulative column reviewed by the unit head
 * and the leader, a self-inspection report whose problems section needs 800 characters, ad-hoc
 * typical cases with a quarterly minimum. Units are the demo organisation's.
 */
export function reportingPlan() {
  return testPlan('报送测试专项行动', {
    tables: [
      {
        key: 'stats',
        label: '工作情况统计表',
        rows: [{ key: 'all', label: '合计' }],
        measures: [
          { key: 'visits', label: '检查家次', unit: '家次', measure: 'inspections.visits' },
          { key: 'trained', label: '培训人员', unit: '人次' },
        ],
        period: 'month',
        cumulativeFrom: '2026-10-01',
      },
    ],
    obligations: [
      {
        key: 'weekly',
        label: '工作情况周报（每周四17:00前）',
        rule: { every: 'week', weekday: 4, time: '17:00' },
        submitters: ['各市场监管所'],
        recipient: '药品和医疗器械股',
        form: { type: 'table', table: 'stats' },
        review: ['unit_head', 'leader'],
      },
      {
        key: 'monthly',
        label: '月度工作情况（每月5日前）',
        rule: { every: 'month', day: 5 },
        submitters: ['各市场监管所'],
        recipient: '药品和医疗器械股',
        form: { type: 'table', table: 'stats' },
        review: ['unit_head'],
      },
      {
        key: 'quarterly',
        label: '季度风险清单（每季度第一个月10日前）',
        rule: { every: 'quarter', monthOfQuarter: 1, day: 10 },
        submitters: ['各市场监管所'],
        recipient: '药品和医疗器械股',
        form: { type: 'narrative', sections: [{ title: '风险隐患情况' }] },
      },
      {
        key: 'daily',
        label: '攻坚周日报（每日15:00前）',
        rule: { every: 'day', time: '15:00', within: { from: '2026-11-23', to: '2026-11-27' } },
        submitters: ['各市场监管所'],
        recipient: '药品和医疗器械股',
        form: { type: 'narrative', sections: [{ title: '当日工作' }] },
      },
      {
        key: 'self',
        label: '自查报告',
        rule: { once: '2026-11-15' },
        submitters: ['各市场监管所'],
        recipient: '药品和医疗器械股',
        form: {
          type: 'narrative',
          sections: [{ title: '基本情况' }, { title: '存在问题和分析', minChars: 800 }, { title: '下一步措施' }],
        },
        review: ['unit_head', 'leader'],
        stampedScan: true,
      },
      {
        key: 'cases',
        label: '典型案例（每季度不少于1个）',
        rule: { adHoc: true },
        submitters: ['各市场监管所'],
        recipient: '药品和医疗器械股',
        form: { type: 'typical_case', sections: [{ title: '案情概述' }, { title: '查办结果' }] },
        minCount: { count: 1, per: 'quarter' },
      },
    ],
  });
}

/**
 * A plan with a table of free rows (seed 003 附件3 问题清单 in small): rows from the station's 共性风险
 * since 2026-10-01, reported quarterly on day 10 of the quarter's first month. `table` overrides its fields.
 */
export const freeRowsPlan = (table: Record<string, unknown> = {}) =>
  testPlan('问题清单测试专项行动', {
  tables: [
    {
      key: 'problems',
      label: '风险隐患排查问题清单',
      rowMode: 'free',
      rowsFrom: { source: 'risks.common', columns: { risk: 'title', control: 'controlMeasure', removed: 'removed' } },
      measures: [
        { key: 'risk', label: '发现的共性风险隐患', type: 'text' },
        { key: 'control', label: '管控措施', type: 'text' },
        { key: 'removed', label: '是否排除隐患', type: 'boolean' },
        { key: 'units', label: '涉及单位数', unit: '家' },
      ],
      period: 'quarter',
      cumulativeFrom: '2026-10-01',
      ...table,
    },
  ],
  obligations: [
    {
      key: 'list',
      label: '风险隐患排查问题清单（每季度第一个月10日前）',
      rule: { every: 'quarter', monthOfQuarter: 1, day: 10 },
      submitters: ['各市场监管所'],
      recipient: '药品和医疗器械股',
      form: { type: 'risk_list', table: 'problems' },
    },
  ],
  });

/**
 * The parts every test plan here shares (issuer, period 2026-10-01 to 2027-03-31, leading group,
 * office, one task) around its own tables and obligations.
 */
export function testPlan<T extends { tables: unknown[]; obligations: unknown[] }>(name: string, parts: T) {
  return {
    schemaVersion: 1,
    name,
    issuer: '兴隆台区市场监督管理局',
    period: { from: '2026-10-01', to: '2027-03-31' },
    ...parts,
    organisation: {
      leadingGroup: { name: '专项工作领导小组', leader: { name: '测试组长', title: '副局长', unit: '本局' } },
      office: { unit: '药品和医疗器械股' },
    },
    tasks: [{ no: 1, task: '报送', target: '按时报送', content: '各所按时报送', units: ['各市场监管所'] }],
  };
}
