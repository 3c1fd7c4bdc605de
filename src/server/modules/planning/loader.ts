import { sql } from 'drizzle-orm';
import type { QuotaRule } from '../../../contracts/quota-rules.js';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../core/errors.js';
import {
  buildContext,
  RuleError,
  type PlannerCampaign,
  type PlannerEntity,
  type PlanningContext,
  type PlanningInput,
} from './engine/index.js';

/**
 * Reads what the planning engine needs from the database: the campaign's rules and dates, the
 * stations of its area with their inspector pools and declared conflicts, the units in scope
 * (compact columns only) and who inspected each unit last.
 */
import { rows } from '../../core/sql.js';
import { currentCampaign } from '../campaigns/public.js';
import { POOL_ROLES } from './queries.js';

export interface CampaignForPlanning {
  id: number;
  name: string;
  jurisdictionId: number;
  jurisdictionPath: string;
  version: number;
  rules: QuotaRule[];
  period: PlannerCampaign;
  /** Quota values the plan leaves unset (provenance `unset`): what the planner cannot decide, in words. */
  missing: string[];
}

export async function loadCampaign(db: DbOrTx, campaignId: number): Promise<CampaignForPlanning> {
  const c = await currentCampaign(db, campaignId);
  const d = c.definition;
  return {
    id: c.id,
    name: c.name,
    jurisdictionId: c.jurisdictionId,
    jurisdictionPath: c.jurisdictionPath,
    version: c.version,
    rules: d.quotas ?? [],
    period: {
      from: d.period?.from ?? null,
      to: d.period?.to ?? null,
      phases: (d.phases ?? []).map((p) => ({ key: p.key, from: p.from, to: p.to })),
    },
    missing: [
      // No period in the plan: the plan is not bounded by dates (said, not invented).
      ...(d.period
        ? []
        : [`方案未定（行动期间）：${d.provenance?.period?.reason ?? '方案未写起止日期'}；计划不限检查起止日期，请专项办确定行动期间`]),
      ...Object.entries(d.provenance ?? {})
        .filter(([path, p]) => p.kind === 'unset' && path.startsWith('quotas.'))
        .map(([path, p]) => `方案未定（${path}）：${p.reason ?? ''}`),
    ],
  };
}

export interface StationInfo {
  id: number;
  name: string;
  shortName: string;
  path: string;
  /** The county and city jurisdiction the station belongs to (rules counted per county / city). */
  county: number | null;
  city: number | null;
  inspectors: { id: number; name: string }[];
}

/** Stations under a jurisdiction (by path), with the people who may be drawn to inspect. */
export async function loadStations(db: DbOrTx, areaPath: string): Promise<StationInfo[]> {
  const list = await rows(
    db,
    sql`select j.id, j.name, j.path, coalesce(max(o.short_name), j.name) as short_name
        from jurisdictions j left join org_units o on o.jurisdiction_id = j.id and o.kind = 'station'
        where j.level = 'station' and j.path like ${areaPath + '%'}
        group by j.id order by j.sort_order, j.id`,
  );
  const people = await rows(
    db,
    sql`select u.id, u.display_name, u.jurisdiction_id from users u join jurisdictions j on j.id = u.jurisdiction_id
        where u.active and u.role in ${POOL_ROLES} and j.level = 'station' and j.path like ${areaPath + '%'}
        order by u.id`,
  );
  const byStation = new Map<number, { id: number; name: string }[]>();
  for (const p of people) {
    const l = byStation.get(p.jurisdiction_id) ?? [];
    l.push({ id: p.id, name: p.display_name });
    byStation.set(p.jurisdiction_id, l);
  }
  // The stations' ancestors at county and city level, read once from the ids in their paths.
  const ancestors = [...new Set(list.flatMap((s) => String(s.path).split('/').filter(Boolean).map(Number)))];
  const levels = ancestors.length
    ? await rows<{ id: number; level: string }>(
        db,
        sql`select id, level from jurisdictions where id = any(${`{${ancestors.join(',')}}`}::int[]) and level in ('county', 'city')`,
      )
    : [];
  const levelOf = new Map(levels.map((l) => [l.id, l.level]));
  const up = (path: string, level: string) =>
    String(path)
      .split('/')
      .filter(Boolean)
      .map(Number)
      .find((id) => levelOf.get(id) === level) ?? null;
  return list.map((s) => ({
    id: s.id,
    name: s.name,
    shortName: s.short_name,
    path: s.path,
    county: up(s.path, 'county'),
    city: up(s.path, 'city'),
    inspectors: byStation.get(s.id) ?? [],
  }));
}

export interface LoadedInput {
  input: PlanningInput;
  stations: StationInfo[];
  /** The registry's fingerprint when the units were read (see `registryFingerprint`). */
  fingerprint: string;
}

/**
 * `recusal: false` leaves out declared conflicts and last inspectors: what coverage needs (the
 * requirements do not depend on them), saving a scan of every done inspection of the area.
 */
export async function loadPlanningInput(
  db: DbOrTx,
  areaPath: string,
  rules: QuotaRule[],
  period: PlannerCampaign,
  opts: { recusal?: boolean } = {},
): Promise<LoadedInput> {
  const recusal = opts.recusal ?? true;
  const inArea = areaStations(areaPath);
  const [stations, { units, fingerprint }, conflicts, lastInspectors] = await Promise.all([
    loadStations(db, areaPath),
    loadUnits(db, inArea),
    recusal
      ? rows(db, sql`select user_id::text as u, entity_id::text as e from inspector_conflicts where jurisdiction_id in ${inArea}`)
      : [],
    recusal ? loadLastInspectors(db, areaPath) : {},
  ]);
  const conflictsOf = new Map<string, string[]>();
  for (const c of conflicts) {
    const l = conflictsOf.get(c.u);
    if (l) l.push(c.e);
    else conflictsOf.set(c.u, [c.e]);
  }
  const input: PlanningInput = {
    entities: units,
    stations: stations.map((s) => ({
      id: String(s.id),
      shortName: s.shortName,
      county: s.county == null ? null : String(s.county),
      city: s.city == null ? null : String(s.city),
      inspectorPool: s.inspectors.map((p) => ({ id: String(p.id), conflictedEntityIds: conflictsOf.get(String(p.id)) })),
    })),
    rules,
    campaign: period,
    lastInspectors,
  };
  return { input, stations, fingerprint };
}

// Field and record separators (ASCII US / RS / GS) for results packed into one text value.
export const US = '\x1f';
const RS = '\x1e';
export const GS = '\x1d';

/**
 * The units of the area as planner entities, sorted by id as text (the engine's order). At province
 * scale this is 200,000+ rows: they come back packed into one text value and are split here, which
 * takes a fraction of the time (and garbage) of parsing as many result rows.
 */
export async function loadUnits(db: DbOrTx, stationIds: ReturnType<typeof sql>): Promise<{ units: PlannerEntity[]; fingerprint: string }> {
  const [r] = await rows<{ s: string | null; f: string | null }>(
    db,
    sql`select string_agg(concat(id, chr(31), jurisdiction_id, chr(31), kind, chr(31), array_to_string(tags, chr(30)), chr(31), medical_grade, chr(31),
          device_level, chr(31), case family_planning when true then 't' when false then 'f' end, chr(31), risk_level, chr(31), credit_grade, chr(31), status,
          chr(31), array_to_string(products, chr(30))),
          chr(29) order by id::text collate "C") filter (where status <> 'closed') as s,
          (select f from (${fingerprintQuery(stationIds)}) fp) as f
        from entities where jurisdiction_id in ${stationIds}`,
  );
  const fingerprint = r?.f ?? '';
  if (!r?.s) return { units: [], fingerprint };
  // "id US station US profile": the profile (kind, tags, grades, …) repeats across units, so it is
  // parsed once per distinct text and its fields (and tag array) are shared.
  const orNull = (x: string) => (x === '' ? null : x);
  const profiles = new Map<string, Omit<PlannerEntity, 'id' | 'stationId'>>();
  const units = r.s.split(GS).map((line): PlannerEntity => {
    const a = line.indexOf(US);
    const b = line.indexOf(US, a + 1);
    const key = line.slice(b + 1);
    let p = profiles.get(key);
    if (!p) {
      const f = key.split(US);
      p = {
        kind: f[0],
        tags: f[1] === '' ? [] : f[1].split(RS),
        medicalGrade: orNull(f[2]),
        deviceLevel: orNull(f[3]),
        familyPlanning: f[4] === '' ? null : f[4] === 't',
        riskLevel: orNull(f[5]),
        creditGrade: orNull(f[6]),
        status: f[7],
        products: f[8] ? f[8].split(RS) : [],
      };
      profiles.set(key, p);
    }
    return { id: line.slice(0, a), stationId: line.slice(a + 1, b), ...p };
  });
  return { units, fingerprint };
}

/**
 * A cheap summary of the area's registry, per station: requirements built from the registry stay
 * valid while it is the same, and after a change only the stations whose summary changed need
 * their units read again (`stationsChanged`). Per station it is the sum of the station's rows in
 * the registry's change feed (`registry_changes`, written by triggers in every writer's
 * transaction): any insert, update or delete of a unit that becomes visible adds to it, whatever its
 * commit order, and reading it is an index scan of a few rows per station (the earlier summary,
 * count and sum of `xmin`, read the whole table: 120 ms at province scale). Text, "station:sum" in
 * station order, comma-separated; `loadUnits` returns it from the same statement (snapshot) as the
 * units. Stations never written since the feed began have no entry.
 */
export async function registryFingerprint(db: DbOrTx, stationIds: ReturnType<typeof sql>): Promise<string> {
  const [r] = await rows<{ f: string | null; extra: number }>(db, sql`${fingerprintQuery(stationIds)}`);
  if (r && r.extra > COMPACT_AFTER) await compactRegistryChanges(db, stationIds);
  return r?.f ?? '';
}
const fingerprintQuery = (stationIds: ReturnType<typeof sql>) =>
  sql`select string_agg(concat(jurisdiction_id, ':', v), ',' order by jurisdiction_id) as f, coalesce(sum(k), 0)::int - count(*)::int as extra from (
        select jurisdiction_id, sum(n) as v, count(*) as k from registry_changes where jurisdiction_id in ${stationIds} group by jurisdiction_id) per_station`;

/** Feed rows beyond one per station after which a read folds them (an import adds one per station and chunk). */
const COMPACT_AFTER = 2_000;

/**
 * Fold the stations' change-feed rows into one row per station with the same sum, in one
 * statement: a reader sees the rows before or after, never a different sum, and rows written
 * meanwhile by transactions not yet committed are left as they are.
 */
export async function compactRegistryChanges(db: DbOrTx, stationIds: ReturnType<typeof sql>): Promise<void> {
  await db.execute(sql`with folded as (delete from registry_changes where jurisdiction_id in ${stationIds} returning jurisdiction_id, n)
    insert into registry_changes (jurisdiction_id, n) select jurisdiction_id, sum(n) from folded group by jurisdiction_id`);
}

const parsePrints = (f: string) => new Map(f ? f.split(',').map((x) => x.split(':') as [string, string]) : []);

/** `base` with the `changed` stations' summaries taken from `part` (read with their units). */
export function withStationPrints(base: string, changed: ReadonlySet<string>, part: string): string {
  const m = parsePrints(base);
  for (const id of changed) m.delete(id);
  for (const [id, v] of parsePrints(part)) m.set(id, v);
  return [...m]
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([id, v]) => `${id}:${v}`)
    .join(',');
}

/** Stations whose summary differs between two fingerprints (including stations in only one of them). */
export function stationsChanged(a: string, b: string): Set<string> {
  const [pa, pb] = [parsePrints(a), parsePrints(b)];
  const out = new Set<string>();
  for (const [id, v] of pa) if (pb.get(id) !== v) out.add(id);
  for (const id of pb.keys()) if (!pa.has(id)) out.add(id);
  return out;
}

/** The stations of an area, as a subquery of jurisdiction ids. */
export const areaStations = (areaPath: string) =>
  sql`(select j.id from jurisdictions j where j.level = 'station' and j.path like ${areaPath + '%'})`;

/** Who inspected each unit of the area last (recusal: not the same people again). */
export async function loadLastInspectors(db: DbOrTx, areaPath: string): Promise<Record<string, string[]>> {
  // Packed like the units: "entity US id,id,…" per unit, GS between units.
  const [r] = await rows<{ s: string | null }>(
    db,
    sql`select string_agg(concat(e, chr(31), array_to_string(i, ',')), chr(29)) as s from (
          select distinct on (entity_id) entity_id as e, inspector_ids as i from inspections
          where status = 'done' and jurisdiction_id in ${areaStations(areaPath)}
          order by entity_id, date desc, id desc) last`,
  );
  const out: Record<string, string[]> = {};
  if (!r?.s) return out;
  for (const x of r.s.split(GS)) {
    const cut = x.indexOf(US);
    const ids = x.slice(cut + 1);
    out[x.slice(0, cut)] = ids === '' ? [] : ids.split(',');
  }
  return out;
}

/** Requirements for an input; a rule set that cannot apply becomes a 400 with the reason. */
export function contextOf(input: PlanningInput): PlanningContext {
  try {
    return buildContext(input);
  } catch (e) {
    if (e instanceof RuleError) throw new AppError(e.code, e.message, 400);
    throw e;
  }
}
