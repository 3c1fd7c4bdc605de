import { describe, expect, it } from 'vitest';
import { checkPlan } from './check.js';
import { drawInspectors } from './inspectors.js';
import { generatePlan } from './plan.js';
import { buildContext } from './requirements.js';
import type { PlannedTask, PlannerEntity, PlanningInput } from './types.js';

const unit = (id: string, extra: Partial<PlannerEntity> = {}): PlannerEntity => ({
  id,
  kind: 'pharmacy_single',
  stationId: 'a',
  tags: [],
  riskLevel: 'low',
  status: 'operating',
  ...extra,
});
const input: PlanningInput = {
  entities: Array.from({ length: 6 }, (_, i) => unit(`p${i}`, { riskLevel: i === 0 ? 'high' : 'low' })),
  stations: [
    {
      id: 'a',
      shortName: '甲所',
      inspectorPool: [{ id: 'i1', conflictedEntityIds: ['p0'] }, { id: 'i2' }, { id: 'i3' }, { id: 'i4' }, { id: 'i5' }],
    },
  ],
  rules: [
    { id: 'half', label: '50%', population: { kinds: ['pharmacy_single'] }, target: { type: 'share', min: 0.5 } },
    { id: 'risk', label: '高风险2次', population: { riskLevels: ['high'] }, target: { type: 'all' }, times: 2 },
  ],
  lastInspectors: { p0: ['i2'] },
};
const ctx = buildContext(input);
const plan = generatePlan(input, 9);

describe('plan check', () => {
  it('accepts the generated plan with no surplus', () => {
    // Counted by hand from the rules, not from the engine's bound: half of 6 pharmacies is 3 units,
    // p0 (high risk) must be one of them and is visited twice: 3 + 1 = 4 inspections.
    expect(plan.tasks).toHaveLength(4);
    const c = checkPlan(ctx, plan.tasks, { lastInspectors: input.lastInspectors, minimum: 4 });
    expect(c).toMatchObject({ ok: true, violations: [], excess: [], inspectorProblems: [], surplus: 0 });
  });

  it('reports the rule broken when a task is removed', () => {
    const c = checkPlan(
      ctx,
      plan.tasks.filter((t) => t.entityId !== 'p0' || t.visit !== 2),
      { lastInspectors: input.lastInspectors },
    );
    expect(c.ok).toBe(false);
    expect(c.violations).toEqual([expect.objectContaining({ ruleId: 'risk', required: 1, planned: 0, missing: 1 })]);
  });

  it('reports a repeat beyond the required frequency and the surplus', () => {
    const first = plan.tasks.find((t) => t.entityId !== 'p0')!;
    // Two other inspectors than the first visit's: the repeat is the only fault.
    const others = ['i1', 'i2', 'i3', 'i4', 'i5'].filter((i) => !first.inspectorIds.includes(i)).slice(0, 2);
    const extra = { ...first, visit: 2, inspectorIds: others };
    const c = checkPlan(ctx, [...plan.tasks, extra], { lastInspectors: input.lastInspectors, minimum: 4 });
    expect(c.excess).toEqual([expect.objectContaining({ entityId: extra.entityId, visits: 2, needed: 1 })]);
    expect(c).toMatchObject({ ok: false, violations: [], inspectorProblems: [], surplus: 1 });
  });

  it('reports inspector problems: too few, conflicted, same as last time, not in the pool', () => {
    const tasks = plan.tasks.map((t) => ({ ...t }));
    const p0 = tasks.find((t) => t.entityId === 'p0' && t.visit === 1)!;
    p0.inspectorIds = ['i1', 'i2'];
    const other = tasks.find((t) => t.entityId !== 'p0')!;
    other.inspectorIds = ['zz'];
    const problems = checkPlan(ctx, tasks, { lastInspectors: input.lastInspectors }).inspectorProblems.map(
      (p) => `${p.entityId}:${p.inspectorId ?? ''}:${p.problem}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining(['p0:i1:conflicted', 'p0:i2:same_as_last', `${other.entityId}:zz:not_in_pool`, `${other.entityId}::too_few`]),
    );
    const c = checkPlan(ctx, tasks, { lastInspectors: input.lastInspectors });
    expect(c).toMatchObject({ ok: false, violations: [], excess: [] });
  });

  it('lists tasks of unknown units and of units under no rule that asks for any, which count for nothing', () => {
    const ctx2 = buildContext({
      ...input,
      entities: [...input.entities, unit('r1', { kind: 'hotel' }), unit('q1', { kind: 'clinic' })],
      rules: [...input.rules, { id: 'zero', label: '零', population: { kinds: ['hotel'] }, target: { type: 'count', min: 0 } }],
    });
    const task = (entityId: string) => ({ id: entityId, entityId, visit: 1, dueFrom: null, dueTo: null, inspectorIds: ['i3', 'i4'] });
    const c = checkPlan(ctx2, [task('p1'), task('r1'), task('ghost'), task('q1')]);
    expect(c.outsideRules).toEqual(['r1', 'ghost', 'q1']);
    // By hand: half of 6 pharmacies is 3, one planned (p1); p0 (high risk) twice, not planned.
    expect(c.violations).toEqual([
      expect.objectContaining({ requirementKey: 'half@a', required: 3, planned: 1, missing: 2 }),
      expect.objectContaining({ requirementKey: 'risk@a', required: 1, planned: 0, missing: 1 }),
    ]);
    // r1 and q1 are visited once though no rule asks for them: outside the rules, not a repeat.
    expect(c.excess).toEqual([]);
    expect(c.inspectorProblems).toEqual([
      { taskId: 'ghost', entityId: 'ghost', inspectorId: 'i3', problem: 'not_in_pool' },
      { taskId: 'ghost', entityId: 'ghost', inspectorId: 'i4', problem: 'not_in_pool' },
    ]);
    expect(c).toMatchObject({ ok: false, tasks: 4, surplus: null });
  });

  it('compares each visit with the one before it, in visit order whatever the task order, the first with the recorded one', () => {
    const tasks = [
      { id: 't2', entityId: 'p1', visit: 2, dueFrom: null, dueTo: null, inspectorIds: ['i4', 'i5'] },
      { id: 't1', entityId: 'p1', visit: 1, dueFrom: null, dueTo: null, inspectorIds: ['i3', 'i4'] },
    ];
    const c = checkPlan(ctx, tasks, { lastInspectors: { p1: ['i3'] } });
    expect(c.inspectorProblems).toEqual([
      { taskId: 't1', entityId: 'p1', inspectorId: 'i3', problem: 'same_as_last' },
      { taskId: 't2', entityId: 'p1', inspectorId: 'i4', problem: 'same_as_last' },
    ]);
    // The caller's list is left in its order.
    expect(tasks.map((t) => t.id)).toEqual(['t2', 't1']);
  });
});

describe('inspector draw (双随机)', () => {
  it('draws two distinct inspectors, never conflicted, never the last ones, spread evenly, reproducibly', () => {
    for (const t of plan.tasks) {
      expect(new Set(t.inspectorIds).size).toBe(2);
      if (t.entityId === 'p0') expect(t.inspectorIds).not.toContain('i1');
      if (t.entityId === 'p0' && t.visit === 1) expect(t.inspectorIds).not.toContain('i2');
    }
    const p0 = plan.tasks.filter((t) => t.entityId === 'p0');
    expect(p0[1].inspectorIds.some((i) => p0[0].inspectorIds.includes(i))).toBe(false);
    const load = new Map<string, number>();
    for (const t of plan.tasks) for (const i of t.inspectorIds) load.set(i, (load.get(i) ?? 0) + 1);
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(2);
    expect(generatePlan(input, 9).tasks.map((t) => t.inspectorIds)).toEqual(plan.tasks.map((t) => t.inspectorIds));
  });

  it('reports a pool too small after recusal instead of drawing the recused', () => {
    const tasks: PlannedTask[] = [
      { entityId: 'p0', stationId: 'a', visit: 1, dueFrom: null, dueTo: null, rules: [], inspectorIds: [], reasons: [] },
    ];
    const stations = new Map([
      ['a', { id: 'a', shortName: '甲所', inspectorPool: [{ id: 'i1', conflictedEntityIds: ['p0'] }, { id: 'i2' }, { id: 'i3' }] }],
    ]);
    const issues = drawInspectors(tasks, stations, 1, { p0: ['i2'] });
    expect(tasks[0].inspectorIds).toEqual(['i3']);
    expect(issues).toEqual([{ entityId: 'p0', stationId: 'a', visit: 1, needed: 2, eligible: 1, reason: 'pool_too_small' }]);
  });
});
