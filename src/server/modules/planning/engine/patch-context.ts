import {
  assembleContext,
  internSignatures,
  plannedStatuses,
  profileKey,
  withSortedStations,
  type Interning,
  type PlanningContext,
} from './requirements.js';
import type { PlannerEntity, PlanningInput, Requirement } from './types.js';

/**
 * The requirements after some stations' units changed, without rebuilding the rest: the result is
 * equal to `buildContext` over the new units (same units in the same order, same requirements and
 * populations; property-tested in patch-context.test.ts), but only the scopes that hold a changed
 * station — its own rule × station rows, its county's, its city's and the campaign-wide ones — are
 * computed again; every other scope's units are carried over (renumbered if units were added or
 * removed before them).
 *
 * `input` is the context's input without its units (same stations, rules, period and options);
 * `changed` the stations whose units changed and `fresh` all their units now. A changed station
 * that is not in the input (a new station) needs a full rebuild: this returns null then.
 */
export function patchContext(
  old: PlanningContext,
  input: Omit<PlanningInput, 'entities'>,
  changed: ReadonlySet<string>,
  fresh: PlannerEntity[],
): PlanningContext | null {
  const sorted = withSortedStations({ ...input, entities: [] });
  const stationById = new Map(sorted.stations.map((s) => [s.id, s]));
  if (!old.built || [...changed].some((id) => !stationById.has(id))) return null;
  const statuses = plannedStatuses(sorted);
  const added = fresh.filter((e) => statuses.has(e.status) && changed.has(e.stationId));
  if (added.some((e, i) => i > 0 && added[i - 1].id > e.id)) added.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // The changed stations' units before, in index order (ascending ids: the context is sorted by id).
  const built = old.built;
  const before = old.entities;
  const oldAt: number[] = [];
  for (const id of changed) oldAt.push(...(built.byStation.get(id) ?? []));
  oldAt.sort((a, b) => a - b);
  const profiles = old.profiles.slice();
  const profileIds = new Map<string, number>();
  const profileIdOf = (e: PlannerEntity) => {
    if (!profileIds.size) profiles.forEach((p, k) => profileIds.set(profileKey(p), k));
    const key = profileKey(e);
    let id = profileIds.get(key);
    if (id === undefined) profileIds.set(key, (id = profiles.push(e) - 1));
    return id;
  };

  let entities: PlannerEntity[];
  let profileOf: Int32Array;
  let index: Map<string, number>;
  let byStation: Map<string, number[]> | undefined;
  let renumber: Int32Array | null = null;
  // The same units as before (an edit, a move between changed stations): each keeps its index, so
  // everything else is copied as it is and only the changed units are written over.
  const same = oldAt.length === added.length && oldAt.every((i, k) => before[i].id === added[k].id);
  if (same) {
    entities = before.slice();
    profileOf = old.profileOf.slice();
    oldAt.forEach((i, k) => {
      entities[i] = added[k];
      profileOf[i] = profileIdOf(added[k]);
    });
    index = old.index;
    byStation = new Map(built.byStation);
    for (const id of changed) byStation.set(id, []);
    for (const i of oldAt) byStation.get(entities[i].stationId)!.push(i);
  } else {
    // Units added or removed: merge the kept units (old order) with the changed stations' units (both by id).
    entities = [];
    const profileList: number[] = [];
    const map = new Int32Array(before.length).fill(-1);
    let k = 0;
    for (let i = 0; i < before.length; i++) {
      const e = before[i];
      if (changed.has(e.stationId)) continue;
      while (k < added.length && added[k].id < e.id) {
        profileList.push(profileIdOf(added[k]));
        entities.push(added[k++]);
      }
      map[i] = entities.length;
      profileList.push(old.profileOf[i]);
      entities.push(e);
    }
    while (k < added.length) {
      profileList.push(profileIdOf(added[k]));
      entities.push(added[k++]);
    }
    renumber = map;
    profileOf = Int32Array.from(profileList);
    index = new Map(entities.map((e, i) => [e.id, i]));
  }

  // A scope holds a changed station if it is that station, its county or city, or the whole campaign.
  const touched = new Set<string>(['*']);
  for (const id of changed) {
    const s = stationById.get(id)!;
    touched.add(id);
    if (s.county) touched.add(`county:${s.county}`);
    if (s.city) touched.add(`city:${s.city}`);
  }
  const touches = (scopeKey: string) => touched.has(scopeKey);
  const reuse = (key: string) => {
    if (touches(key.slice(key.lastIndexOf('@') + 1))) return undefined;
    const units = built.scopeUnits.get(key);
    if (!units || !renumber) return units;
    // Kept units keep their relative order, so the renumbered list stays sorted.
    const out = new Array<number>(units.length);
    for (let j = 0; j < units.length; j++) out[j] = renumber[units[j]];
    return out;
  };
  return assembleContext(
    sorted,
    { entities, index, profileOf, profiles, orphans: built.orphans, byStation },
    reuse,
    same ? (requirements) => internChanged(old, entities.length, requirements, oldAt, touches) : undefined,
  );
}

const scopeKeyOf = (r: Requirement) => r.stationId ?? (r.area ? `${r.area.level}:${r.area.id}` : '*');

/**
 * Signatures after a change that kept every unit's index: a unit of an unchanged station belongs to
 * the same requirements as before (the other units of its scopes are unchanged, and a requirement
 * counts a unit by its own attributes), so only the changed units' signatures are looked up again,
 * among the requirements of the touched scopes. Signature numbers may then differ from a full build's
 * (new ones are added at the end); what each unit belongs to does not. When the requirements
 * themselves differ (one appeared or went away), every signature is made again.
 */
function internChanged(
  old: PlanningContext,
  unitCount: number,
  requirements: Requirement[],
  changedUnits: number[],
  touches: (scopeKey: string) => boolean,
): ReturnType<Interning> {
  if (requirements.length !== old.requirements.length || requirements.some((r, i) => r.key !== old.requirements[i].key))
    return internSignatures(unitCount, requirements);
  const sigIds = new Map(old.built?.sigIds ?? old.signatures.map((sig, id) => [sig.join(','), id]));
  const signatures = old.signatures.slice();
  const sigOf = old.sigOf.slice();
  const entityReqs = old.entityReqs.slice();
  const near: number[] = [];
  requirements.forEach((r, i) => {
    if (touches(scopeKeyOf(r))) near.push(i);
  });
  for (const u of changedUnits) {
    const mine = near.filter((ri) => holds(requirements[ri].population, u));
    const key = mine.join(',');
    let id = sigIds.get(key);
    if (id === undefined) sigIds.set(key, (id = signatures.push(mine) - 1));
    sigOf[u] = id;
    entityReqs[u] = signatures[id];
  }
  return { sigOf, signatures, entityReqs, sigIds };
}

/** Whether an ascending list holds a value (binary search). */
function holds(list: number[], x: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === x) return true;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
