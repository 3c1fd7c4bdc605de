import { describe, expect, it } from 'vitest';
import { definitionValueText as t } from './value-text.js';

describe('a definition value in words (待确认, drafting assistant)', () => {
  it('shows codes by their labels: object types, tags, products, articles, statistical measures', () => {
    expect(t('focus.tags', ['key_area_urban_rural', 'high_risk'])).toBe('城乡接合部、高风险');
    expect(t('quotas.x.population.kinds', ['pharmacy_single', 'clinic'])).toBe('零售药店（单体）、个体诊所');
    expect(t('violationTypes.drug-unlicensed.articles', ['drug-law-115'])).toBe('《药品管理法》第一百一十五条');
    expect(t('tables.weekly.rows.a.measures.b.measure', 'cases.filed')).toMatch(/立案/);
    expect(t('obligations.major-info.rule.event', 'serious_finding')).toBe('检查发现重大问题（严重缺陷）');
    // A value that is no known code stays as written.
    expect(t('tasks.1.units', ['各市场监管所', '执法大队'])).toBe('各市场监管所、执法大队');
  });
  it('describes objects field by field, people and named things by name, never as JSON', () => {
    expect(t('liaisons', { units: ['各市场监管所', '执法大队'], recipient: '药品和医疗器械股' })).toBe(
      '登记单位：各市场监管所、执法大队；汇总单位：药品和医疗器械股',
    );
    expect(t('organisation.leadingGroup.leader', { name: '赵明远', unit: '本局', title: '局长' })).toBe('赵明远（本局 局长）');
    expect(
      t('organisation.office', { unit: '药品和医疗器械股', duties: ['汇总统计数据'], director: { name: '谢嘉诚', title: '科长' } }),
    ).toBe('所在单位：药品和医疗器械股；职责：汇总统计数据；主任：谢嘉诚（科长）');
    expect(t('obligations.a.form.sections', [{ title: '工作进展' }, { title: '存在问题' }])).toBe('工作进展、存在问题');
    expect(t('obligations.stats.rule.within', { from: '2026-08-01', to: '2027-11-05' })).toBe('2026-08-01 至 2027-11-05');
    expect(t('obligations.a.rule', { every: 'month', day: 31, lastDayIfShort: true })).toMatch(/月/);
    expect(t('quotas.a.times', undefined)).toBe('（未定）');
    expect(t('quotas.a.population', { kinds: ['clinic'], riskLevels: ['high'] })).toBe('个体诊所（风险等级高）');
    const def = {
      subActions: [{ key: 'qingyuan', name: '清源行动', description: '' }],
      phases: [{ key: 'focus', name: '集中整治', from: '2026-04-01', to: '2026-09-30' }],
    };
    expect(t('tasks.1.sub', 'qingyuan', def as never)).toBe('清源行动');
    expect(t('quotas.a.window.phase', 'focus', def as never)).toBe('集中整治');
    for (const v of [{ a: { b: [1, 2] } }, [{ key: 'x', label: '药品', category: 'drug' }], { key: 'c', label: '检查要点', sections: [] }])
      expect(t('any.path', v)).not.toMatch(/[{}"[\]]/);
  });
});
