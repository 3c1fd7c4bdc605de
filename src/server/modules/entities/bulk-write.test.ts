import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../contracts/credit-code.js';
import type { Database, Db } from '../../../db/client.js';
import { jurisdictions, orgUnits, users } from '../../../db/schema/index.js';
import { createTestDatabase } from '../../../test/db.js';
import { systemActor } from '../../core/context.js';
import { writeRecords } from './bulk-write.js';
import { autoMapping, type ImportRecord } from './import-read.js';
import { validateRows } from './import-rows.js';
import { IMPORT_COLUMNS } from '../../../contracts/entities.js';
import type { Actor } from '../../core/context.js';
import { syncEntityKinds } from './kinds.js';

/**
 * The import writer itself (writeRecords), against a small area of its own: what a new, a changed
 * and an unchanged unit leave in the database (unit, licence, audit row, the unit-kind ledger). The
 * route-level import tests (entities.test.ts) take over a minute a run; this one a few seconds.
 */
let database: Database;
let db: Db;
let actor: { id: number; name: string };
// Ids of the area: a station with two townships of one village each, and a second station.
const J = { city: 8100, station: 8101, town1: 8102, village1: 8103, town2: 8104, village2: 8105, station2: 8106 };

async function rows<T = any>(q: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}
const code = (n: number) => makeCreditCode('91', '211103', String(20000000 + n));

function rec(n: number, over: Partial<ImportRecord> = {}): ImportRecord {
  return {
    row: n + 1,
    existingId: null,
    name: `写入测试药店${n}`,
    creditCode: code(n),
    kind: 'pharmacy_single',
    jurisdictionId: J.station,
    townshipId: J.town1,
    villageId: J.village1,
    address: `测试路${n}号`,
    legalRepresentative: '李法人',
    personInCharge: '张负责',
    qualityManager: '王质量',
    phone: '13900000001',
    tags: ['vbp', 'key_area_urban_rural'],
    products: ['otc', 'rx'],
    medicalGrade: null,
    deviceLevel: '2',
    familyPlanning: true,
    riskLevel: 'high',
    creditGrade: 'A',
    status: 'suspended',
    licence: { kind: 'drug_trade', number: `辽写${n}`, validFrom: '2024-01-01', validTo: '2028-12-31', scope: '处方药' },
    ...over,
  };
}

/** Every field blank (a sheet that names only the unit): what an update leaves as it was. */
const blank = (n: number, id: number): ImportRecord =>
  rec(n, {
    existingId: id,
    townshipId: null,
    villageId: null,
    address: null,
    legalRepresentative: null,
    personInCharge: null,
    qualityManager: null,
    phone: null,
    tags: null,
    products: null,
    deviceLevel: null,
    familyPlanning: null,
    riskLevel: null,
    creditGrade: null,
    status: null,
    licence: null,
  });

const unit = async (n: number) => (await rows(sql`select * from entities where credit_code = ${code(n)}`))[0];
const auditOf = (id: number) =>
  rows(sql`select action, entity_type, entity_id, jurisdiction_id, summary, actor_id, actor_name, ip, before, after
    from audit_log where entity_type = 'entity' and entity_id = ${String(id)} order by id`);

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await syncEntityKinds(db);
  const j = (id: number, parentId: number | null, level: string, path: string, depth: number) => ({
    id,
    parentId,
    level,
    levelLabel: level,
    name: `区${id}`,
    path,
    depth,
  });
  await db
    .insert(jurisdictions)
    .values([
      j(J.city, null, 'city', `/${J.city}/`, 0),
      j(J.station, J.city, 'station', `/${J.city}/${J.station}/`, 1),
      j(J.town1, J.station, 'township', `/${J.city}/${J.station}/${J.town1}/`, 2),
      j(J.village1, J.town1, 'village', `/${J.city}/${J.station}/${J.town1}/${J.village1}/`, 3),
      j(J.town2, J.station, 'township', `/${J.city}/${J.station}/${J.town2}/`, 2),
      j(J.village2, J.town2, 'village', `/${J.city}/${J.station}/${J.town2}/${J.village2}/`, 3),
      j(J.station2, J.city, 'station', `/${J.city}/${J.station2}/`, 1),
    ]);
  const [u] = await db.insert(orgUnits).values({ jurisdictionId: J.station, kind: 'station', name: '写入测试所' }).returning();
  const [p] = await db
    .insert(users)
    .values({
      username: 'writer',
      displayName: '导入员',
      role: 'office',
      dataScope: 'jurisdiction',
      orgUnitId: u.id,
      jurisdictionId: J.station,
    })
    .returning();
  actor = { id: p.id, name: p.displayName };
});
afterAll(() => database?.close());

describe('writeRecords', () => {
  it('creates new units with their licence and one audit row each, by the acting person, reporting progress', async () => {
    const progress: number[] = [];
    const res = await writeRecords(
      db,
      actor,
      [rec(1), rec(2, { licence: null, tags: null, products: null, familyPlanning: null, riskLevel: null, status: null })],
      {
        importId: 77,
        ip: '10.1.2.3',
        onProgress: (n) => void progress.push(n),
      },
    );
    expect(res).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(progress).toEqual([2]);
    const a = await unit(1);
    expect(a).toMatchObject({
      name: '写入测试药店1',
      kind: 'pharmacy_single',
      jurisdiction_id: J.station,
      township_id: J.town1,
      village_id: J.village1,
      address: '测试路1号',
      legal_representative: '李法人',
      person_in_charge: '张负责',
      quality_manager: '王质量',
      phone: '13900000001',
      tags: ['vbp', 'key_area_urban_rural'],
      products: ['otc', 'rx'],
      device_level: '2',
      family_planning: true,
      risk_level: 'high',
      credit_grade: 'A',
      status: 'suspended',
      created_by: actor.id,
    });
    expect(String(a.licence_valid_to)).toMatch(/2028/);
    // Search by two-character pieces of the name and the address.
    expect(a.search_bigrams).toEqual(expect.arrayContaining(['药店', '试路']));
    // Blank cells of a new unit take the defaults.
    expect(await unit(2)).toMatchObject({
      tags: [],
      products: [],
      family_planning: false,
      risk_level: 'low',
      status: 'operating',
      licence_valid_to: null,
    });
    expect(
      await rows(sql`select entity_id, jurisdiction_id, kind, number, scope, valid_to::text from entity_licences where number = '辽写1'`),
    ).toEqual([
      { entity_id: a.id, jurisdiction_id: J.station, kind: 'drug_trade', number: '辽写1', scope: '处方药', valid_to: '2028-12-31' },
    ]);
    expect(await auditOf(a.id)).toEqual([
      {
        action: 'entity.import_create',
        entity_type: 'entity',
        entity_id: String(a.id),
        jurisdiction_id: J.station,
        summary: '导入登记 写入测试药店1（导入批次 #77）',
        actor_id: actor.id,
        actor_name: '导入员',
        ip: '10.1.2.3',
        before: null,
        after: null,
      },
    ]);
  });

  it('demo data is audited as plain registrations by the system, and needs no import batch', async () => {
    expect(await writeRecords(db, systemActor(), [rec(3)], { source: 'demo' })).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const u = await unit(3);
    expect(u.created_by).toBeNull();
    expect(await auditOf(u.id)).toMatchObject([
      { action: 'entity.create', summary: '登记 写入测试药店3（演示数据）', actor_id: null, actor_name: '系统', ip: null },
    ]);
  });

  it('leaves a unit alone when nothing would change: the same values, or blank cells', async () => {
    await writeRecords(db, actor, [rec(4)]);
    const u = await unit(4);
    const audits = (await auditOf(u.id)).length;
    // Written outside an import batch: no batch number in the summary.
    expect((await auditOf(u.id))[0].summary).toBe('导入登记 写入测试药店4');
    expect(await writeRecords(db, actor, [rec(4, { existingId: u.id, licence: null })])).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await writeRecords(db, actor, [blank(4, u.id)])).toEqual({ created: 0, updated: 0, unchanged: 1 });
    // A township given again with the village blank clears the village: that is a change.
    expect(await writeRecords(db, actor, [{ ...blank(4, u.id), townshipId: J.town1 }])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await unit(4)).toMatchObject({ township_id: J.town1, village_id: null, version: u.version + 1 });
    expect((await auditOf(u.id)).length).toBe(audits + 1);
  });

  it('sees a change in any single field, including a tag or product list of the same length with one item replaced', async () => {
    // No village: a new township alone is then the only change.
    await writeRecords(db, actor, [rec(5, { villageId: null })]);
    const u = await unit(5);
    const changes: Partial<ImportRecord>[] = [
      { name: '写入测试药店5（更名）' },
      { creditCode: code(500) },
      { kind: 'pharmacy_chain' },
      { townshipId: J.town2 },
      { address: '新地址1号' },
      { legalRepresentative: '赵法人' },
      { personInCharge: '钱负责' },
      { qualityManager: '孙质量' },
      { phone: '13900000009' },
      { tags: ['vbp', 'county_seat'] },
      { tags: ['vbp'] },
      { products: ['otc', 'chinese_herbal'] },
      { products: ['otc'] },
      { medicalGrade: '2' },
      { deviceLevel: '3' },
      { familyPlanning: false },
      { riskLevel: 'medium' },
      { creditGrade: 'B' },
      { status: 'operating' },
    ];
    for (const over of changes) {
      const [before] = await rows(sql`select * from entities where id = ${u.id}`);
      const res = await writeRecords(db, actor, [{ ...rec(5, { existingId: u.id, licence: null }), ...asRecord(before), ...over }]);
      expect(res, JSON.stringify(over)).toEqual({ created: 0, updated: 1, unchanged: 0 });
    }
  });

  it('updates a known unit: given cells replace, blank ones keep; the audit row holds before and after', async () => {
    await writeRecords(db, actor, [rec(6)]);
    const u = await unit(6);
    const res = await writeRecords(db, actor, [{ ...blank(6, u.id), name: '写入测试药店6（更名）', phone: '0427-7654321' }], {
      importId: 78,
    });
    expect(res).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = await unit(6);
    expect(after).toMatchObject({
      name: '写入测试药店6（更名）',
      phone: '0427-7654321',
      township_id: J.town1,
      village_id: J.village1,
      address: '测试路6号',
      tags: ['vbp', 'key_area_urban_rural'],
      products: ['otc', 'rx'],
      family_planning: true,
      risk_level: 'high',
      status: 'suspended',
      version: u.version + 1,
    });
    // The new name is searchable with the kept address.
    expect(after.search_bigrams).toEqual(expect.arrayContaining(['更名', '试路']));
    const [, upd] = await auditOf(u.id);
    expect(upd).toMatchObject({
      action: 'entity.import_update',
      summary: '导入更新 写入测试药店6（更名）（导入批次 #78）',
      actor_id: actor.id,
      before: { name: '写入测试药店6', phone: '13900000001' },
      after: { name: '写入测试药店6（更名）', phone: '0427-7654321' },
    });
  });

  it('moving a unit to another station drops its township and village unless given', async () => {
    await writeRecords(db, actor, [rec(7)]);
    const u = await unit(7);
    expect(await writeRecords(db, actor, [{ ...blank(7, u.id), jurisdictionId: J.station2 }])).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(await unit(7)).toMatchObject({ jurisdiction_id: J.station2, township_id: null, village_id: null });
    // Back to the first station, to the other township and its village.
    await writeRecords(db, actor, [{ ...blank(7, u.id), townshipId: J.town2, villageId: J.village2 }]);
    expect(await unit(7)).toMatchObject({ jurisdiction_id: J.station, township_id: J.town2, village_id: J.village2 });
  });

  it("a known unit's licence is renewed and its earliest expiry follows; a new unit in the same batch gets its own licence", async () => {
    await writeRecords(db, actor, [rec(8)]);
    const u = await unit(8);
    const renewed = rec(8, { existingId: u.id, licence: { kind: 'drug_trade', number: '辽写8', validTo: '2030-06-30', scope: null } });
    const res = await writeRecords(db, actor, [renewed, rec(9)]);
    expect(res).toEqual({ created: 1, updated: 0, unchanged: 1 });
    expect(String((await unit(8)).licence_valid_to)).toMatch(/2030/);
    const lic = await rows(
      sql`select entity_id, number, scope, valid_from::text from entity_licences where number in ('辽写8', '辽写9') order by number`,
    );
    expect(lic).toEqual([
      { entity_id: u.id, number: '辽写8', scope: '处方药', valid_from: '2024-01-01' },
      { entity_id: (await unit(9)).id, number: '辽写9', scope: '处方药', valid_from: '2024-01-01' },
    ]);
  });

  it("a unit whose kind changes moves its report ledger rows to the new kind; others' rows stay; several known units in one batch", async () => {
    await writeRecords(db, actor, [rec(10), rec(11), rec(12)]);
    const [a, b, c] = [await unit(10), await unit(11), await unit(12)];
    for (const e of [a, b])
      await db.execute(sql`insert into measure_unit_rows (entity_id, measure, since, jurisdiction_id, kind, m_from, m_to, n)
        values (${e.id}, 'test.measure', '2026-01-01', ${J.station}, 'pharmacy_single', '2026-01-01', '2026-12-31', 1)`);
    const res = await writeRecords(db, actor, [
      rec(10, { existingId: a.id, kind: 'pharmacy_chain' }),
      rec(11, { existingId: b.id, phone: '13900000002' }),
      rec(12, { existingId: c.id }),
    ]);
    expect(res).toEqual({ created: 0, updated: 2, unchanged: 1 });
    const ledger = await rows(sql`select entity_id, kind from measure_unit_rows where measure = 'test.measure' order by entity_id`);
    expect(ledger).toEqual([
      { entity_id: a.id, kind: 'pharmacy_chain' },
      { entity_id: b.id, kind: 'pharmacy_single' },
    ]);
  });

  it('writes more than one chunk of 1,000 in full, reporting progress per chunk; the audit can be skipped (bench data); nothing for none', async () => {
    const none: number[] = [];
    expect(await writeRecords(db, actor, [], { onProgress: (n) => void none.push(n) })).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(none).toEqual([]);
    const many = Array.from({ length: 1001 }, (_, i) => rec(1000 + i, { licence: null }));
    const progress: number[] = [];
    const auditsBefore = (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0].n;
    expect(await writeRecords(db, actor, many, { onProgress: (n) => void progress.push(n), skipAudit: true })).toEqual({
      created: 1001,
      updated: 0,
      unchanged: 0,
    });
    expect(progress).toEqual([1000, 1001]);
    expect(
      (
        await rows<{ n: number }>(sql`select count(*)::int as n from entities where name like '写入测试药店1%' and name <> '写入测试药店1'`)
      )[0].n,
    ).toBeGreaterThanOrEqual(1001);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0].n).toBe(auditsBefore);
  });
});

/**
 * The import's own path: rows validated and written in one transaction, the writer using what
 * validation read there (the known unit's row, the licence's holder) instead of reading it again.
 */
describe('writing what validation read in the same transaction', () => {
  const headers = IMPORT_COLUMNS.map((c) => c.header);
  const importer = (): Actor => ({
    id: actor.id,
    username: 'writer',
    name: actor.name,
    role: 'office',
    scope: 'jurisdiction',
    orgUnitId: 0,
    jurisdictionId: J.station,
    jurisdictionPath: `/${J.city}/${J.station}/`,
  });
  const line = (n: number, over: Record<string, string> = {}) => {
    const v: Record<string, string> = {
      单位名称: `写入测试药店${n}`,
      统一社会信用代码: code(n),
      主体类型: '单体药店',
      许可证编号: `辽写${n}`,
      许可证有效期至: '2028-12-31',
      经营范围: '处方药',
      所属监管所: `区${J.station}`,
      ...over,
    };
    return headers.map((h) => v[h] ?? '');
  };
  /** Validate and write the rows in one transaction, as the import job does. */
  const importRows = (cells: string[][], between?: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<unknown>) =>
    db.transaction(async (tx) => {
      const table = { headers, rows: cells.map((c, i) => ({ n: i + 2, cells: c })) };
      const v = await validateRows(tx, importer(), table, autoMapping(headers), { forWrite: true });
      expect(v.errors).toEqual([]);
      await between?.(tx);
      return writeRecords(tx, actor, v.records, { importId: 90 });
    });
  const licence = async (n: number) =>
    (await rows(sql`select entity_id, scope, valid_to::text, updated_at from entity_licences where number = ${`辽写${n}`}`))[0];

  it("a new unit's licence found free goes in with it; taken by another unit before the write, the whole import fails (never moved)", async () => {
    expect(await importRows([line(2001)])).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await licence(2001)).toMatchObject({ entity_id: (await unit(2001)).id, scope: '处方药', valid_to: '2028-12-31' });
    // Another writer registers the licence between the check and the write.
    await expect(
      importRows([line(2002, { 许可证编号: '辽写2003' })], (tx) => writeRecords(tx, actor, [rec(2003)], { skipAudit: true })),
    ).rejects.toThrow();
    expect(await unit(2002)).toBeUndefined();
    expect(await unit(2003)).toBeUndefined();
    expect(await licence(2003)).toBeUndefined();
  });

  it("a known unit's licence is written when its expiry or scope changes, and its earliest expiry follows; left alone when the same", async () => {
    await importRows([line(2010)]);
    const u = await unit(2010);
    const first = await licence(2010);
    expect(await importRows([line(2010)])).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await licence(2010)).toEqual(first);
    await importRows([line(2010, { 许可证有效期至: '2031-06-30' })]);
    expect(await licence(2010)).toMatchObject({ entity_id: u.id, scope: '处方药', valid_to: '2031-06-30' });
    expect(String((await unit(2010)).licence_valid_to)).toMatch(/2031/);
    await importRows([line(2010, { 许可证有效期至: '2031-06-30', 经营范围: '非处方药' })]);
    expect(await licence(2010)).toMatchObject({ scope: '非处方药', valid_to: '2031-06-30' });
    // A blank cell keeps the licence's value, as for the unit's own fields.
    await importRows([line(2010, { 许可证有效期至: '', 经营范围: '' })]);
    expect(await licence(2010)).toMatchObject({ scope: '非处方药', valid_to: '2031-06-30' });
  });

  it('an update found by the values validation read audits the whole row before and after the write', async () => {
    await importRows([line(2020)]);
    const u = await unit(2020);
    expect(await importRows([line(2020, { 联系电话: '0427-1112223' })])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const [, upd] = await auditOf(u.id);
    expect(upd).toMatchObject({ action: 'entity.import_update', before: { id: u.id, phone: null, version: u.version } });
    expect(upd.after).toMatchObject({ id: u.id, phone: '0427-1112223', version: u.version + 1 });
    expect(Object.keys(upd.before).sort()).toEqual(Object.keys(u).sort());
  });
});

/** The record that writes back exactly what a unit row holds. */
function asRecord(b: any): Partial<ImportRecord> {
  return {
    name: b.name,
    creditCode: b.credit_code,
    kind: b.kind,
    jurisdictionId: b.jurisdiction_id,
    townshipId: b.township_id,
    villageId: b.village_id,
    address: b.address,
    legalRepresentative: b.legal_representative,
    personInCharge: b.person_in_charge,
    qualityManager: b.quality_manager,
    phone: b.phone,
    tags: b.tags,
    products: b.products,
    medicalGrade: b.medical_grade,
    deviceLevel: b.device_level,
    familyPlanning: b.family_planning,
    riskLevel: b.risk_level,
    creditGrade: b.credit_grade,
    status: b.status,
  };
}
