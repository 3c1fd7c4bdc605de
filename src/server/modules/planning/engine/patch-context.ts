import { assembleContext, plannedStatuses, profileKey, withSortedStations, type PlanningContext } from './requirements.js';
import type { PlannerEntity, PlanningInput } from './types.js';

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

  // Merge the kept units (old order) with the changed stations' units (both by id).
  const before = old.entities;
  const entities: PlannerEntity[] = [];
  const renumber = new Int32Array(before.length).fill(-1);
  const profileOf: number[] = [];
  const profiles = old.profiles.slice();
  const profileIds = new Map<string, number>();
  const profileIdOf = (e: PlannerEntity) => {
    if (!profileIds.size) profiles.forEach((p, k) => profileIds.set(profileKey(p), k));
    const key = profileKey(e);
    let id = profileIds.get(key);
    if (id === undefined) profileIds.set(key, (id = profiles.push(e) - 1));
    return id;
  };
  let k = 0;
  for (let i = 0; i < before.length; i++) {
    const e = before[i];
    if (changed.has(e.stationId)) continue;
    while (k < added.length && added[k].id < e.id) {
      profileOf.push(profileIdOf(added[k]));
      entities.push(added[k++]);
    }
    renumber[i] = entities.length;
    profileOf.push(old.profileOf[i]);
    entities.push(e);
  }
  while (k < added.length) {
    profileOf.push(profileIdOf(added[k]));
    entities.push(added[k++]);
  }
  const same = entities.length === before.length && entities.every((e, i) => e.id === before[i].id);
  const index = same ? old.index : new Map(entities.map((e, i) => [e.id, i]));

  // A scope holds a changed station if it is that station, its county or city, or the whole campaign.
  const touched = new Set<string>(['*']);
  for (const id of changed) {
    const s = stationById.get(id)!;
    touched.add(id);
    if (s.county) touched.add(`county:${s.county}`);
    if (s.city) touched.add(`city:${s.city}`);
  }
  const carried = old.built.scopeUnits;
  const reuse = (key: string) => {
    if (touched.has(key.slice(key.lastIndexOf('@') + 1))) return undefined;
    const units = carried.get(key);
    if (!units || same) return units;
    // Kept units keep their relative order, so the renumbered list stays sorted.
    const out = new Array<number>(units.length);
    for (let j = 0; j < units.length; j++) out[j] = renumber[units[j]];
    return out;
  };
  return assembleContext(sorted, { entities, index, profileOf: Int32Array.from(profileOf), profiles, orphans: old.built.orphans }, reuse);
}
