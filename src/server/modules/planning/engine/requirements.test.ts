import { describe, expect, it } from 'vitest';
import type { QuotaRule } from '../../../../contracts/quota-rules.js';
import { buildContext, RuleError } from './requirements.js';
import { matches } from './selector.js';
import type { PlannerEntity, PlanningInput } from './types.js';

const unit = (id: string, stationId: string, kind: string, extra: Partial<PlannerEntity> = {}): PlannerEntity => ({
  id,
  kind,
  stationId,
  tags: [],
  riskLevel: 'low',
  status: 'operating',
  ...extra,
});
const stations = [
  { id: 'a', shortName: '甲所', inspectorPool: [] },
  { id: 'b', shortName: '乙所', inspectorPool: [] },
];
const campaign = { from: '2024-01-01', to: '2024-12-31', phases: [{ key: 'focus', from: '2024-03-01', to: '2024-05-31' }] };
const ctxOf = (entities: PlannerEntity[], rules: QuotaRule[], extra: Partial<PlanningInput> = {}) =>
  buildContext({ entities, stations, rules, campaign, ...extra });
const req = (ctx: ReturnType<typeof ctxOf>, key: string) => ctx.requirements.find((r) => r.key === key)!;

describe('selector', () => {
  it('ANDs fields, ORs values, applies exclusions, treats a missing family-planning flag as false', () => {
    const e = unit('1', 'a', 'device_dealer', { deviceLevel: '3', tags: ['key_area_hospital'] });
    expect(matches(e, { kinds: ['device_dealer', 'hotel'], deviceLevels: ['3'] })).toBe(true);
    expect(matches(e, { kinds: ['device_dealer'], deviceLevels: ['1'] })).toBe(false);
    expect(matches(e, { familyPlanning: false })).toBe(true);
    expect(matches(e, { familyPlanning: true })).toBe(false);
    expect(matches(e, { kinds: ['device_dealer'], exclude: [{ tagsAny: ['key_area_hospital'] }] })).toBe(false);
    expect(matches(e, { medicalGrades: ['3'] })).toBe(false);
    expect(matches({ ...e, riskLevel: 'high' }, { tagsAny: ['high_risk'] })).toBe(true);
  });
});

describe('requirements', () => {
  const pharmacies = (station: string, n: number, extra: Partial<PlannerEntity> = {}) =>
    Array.from({ length: n }, (_, i) => unit(`${station}${i}`, station, 'pharmacy_single', extra));

  it('rounds shares up per station and leaves out units not operating', () => {
    const ctx = ctxOf(
      [...pharmacies('a', 5), ...pharmacies('b', 4), unit('closed', 'a', 'pharmacy_single', { status: 'closed' })],
      [{ id: 'half', label: '50%', population: { kinds: ['pharmacy_single'] }, target: { type: 'share', min: 0.5 } }],
    );
    expect([req(ctx, 'half@a').target, req(ctx, 'half@a').population.length]).toEqual([3, 5]);
    expect(req(ctx, 'half@b').target).toBe(2);
  });

  it('applies per-station count overrides by short name, warns of unknown names, and reports shortfalls', () => {
    const ctx = ctxOf(
      [...pharmacies('a', 9), ...pharmacies('b', 9)],
      [{ id: 'n', label: '数量', population: {}, target: { type: 'count', min: 15, byStation: { 乙所: 5, 丁所: 3 } } }],
    );
    expect(req(ctx, 'n@a')).toMatchObject({ wanted: 15, target: 9 });
    expect(req(ctx, 'n@b')).toMatchObject({ wanted: 5, target: 5 });
    expect(ctx.shortfalls).toEqual([
      expect.objectContaining({ ruleId: 'n', stationShortName: '甲所', required: 15, available: 9, missing: 6 }),
    ]);
    expect(ctx.warnings.join()).toContain('丁所');
  });

  it('counts children inside the parent population and inherits times and window', () => {
    const ctx = ctxOf(
      [...pharmacies('a', 4), unit('h', 'a', 'hotel'), unit('hh', 'a', 'hotel', { riskLevel: 'high' })],
      [
        {
          id: 'p',
          label: 'parent',
          population: { kinds: ['hotel'] },
          target: { type: 'all' },
          times: 2,
          window: { phase: 'focus' },
          children: [{ id: 'c', label: 'child', population: { riskLevels: ['high'] }, target: { type: 'count', min: 1 } }],
        },
      ],
    );
    expect(req(ctx, 'p@a').population.length).toBe(2);
    expect(req(ctx, 'c@a')).toMatchObject({ parentKey: 'p@a', times: 2, rulePath: ['p', 'c'], window: req(ctx, 'p@a').window });
    expect(req(ctx, 'c@a').population.map((i) => ctx.entities[i].id)).toEqual(['hh']);
  });

  it('splits credit-graded rules into one requirement per grade with its share and frequency', () => {
    const ctx = ctxOf(
      [
        ...pharmacies('a', 4, { creditGrade: 'A' }),
        ...pharmacies('b', 3, { creditGrade: 'D' }).map((e) => ({ ...e, stationId: 'a', id: `d${e.id}` })),
        unit('x', 'a', 'pharmacy_single'),
      ],
      [
        {
          id: 'credit',
          label: '信用',
          population: { kinds: ['pharmacy_single'] },
          target: { type: 'share', min: 0.5 },
          byCreditGrade: { A: { share: 0.05 }, D: { share: 1, times: 3 } },
        },
      ],
    );
    expect(req(ctx, 'credit@a#A')).toMatchObject({ target: 1, times: 1 });
    expect(req(ctx, 'credit@a#D')).toMatchObject({ target: 3, times: 3 });
    expect(req(ctx, 'credit@a')).toMatchObject({ grade: null, target: 1 });
    expect(req(ctx, 'credit@a').population.map((i) => ctx.entities[i].id)).toEqual(['x']);
  });

  it('counts campaign-wide rules once over all stations', () => {
    const ctx = ctxOf(
      [...pharmacies('a', 3), ...pharmacies('b', 3)],
      [{ id: 'w', label: 'w', per: 'campaign', population: {}, target: { type: 'share', min: 0.5 } }],
    );
    expect(ctx.requirements.map((r) => [r.key, r.target])).toEqual([['w@*', 3]]);
  });

  it('rounds a share that floating point puts just above a whole number to that number', () => {
    // 14% of 50 units is 7 by hand; 0.14 * 50 is 7.000000000000001 in floating point.
    const ctx = ctxOf(pharmacies('a', 50), [{ id: 's', label: 's', population: {}, target: { type: 'share', min: 0.14 } }]);
    expect(req(ctx, 's@a').target).toBe(7);
  });

  it('narrows a window by its own dates, inside the campaign, and rejects an empty one', () => {
    const ctx = ctxOf(pharmacies('a', 1), [
      { id: 'f', label: 'f', population: {}, target: { type: 'all' }, window: { phase: 'focus', from: '2024-04-01' } },
      { id: 't', label: 't', population: {}, target: { type: 'all' }, window: { to: '2025-06-30' } },
    ]);
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(req(ctx, 'f@a').window).toEqual({ from: day('2024-04-01'), to: day('2024-05-31') });
    // Past the campaign's end: cut to 2024-12-31.
    expect(req(ctx, 't@a').window).toEqual({ from: day('2024-01-01'), to: day('2024-12-31') });
    expect(() =>
      ctxOf([], [{ id: 'e', label: 'e', population: {}, target: { type: 'all' }, window: { from: '2024-06-01', to: '2024-05-01' } }]),
    ).toThrow(expect.objectContaining({ code: 'EMPTY_WINDOW' }));
  });

  it('rejects a window on an unknown phase, also without a campaign or without phases', () => {
    const rules: QuotaRule[] = [{ id: 'w', label: '规则w', population: {}, target: { type: 'all' }, window: { phase: 'nope' } }];
    expect(() => ctxOf([], rules)).toThrow(RuleError);
    expect(() => ctxOf([], rules)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PHASE', message: '规则「规则w」引用的阶段「nope」不存在' }),
    );
    expect(() => ctxOf([], rules, { campaign: undefined })).toThrow(expect.objectContaining({ code: 'UNKNOWN_PHASE' }));
    expect(() => ctxOf([], rules, { campaign: { from: '2024-01-01' } })).toThrow(expect.objectContaining({ code: 'UNKNOWN_PHASE' }));
  });

  it('leaves out units of stations not taking part, with one warning, and warns only of unknown override names', () => {
    const ctx = ctxOf(
      [...pharmacies('a', 2), unit('z1', 'z', 'pharmacy_single')],
      [{ id: 'n', label: '数量', population: {}, target: { type: 'count', min: 1, byStation: { 乙所: 0, 丁所: 3 } } }],
    );
    expect(ctx.entities.map((e) => e.id)).toEqual(['a0', 'a1']);
    expect(ctx.warnings).toEqual(['1 家单位不属于任何参与的监管所，未纳入计划', '规则「数量」的例外「丁所」不是参与的监管所']);
    expect(ctxOf(pharmacies('a', 2), [{ id: 'n', label: 'n', population: {}, target: { type: 'share', min: 1 } }]).warnings).toEqual([]);
  });

  it('sorts stations and units by id whatever the input order, and indexes units by id', () => {
    const ctx = buildContext({
      entities: [unit('b2', 'b', 'hotel'), unit('a1', 'a', 'hotel'), unit('b0', 'b', 'hotel'), unit('a3', 'a', 'hotel')],
      stations: [stations[1], stations[0]],
      rules: [{ id: 'r', label: 'r', population: {}, target: { type: 'all' } }],
      campaign,
    });
    expect(ctx.stations.map((s) => s.id)).toEqual(['a', 'b']);
    expect(ctx.entities.map((e) => e.id)).toEqual(['a1', 'a3', 'b0', 'b2']);
    expect(['a1', 'a3', 'b0', 'b2'].map((id) => ctx.index.get(id))).toEqual([0, 1, 2, 3]);
    expect(ctx.requirements.map((r) => r.key)).toEqual(['r@a', 'r@b']);
    // Each unit belongs to its own station's requirement (indices into ctx.requirements).
    expect(ctx.entityReqs).toEqual([[0], [0], [1], [1]]);
  });

  it('keeps a requirement that asks for none of existing units, drops one with neither units nor demand', () => {
    const ctx = ctxOf(pharmacies('b', 2), [
      { id: 'n', label: 'n', population: {}, target: { type: 'count', min: 0, byStation: { 乙所: 0 } } },
      { id: 's', label: 's', population: {}, target: { type: 'share', min: 0.5 } },
    ]);
    expect(ctx.requirements.map((r) => [r.key, r.wanted, r.population.length])).toEqual([
      ['n@b', 0, 2],
      ['s@b', 1, 2],
    ]);
  });

  it('tells units apart that differ only in medical grade, device level, family planning or how tags split', () => {
    const ctx = ctxOf(
      [
        unit('m2', 'a', 'clinic', { medicalGrade: '2' }),
        unit('m3', 'a', 'clinic', { medicalGrade: '3' }),
        unit('d1', 'a', 'device_dealer', { deviceLevel: '1' }),
        unit('d3', 'a', 'device_dealer', { deviceLevel: '3' }),
        unit('f0', 'a', 'clinic', { familyPlanning: null }),
        unit('f1', 'a', 'clinic', { familyPlanning: true }),
        unit('t1', 'a', 'hotel', { tags: ['ab'] }),
        unit('t2', 'a', 'hotel', { tags: ['a', 'b'] }),
        unit('k1', 'a', 'ab'),
        unit('k2', 'a', 'a', { tags: ['b'] }),
        unit('p1', 'a', 'hotel', { products: ['ab'] as never }),
        unit('p2', 'a', 'hotel', { products: ['a', 'b'] as never }),
      ],
      [
        { id: 'mg', label: 'mg', population: { medicalGrades: ['3'] }, target: { type: 'all' } },
        { id: 'dl', label: 'dl', population: { deviceLevels: ['3'] }, target: { type: 'all' } },
        { id: 'fp', label: 'fp', population: { familyPlanning: true }, target: { type: 'all' } },
        { id: 'tg', label: 'tg', population: { tagsAny: ['ab'] }, target: { type: 'all' } },
        { id: 'kd', label: 'kd', population: { kinds: ['ab' as never] }, target: { type: 'all' } },
        { id: 'pr', label: 'pr', population: { productsAny: ['ab' as never] }, target: { type: 'all' } },
      ],
    );
    const ids = (key: string) => req(ctx, key).population.map((i) => ctx.entities[i].id);
    expect([ids('mg@a'), ids('dl@a'), ids('fp@a'), ids('tg@a'), ids('kd@a'), ids('pr@a')]).toEqual([
      ['m3'],
      ['d3'],
      ['f1'],
      ['t1'],
      ['k1'],
      ['p1'],
    ]);
  });

  it('counts per county over its stations in id order, and links children only within the same scope level', () => {
    const three = [...stations, { id: 'c', shortName: '丙所', inspectorPool: [], county: 'y' }].map((s) =>
      s.id === 'c' ? s : { ...s, county: 'x' },
    );
    const noCounty = { id: 'd', shortName: '丁所', inspectorPool: [] };
    // Ids interleave across stations a and b: 1 (b), 2 (a), 3 (b), 4 (a).
    const entities = [
      unit('1', 'b', 'hotel'),
      unit('2', 'a', 'hotel'),
      unit('3', 'b', 'hotel'),
      unit('4', 'a', 'hotel'),
      unit('5', 'd', 'hotel'),
    ];
    const ctx = buildContext({
      entities,
      stations: [...three, noCounty],
      campaign,
      rules: [
        {
          id: 'p',
          label: 'p',
          population: {},
          target: { type: 'all' },
          children: [
            { id: 'k', label: 'k', per: 'county', population: {}, target: { type: 'count', min: 1 } },
            { id: 'w', label: 'w', per: 'campaign', population: {}, target: { type: 'count', min: 1 } },
            { id: 's', label: 's', population: {}, target: { type: 'count', min: 1 } },
          ],
        },
        { id: 'ci', label: 'ci', per: 'city', population: {}, target: { type: 'all' } },
        { id: 'ci2', label: 'ci2', per: 'city', population: {}, target: { type: 'all' } },
      ],
    });
    const ids = (key: string) => req(ctx, key).population.map((i) => ctx.entities[i].id);
    expect(ids('k@county:x')).toEqual(['1', '2', '3', '4']);
    expect(ids('w@*')).toEqual(['1', '2', '3', '4', '5']);
    expect(ctx.requirements.filter((r) => r.ruleId === 'k').map((r) => r.key)).toEqual(['k@county:x', 'k@county:y']);
    expect(req(ctx, 'p@a').parentKey).toBeNull();
    expect(req(ctx, 'k@county:x').parentKey).toBeNull();
    expect(req(ctx, 'w@*').parentKey).toBeNull();
    expect(req(ctx, 's@a').parentKey).toBe('p@a');
    // Station d has no county, and no station has a city: warned once per station and level.
    expect(ctx.warnings).toEqual([
      '监管所「丁所」不属于任何县（市、区），未纳入按县统计的规则',
      ...['甲所', '乙所', '丙所', '丁所'].map((n) => `监管所「${n}」不属于任何市（州），未纳入按市统计的规则`),
    ]);
  });
});
