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

  it('rejects a window on an unknown phase', () => {
    expect(() => ctxOf([], [{ id: 'w', label: 'w', population: {}, target: { type: 'all' }, window: { phase: 'nope' } }])).toThrow(
      RuleError,
    );
  });
});
