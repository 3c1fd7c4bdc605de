import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage, type InspectionFact } from './coverage.js';
import { CAMPAIGN, entityArb, problemArb, toEntity } from './fixtures/arbitrary.js';
import { patchContext } from './patch-context.js';
import { buildContext, profileKey, type PlanningContext } from './requirements.js';
import type { PlannerEntity, PlanningInput } from './types.js';

/**
 * Patching the requirements after some stations' units changed must give what a full rebuild
 * over the new units gives: the same units in the same order, the same requirements with the same
 * populations, signatures and shortfalls, and the same coverage of the same inspections.
 */
function expectSame(patched: PlanningContext, full: PlanningContext) {
  expect(patched.entities.map((e) => e.id)).toEqual(full.entities.map((e) => e.id));
  expect(patched.entities).toEqual(full.entities);
  expect([...patched.index]).toEqual([...full.index]);
  expect(patched.requirements).toEqual(full.requirements);
  expect(patched.shortfalls).toEqual(full.shortfalls);
  expect(patched.warnings).toEqual(full.warnings);
  expect(patched.entityReqs).toEqual(full.entityReqs);
  // Signature numbers may differ (a patch adds new ones at the end); each unit's must be its requirements.
  patched.entities.forEach((_, u) => expect(patched.signatures[patched.sigOf[u]]).toBe(patched.entityReqs[u]));
  // Units with the same requirements share one signature, as in a full build.
  expect(new Set(patched.sigOf).size).toBe(new Set(full.sigOf).size);
  // Profile numbers may differ; each unit's profile must be its own attributes.
  patched.entities.forEach((e, i) => expect(profileKey(patched.profiles[patched.profileOf[i]])).toBe(profileKey(e)));
}

type Edit =
  | { op: 'change'; at: number; to: Parameters<typeof toEntity>[0] }
  | { op: 'add'; key: number; to: Parameters<typeof toEntity>[0] }
  | { op: 'remove'; at: number }
  | { op: 'status'; at: number; status: string };

const editArb = (stations: number): fc.Arbitrary<Edit> =>
  fc.oneof(
    fc.record({ op: fc.constant('change' as const), at: fc.nat(), to: entityArb(stations) }),
    fc.record({ op: fc.constant('add' as const), key: fc.nat({ max: 999 }), to: entityArb(stations) }),
    fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('status' as const), at: fc.nat(), status: fc.constantFrom('suspended', 'operating') }),
  );

/** The edited units and the stations whose units changed (before or after the edit). */
function applyEdits(units: PlannerEntity[], edits: Edit[]) {
  const out = units.slice();
  const changed = new Set<string>();
  for (const e of edits) {
    if (e.op === 'add') {
      // An id between the existing ones ("u03" < "u03-17" < "u04"), or after them.
      const base = out.length ? out[e.key % out.length].id : 'u';
      const id = `${base}-${e.key}`;
      if (out.some((u) => u.id === id)) continue;
      const unit = { ...toEntity(e.to, 0), id };
      out.push(unit);
      changed.add(unit.stationId);
      continue;
    }
    if (!out.length) continue;
    const at = e.at % out.length;
    const was = out[at];
    changed.add(was.stationId);
    if (e.op === 'remove') out.splice(at, 1);
    else if (e.op === 'status') out[at] = { ...was, status: e.status };
    else {
      out[at] = { ...toEntity(e.to, 0), id: was.id };
      changed.add(out[at].stationId);
    }
  }
  return { units: out, changed };
}

const factsOf = (units: PlannerEntity[], days: number[]): InspectionFact[] =>
  units.flatMap((u, i) =>
    days[i % days.length] ? [{ entityId: u.id, status: 'done' as const, date: `2024-0${days[i % days.length]}-15` }] : [],
  );

describe('patching the requirements after a registry change', () => {
  it('equals a full rebuild after random edits (changes, moves, new and removed units, status)', () => {
    fc.assert(
      fc.property(
        problemArb(14).chain((input) =>
          fc.record({
            input: fc.constant(input),
            edits: fc.array(editArb(input.stations.length), { minLength: 1, maxLength: 5 }),
            days: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
          }),
        ),
        ({ input, edits, days }) => {
          const old = buildContext(input);
          const { units, changed } = applyEdits(input.entities, edits);
          const next: PlanningInput = { ...input, entities: units };
          const full = buildContext(next);
          const { entities: _, ...rest } = input;
          const patched = patchContext(
            old,
            rest,
            changed,
            units.filter((u) => changed.has(u.stationId)),
          );
          expect(patched).not.toBeNull();
          expectSame(patched!, full);
          const facts = factsOf(units, days);
          expect(computeCoverage(patched!, facts)).toEqual(computeCoverage(full, facts));
          // And patched again (a patch of a patch: the carried units are the patched ones).
          const again = applyEdits(units, edits.slice().reverse());
          const full2 = buildContext({ ...input, entities: again.units });
          const patched2 = patchContext(
            patched!,
            rest,
            again.changed,
            again.units.filter((u) => again.changed.has(u.stationId)),
          );
          expectSame(patched2!, full2);
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('carries the unchanged stations over and renumbers them when units are added before them', () => {
    const input = {
      entities: [
        { id: 'a1', stationId: 's1', kind: 'clinic', tags: [], status: 'operating' },
        { id: 'b1', stationId: 's0', kind: 'clinic', tags: [], status: 'operating' },
        { id: 'c1', stationId: 's1', kind: 'clinic', tags: [], status: 'operating' },
      ],
      stations: [
        { id: 's0', shortName: '甲所', inspectorPool: [] },
        { id: 's1', shortName: '乙所', inspectorPool: [] },
      ],
      rules: [{ id: 'all', label: '全部', population: {}, target: { type: 'all' as const } }],
      campaign: CAMPAIGN,
    };
    const old = buildContext(input);
    expect(old.requirements.map((r) => [r.key, r.population])).toEqual([
      ['all@s0', [1]],
      ['all@s1', [0, 2]],
    ]);
    const added = { id: 'a0', stationId: 's0', kind: 'clinic', tags: [], status: 'operating' };
    const { entities: _, ...rest } = input;
    const patched = patchContext(old, rest, new Set(['s0']), [added, input.entities[1]])!;
    // s1's units were not recomputed (carried), but renumbered past the new unit a0.
    expect(patched.requirements.map((r) => [r.key, r.population])).toEqual([
      ['all@s0', [0, 2]],
      ['all@s1', [1, 3]],
    ]);
    expect(patched.requirements[1].population).not.toBe(old.requirements[1].population);
    // A change to s1 alone leaves s0's units as they were (the same array: nothing moved).
    const edited = { ...input.entities[0], kind: 'pharmacy_single' };
    const same = patchContext(old, rest, new Set(['s1']), [edited, input.entities[2]])!;
    expect(same.requirements[0].population).toBe(old.requirements[0].population);
    expect(same.index).toBe(old.index);
    expectSame(same, buildContext({ ...input, entities: [edited, input.entities[1], input.entities[2]] }));
  });

  it('asks for a full rebuild when a changed station is not one of the context', () => {
    const input = {
      entities: [],
      stations: [{ id: 's0', shortName: '甲所', inspectorPool: [] }],
      rules: [{ id: 'all', label: '全部', population: {}, target: { type: 'all' as const } }],
    };
    const { entities: _, ...rest } = input;
    expect(patchContext(buildContext(input), rest, new Set(['s9']), [])).toBeNull();
  });
});
