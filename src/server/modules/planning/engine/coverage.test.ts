import { describe, expect, it } from 'vitest';
import { computeCoverage, listMissing } from './coverage.js';
import { generatePlan } from './plan.js';
import { buildContext } from './requirements.js';
import type { PlannerEntity, PlanningInput } from './types.js';

const unit = (id: string, kind: string, extra: Partial<PlannerEntity> = {}): PlannerEntity => ({
  id,
  kind,
  stationId: 'a',
  tags: [],
  riskLevel: 'low',
  status: 'operating',
  ...extra,
});
const input: PlanningInput = {
  entities: [
    unit('p1', 'pharmacy_single'),
    unit('p2', 'pharmacy_single'),
    unit('p3', 'pharmacy_single', { riskLevel: 'high' }),
    unit('p4', 'pharmacy_single'),
    unit('h1', 'hotel'),
  ],
  stations: [{ id: 'a', shortName: '甲所', inspectorPool: [{ id: 'i1' }, { id: 'i2' }, { id: 'i3' }] }],
  rules: [
    { id: 'half', label: '药店50%', population: { kinds: ['pharmacy_single'] }, target: { type: 'share', min: 0.5 } },
    {
      id: 'risk',
      label: '高风险2次（集中整治阶段）',
      population: { riskLevels: ['high'] },
      target: { type: 'all' },
      times: 2,
      window: { phase: 'focus' },
    },
  ],
  campaign: { from: '2024-01-01', to: '2024-12-31', phases: [{ key: 'focus', from: '2024-03-01', to: '2024-05-31' }] },
};
const ctx = buildContext(input);
const row = (c: ReturnType<typeof computeCoverage>, key: string) => c.rows.find((r) => r.requirementKey === key)!;

describe('coverage', () => {
  it('starts at nothing done', () => {
    const c = computeCoverage(ctx, []);
    expect(row(c, 'half@a')).toMatchObject({ required: 2, available: 4, done: 0, remaining: 2 });
    expect(row(c, 'risk@a')).toMatchObject({
      required: 1,
      done: 0,
      remaining: 1,
      times: 2,
      windowFrom: '2024-03-01',
      windowTo: '2024-05-31',
    });
  });

  it('counts done inspections only, in the window, as often as required', () => {
    const c = computeCoverage(ctx, [
      { entityId: 'p1', date: '2024-02-01', status: 'done' },
      { entityId: 'p2', date: '2024-02-01', status: 'cancelled' },
      { entityId: 'p3', date: '2024-03-10', status: 'done' },
      { entityId: 'p3', date: '2024-07-01', status: 'done' },
    ]);
    expect(row(c, 'half@a')).toMatchObject({ done: 2, remaining: 0 });
    // p3's second visit is outside the focus phase: the frequency rule is not met yet.
    expect(row(c, 'risk@a')).toMatchObject({ done: 0, remaining: 1 });
    const c2 = computeCoverage(ctx, [
      { entityId: 'p3', date: '2024-03-10', status: 'done' },
      { entityId: 'p3', date: '2024-05-31', status: 'done' },
    ]);
    expect(row(c2, 'risk@a')).toMatchObject({ done: 1, remaining: 0 });
    expect(row(c2, 'half@a')).toMatchObject({ done: 1, remaining: 1 });
  });

  it('flags inspections beyond the required frequency and outside every rule', () => {
    const c = computeCoverage(ctx, [
      { entityId: 'p1', date: '2024-02-01', status: 'done' },
      { entityId: 'p1', date: '2024-02-02', status: 'done' },
      { entityId: 'h1', date: '2024-02-02', status: 'done' },
    ]);
    expect(c.excess).toEqual([{ entityId: 'p1', stationId: 'a', visits: 2, needed: 1 }]);
    expect(c.outsideRules).toBe(1);
  });

  it('lists what is missing with the planned units that would close it, and updates as plan tasks are done', () => {
    const plan = generatePlan(input, 5);
    let done: { entityId: string; date: string; status: 'done' }[] = [];
    let missing = listMissing(computeCoverage(ctx, done), plan.tasks);
    expect(missing.map((m) => m.row.requirementKey).sort()).toEqual(['half@a', 'risk@a']);
    const halfPlanned = missing.find((m) => m.row.requirementKey === 'half@a')!.plannedEntityIds;
    expect(halfPlanned).toHaveLength(2);
    for (const t of plan.tasks) {
      done = [...done, { entityId: t.entityId, date: t.dueTo ?? '2024-06-01', status: 'done' }];
      const before = missing.reduce((s, m) => s + m.row.remaining, 0);
      missing = listMissing(computeCoverage(ctx, done), plan.tasks);
      expect(missing.reduce((s, m) => s + m.row.remaining, 0)).toBeLessThanOrEqual(before);
    }
    expect(missing).toEqual([]);
  });
});

describe('done inspections in compact form', () => {
  // The coverage source reads done inspections as numeric ids and day numbers; the result must be the
  // one the object form gives, and ids that are not the canonical number of a unit's id match nothing.
  const numeric: PlanningInput = {
    ...input,
    entities: input.entities.map((e, i) => ({ ...e, id: String([7, 12, 3, 250000, 99][i]) })),
  };
  const nctx = buildContext(numeric);
  it('counts as the object form does, by numeric id', () => {
    const facts = [
      { id: 7, date: '2024-02-01' },
      { id: 3, date: '2024-03-05' },
      { id: 3, date: '2024-04-05' },
      { id: 3, date: '2024-04-06' },
      { id: 99, date: '2024-06-01' },
      { id: 4242, date: '2024-06-01' },
    ];
    const compact = {
      ids: Int32Array.from(facts.map((f) => f.id)),
      days: Int32Array.from(facts.map((f) => Math.round(Date.parse(f.date) / 86_400_000))),
    };
    const objects = facts.map((f) => ({ entityId: String(f.id), date: f.date, status: 'done' as const }));
    const fromCompact = computeCoverage(nctx, compact);
    expect(fromCompact).toEqual(computeCoverage(nctx, objects));
    expect(fromCompact.totals.done).toBeGreaterThan(0);
    expect(fromCompact.outsideRules).toBe(2); // the hotel (99) and a unit of no plan (4242)
  });
  it('matches no unit whose id is not written as that number', () => {
    const odd = buildContext({ ...numeric, entities: numeric.entities.map((e, i) => (i === 0 ? { ...e, id: '007' } : e)) });
    const one = { ids: Int32Array.of(7), days: Int32Array.of(19_800) };
    expect(computeCoverage(odd, one).outsideRules).toBe(1);
    expect(computeCoverage(nctx, one).outsideRules).toBe(0);
  });
});
