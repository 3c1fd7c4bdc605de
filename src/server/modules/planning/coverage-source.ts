import { sql } from 'drizzle-orm';
import type { QuotaRule } from '../../../contracts/quota-rules.js';
import type { Db } from '../../../db/client.js';
import type { InspectionFact, PlannerCampaign, PlanningContext } from './engine/index.js';
import { contextOf, loadPlanningInput, type StationInfo } from './loader.js';
import { rows, type LoadedPlan } from './queries.js';

/**
 * Coverage needs the plan's requirements (which units each rule × station counts) and the done
 * inspections. The requirements are built once from compact entity columns and kept while the
 * registry of the area is unchanged (same count and last update), so a coverage request is one
 * indexed query for the done inspections plus counting in memory.
 */
interface Cached {
  fingerprint: string;
  context: PlanningContext;
  stations: StationInfo[];
}
const caches = new WeakMap<Db, Map<number, Cached>>();
const MAX_CACHED = 8;

const areaStations = (path: string) => sql`(select j.id from jurisdictions j where j.level = 'station' and j.path like ${path + '%'})`;

export async function planContext(db: Db, p: LoadedPlan): Promise<Cached> {
  const [f] = await rows(db, sql`select count(*)::int as n, max(updated_at)::text as at from entities where jurisdiction_id in ${areaStations(p.path)}`);
  const fingerprint = `${f?.n}|${f?.at}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(p.plan.id);
  if (hit && hit.fingerprint === fingerprint) return hit;
  const { input, stations } = await loadPlanningInput(db, p.path, p.plan.rules as QuotaRule[], p.plan.period as PlannerCampaign, { recusal: false });
  const entry = { fingerprint, context: contextOf(input), stations };
  cache.delete(p.plan.id);
  cache.set(p.plan.id, entry);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return entry;
}

/**
 * Done inspections of the plan's area inside its period (entity id, day number), packed into one
 * text value like the units (see `loadUnits`): one row instead of one per inspection.
 */
export async function doneInspections(db: Db, p: LoadedPlan): Promise<InspectionFact[]> {
  const period = p.plan.period as PlannerCampaign;
  const [r] = await rows<{ s: string | null }>(
    db,
    sql`select string_agg(concat(entity_id, chr(31), date - date '1970-01-01'), chr(29)) as s from inspections
        where status = 'done' and jurisdiction_id in ${areaStations(p.path)}
        ${period.from ? sql`and date >= ${period.from}` : sql``} ${period.to ? sql`and date <= ${period.to}` : sql``}`,
  );
  if (!r?.s) return [];
  return r.s.split('\x1d').map((x) => {
    const cut = x.indexOf('\x1f');
    const day = Number(x.slice(cut + 1));
    return { entityId: x.slice(0, cut), day, status: 'done' as const };
  });
}
