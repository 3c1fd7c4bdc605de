import { expect, it } from 'vitest';
import { nextKey, quotaIds } from './keys.js';
import { describeQuota } from './quota-summary.js';

it('describes a rule in plain words: scope, population with exclusions, target, children', () => {
  expect(
    describeQuota({
      per: 'station',
      population: { kinds: ['medical_institution', 'cdc'], exclude: [{ kinds: ['medical_institution'], medicalGrades: ['3'] }] },
      target: { type: 'share', min: 0.5 },
      children: [{ population: { kinds: ['cdc'] }, target: { type: 'count', min: 2, byStation: { 曙光所: 1 } }, times: 2 }],
    }),
  ).toBe('每个所：医疗机构、疾控机构（医疗机构（三级医疗机构）除外） 检查比例不低于50%，其中疾控机构 不少于2家（曙光所1家），每家检查2次');
  expect(
    describeQuota(
      { per: 'campaign', population: { kinds: ['cdc'] }, target: { type: 'all' }, window: { phase: 'zz' } },
      () => '集中整治阶段',
    ),
  ).toBe('全区：疾控机构 全覆盖，在“集中整治阶段”内完成');
  expect(describeQuota({ population: { kinds: ['clinic'] }, target: { type: 'share', min: 0.07 } })).toBe(
    '每个所：个体诊所 检查比例不低于7%',
  );
});

it('generates keys unique over the whole quota tree', () => {
  const rules = [{ id: 'q1', children: [{ id: 'q2' }, { id: 'q4' }] }, { id: 'q3' }];
  expect(quotaIds(rules)).toEqual(['q1', 'q2', 'q4', 'q3']);
  expect(nextKey('q', quotaIds(rules))).toBe('q5');
  expect(nextKey('i', ['i2'])).toBe('i1');
});
