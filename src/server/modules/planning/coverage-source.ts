import { sql } from 'drizzle-orm';
import type { QuotaRule } from '../../../contracts/quota-rules.js';
import type { Db, DbOrTx } from '../../../db/client.js';
import type { DoneFacts, ExistingVisit, PlannerCampaign, PlanningContext, PlanningInput } from './engine/index.js';
import { patchContext } from './engine/patch-context.js';
import {
  areaStations,
  compactRegistryChanges,
  contextOf,
  GS,
  loadPlanningInput,
  loadUnits,
  registryFingerprint,
  stationsChanged,
  US,
  withStationPrints,
  type StationInfo,
} from './loader.js';
import { getPlan, rows, type LoadedPlan } from './queries.js';

/**
 * Coverage needs the plan's requirements (which units each rule × station counts) and the done
 * inspections. The requirements are built once from compact entity columns and kept while the
 * registry of the area is unchanged (the fingerprint: per station, its sum in the change feed), so a
 * coverage request is one indexed query for the done inspections plus counting in memory. After a
 * change only the changed stations' units are read again and only the scopes holding them are
 * rebuilt (`patchContext`): at province scale one edited unit costs one station's units, not the
 * province's. Generating a plan hands its
 * requirements over (`rememberPlanContext`) and the server warms recent plans at start
 * (`warmPlanContexts`), so the first request after either is fast too.
 */
export interface PlanContextEntry {
  fingerprint: string;
  context: PlanningContext;
  stations: StationInfo[];
  /** What the requirements were built from besides the units (for patching them after a change). */
  input: Omit<PlanningInput, 'entities'>;
  /** How the requirements were made: read whole, or patched after a change to some stations. */
  builtBy?: 'full' | 'patch';
}

/** The part of a planning input a cached context needs to be patched (no units, no recusal data). */
export const patchInputOf = (input: PlanningInput): Omit<PlanningInput, 'entities'> => ({
  stations: input.stations,
  rules: input.rules,
  campaign: input.campaign,
  options: input.options,
});
const caches = new WeakMap<Db, Map<number, PlanContextEntry>>();
const MAX_CACHED = 32;
/**
 * Units held by cached requirements, at most: a province-wide plan (250,000 units) takes ~85 MB, a
 * county's a few MB. Least recently used plans are dropped first; the newest is always kept.
 */
const UNIT_BUDGET = 600_000;
const WARM_PLANS = 8;

function cacheOf(db: Db) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

export function rememberPlanContext(db: Db, planId: number, entry: PlanContextEntry) {
  const cache = cacheOf(db);
  cache.delete(planId);
  cache.set(planId, entry);
  let units = 0;
  for (const e of cache.values()) units += e.context.entities.length;
  while (cache.size > 1 && (cache.size > MAX_CACHED || units > UNIT_BUDGET)) {
    const [oldest, e] = cache.entries().next().value!;
    cache.delete(oldest);
    units -= e.context.entities.length;
  }
}

/** Drop a plan's cached requirements (the next coverage call reads them whole), for benchmarks. */
export const forgetPlanContext = (db: Db, planId: number) => cacheOf(db).delete(planId);

/** The cached requirements of a plan (most recently used last), for tests and diagnostics. */
export const cachedPlanIds = (db: Db) => [...cacheOf(db).keys()];

// Builds in progress, so concurrent requests (or a request during warm-up) share one build.
const building = new WeakMap<Db, Map<number, Promise<PlanContextEntry>>>();

export async function planContext(db: Db, p: LoadedPlan): Promise<PlanContextEntry> {
  const cached = cacheOf(db).get(p.plan.id);
  const now = cached && (await registryFingerprint(db, areaStations(p.path)));
  // Read again after the wait: a concurrent request may have brought the requirements up to date meanwhile.
  const hit = cacheOf(db).get(p.plan.id) ?? cached;
  if (hit && hit.fingerprint === now) {
    rememberPlanContext(db, p.plan.id, hit); // most recently used
    return hit;
  }
  let inFlight = building.get(db);
  if (!inFlight) building.set(db, (inFlight = new Map()));
  const pending = inFlight.get(p.plan.id);
  if (pending) return pending;
  const build = (async () => {
    const entry = (hit && now !== undefined && (await patched(db, hit, now))) || (await fullBuild(db, p));
    rememberPlanContext(db, p.plan.id, entry);
    return entry;
  })().finally(() => inFlight.delete(p.plan.id));
  inFlight.set(p.plan.id, build);
  return build;
}

async function fullBuild(db: Db, p: LoadedPlan): Promise<PlanContextEntry> {
  const { input, stations, fingerprint } = await loadPlanningInput(
    db,
    p.path,
    p.plan.rules as QuotaRule[],
    p.plan.period as PlannerCampaign,
    { recusal: false },
  );
  return { fingerprint, context: contextOf(input), stations, input: patchInputOf(input), builtBy: 'full' };
}

/** The cached requirements with the changed stations' units read again, or null when a full build is needed. */
async function patched(db: Db, hit: PlanContextEntry, now: string): Promise<PlanContextEntry | null> {
  const changed = stationsChanged(hit.fingerprint, now);
  const ids = [...changed].map(Number);
  const { units, fingerprint } = await loadUnits(
    db,
    sql`(${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const context = patchContext(hit.context, hit.input, changed, units);
  if (!context) return null;
  return { ...hit, context, fingerprint: withStationPrints(hit.fingerprint, changed, fingerprint), builtBy: 'patch' };
}

/** Build the requirements of the most recent plans of active campaigns (at start, in the background); fold the change feed. */
export async function warmPlanContexts(db: Db): Promise<number> {
  // The change feed folded once per start too, for stations no coverage read folds.
  await compactRegistryChanges(db, sql`(select distinct jurisdiction_id from registry_changes)`);
  const recent = await rows<{ id: number }>(
    db,
    sql`select p.id from plans p join campaigns c on c.id = p.campaign_id where c.status = 'active' order by p.published_at desc nulls last, p.id desc limit ${WARM_PLANS}`,
  );
  // Oldest first, so that if the budget runs out the most recent plans are the ones kept.
  for (const { id } of recent.reverse()) await planContext(db, await getPlan(db, id));
  return recent.length;
}

/**
 * Done inspections of the plan's area inside its period, in compact form (`DoneFacts`): one text
 * value "id,day;id,day;…" read digit by digit into two integer arrays, no string or object per
 * inspection (at province scale 100,000+ of them, read on every coverage request).
 */
export async function doneInspections(db: Db, p: LoadedPlan): Promise<DoneFacts> {
  const period = p.plan.period as PlannerCampaign;
  const [r] = await rows<{ s: string | null; n: number }>(
    db,
    sql`select string_agg(concat(entity_id, ',', date - date '1970-01-01'), ';') as s, count(*)::int as n from inspections
        where status = 'done' and jurisdiction_id in ${areaStations(p.path)}
        ${period.from ? sql`and date >= ${period.from}` : sql``} ${period.to ? sql`and date <= ${period.to}` : sql``}`,
  );
  return parsePairs(r?.s ?? '', r?.n ?? 0);
}

/** "a,b;a,b;…" (integers, b may be negative) → the a's and b's. */
export function parsePairs(s: string, n: number): DoneFacts {
  const ids = new Int32Array(n);
  const days = new Int32Array(n);
  let k = 0;
  let v = 0;
  let neg = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 59; // ';' closes the last pair
    if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    else if (c === 45) neg = true;
    else if (c === 44) {
      ids[k] = neg ? -v : v;
      v = 0;
      neg = false;
    } else if (c === 59 && s.length > 0) {
      days[k++] = neg ? -v : v;
      v = 0;
      neg = false;
    }
  }
  if (k !== n) throw new Error(`doneInspections: ${k} pairs read, ${n} expected`);
  return { ids, days };
}

/**
 * What the campaign already has, for a new plan to count (`withExisting`): done inspections of the
 * area inside the period (as coverage counts them) and the still-open planned inspections of the
 * campaign's published plans (their due window: from its start, or its due day, to its due day).
 * `exceptPlanId`: a plan's own inspections are not "existing" for it.
 */
export async function existingVisits(
  db: DbOrTx,
  areaPath: string,
  period: PlannerCampaign,
  campaignId: number,
  exceptPlanId?: number,
): Promise<ExistingVisit[]> {
  const [r] = await rows<{ s: string | null }>(
    db,
    sql`select string_agg(concat(entity_id, chr(31), f, chr(31), t), chr(29)) as s from (
          select entity_id, date - date '1970-01-01' as f, date - date '1970-01-01' as t from inspections
          where status = 'done' and jurisdiction_id in ${areaStations(areaPath)}
            ${period.from ? sql`and date >= ${period.from}` : sql``} ${period.to ? sql`and date <= ${period.to}` : sql``}
          union all
          select i.entity_id, coalesce(i.due_from, i.date) - date '1970-01-01', i.date - date '1970-01-01' from inspections i
          join plans p on p.id = i.plan_id
          where i.status = 'planned' and p.campaign_id = ${campaignId} and p.status = 'published'
            ${exceptPlanId ? sql`and p.id <> ${exceptPlanId}` : sql``}
        ) x`,
  );
  if (!r?.s) return [];
  return r.s.split(GS).map((x) => {
    const [e, f, t] = x.split(US);
    return { entityId: e, from: Number(f), to: Number(t) };
  });
}
