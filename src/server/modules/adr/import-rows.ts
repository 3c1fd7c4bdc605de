import { sql } from 'drizzle-orm';
import {
  ADR_IMPORT_COLUMNS,
  adrReportInput,
  OUTCOMES,
  REPORTER_KINDS,
  type AdrImportColumn,
  type AdrReportInput,
} from '../../../contracts/adr.js';
import { shanghaiToday } from '../../../contracts/calendar.js';
import type { SheetRowError } from '../../../contracts/sheets.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { pathInScope, scopeWhere } from '../../core/scope.js';
import type { RawTable } from '../../core/sheets/read.js';
import { rows } from '../../core/sql.js';
import { placeOfJurisdiction, textArray, type Place } from './queries.js';
import type { PreparedReport } from './report-rows.js';

/** Column index per field, by header or alias (spaces and full-width brackets ignored). */
export function columnsOf(headers: string[]): Partial<Record<AdrImportColumn, number>> {
  const clean = (s: string) =>
    s
      .replace(/[\s*＊]/g, '')
      .replace(/（/g, '(')
      .replace(/）/g, ')');
  const at = headers.map(clean);
  const out: Partial<Record<AdrImportColumn, number>> = {};
  for (const c of ADR_IMPORT_COLUMNS) {
    const i = at.findIndex((h) => h === c.header || (c.aliases as readonly string[]).includes(h));
    if (i >= 0) out[c.key] = i;
  }
  return out;
}

/** Dates as written in exports and spreadsheets: 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日, with a time after them. */
export function parseDate(s: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 1950 || y > 2100) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const yesNo = (s: string) => (/^(是|y|yes|true|1|有)$/i.test(s) ? true : /^(否|n|no|false|0|无)?$/i.test(s) ? false : undefined);
const reporterKindOf = (s: string) =>
  (Object.entries(REPORTER_KINDS).find(([, label]) => s === label || (s.length > 1 && s.includes(label.slice(0, 2))))?.[0] ??
    (s === '' ? undefined : /个人|患者|消费者/.test(s) ? 'individual' : /医院|卫生|诊所|医疗/.test(s) ? 'medical' : undefined)) as
    | AdrReportInput['reporterKind']
    | undefined;
const outcomeOf = (s: string) =>
  (s === '' ? 'unknown' : Object.entries(OUTCOMES).find(([, label]) => s === label || s.startsWith(label))?.[0]) as
    | AdrReportInput['outcome']
    | undefined;

/** The row's header of a field, as the user wrote it. */
const FIELD_OF_PATH: Record<string, AdrImportColumn> = {
  reportCode: 'reportCode',
  reporterName: 'reporterName',
  reporterKind: 'reporterKind',
  reporterCreditCode: 'reporterCreditCode',
  patientSex: 'patientSex',
  patientAge: 'patientAge',
  drugs: 'genericName',
  reactions: 'reactions',
  seriousness: 'seriousness',
  onsetOn: 'onsetOn',
  reportedOn: 'reportedOn',
  outcome: 'outcome',
  death: 'death',
};

export interface ValidRow {
  n: number;
  prepared: PreparedReport;
  /** The registered report with the same code (updated or skipped), or null. */
  existingId: number | null;
}

export interface Validation {
  records: ValidRow[];
  errors: SheetRowError[];
  toCreate: number;
  toUpdate: number;
  toSkip: number;
  duplicateCodes: string[];
}

/**
 * Validate every row of an import against the registry as it is now: values, dates (not in the
 * future, report not before onset), the place (所属辖区 in the importer's area, else the matched
 * unit's, else the importer's own), codes repeated in the file, and codes already registered
 * (updated or skipped as asked; one outside the importer's area is an error, never a second report).
 */
export async function validateRows(db: DbOrTx, actor: Actor, table: RawTable, duplicates: 'update' | 'skip'): Promise<Validation> {
  const cols = columnsOf(table.headers);
  const errors: SheetRowError[] = [];
  for (const c of ADR_IMPORT_COLUMNS) {
    if (c.required && cols[c.key] === undefined) errors.push({ row: 0, column: c.header, message: `缺少“${c.header}”列` });
  }
  if (errors.length) return { records: [], errors, toCreate: 0, toUpdate: 0, toSkip: 0, duplicateCodes: [] };
  const headerOf = (k: AdrImportColumn) =>
    cols[k] !== undefined ? table.headers[cols[k]!] : ADR_IMPORT_COLUMNS.find((c) => c.key === k)!.header;
  const today = shanghaiToday();

  // The importer's area: jurisdictions by name, registered units by credit code and by name.
  const areas = await rows<{ id: number; name: string }>(
    db,
    sql`select j.id, j.name from jurisdictions j where j.level in ('county','station','township') and ${scopeWhere(actor, { jurisdiction: sql`j.id` })}`,
  );
  const areaByName = new Map<string, number>();
  for (const a of areas) {
    areaByName.set(a.name, a.id);
    const short = a.name.replace(/市场监督管理所$/, '');
    if (short !== a.name) areaByName.set(`${short}所`, a.id).set(short, a.id);
  }
  const units = await rows<{ id: number; name: string; credit_code: string | null; jurisdiction_id: number }>(
    db,
    sql`select e.id, e.name, e.credit_code, e.jurisdiction_id from entities e where ${scopeWhere(actor, { jurisdiction: sql`e.jurisdiction_id` })}`,
  );
  const unitByCode = new Map(units.filter((u) => u.credit_code).map((u) => [u.credit_code!, u]));
  const unitByName = new Map(units.map((u) => [u.name, u]));
  const places = new Map<number, Place | null>();
  const placeOf = async (id: number) => {
    if (!places.has(id)) {
      const p = await placeOfJurisdiction(db, id);
      places.set(
        id,
        p && pathInScope(actor, p.path) && ['county', 'station', 'township', 'village'].includes(p.level) && p.countyId ? p : null,
      );
    }
    return places.get(id) ?? null;
  };

  const parsed: { n: number; prepared: PreparedReport }[] = [];
  const seen = new Map<string, number>();
  for (const { n, cells } of table.rows) {
    const get = (k: AdrImportColumn) => (cols[k] !== undefined ? (cells[cols[k]!] ?? '').trim() : '');
    const rowErrors: SheetRowError[] = [];
    const bad = (k: AdrImportColumn, message: string) => rowErrors.push({ row: n, column: headerOf(k), message });
    const code = get('reportCode');
    const first = seen.get(code);
    if (code && first) bad('reportCode', `报告编码 ${code} 与第 ${first} 行重复`);
    else if (code) seen.set(code, n);
    const kindText = get('kind');
    const kind = kindText === '' || /药品/.test(kindText) ? 'drug' : /器械/.test(kindText) ? 'device' : undefined;
    if (!kind) bad('kind', `报告类别“${kindText}”应为药品不良反应或医疗器械不良事件`);
    const reporterKind = reporterKindOf(get('reporterKind'));
    if (!reporterKind) bad('reporterKind', `报告单位类别“${get('reporterKind')}”应为${Object.values(REPORTER_KINDS).join('、')}之一`);
    const sexText = get('patientSex');
    const patientSex = sexText === '男' ? 'male' : sexText === '女' ? 'female' : /^(不详|未知|)$/.test(sexText) ? 'unknown' : undefined;
    if (!patientSex) bad('patientSex', `患者性别“${sexText}”应为男、女或不详`);
    const ageText = get('patientAge').replace(/岁$/, '');
    const patientAge = ageText === '' ? null : /^\d{1,3}$/.test(ageText) ? Number(ageText) : undefined;
    if (patientAge === undefined) bad('patientAge', `年龄“${get('patientAge')}”不是整数岁数`);
    const sev = get('seriousness');
    const seriousness = /严重/.test(sev) ? 'serious' : /一般/.test(sev) ? 'general' : undefined;
    if (!seriousness) bad('seriousness', `严重程度“${sev}”应为严重或一般`);
    const isNew = /新的/.test(sev) || yesNo(get('isNew'));
    if (isNew === undefined) bad('isNew', `“新的”应填是或否`);
    const onsetOn = parseDate(get('onsetOn'));
    if (!onsetOn) bad('onsetOn', `发生日期“${get('onsetOn')}”不是有效日期`);
    else if (onsetOn > today) bad('onsetOn', '发生日期不能晚于今天');
    const reportedOn = parseDate(get('reportedOn'));
    if (!reportedOn) bad('reportedOn', `报告日期“${get('reportedOn')}”不是有效日期`);
    else if (reportedOn > today) bad('reportedOn', '报告日期不能晚于今天');
    const outcome = outcomeOf(get('outcome'));
    if (!outcome) bad('outcome', `转归“${get('outcome')}”应为${Object.values(OUTCOMES).join('、')}之一`);
    const deathAnswer = yesNo(get('death'));
    if (deathAnswer === undefined) bad('death', '“是否死亡”应填是或否');
    const death = deathAnswer === true || outcome === 'death';
    const reactions = get('reactions')
      .split(/[、,，;；/]+/)
      .map((s) => s.trim())
      .filter(Boolean);

    const candidate = {
      kind,
      reportCode: get('reportCode'),
      reporterName: get('reporterName'),
      reporterKind,
      reporterCreditCode: get('reporterCreditCode') || null,
      patientSex,
      patientAge,
      drugs: [{ genericName: get('genericName'), batchNo: get('batchNo') || null, manufacturer: get('manufacturer') || null }],
      reactions,
      seriousness,
      isNew: isNew ?? false,
      onsetOn,
      reportedOn,
      outcome,
      death,
    };
    if (!rowErrors.length) {
      const r = adrReportInput.safeParse(candidate);
      if (!r.success) {
        for (const issue of r.error.issues) {
          const field = FIELD_OF_PATH[String(issue.path[0])];
          rowErrors.push({ row: n, column: field ? headerOf(field) : null, message: issue.message });
        }
      } else {
        const input = r.data;
        const unit = (input.reporterCreditCode && unitByCode.get(input.reporterCreditCode)) || unitByName.get(input.reporterName) || null;
        const areaText = get('jurisdiction');
        let place: Place | null = null;
        if (areaText) {
          const id = areaByName.get(areaText);
          place = id ? await placeOf(id) : null;
          if (!place)
            rowErrors.push({
              row: n,
              column: headerOf('jurisdiction'),
              message: `所属辖区“${areaText}”不在本人辖区内或不是县（区）及以下辖区`,
            });
        } else {
          place = (unit && (await placeOf(unit.jurisdiction_id))) || (await placeOf(actor.jurisdictionId));
          if (!place) rowErrors.push({ row: n, column: headerOf('jurisdiction'), message: '请填写所属辖区（县（区）或监管所）' });
        }
        if (!rowErrors.length && place) parsed.push({ n, prepared: { input, place, entityId: unit?.id ?? null } });
      }
    }
    errors.push(...rowErrors);
  }

  // Codes already registered.
  const existing = new Map<string, { id: number; path: string }>();
  const codes = parsed.map((p) => p.prepared.input.reportCode);
  for (let i = 0; i < codes.length; i += 5000) {
    const found = await rows<{ id: number; report_code: string; path: string }>(
      db,
      sql`select r.id, r.report_code, j.path from adr_reports r join jurisdictions j on j.id = r.jurisdiction_id
          where r.report_code = any(${textArray(codes.slice(i, i + 5000))})`,
    );
    for (const f of found) existing.set(f.report_code, { id: f.id, path: f.path });
  }
  const records: ValidRow[] = [];
  const duplicateCodes: string[] = [];
  for (const p of parsed) {
    const code = p.prepared.input.reportCode;
    const ex = existing.get(code);
    if (ex && !pathInScope(actor, ex.path)) {
      errors.push({ row: p.n, column: headerOf('reportCode'), message: `报告编码 ${code} 已由其他辖区登记` });
      continue;
    }
    if (ex) duplicateCodes.push(code);
    records.push({ ...p, existingId: ex?.id ?? null });
  }
  errors.sort((a, b) => a.row - b.row);
  const dupCount = records.filter((r) => r.existingId).length;
  return {
    records,
    errors,
    toCreate: records.length - dupCount,
    toUpdate: duplicates === 'update' ? dupCount : 0,
    toSkip: duplicates === 'skip' ? dupCount : 0,
    duplicateCodes,
  };
}
