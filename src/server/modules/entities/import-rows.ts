/**
 * An import checked against the registry: the records read from the file (`import-read.ts`), each
 * found by its credit code, its licence's holder named, conflicts refused.
 */
import { sql } from 'drizzle-orm';
import { IMPORT_COLUMNS, type ImportError } from '../../../contracts/entities.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import type { RawTable } from '../../core/sheets/read.js';
import { header, readRecords, type ImportRecord, type LicenceHeld, type Mapping } from './import-read.js';

interface Known {
  id: number;
  path: string;
  name: string;
  creditCode: string;
  /** With `rows`: the unit's columns an import can change. */
  row?: Record<string, unknown>;
}

const LOOKUP_CHUNK = 10_000;

/**
 * The columns an import can change (what the writer compares to tell an unchanged unit): not the
 * derived search columns, whose text[] would cost more to read than the rest of the row.
 */
const COMPARED = `e.id, e.name, e.credit_code, e.kind, e.jurisdiction_id, e.township_id, e.village_id, e.address,
  e.legal_representative, e.person_in_charge, e.quality_manager, e.phone, e.tags, e.products, e.medical_grade,
  e.device_level, e.family_planning, e.risk_level, e.credit_grade, e.status`;

/**
 * Units already registered under the file's credit codes, and holders of its licences, in chunks of
 * one array parameter each (index lookups, no per-row round trip). With `rows`, the units' whole rows.
 */
async function existingBy(db: DbOrTx, codes: string[], licences: { kind: string; number: string }[], rows: boolean) {
  const byCode = new Map<string, Known>();
  const byLicence = new Map<string, Known & { held: LicenceHeld }>();
  for (let i = 0; i < codes.length; i += LOOKUP_CHUNK) {
    const chunk = codes.slice(i, i + LOOKUP_CHUNK);
    const r = await db.execute(sql`select ${sql.raw(rows ? COMPARED : 'e.id, e.name, e.credit_code')}, j.path as "__path"
      from entities e join jurisdictions j on j.id = e.jurisdiction_id
      where e.credit_code = any(${toPgArray(chunk)}::text[])`);
    for (const x of (r as any).rows) {
      const { __path: path, ...row } = x;
      byCode.set(x.credit_code, { id: x.id, path, name: x.name, creditCode: x.credit_code, row: rows ? row : undefined });
    }
  }
  for (let i = 0; i < licences.length; i += LOOKUP_CHUNK) {
    const chunk = licences.slice(i, i + LOOKUP_CHUNK);
    const wanted = new Set(chunk.map((l) => `${l.kind}|${l.number}`));
    // By number (indexed), then the kind in JS.
    const r =
      await db.execute(sql`select l.entity_id as id, l.jurisdiction_id, l.kind, l.number, l.scope, l.valid_from::text, l.valid_to::text,
        e.name, e.credit_code, j.path from entity_licences l
      join entities e on e.id = l.entity_id join jurisdictions j on j.id = e.jurisdiction_id
      where l.number = any(${toPgArray(chunk.map((l) => l.number))}::text[])`);
    for (const x of (r as any).rows) {
      const k = `${x.kind}|${x.number}`;
      if (wanted.has(k))
        byLicence.set(k, {
          id: x.id,
          path: x.path,
          name: x.name,
          creditCode: x.credit_code,
          held: { entityId: x.id, jurisdictionId: x.jurisdiction_id, scope: x.scope, validFrom: x.valid_from, validTo: x.valid_to },
        });
    }
  }
  return { byCode, byLicence };
}

/** A text[] literal passed as one parameter (avoids one bind parameter per element). */
export function toPgArray(xs: string[]) {
  return '{' + xs.map((x) => '"' + x.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"').join(',') + '}';
}

export async function validateRows(
  db: DbOrTx,
  actor: Actor,
  table: RawTable,
  mapping: Mapping,
  /** forWrite: the records go to the writer in this transaction (known units' values and licences are kept on them). */
  opts: { forWrite?: boolean } = {},
) {
  const errors: ImportError[] = [];
  const missingMap = IMPORT_COLUMNS.filter((c) => c.required && (mapping[c.field] === null || mapping[c.field] === undefined));
  if (missingMap.length) {
    errors.push({ row: 0, column: null, message: `缺少必填列：${missingMap.map((c) => c.header).join('、')}（请在列对应中指定）` });
    return { records: [] as ImportRecord[], errors, toCreate: 0, toUpdate: 0 };
  }
  const { records: prelim } = await readRecords(db, actor, table, mapping, errors);
  // Re-importing a unit updates it: the unit is found by its credit code only. A licence held by
  // another unit (or by a unit when the code is new) is a conflict naming both: updating the
  // licence holder would silently replace its credit code, name and station.
  const { byCode, byLicence } = await existingBy(
    db,
    prelim.map((r) => r.creditCode),
    prelim.flatMap((r) => (r.licence ? [r.licence] : [])),
    opts.forWrite ?? false,
  );
  const records: ImportRecord[] = [];
  const claimed = new Map<number, number>();
  const inArea = (u: Known) => actor.scope === 'all' || u.path.startsWith(actor.jurisdictionPath);
  // Units outside the actor's area are not named (only that the code or licence is taken).
  const describe = (u: Known) => (inArea(u) ? `“${u.name}”（统一社会信用代码 ${u.creditCode}）` : '其他辖区已登记的单位');
  for (const r of prelim) {
    const hit = byCode.get(r.creditCode);
    const licOwner = r.licence ? byLicence.get(`${r.licence.kind}|${r.licence.number}`) : undefined;
    if (hit && !inArea(hit)) {
      errors.push({ row: r.row, column: header('creditCode'), message: '该单位已登记在其他辖区，无权修改' });
      continue;
    }
    if (licOwner && licOwner.id !== hit?.id) {
      const mine = hit ? `统一社会信用代码 ${r.creditCode} 属于${describe(hit)}` : `统一社会信用代码 ${r.creditCode} 尚未登记`;
      errors.push({
        row: r.row,
        column: header('licenceNumber'),
        message: `冲突：${mine}，但许可证编号 ${r.licence!.number} 属于${describe(licOwner)}。请核对信用代码和许可证编号；如需更正单位的信用代码，请在该单位档案中修改`,
      });
      continue;
    }
    if (hit) {
      const first = claimed.get(hit.id);
      if (first) {
        errors.push({ row: r.row, column: header('licenceNumber'), message: `与第${first}行指向同一已登记单位` });
        continue;
      }
      claimed.set(hit.id, r.row);
    }
    r.existingId = hit?.id ?? null;
    if (r.licence) r.licenceHeld = licOwner?.held ?? null;
    if (hit?.row) r.current = hit.row;
    records.push(r);
  }
  errors.sort((a, b) => a.row - b.row);
  const toUpdate = records.filter((r) => r.existingId).length;
  return { records, errors, toCreate: records.length - toUpdate, toUpdate };
}
