/**
 * An import file's rows read into records: column mapping, cell values (codes, dates, Chinese labels
 * and their usual variants), places by name, and every row's problems — checked against the file and
 * the organisation, not yet against the registry (`import-rows.ts` does that).
 */
import { productCode } from '../../../contracts/products.js';
import { sql } from 'drizzle-orm';
import { checkCreditCode, CREDIT_CODE_PROBLEMS } from '../../../contracts/credit-code.js';
import {
  CREDIT_GRADES,
  DEVICE_LEVELS,
  ENTITY_KINDS,
  ENTITY_STATUSES,
  ENTITY_TAGS,
  MEDICAL_GRADES,
  RISK_LEVELS,
  type EntityKind,
} from '../../../contracts/entity-kinds.js';
import { DEFAULT_LICENCE, IMPORT_COLUMNS, LICENCE_KINDS, type ImportError, type LicenceKind } from '../../../contracts/entities.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import type { RawTable } from '../../core/sheets/read.js';

/** A validated row ready for the bulk writer; null fields keep the current value on update. */
export interface ImportRecord {
  row: number;
  existingId: number | null;
  name: string;
  creditCode: string;
  kind: EntityKind;
  jurisdictionId: number;
  townshipId: number | null;
  villageId: number | null;
  address: string | null;
  legalRepresentative: string | null;
  personInCharge: string | null;
  qualityManager: string | null;
  phone: string | null;
  tags: string[] | null;
  /** 经营品种 codes; null = column blank (keeps the current value). */
  products: string[] | null;
  medicalGrade: string | null;
  deviceLevel: string | null;
  familyPlanning: boolean | null;
  riskLevel: string | null;
  creditGrade: string | null;
  status: string | null;
  licence: { kind: LicenceKind; number: string; validFrom?: string | null; validTo: string | null; scope: string | null } | null;
  /**
   * The licence (kind, number) as the registry held it when validated in the writer's transaction:
   * null when nobody holds it, undefined when not looked up. Lets the writer skip a licence that
   * would not change and COPY a new unit's licence.
   */
  licenceHeld?: LicenceHeld | null;
  /**
   * The known unit's columns an import can change, as validation read them in the writer's
   * transaction: the writer tells an unchanged unit by them without reading it again.
   */
  current?: Record<string, unknown>;
}

export interface LicenceHeld {
  entityId: number;
  jurisdictionId: number;
  scope: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export type Mapping = Record<string, number | null>;

const norm = (s: string) => s.replace(/[\s（）()【】[\]*＊:：]/g, '').toLowerCase();

/** Map each field to a file column by its header, then by known synonyms. */
export function autoMapping(headers: string[]): Mapping {
  const h = headers.map(norm);
  const used = new Set<number>();
  const m: Mapping = {};
  for (const col of IMPORT_COLUMNS) {
    const names = [col.header, ...(col.synonyms ?? [])].map(norm);
    let idx = h.findIndex((x, i) => !used.has(i) && x === names[0]);
    if (idx < 0) idx = h.findIndex((x, i) => !used.has(i) && names.includes(x));
    m[col.field] = idx >= 0 ? idx : null;
    if (idx >= 0) used.add(idx);
  }
  return m;
}

function lookup<T extends Record<string, string>>(dict: T, extra: Record<string, keyof T> = {}) {
  const map = new Map<string, keyof T>();
  for (const [k, v] of Object.entries(dict)) {
    map.set(norm(k), k);
    map.set(norm(v), k);
  }
  for (const [k, v] of Object.entries(extra)) map.set(norm(k), v);
  // The same few values repeat down a file: remembered as written (bounded, so odd files cannot grow it).
  const seen = new Map<string, keyof T | undefined>();
  return (s: string) => {
    if (seen.has(s)) return seen.get(s);
    const v = map.get(norm(s));
    if (seen.size < 1000) seen.set(s, v);
    return v;
  };
}

const kindOf = lookup(Object.fromEntries(ENTITY_KINDS.map((k) => [k.code, k.label])) as Record<EntityKind, string>, {
  连锁药店: 'pharmacy_chain',
  连锁门店: 'pharmacy_chain',
  单体药店: 'pharmacy_single',
  零售药店: 'pharmacy_single',
  药店: 'pharmacy_single',
  诊所: 'clinic',
  医院: 'medical_institution',
  卫生院: 'medical_institution',
  疾控中心: 'cdc',
  接种点: 'vaccination_site',
  医疗器械经营: 'device_dealer',
  母婴店: 'cosmetics_maternal',
  商超专柜: 'cosmetics_counter',
  医美机构: 'medical_aesthetics',
});
const riskOf = lookup(RISK_LEVELS, { 低风险: 'low', 中风险: 'medium', 高风险: 'high', 较高: 'high', 一般: 'low' });
const creditOf = lookup(CREDIT_GRADES, { a级: 'A', b级: 'B', c级: 'C', d级: 'D' });
const medicalOf = lookup(MEDICAL_GRADES, { 一级医院: '1', 二级医院: '2', 三级医院: '3', 无: 'none' });
const deviceOf = lookup(DEVICE_LEVELS, { 一级监管: '1', 二级监管: '2', 三级监管: '3', Ⅰ: '1', Ⅱ: '2', Ⅲ: '3', i: '1', ii: '2', iii: '3' });
const statusOf = lookup(ENTITY_STATUSES, {
  正常: 'operating',
  营业: 'operating',
  存续: 'operating',
  注销: 'closed',
  关闭: 'closed',
  吊销: 'closed',
  歇业: 'suspended',
});
const tagOf = lookup(ENTITY_TAGS, {
  城乡结合部: 'key_area_urban_rural',
  农村: 'key_area_rural_pastoral',
  牧区: 'key_area_rural_pastoral',
  疫苗: 'vaccine',
  冷链: 'cold_chain',
  集采: 'vbp',
  网售: 'online',
  多次处罚: 'repeat_offender',
});
const licenceKindOf = lookup(LICENCE_KINDS);
const yesNo = (s: string) => (/^(是|y|yes|true|1|有)$/i.test(s) ? true : /^(否|n|no|false|0|无)$/i.test(s) ? false : undefined);

/** Dates as written in bureau spreadsheets: 2025-06-30, 2025/6/30, 2025.6.30, 2025年6月30日, 20250630, Excel serials. */
export function parseDate(s: string): string | undefined {
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m && /^\d{5}(\.\d+)?$/.test(s)) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86400_000);
    m = [s, String(d.getUTCFullYear()), String(d.getUTCMonth() + 1), String(d.getUTCDate())] as unknown as RegExpExecArray;
  }
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 1950 || y > 2100) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface Places {
  stations: Map<string, number[]>;
  townships: Map<string, number>;
  villagesByTownship: Map<string, number>;
  villagesByStation: Map<string, number[]>;
}

/** Stations in the actor's area, by full name, short name (创新所) and stem (创新); their townships and villages by name. */
async function loadPlaces(db: DbOrTx, actor: Actor): Promise<Places> {
  const prefix = actor.scope === 'all' ? '/' : actor.jurisdictionPath;
  const res = await db.execute(sql`select j.id, j.level, j.name, j.parent_id, j.path,
      (select string_agg(o.short_name, '|') from org_units o where o.jurisdiction_id = j.id and o.kind = 'station') as short
    from jurisdictions j where j.path like ${prefix + '%'} and j.level in ('station','township','village')`);
  const rows = (res as any).rows as { id: number; level: string; name: string; parent_id: number; path: string; short: string | null }[];
  const p: Places = { stations: new Map(), townships: new Map(), villagesByTownship: new Map(), villagesByStation: new Map() };
  const add = (m: Map<string, number[]>, k: string, id: number) => {
    const list = m.get(k) ?? [];
    if (!list.includes(id)) list.push(id);
    m.set(k, list);
  };
  const stationOfTownship = new Map<number, number>();
  for (const r of rows) {
    if (r.level === 'station') {
      const names = [r.name, r.name.replace(/市场监督管理所$|市场监管所$|监管所$/, ''), ...(r.short?.split('|') ?? [])];
      for (const n of names) {
        add(p.stations, norm(n), r.id);
        add(p.stations, norm(n.replace(/所$/, '')), r.id);
      }
    } else if (r.level === 'township') {
      p.townships.set(`${r.parent_id}|${norm(r.name)}`, r.id);
      stationOfTownship.set(r.id, r.parent_id);
    }
  }
  for (const r of rows) {
    if (r.level !== 'village') continue;
    p.villagesByTownship.set(`${r.parent_id}|${norm(r.name)}`, r.id);
    const st = stationOfTownship.get(r.parent_id);
    if (st) add(p.villagesByStation, `${st}|${norm(r.name)}`, r.id);
  }
  return p;
}

const MAX_LEN: Record<string, number> = {
  name: 100,
  address: 200,
  legalRepresentative: 50,
  personInCharge: 50,
  qualityManager: 50,
  phone: 40,
  licenceNumber: 60,
  licenceScope: 500,
};

const HEADER = new Map(IMPORT_COLUMNS.map((c) => [c.field, c.header]));
export const header = (f: string) => HEADER.get(f)!;
const REQUIRED = IMPORT_COLUMNS.filter((c) => c.required);
const LIMITS = Object.entries(MAX_LEN);

/** What one file is checked against, and what earlier rows of it claimed. */
interface RowContext {
  fields: [string, number][];
  places: Places;
  stationIds: Map<string, number[]>;
  seenCode: Map<string, number>;
  seenLicence: Map<string, number>;
  errors: ImportError[];
}

/** One row's cells by field (blank when the field is not mapped). */
function rowValues(cells: string[], fields: [string, number][]): Record<string, string> {
  const v: Record<string, string> = {};
  for (const [f, i] of fields) v[f] = (cells[i] ?? '').trim();
  return v;
}

function coded<T>(c: RowContext, n: number, v: Record<string, string>, field: string, fn: (s: string) => T | undefined, what: string) {
  const s = v[field] ?? '';
  if (!s) return null;
  const r = fn(s);
  if (r === undefined) c.errors.push({ row: n, column: header(field), message: `${what}“${s}”无法识别` });
  return r ?? null;
}

/** One row to a record (existingId still null), or null with its problems added to `c.errors`. */
function readRow(c: RowContext, n: number, cells: string[]): ImportRecord | null {
  const v = rowValues(cells, c.fields);
  const get = (f: string) => v[f] ?? '';
  const errors = c.errors;
  const bad = (field: string | null, message: string) => errors.push({ row: n, column: field && header(field), message });
  const before = errors.length;
  for (const col of REQUIRED) if (!get(col.field)) bad(col.field, `${col.header}不能为空`);
  for (const [f, max] of LIMITS) if (get(f).length > max) bad(f, `${header(f)}不能超过${max}字`);
  let creditCode = '';
  if (get('creditCode')) {
    const cc = checkCreditCode(get('creditCode'));
    if (cc.problem) bad('creditCode', `${CREDIT_CODE_PROBLEMS[cc.problem]}：${get('creditCode')}`);
    creditCode = cc.code;
  }
  const kind = get('kind') ? kindOf(get('kind')) : undefined;
  if (get('kind') && !kind) bad('kind', `未知的主体类型“${get('kind')}”`);
  let jurisdictionId = 0;
  const station = get('station');
  if (station) {
    let ids = c.stationIds.get(station);
    if (!ids) c.stationIds.set(station, (ids = c.places.stations.get(norm(station)) ?? []));
    if (!ids.length) bad('station', `未知或不在本辖区的监管所“${station}”`);
    else if (ids.length > 1) bad('station', `监管所“${station}”名称不唯一，请填写全称`);
    else jurisdictionId = ids[0];
  }
  let townshipId: number | null = null;
  let villageId: number | null = null;
  const places = c.places;
  if (jurisdictionId && get('township')) {
    townshipId = places.townships.get(`${jurisdictionId}|${norm(get('township'))}`) ?? null;
    if (!townshipId) bad('township', `乡镇（街道）“${get('township')}”不属于${station}`);
  }
  if (jurisdictionId && get('village')) {
    if (townshipId) villageId = places.villagesByTownship.get(`${townshipId}|${norm(get('village'))}`) ?? null;
    else if (!get('township')) {
      const ids = places.villagesByStation.get(`${jurisdictionId}|${norm(get('village'))}`) ?? [];
      villageId = ids.length === 1 ? ids[0] : null;
    }
    if (!villageId && !(get('township') && !townshipId)) bad('village', `村（社区）“${get('village')}”不属于所填乡镇（街道）或监管所`);
  }
  const riskLevel = coded(c, n, v, 'riskLevel', riskOf, '风险等级') as string | null;
  const creditGrade = coded(c, n, v, 'creditGrade', creditGradeOf, '信用等级') as string | null;
  const medicalGrade = coded(c, n, v, 'medicalGrade', medicalOf, '医疗机构等级') as string | null;
  const deviceLevel = coded(c, n, v, 'deviceLevel', deviceOf, '医疗器械监管级别') as string | null;
  const familyPlanning = coded(c, n, v, 'familyPlanning', yesNo, '计划生育类产品') as boolean | null;
  const status = coded(c, n, v, 'status', statusOf, '经营状态') as string | null;
  let tags: string[] | null = null;
  if (get('tags')) {
    tags = [];
    for (const t of get('tags')
      .split(/[、,，;；/|\s]+/)
      .filter(Boolean)) {
      const code = tagOf(t);
      if (!code) bad('tags', `未知的标签“${t}”`);
      else if (!tags.includes(code)) tags.push(code);
    }
  }
  let products: string[] | null = null;
  if (get('products')) {
    products = [];
    for (const t of get('products')
      .split(/[、,，;；/|]+/)
      .map((x) => x.trim())
      .filter(Boolean)) {
      const code = productCode(t);
      if (!code) bad('products', `未知的经营品种“${t}”`);
      else if (!products.includes(code)) products.push(code);
    }
  }
  const phone = get('phone') || null;
  if (phone && !PHONE.test(phone)) bad('phone', `联系电话格式错误：${phone}`);
  let licence: ImportRecord['licence'] = null;
  const number = get('licenceNumber');
  if (number) {
    const lk = get('licenceKind') ? licenceKindOf(get('licenceKind')) : kind ? DEFAULT_LICENCE[kind] : undefined;
    if (get('licenceKind') && !lk) bad('licenceKind', `未知的许可证类型“${get('licenceKind')}”`);
    let validTo: string | null = null;
    if (get('licenceValidTo')) {
      validTo = parseDate(get('licenceValidTo')) ?? null;
      if (!validTo) bad('licenceValidTo', `许可证有效期至“${get('licenceValidTo')}”不是有效日期`);
    }
    if (lk) licence = { kind: lk as LicenceKind, number, validTo, scope: get('licenceScope') || null };
  } else if (get('licenceValidTo')) bad('licenceNumber', '填写了许可证有效期但缺少许可证编号');
  if (creditCode && errors.length === before) {
    const first = c.seenCode.get(creditCode);
    if (first) bad('creditCode', `与第${first}行重复（统一社会信用代码相同）`);
    else c.seenCode.set(creditCode, n);
  }
  if (licence && errors.length === before) {
    const k = `${licence.kind}|${licence.number}`;
    const first = c.seenLicence.get(k);
    if (first) bad('licenceNumber', `与第${first}行重复（许可证编号相同）`);
    else c.seenLicence.set(k, n);
  }
  if (errors.length > before) return null;
  return {
    row: n,
    existingId: null,
    name: get('name'),
    creditCode,
    kind: kind!,
    jurisdictionId,
    townshipId,
    villageId,
    address: get('address') || null,
    legalRepresentative: get('legalRepresentative') || null,
    personInCharge: get('personInCharge') || null,
    qualityManager: get('qualityManager') || null,
    phone,
    tags,
    products,
    medicalGrade,
    deviceLevel,
    familyPlanning,
    riskLevel,
    creditGrade,
    status,
    licence,
  };
}

const PHONE = /^[0-9+\-()（）、,，/ ]*$/;
const creditGradeOf = (s: string) => creditOf(s) ?? creditOf(s.slice(0, 1));

/**
 * The file's rows to records in memory, checked against the mapping and the organisation but not
 * the registry (no unit is looked up): every bad row's problems are added to `errors`. The first
 * half of `validateRows`, and on its own the "parse only" floor of the import bench.
 */
export async function readRecords(db: DbOrTx, actor: Actor, table: RawTable, mapping: Mapping, errors: ImportError[] = []) {
  const c: RowContext = {
    fields: IMPORT_COLUMNS.flatMap((col) => {
      const i = mapping[col.field];
      return i === null || i === undefined ? [] : [[col.field, i] as [string, number]];
    }),
    places: await loadPlaces(db, actor),
    stationIds: new Map(),
    seenCode: new Map(),
    seenLicence: new Map(),
    errors,
  };
  const records: ImportRecord[] = [];
  for (const { n, cells } of table.rows) {
    const r = readRow(c, n, cells);
    if (r) records.push(r);
  }
  return { records, errors };
}

/**
 * Validate every row against the mapping, the organisation and the registry. Returns the
 * records to write and every bad row with its reason (bad credit code, unknown station or kind,
 * duplicate in file, missing required field, …).
 */
