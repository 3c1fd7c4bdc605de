import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ENTITY_KINDS } from '../../../contracts/entity-kinds.js';
import { LICENCE_EXPIRING_DAYS, type EntityFilters } from '../../../contracts/entities.js';
import type { DbOrTx } from '../../../db/client.js';
import { entities, entityLicences, jurisdictions } from '../../../db/schema/index.js';
import type { Actor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { inSubtree, scopeWhere } from '../../core/scope.js';
import { shanghaiToday } from '../../../contracts/calendar.js';

export const station = alias(jurisdictions, 'station');
export const township = alias(jurisdictions, 'township');
export const village = alias(jurisdictions, 'village');

/** Columns of the list and the file; joins: station (inner), township and village (left). */
export const entityColumns = {
  id: entities.id,
  name: entities.name,
  creditCode: entities.creditCode,
  kind: entities.kind,
  jurisdictionId: entities.jurisdictionId,
  stationName: station.name,
  stationPath: station.path,
  townshipId: entities.townshipId,
  townshipName: township.name,
  villageId: entities.villageId,
  villageName: village.name,
  address: entities.address,
  legalRepresentative: entities.legalRepresentative,
  personInCharge: entities.personInCharge,
  qualityManager: entities.qualityManager,
  phone: entities.phone,
  lat: entities.lat,
  lng: entities.lng,
  tags: entities.tags,
  products: entities.products,
  medicalGrade: entities.medicalGrade,
  deviceLevel: entities.deviceLevel,
  familyPlanning: entities.familyPlanning,
  riskLevel: entities.riskLevel,
  creditGrade: entities.creditGrade,
  status: entities.status,
  licenceValidTo: entities.licenceValidTo,
  createdAt: entities.createdAt,
  updatedAt: entities.updatedAt,
  version: entities.version,
};

export function selectEntities(db: DbOrTx) {
  return db
    .select(entityColumns)
    .from(entities)
    .innerJoin(station, eq(station.id, entities.jurisdictionId))
    .leftJoin(township, eq(township.id, entities.townshipId))
    .leftJoin(village, eq(village.id, entities.villageId));
}

export type EntityRow = Awaited<ReturnType<ReturnType<typeof selectEntities>['execute']>>[number];

/**
 * The actor's data scope over entities: scopeWhere, with a jurisdiction scope resolved first to
 * its station ids (units hang on stations). Literal ids let the planner see how few rows a
 * station or county holds, so it walks the (jurisdiction, name) index instead of the whole table.
 */
export async function entityScope(ctx: { db: DbOrTx; actor: Actor }): Promise<SQL> {
  const base = scopeWhere(ctx.actor, { jurisdiction: entities.jurisdictionId });
  if (ctx.actor.scope !== 'jurisdiction') return base;
  const res = await ctx.db.execute(
    sql`select id from jurisdictions where level = 'station' and path like ${ctx.actor.jurisdictionPath + '%'}`,
  );
  const ids = ((res as any).rows as { id: number }[]).map((r) => Number(r.id));
  if (!ids.length) return sql`false`;
  return sql`${entities.jurisdictionId} = any(${sql.raw(`'{${ids.join(',')}}'`)}::int[])`;
}

/** One entity the actor may see, or NOT_FOUND (never reveals another jurisdiction's unit). */
export async function getEntityRow(db: DbOrTx, actor: Actor, id: number): Promise<EntityRow> {
  const [row] = await selectEntities(db).where(and(eq(entities.id, id), scopeWhere(actor, { jurisdiction: entities.jurisdictionId })));
  if (!row) throw notFound('监管对象');
  return row;
}

export async function getLicences(db: DbOrTx, entityId: number) {
  return db.select().from(entityLicences).where(eq(entityLicences.entityId, entityId)).orderBy(entityLicences.validTo, entityLicences.id);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => '\\' + m);
const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/** Distinct 2-character pieces of the texts, lower-cased (whitespace never inside a piece). */
export function bigrams(...texts: (string | null | undefined)[]): string[] {
  const set = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    const chars = [...t.toLowerCase()];
    for (let i = 0; i + 1 < chars.length; i++) {
      if (/\s/.test(chars[i]) || /\s/.test(chars[i + 1])) continue;
      set.add(chars[i] + chars[i + 1]);
    }
  }
  return [...set];
}

/** SQL conditions for the filters (scope is added by the caller). */
export async function filterConditions(db: DbOrTx, f: EntityFilters): Promise<SQL[]> {
  const c: SQL[] = [];
  if (f.q) {
    // Each word must occur in name, credit code or address. ILIKE '%…%' is served by the
    // trigram GIN index for 3+ characters; a 2-character word (common in Chinese) by the bigram
    // index over name and address; a single character falls back to a filtered scan.
    for (const word of f.q.split(/\s+/).filter(Boolean).slice(0, 5)) {
      const chars = [...word];
      if (chars.length === 2) c.push(sql`${entities.searchBigrams} @> array[${word.toLowerCase()}]::text[]`);
      else c.push(sql`${entities.searchText} ilike ${'%' + escapeLike(word) + '%'}`);
    }
  }
  const kinds = new Set<string>(f.kinds ?? []);
  if (f.sectors?.length) {
    const bySector = ENTITY_KINDS.filter((k) => f.sectors!.includes(k.sector)).map((k) => k.code);
    if (kinds.size) {
      for (const k of [...kinds]) if (!bySector.includes(k as never)) kinds.delete(k);
      if (!kinds.size) c.push(sql`false`);
    } else {
      bySector.forEach((k) => kinds.add(k));
    }
  }
  if (kinds.size) c.push(sql`${entities.kind} in (${list([...kinds])})`);
  if (f.jurisdictionId) {
    const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, f.jurisdictionId));
    if (!j) c.push(sql`false`);
    else if (j.level === 'township') c.push(eq(entities.townshipId, j.id));
    else if (j.level === 'village') c.push(eq(entities.villageId, j.id));
    else if (j.level === 'station') c.push(eq(entities.jurisdictionId, j.id));
    else c.push(inSubtree(entities.jurisdictionId, j.path));
  }
  if (f.tagsAny?.length) c.push(sql`${entities.tags} && array[${list(f.tagsAny)}]::text[]`);
  if (f.productsAny?.length) c.push(sql`${entities.products} && array[${list(f.productsAny)}]::text[]`);
  if (f.riskLevels?.length) c.push(sql`${entities.riskLevel} in (${list(f.riskLevels)})`);
  if (f.creditGrades?.length) c.push(sql`${entities.creditGrade} in (${list(f.creditGrades)})`);
  if (f.statuses?.length) c.push(sql`${entities.status} in (${list(f.statuses)})`);
  if (f.medicalGrades?.length) c.push(sql`${entities.medicalGrade} in (${list(f.medicalGrades)})`);
  if (f.deviceLevels?.length) c.push(sql`${entities.deviceLevel} in (${list(f.deviceLevels)})`);
  if (f.familyPlanning !== undefined) c.push(eq(entities.familyPlanning, f.familyPlanning));
  if (f.licenceStates?.length) {
    const ors: SQL[] = [];
    // Beijing's date, not the database session's time zone.
    const today = sql`${shanghaiToday()}::date`;
    const soon = sql`${today} + ${LICENCE_EXPIRING_DAYS}::int`;
    if (f.licenceStates.includes('expired')) ors.push(sql`${entities.licenceValidTo} < ${today}`);
    if (f.licenceStates.includes('expiring'))
      ors.push(sql`(${entities.licenceValidTo} >= ${today} and ${entities.licenceValidTo} <= ${soon})`);
    if (f.licenceStates.includes('valid')) ors.push(sql`(${entities.licenceValidTo} is null or ${entities.licenceValidTo} > ${soon})`);
    c.push(sql`(${sql.join(ors, sql` or `)})`);
  }
  if (f.licenceKind) {
    c.push(sql`exists (select 1 from ${entityLicences} l where l.entity_id = ${entities.id} and l.kind = ${f.licenceKind})`);
  }
  return c;
}

/** Keep `licence_valid_to` equal to the earliest licence expiry of each given entity. */
export async function refreshLicenceValidTo(db: DbOrTx, ids: number[]) {
  if (!ids.length) return;
  const earliest = sql`(select min(l.valid_to) from entity_licences l where l.entity_id = e.id)`;
  await db.execute(sql`update entities e set licence_valid_to = ${earliest}
    where e.id = any(${sql.raw(`'{${ids.join(',')}}'`)}::int[]) and e.licence_valid_to is distinct from ${earliest}`);
}
