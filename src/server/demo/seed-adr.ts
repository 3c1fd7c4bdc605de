import { sql } from 'drizzle-orm';
import { addDays, shanghaiToday } from '../../contracts/calendar.js';
import type { AdrReportInput } from '../../contracts/adr.js';
import type { Db } from '../../db/client.js';
import { audit } from '../core/audit.js';
import type { Actor } from '../core/context.js';
import { rows } from '../core/sql.js';
import { detectClusters, insertReports, type PreparedReport } from '../modules/adr/public.js';
import type { DemoOrg } from './seed-org.js';

/** Invented products and makers (演示数据): no real company is named. */
const DRUGS: [string, string][] = [
  ['阿莫西林胶囊', '华康制药有限公司（演示）'],
  ['头孢克肟片', '辽河制药有限公司（演示）'],
  ['左氧氟沙星注射液', '北方制药有限公司（演示）'],
  ['注射用头孢曲松钠', '渤海制药有限公司（演示）'],
  ['布洛芬缓释胶囊', '红海滩制药有限公司（演示）'],
  ['复方丹参滴丸', '苇海制药有限公司（演示）'],
  ['阿奇霉素片', '湿地制药有限公司（演示）'],
  ['硝苯地平缓释片', '鹤乡制药有限公司（演示）'],
  ['二甲双胍片', '鼎新制药有限公司（演示）'],
  ['氯化钾缓释片', '安泰制药有限公司（演示）'],
  ['甲硝唑片', '广生制药有限公司（演示）'],
  ['注射用青霉素钠', '恒瑞康制药有限公司（演示）'],
  ['双黄连口服液', '景和制药有限公司（演示）'],
  ['血塞通注射液', '润生制药有限公司（演示）'],
  ['奥美拉唑肠溶胶囊', '天元制药有限公司（演示）'],
  ['氨氯地平片', '永信制药有限公司（演示）'],
];
const DEVICES: [string, string][] = [
  ['一次性使用输液器', '康护医疗器械有限公司（演示）'],
  ['医用外科口罩', '康护医疗器械有限公司（演示）'],
  ['血糖试纸', '安测医疗科技有限公司（演示）'],
];
const TERMS = ['皮疹', '瘙痒', '恶心', '呕吐', '头晕', '头痛', '腹泻', '胸闷', '心悸', '寒战', '发热', '呼吸困难', '静脉炎', '过敏样反应'];

/** A small deterministic generator (the demo is the same on every install). */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

/**
 * 不良反应监测 demo for 兴隆台区: ~300 invented reports of this year (about 3 in 4 from the area's
 * medical institutions, some late, a few serious, one death), population figures marked 演示数据, and one
 * cluster: five reports of one batch of 注射用头孢曲松钠 at 创新所 within five days, which the cluster
 * check turns into a 新 alert.
 */
export async function seedDemoAdr(db: Db, org: DemoOrg) {
  const [office] = await rows<{ id: number; org_unit_id: number; jurisdiction_id: number; path: string; display_name: string }>(
    db,
    sql`select u.id, u.org_unit_id, u.jurisdiction_id, j.path, u.display_name from users u join jurisdictions j on j.id = u.jurisdiction_id where u.username = 'office'`,
  );
  if (!office) return;
  const actor: Actor = {
    id: office.id,
    username: 'office',
    name: office.display_name,
    role: 'office',
    scope: 'jurisdiction',
    orgUnitId: office.org_unit_id,
    jurisdictionId: office.jurisdiction_id,
    jurisdictionPath: office.path,
  };
  const district = await rows<{ path: string }>(db, sql`select path from jurisdictions where id = ${org.districtId}`);
  const stations = await rows<{ jurisdictionId: number }>(
    db,
    sql`select id as "jurisdictionId" from jurisdictions where level = 'station' and path like ${district[0].path + '%'} order by id`,
  );
  const medical = await rows<{ id: number; name: string; jurisdiction_id: number }>(
    db,
    sql`select e.id, e.name, e.jurisdiction_id from entities e join jurisdictions j on j.id = e.jurisdiction_id
        where j.path like ${district[0].path + '%'} and e.kind in ('medical_institution', 'clinic') order by e.id`,
  );
  const shops = await rows<{ id: number; name: string; jurisdiction_id: number }>(
    db,
    sql`select e.id, e.name, e.jurisdiction_id from entities e join jurisdictions j on j.id = e.jurisdiction_id
        where j.path like ${district[0].path + '%'} and e.kind in ('pharmacy_chain', 'pharmacy_single') order by e.id limit 40`,
  );
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  const start = `${year}-01-01`;
  const span = Math.max(30, (Date.parse(today) - Date.parse(start)) / 86400_000 - 20);
  const r = rng(20261202);
  const list: PreparedReport[] = [];
  const place = (jurisdictionId: number) => ({ jurisdictionId, countyId: org.districtId, path: '' });
  // The silent institutions: the last fifth of the area's medical units report nothing this year.
  const reporting = medical.slice(0, Math.max(1, Math.floor(medical.length * 0.8)));
  for (let i = 0; i < 300; i++) {
    const device = r.next() < 0.08;
    const [name, maker] = r.pick(device ? DEVICES : DRUGS);
    const onsetOn = addDays(start, r.int(0, span));
    const serious = r.next() < 0.12;
    const death = serious && r.next() < 0.03;
    const isNew = r.next() < 0.15;
    const limit = death ? 1 : serious || isNew ? 15 : 30;
    const reportedOn = addDays(onsetOn, r.next() < 0.1 ? limit + r.int(1, 20) : r.int(0, limit));
    const from = r.next();
    const unit = from < 0.76 && reporting.length ? r.pick(reporting) : from < 0.92 && shops.length ? r.pick(shops) : null;
    const input: Omit<AdrReportInput, 'jurisdictionId'> = {
      kind: device ? 'device' : 'drug',
      reportCode: `${device ? 'Y' : 'X'}${year}${String(i + 1).padStart(5, '0')}`,
      reporterName: unit?.name ?? (r.next() < 0.5 ? '患者本人' : '兴隆台区某生产企业（演示）'),
      reporterKind: unit ? (from < 0.76 ? 'medical' : 'business') : 'individual',
      reporterCreditCode: null,
      patientSex: r.pick(['male', 'female'] as const),
      patientAge: r.int(1, 90),
      drugs: [{ genericName: name, batchNo: `${year % 100}${String(r.int(1, 12)).padStart(2, '0')}${r.int(10, 99)}`, manufacturer: maker }],
      reactions: [...new Set([r.pick(TERMS), ...(r.next() < 0.4 ? [r.pick(TERMS)] : [])])],
      seriousness: serious ? 'serious' : 'general',
      isNew,
      onsetOn,
      reportedOn: reportedOn > today ? today : reportedOn,
      outcome: death ? 'death' : r.pick(['cured', 'improved', 'improved', 'unknown'] as const),
      death,
    };
    list.push({ input, place: place(unit?.jurisdiction_id ?? r.pick(stations).jurisdictionId), entityId: unit?.id ?? null });
  }
  // The cluster: one batch of 注射用头孢曲松钠, five reports at 创新所 within five days, ten days ago.
  const cx = org.stations['创新'].jurisdictionId;
  for (let k = 0; k < 5; k++) {
    const unit = reporting.find((m) => m.jurisdiction_id === cx) ?? reporting[0];
    const onsetOn = addDays(today, -14 + k);
    list.push({
      input: {
        kind: 'drug',
        reportCode: `X${year}C${String(k + 1).padStart(4, '0')}`,
        reporterName: unit?.name ?? '创新社区卫生服务中心（演示）',
        reporterKind: 'medical',
        reporterCreditCode: null,
        patientSex: k % 2 ? 'male' : 'female',
        patientAge: 30 + k * 9,
        drugs: [{ genericName: '注射用头孢曲松钠', batchNo: 'DEMO2611', manufacturer: '渤海制药有限公司（演示）' }],
        reactions: k === 2 ? ['寒战', '发热', '呼吸困难'] : ['寒战', '发热'],
        seriousness: k === 2 ? 'serious' : 'general',
        isNew: false,
        onsetOn,
        reportedOn: addDays(onsetOn, 1),
        outcome: 'improved',
        death: false,
      },
      place: place(unit?.jurisdiction_id ?? cx),
      entityId: unit?.id ?? null,
    });
  }
  await db.transaction(async (tx) => {
    for (const [jid, population] of [
      [org.districtId, 380_000],
      [org.bannerId, 62_000],
    ] as const) {
      for (const y of [year - 1, year])
        await tx.execute(
          sql`insert into adr_population (jurisdiction_id, year, population, demo) values (${jid}, ${y}, ${population}, true) on conflict do nothing`,
        );
    }
    const ids = await insertReports(tx, list, { createdBy: office.id });
    await audit(
      tx,
      { actor },
      {
        action: 'adr_report.import',
        entityType: 'adr_import',
        jurisdictionId: org.districtId,
        summary: `演示数据：登记不良反应报告 ${ids.length} 份`,
      },
    );
    await detectClusters(tx, { actor }, ids);
  });
}
