import { and, eq, inArray } from 'drizzle-orm';
import { addDays, shanghaiToday } from '../../contracts/calendar.js';
import type { Db } from '../../db/client.js';
import {
  auditLog,
  entities,
  samplingFollowUps,
  samplingNumbers,
  samplingPlanLines,
  samplingPlans,
  samplingRecords,
  samplingResults,
  users,
} from '../../db/schema/index.js';
import { samplingNumberText } from '../modules/sampling/public.js';
import type { DemoOrg } from './seed-org.js';

/**
 * The district's sampling year (seed 001: 国家、市、区 three levels; the county level focuses on
 * 中药材/中药饮片): three plans and a few records of 创新所 in every state, one 不合格 with its follow-up.
 * Products and makers are invented.
 */
export async function seedDemoSampling(db: Db, org: DemoOrg) {
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ['inspector_cx', 'head_cx', 'dept']));
  const by = Object.fromEntries(people.map((p) => [p.username, p.id]));
  if (!by.inspector_cx || !by.head_cx || !by.dept) return;
  const station = org.stations['创新'].jurisdictionId;
  const units = await db
    .select({ id: entities.id, kind: entities.kind })
    .from(entities)
    .where(
      and(eq(entities.jurisdictionId, station), inArray(entities.kind, ['pharmacy_chain', 'pharmacy_single', 'clinic', 'cosmetics_store'])),
    )
    .orderBy(entities.id)
    .limit(40);
  const pharmacies = units.filter((u) => u.kind !== 'cosmetics_store');
  const cosmetics = units.find((u) => u.kind === 'cosmetics_store');
  if (pharmacies.length < 5) return;
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  const day = (n: number) => {
    const d = addDays(today, -n);
    return d.slice(0, 4) === String(year) ? d : `${year}-01-0${Math.min(9, 1 + (n % 8))}`;
  };

  await db.transaction(async (tx) => {
    const plan = async (
      level: string,
      name: string,
      issuer: string,
      lines: { category: string; subCategory?: string; planned: number }[],
    ) => {
      const [p] = await tx
        .insert(samplingPlans)
        .values({ jurisdictionId: org.districtId, level, year, name, issuer, createdBy: by.dept })
        .returning({ id: samplingPlans.id });
      const ids = await tx
        .insert(samplingPlanLines)
        .values(
          lines.map((l, i) => ({
            planId: p.id,
            jurisdictionId: org.districtId,
            category: l.category,
            subCategory: l.subCategory ?? null,
            planned: l.planned,
            sortOrder: i,
          })),
        )
        .returning({ id: samplingPlanLines.id });
      return ids.map((x) => x.id);
    };
    const [national] = await plan('national', `${year}年国家药品抽检（本区承担部分）`, '国家药品监督管理局', [
      { category: 'drug', planned: 6 },
    ]);
    const [cityDrug, cityDevice] = await plan('provincial', `${year}年市级药品医疗器械抽检任务`, '市市场监督管理局', [
      { category: 'drug', subCategory: 'chemical', planned: 10 },
      { category: 'device', subCategory: 'passive', planned: 4 },
    ]);
    const [pieces, herbs, cosmetic] = await plan('county', `${year}年区级“两品一械”抽检计划`, '本局', [
      { category: 'drug', subCategory: 'tcm_pieces', planned: 12 },
      { category: 'drug', subCategory: 'tcm_herbs', planned: 6 },
      { category: 'cosmetic', subCategory: 'general', planned: 5 },
    ]);
    void cityDevice;

    const samplers = [by.inspector_cx, by.head_cx];
    const records = [
      {
        line: pieces,
        e: pharmacies[0],
        product: '黄芪（饮片）',
        batch: 'HQ240901',
        maker: '某某中药饮片有限公司',
        spec: '500g/袋',
        q: 3,
        u: '袋',
        on: day(40),
        status: 'handled',
      },
      {
        line: pieces,
        e: pharmacies[1],
        product: '当归（饮片）',
        batch: 'DG240812',
        maker: '某某中药饮片有限公司',
        spec: '500g/袋',
        q: 3,
        u: '袋',
        on: day(35),
        status: 'unqualified',
      },
      {
        line: herbs,
        e: pharmacies[2],
        product: '金银花',
        batch: 'JYH2406',
        maker: '某某药材经营部',
        spec: '1kg/袋',
        q: 2,
        u: '袋',
        on: day(30),
        status: 'qualified',
      },
      {
        line: cityDrug,
        e: pharmacies[3],
        product: '阿莫西林胶囊',
        batch: '240715',
        maker: '某某制药股份有限公司',
        spec: '0.25g×24粒',
        q: 6,
        u: '盒',
        on: day(20),
        status: 'testing',
      },
      {
        line: national,
        e: pharmacies[4],
        product: '复方丹参片',
        batch: '240603',
        maker: '某某药业有限公司',
        spec: '60片/瓶',
        q: 4,
        u: '瓶',
        on: day(6),
        status: 'sampled',
      },
      ...(cosmetics
        ? [
            {
              line: cosmetic,
              e: cosmetics,
              product: '保湿修护面霜',
              batch: 'C2409A',
              maker: '某某日化有限公司',
              spec: '50g',
              q: 3,
              u: '瓶',
              on: day(12),
              status: 'testing',
            },
          ]
        : []),
    ];
    const bureau = org.districtId;
    let seq = 0;
    for (const r of records) {
      seq++;
      const category = r.line === cosmetic ? 'cosmetic' : 'drug';
      const [row] = await tx
        .insert(samplingRecords)
        .values({
          number: samplingNumberText(year, seq),
          bureauId: bureau,
          year,
          seq,
          entityId: r.e.id,
          jurisdictionId: station,
          planLineId: r.line,
          category,
          productName: r.product,
          batchNo: r.batch,
          manufacturer: r.maker,
          specification: r.spec,
          quantity: r.q,
          quantityUnit: r.u,
          samplerIds: samplers,
          sampledOn: r.on,
          labName: r.status === 'sampled' ? null : '市食品药品检验所',
          sentOn: r.status === 'sampled' ? null : r.on,
          status: r.status,
          recordedBy: by.inspector_cx,
        })
        .returning({ id: samplingRecords.id });
      if (['qualified', 'unqualified', 'handled'].includes(r.status)) {
        const bad = r.status !== 'qualified';
        const reportDate = addDays(r.on, 18) <= today ? addDays(r.on, 18) : r.on;
        const [res] = await tx
          .insert(samplingResults)
          .values({
            recordId: row.id,
            jurisdictionId: station,
            verdict: bad ? 'unqualified' : 'qualified',
            failedItems: bad
              ? [{ item: r.status === 'handled' ? '二氧化硫残留量' : '性状', standard: '《中国药典》2020年版一部', result: null }]
              : [],
            reportNo: `SJ${year}-${String(100 + seq)}`,
            labName: '市食品药品检验所',
            reportDate,
            receivedOn: reportDate,
            recordedBy: by.inspector_cx,
          })
          .returning({ id: samplingResults.id });
        if (bad) {
          await tx.insert(samplingFollowUps).values({
            recordId: row.id,
            resultId: res.id,
            jurisdictionId: station,
            measures: r.status === 'handled' ? ['seal', 'suspend_sale'] : ['suspend_sale'],
            deliveredOn: r.status === 'handled' ? reportDate : null,
            note: r.status === 'handled' ? '库存已查封扣押' : null,
            handledNote: r.status === 'handled' ? '单位未申请复检，已移交执法大队立案调查' : null,
          });
        }
      }
    }
    await tx.insert(samplingNumbers).values({ bureauId: bureau, year, lastNumber: seq });
    await tx.insert(auditLog).values({
      actorId: null,
      actorName: '系统',
      action: 'demo.seed',
      entityType: 'system',
      summary: `载入演示数据：抽检计划3个、抽样记录${seq}条`,
    });
  });
}
