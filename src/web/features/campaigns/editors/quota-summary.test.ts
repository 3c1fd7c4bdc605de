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

it('names products (经营品种) and the county and city scopes', () => {
  expect(
    describeQuota({
      per: 'county',
      population: { kinds: ['drug_wholesaler'], productsAny: ['cold_medicine', 'ephedrine_compound'] },
      target: { type: 'all' },
    }),
  ).toBe('每个县（市、区）：药品批发企业（经营感冒药、含麻黄碱类复方制剂） 全覆盖');
  expect(
    describeQuota({
      per: 'city',
      population: { kinds: ['cdc'], exclude: [{ productsAny: ['vaccine'] }] },
      target: { type: 'count', min: 3 },
    }),
  ).toBe('每个市（州）：疾控机构（各类对象（经营疫苗）除外） 不少于3家');
});

it('generates keys unique over the whole quota tree', () => {
  const rules = [{ id: 'q1', children: [{ id: 'q2' }, { id: 'q4' }] }, { id: 'q3' }];
  expect(quotaIds(rules)).toEqual(['q1', 'q2', 'q4', 'q3']);
  expect(nextKey('q', quotaIds(rules))).toBe('q5');
  expect(nextKey('i', ['i2'])).toBe('i1');
});
