import { is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx, Tx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { copyArray, copyField, copyInto } from '../../core/copy.js';
import type { ImportRecord } from './import-read.js';
import { bigrams, refreshLicenceValidTo } from './queries.js';
import { syncUnitKinds } from '../../core/measure-summaries.js';

const CHUNK = 1000;

const COLS = `name text, credit_code text, kind text, jurisdiction_id int, township_id int, village_id int, address text,
  legal_representative text, person_in_charge text, quality_manager text, phone text, tags text[], products text[], medical_grade text,
  device_level text, family_planning boolean, risk_level text, credit_grade text, status text, licence_valid_to date, search_bigrams text[]`;

function toJson(r: ImportRecord, currentAddress?: string | null) {
  return {
    id: r.existingId,
    row: r.row,
    name: r.name,
    credit_code: r.creditCode,
    kind: r.kind,
    jurisdiction_id: r.jurisdictionId,
    township_id: r.townshipId,
    village_id: r.villageId,
    address: r.address,
    legal_representative: r.legalRepresentative,
    person_in_charge: r.personInCharge,
    quality_manager: r.qualityManager,
    phone: r.phone,
    tags: r.tags,
    products: r.products,
    medical_grade: r.medicalGrade,
    device_level: r.deviceLevel,
    family_planning: r.familyPlanning,
    risk_level: r.riskLevel,
    credit_grade: r.creditGrade,
    status: r.status,
    licence_valid_to: r.licence?.validTo ?? null,
    search_bigrams: bigrams(r.name, r.address ?? currentAddress),
  };
}

const rowsOf = (res: unknown) => (res as { rows: any[] }).rows;

/** Would writing this record change the unit? Mirrors the UPDATE below (blank keeps the current value). */
function changes(r: ImportRecord, b: any): boolean {
  if (!b) return true;
  const keep = <T>(v: T | null, cur: T) => (v === null || v === undefined ? cur : v);
  const moved = r.jurisdictionId !== b.jurisdiction_id;
  const township = moved ? r.townshipId : keep(r.townshipId, b.township_id);
  const village = moved || r.townshipId !== null ? r.villageId : keep(r.villageId, b.village_id);
  const tags = r.tags ?? b.tags ?? [];
  const products = r.products ?? b.products ?? [];
  return (
    r.name !== b.name ||
    r.creditCode !== b.credit_code ||
    r.kind !== b.kind ||
    moved ||
    township !== b.township_id ||
    village !== b.village_id ||
    keep(r.address, b.address) !== b.address ||
    keep(r.legalRepresentative, b.legal_representative) !== b.legal_representative ||
    keep(r.personInCharge, b.person_in_charge) !== b.person_in_charge ||
    keep(r.qualityManager, b.quality_manager) !== b.quality_manager ||
    keep(r.phone, b.phone) !== b.phone ||
    tags.length !== (b.tags ?? []).length ||
    tags.some((t: string, i: number) => t !== b.tags[i]) ||
    products.length !== (b.products ?? []).length ||
    products.some((t: string, i: number) => t !== b.products[i]) ||
    keep(r.medicalGrade, b.medical_grade) !== b.medical_grade ||
    keep(r.deviceLevel, b.device_level) !== b.device_level ||
    keep(r.familyPlanning, b.family_planning) !== b.family_planning ||
    keep(r.riskLevel, b.risk_level) !== b.risk_level ||
    keep(r.creditGrade, b.credit_grade) !== b.credit_grade ||
    keep(r.status, b.status) !== b.status
  );
}

/** Columns of a new unit, in the order of `newUnitLine`. */
export const UNIT_COLUMNS = [
  'id',
  'name',
  'credit_code',
  'kind',
  'jurisdiction_id',
  'township_id',
  'village_id',
  'address',
  'legal_representative',
  'person_in_charge',
  'quality_manager',
  'phone',
  'tags',
  'products',
  'medical_grade',
  'device_level',
  'family_planning',
  'risk_level',
  'credit_grade',
  'status',
  'licence_valid_to',
  'search_bigrams',
  'created_by',
] as const;

/** A new unit as a COPY line; blank cells take the column defaults of an insert. */
export function newUnitLine(id: number, r: ImportRecord, createdBy: number | null) {
  const bool = (b: boolean | null) => (b === null ? '\\N' : b ? 't' : 'f');
  return (
    [
      String(id),
      copyField(r.name),
      copyField(r.creditCode),
      copyField(r.kind),
      copyField(r.jurisdictionId),
      copyField(r.townshipId),
      copyField(r.villageId),
      copyField(r.address),
      copyField(r.legalRepresentative),
      copyField(r.personInCharge),
      copyField(r.qualityManager),
      copyField(r.phone),
      copyArray(r.tags ?? []),
      copyArray(r.products ?? []),
      copyField(r.medicalGrade),
      copyField(r.deviceLevel),
      bool(r.familyPlanning ?? false),
      copyField(r.riskLevel ?? 'low'),
      copyField(r.creditGrade),
      copyField(r.status ?? 'operating'),
      copyField(r.licence?.validTo ?? null),
      copyArray(bigrams(r.name, r.address)),
      copyField(createdBy),
    ].join('\t') + '\n'
  );
}

const LICENCE_COLUMNS = ['entity_id', 'jurisdiction_id', 'kind', 'number', 'scope', 'valid_from', 'valid_to'] as const;
const AUDIT_COLUMNS = [
  'actor_id',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'jurisdiction_id',
  'summary',
  'before',
  'after',
  'ip',
] as const;

/**
 * Would upserting this record's licence change anything? Only known when validation looked the
 * licence up in the same transaction (`licenceHeld`); otherwise assume it would (the upsert's own
 * WHERE then leaves an equal row alone). Mirrors the upsert below: a blank field keeps the current one.
 */
function licenceChanges(r: ImportRecord, id: number): boolean {
  const held = r.licenceHeld;
  const l = r.licence!;
  if (held === undefined || held === null) return true;
  const differs = <T>(v: T | null | undefined, cur: T | null) => v !== null && v !== undefined && v !== cur;
  return (
    held.entityId !== id ||
    held.jurisdictionId !== r.jurisdictionId ||
    differs(l.scope, held.scope) ||
    differs(l.validFrom, held.validFrom) ||
    differs(l.validTo, held.validTo)
  );
}

/** Run `fn` in the caller's transaction, or in one of its own when called with the database. */
function inTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return is(db, PgTransaction) ? fn(db as Tx) : (db as Db).transaction(fn);
}

/**
 * Write validated records in chunks of set-based statements: new units, their licences and the audit
 * rows by COPY (ids drawn from the sequence first, one statement per chunk), updates of known units
 * by jsonb_to_recordset (blank cells keep the current value), licence upserts by (kind, number) for
 * known units whose licence differs, and audit rows — before/after for every updated unit, one row
 * per created unit. Runs in the caller's transaction (or its own when given the database).
 */
export async function writeRecords(
  db: DbOrTx,
  actor: Pick<Actor, 'id' | 'name'>,
  records: ImportRecord[],
  opts: {
    importId?: number;
    /** 'demo': audited as plain registrations of demo data. */ source?: 'import' | 'demo';
    ip?: string | null;
    onProgress?: (done: number) => void | Promise<void>;
    /** Bench data only. */ skipAudit?: boolean;
  } = {},
) {
  if (!records.length) return { created: 0, updated: 0, unchanged: 0 };
  return inTransaction(db, (tx) => write(tx, actor, records, opts));
}

async function write(
  tx: Tx,
  actor: Pick<Actor, 'id' | 'name'>,
  records: ImportRecord[],
  opts: Parameters<typeof writeRecords>[3] & object,
) {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const tag = opts.importId ? `（导入批次 #${opts.importId}）` : '';
  const auditLine = (a: { action: string; entityId: number; jurisdictionId: number; summary: string; before?: unknown; after?: unknown }) =>
    [
      copyField(actor.id || null),
      copyField(actor.name),
      copyField(a.action),
      'entity',
      String(a.entityId),
      copyField(a.jurisdictionId),
      copyField(a.summary),
      a.before ? copyField(JSON.stringify(a.before)) : '\\N',
      a.after ? copyField(JSON.stringify(a.after)) : '\\N',
      copyField(opts.ip ?? null),
    ].join('\t') + '\n';
  // Ids of the new units first, all in one statement, so units, licences and audit rows go in by COPY.
  const newCount = records.filter((r) => !r.existingId).length;
  const newIds = newCount
    ? rowsOf(
        await tx.execute(
          sql`select nextval(pg_get_serial_sequence('entities', 'id'))::int as id from generate_series(1, ${newCount}::int)`,
        ),
      ).map((x) => x.id as number)
    : [];
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    const ids = new Map<ImportRecord, number>();
    const audits: string[] = [];

    const news = chunk.filter((r) => !r.existingId);
    if (news.length) {
      const lines: string[] = [];
      news.forEach((r, k) => {
        const id = newIds[created + k];
        ids.set(r, id);
        lines.push(newUnitLine(id, r, actor.id || null));
        audits.push(
          auditLine(
            opts.source === 'demo'
              ? { action: 'entity.create', entityId: id, jurisdictionId: r.jurisdictionId, summary: `登记 ${r.name}（演示数据）` }
              : { action: 'entity.import_create', entityId: id, jurisdictionId: r.jurisdictionId, summary: `导入登记 ${r.name}${tag}` },
          ),
        );
      });
      await copyInto(tx, 'entities', UNIT_COLUMNS, lines);
      created += news.length;
    }

    const known = chunk.filter((r) => r.existingId);
    let olds: ImportRecord[] = [];
    const before = new Map<number, any>();
    if (known.length) {
      const readRows = async (rs: ImportRecord[]) => {
        if (!rs.length) return;
        const idList = sql.raw(`'{${rs.map((r) => r.existingId).join(',')}}'::int[]`);
        for (const b of rowsOf(await tx.execute(sql`select * from entities where id = any(${idList})`))) before.set(b.id, b);
      };
      // Compared by the values validation read in this transaction, else by the rows read here.
      await readRows(known.filter((r) => !r.current));
      // A unit whose values are all the same is left alone (no write, no audit row).
      olds = known.filter((r) => changes(r, r.current ?? before.get(r.existingId!)));
      // Whole rows (the audit's before) only for the units that change.
      await readRows(olds.filter((r) => !before.has(r.existingId!)));
      for (const r of known) ids.set(r, r.existingId!);
      unchanged += known.length - olds.length;
    }
    if (olds.length) {
      const res = await tx.execute(sql`update entities e set
          name = x.name,
          credit_code = x.credit_code,
          kind = x.kind,
          jurisdiction_id = x.jurisdiction_id,
          township_id = case when x.jurisdiction_id <> e.jurisdiction_id then x.township_id else coalesce(x.township_id, e.township_id) end,
          village_id = case when x.jurisdiction_id <> e.jurisdiction_id or x.township_id is not null then x.village_id else coalesce(x.village_id, e.village_id) end,
          address = coalesce(x.address, e.address),
          legal_representative = coalesce(x.legal_representative, e.legal_representative),
          person_in_charge = coalesce(x.person_in_charge, e.person_in_charge),
          quality_manager = coalesce(x.quality_manager, e.quality_manager),
          phone = coalesce(x.phone, e.phone),
          tags = coalesce(x.tags, e.tags),
          products = coalesce(x.products, e.products),
          medical_grade = coalesce(x.medical_grade, e.medical_grade),
          device_level = coalesce(x.device_level, e.device_level),
          family_planning = coalesce(x.family_planning, e.family_planning),
          risk_level = coalesce(x.risk_level, e.risk_level),
          credit_grade = coalesce(x.credit_grade, e.credit_grade),
          status = coalesce(x.status, e.status),
          search_bigrams = x.search_bigrams,
          version = e.version + 1,
          updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(olds.map((r) => toJson(r, before.get(r.existingId!)?.address)))}::jsonb) as x(id int, ${sql.raw(COLS)})
        where e.id = x.id
        returning e.*`);
      const after = new Map(rowsOf(res).map((a) => [a.id as number, a]));
      // Units whose kind changed move their report summaries to the new kind.
      await syncUnitKinds(
        tx,
        olds.filter((r) => after.get(r.existingId!)?.kind !== before.get(r.existingId!)?.kind).map((r) => r.existingId!),
      );
      for (const r of olds) {
        const a = after.get(r.existingId!);
        audits.push(
          auditLine({
            action: 'entity.import_update',
            entityId: r.existingId!,
            jurisdictionId: a.jurisdiction_id,
            summary: `导入更新 ${a.name}${tag}`,
            before: before.get(r.existingId!),
            after: a,
          }),
        );
      }
      updated += olds.length;
    }

    // A new unit's licence that validation found free in this transaction goes in by COPY (were it
    // taken meanwhile, the unique index refuses the whole import). Any other licence is upserted by
    // (kind, number) when it would change: a known unit's licence renewed or moved to it.
    const free = chunk.filter((r) => r.licence && !r.existingId && r.licenceHeld === null);
    if (free.length)
      await copyInto(
        tx,
        'entity_licences',
        LICENCE_COLUMNS,
        free.map(
          (r) =>
            [
              String(ids.get(r)),
              copyField(r.jurisdictionId),
              copyField(r.licence!.kind),
              copyField(r.licence!.number),
              copyField(r.licence!.scope),
              copyField(r.licence!.validFrom ?? null),
              copyField(r.licence!.validTo),
            ].join('\t') + '\n',
        ),
      );
    const lic = chunk.filter((r) => r.licence && !(!r.existingId && r.licenceHeld === null) && licenceChanges(r, ids.get(r)!));
    if (lic.length) {
      const json = lic.map((r) => ({
        entity_id: ids.get(r),
        jurisdiction_id: r.jurisdictionId,
        kind: r.licence!.kind,
        number: r.licence!.number,
        scope: r.licence!.scope,
        valid_from: r.licence!.validFrom ?? null,
        valid_to: r.licence!.validTo,
      }));
      await tx.execute(sql`insert into entity_licences (entity_id, jurisdiction_id, kind, number, scope, valid_from, valid_to)
        select entity_id, jurisdiction_id, kind, number, scope, valid_from, valid_to
        from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(entity_id int, jurisdiction_id int, kind text, number text, scope text, valid_from date, valid_to date)
        on conflict (kind, number) do update set entity_id = excluded.entity_id, jurisdiction_id = excluded.jurisdiction_id,
          scope = coalesce(excluded.scope, entity_licences.scope), valid_from = coalesce(excluded.valid_from, entity_licences.valid_from), valid_to = coalesce(excluded.valid_to, entity_licences.valid_to), updated_at = now()
        where (entity_licences.entity_id, entity_licences.jurisdiction_id) is distinct from (excluded.entity_id, excluded.jurisdiction_id)
          or (excluded.scope is not null and excluded.scope is distinct from entity_licences.scope)
          or (excluded.valid_from is not null and excluded.valid_from is distinct from entity_licences.valid_from)
          or (excluded.valid_to is not null and excluded.valid_to is distinct from entity_licences.valid_to)`);
      // New units hold only this licence (set on insert); known units may hold others.
      await refreshLicenceValidTo(
        tx,
        lic.filter((r) => r.existingId).map((r) => r.existingId!),
      );
    }

    if (!opts.skipAudit) await copyInto(tx, 'audit_log', AUDIT_COLUMNS, audits);
    await opts.onProgress?.(Math.min(i + CHUNK, records.length));
  }
  return { created, updated, unchanged };
}
