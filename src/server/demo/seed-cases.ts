import { sql } from 'drizzle-orm';
import { addDays, addWorkingDays, shanghaiToday } from '../../contracts/calendar.js';
import {
  CASE_DECISION_DAYS,
  CASE_PUBLICATION_WORKING_DAYS,
  penaltyInput,
  REFERRAL_DECIDE_DAYS,
  REFERRAL_SEND_HOURS,
  type Penalty,
  type PenaltyInput,
} from '../../contracts/cases.js';
import { DEFAULT_VIOLATION_TYPES } from '../../contracts/checklists/index.js';
import type { Db } from '../../db/client.js';
import { caseReferrals, cases, clues, complaints } from '../../db/schema/index.js';
import { audit } from '../core/audit.js';
import { systemActor } from '../core/context.js';
import { allocateNumber } from '../core/documents/index.js';
import { rows } from '../core/sql.js';
import { seedCalendar, workCalendar } from '../modules/calendar/public.js';
import type { DemoOrg } from './seed-org.js';

type Entity = { id: number; name: string };
const label = (key: string) => DEFAULT_VIOLATION_TYPES.find((v) => v.key === key)!.label;
const penalty = (p: Omit<PenaltyInput, 'version'>): Penalty => {
  const { version: _, ...rest } = penaltyInput.parse({ ...p, version: 0 });
  return rest;
};
const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * A handful of invented cases (案件) so the module shows working: at 创新所 one awaiting the head's
 * approval, one under investigation filed from a complaint's clue, one decided with a fine and not
 * yet published, one decided, 挂牌督办, on the 严重违法失信名单 and referred to the police (sent), one
 * closed and written up as a typical case; at 兴隆所 one past its 90 days and a 简易程序 warning.
 * Dated relative to today (so the deadlines and the overdue list show), numbered through the
 * bureau's counters like real ones; one audit row.
 */
export async function seedDemoCases(db: Db, org: DemoOrg) {
  const people = await rows<{ id: number; username: string; org_unit_id: number }>(
    db,
    sql`select id, username, org_unit_id from users where username in ('head_cx', 'enforcer', 'inspector_xl', 'dept', 'leader')`,
  );
  const by = Object.fromEntries(people.map((p) => [p.username, p]));
  if (!by.head_cx || !by.enforcer || !by.inspector_xl || !by.leader) return;
  const cx = org.stations['创新'].jurisdictionId;
  const xl = org.stations['兴隆'].jurisdictionId;
  const pick = (station: number, kinds: string[], n: number) =>
    rows<Entity>(
      db,
      sql`select id, name from entities where jurisdiction_id = ${station} and kind in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )}) order by id limit ${n}`,
    );
  const [cxPharmacies, cxCosmetics, xlPharmacies] = await Promise.all([
    pick(cx, ['pharmacy_single', 'pharmacy_chain'], 4),
    pick(cx, ['cosmetics_store', 'cosmetics_maternal', 'cosmetics_counter'], 1),
    pick(xl, ['pharmacy_single', 'pharmacy_chain'], 2),
  ]);
  if (cxPharmacies.length < 4 || cxCosmetics.length < 1 || xlPharmacies.length < 2) return;
  // The holiday calendar is filled at every start; the demo may be loaded before the first one.
  await seedCalendar(db);
  const cal = await workCalendar(db);
  const today = shanghaiToday();
  const d = (n: number) => addDays(today, -n);

  await db.transaction(async (tx) => {
    const number = async (kind: 'caseFiling' | 'penaltyDecision' | 'referralLetter', date: string) =>
      (await allocateNumber(tx, { orgUnitId: org.bureauId, kind, date })).text;
    const insert = async (values: typeof cases.$inferInsert) => (await tx.insert(cases).values(values).returning({ id: cases.id }))[0]!.id;
    const common = (e: Entity, station: number, by: { id: number; org_unit_id: number }, type: string) => ({
      jurisdictionId: station,
      orgUnitId: by.org_unit_id,
      entityId: e.id,
      violationType: type,
      violationLabel: label(type),
      createdBy: by.id,
    });
    const filed = async (on: string) => ({
      caseNo: await number('caseFiling', on),
      filedOn: on,
      decisionDue: addDays(on, CASE_DECISION_DAYS),
    });
    const decided = async (on: string, p: Penalty) => ({
      penalty: p,
      fine: p.fine,
      decisionNo: await number('penaltyDecision', on),
      decidedOn: on,
      publicationDue: addWorkingDays(cal, on, CASE_PUBLICATION_WORKING_DAYS),
    });
    const [p1, p2, p3, p4] = cxPharmacies as [Entity, Entity, Entity, Entity];

    // 1. 普通程序, proposed two days ago: waits for the head's 立案 approval (no number yet).
    await insert({
      ...common(p1, cx, by.head_cx!, 'records'),
      procedure: 'ordinary',
      status: 'proposed',
      facts: '日常检查发现当事人2026年以来处方药购进记录缺失供货单位、批号等项目，部分处方未经药师审核调配。',
      violationDate: d(40),
      discoveredOn: d(3),
      sourceType: 'inspection',
      persons: [{ name: '演示负责人甲', role: '主要负责人' }],
      createdAt: at(d(2), 10),
    });

    // 2. From a report (举报) → clue → 立案: under investigation, 65 days left.
    const filedOn2 = d(25);
    const [clue] = await tx
      .insert(clues)
      .values({
        jurisdictionId: cx,
        sourceType: 'complaint',
        sourceNote: '12315平台举报转线索',
        entityId: p2.id,
        subjectName: p2.name,
        summary: '举报药店销售过期阿莫西林胶囊',
        description: '举报人称在该药店购买的阿莫西林胶囊已超过有效期，并提供购药小票。',
        receivedOn: d(33),
        handlerId: by.head_cx!.id,
        status: 'verifying', // 'filed' once its case exists (below)
        findings: '现场检查发现货架上同批次阿莫西林胶囊6盒已过有效期，进货票据显示购进20盒。',
        decidedAt: at(filedOn2, 9),
        decidedBy: by.head_cx!.id,
        createdBy: by.dept?.id ?? by.head_cx!.id,
      })
      .returning({ id: clues.id });
    const f2 = await filed(filedOn2);
    const case2 = await insert({
      ...common(p2, cx, by.head_cx!, 'substandard-drug'),
      ...f2,
      procedure: 'ordinary',
      status: 'investigating',
      facts: '当事人销售超过有效期的阿莫西林胶囊，货值金额约1,200元。',
      goodsValue: 1_200,
      illegalIncome: 300,
      violationDate: d(40),
      discoveredOn: d(33),
      sourceType: 'clue',
      sourceId: clue!.id,
      persons: [{ name: '演示负责人乙', role: '法定代表人' }],
      createdAt: at(d(27), 15),
    });
    await tx.execute(sql`update clues set status = 'filed', case_id = ${case2}, case_no = ${f2.caseNo} where id = ${clue!.id}`);
    await tx.insert(complaints).values({
      jurisdictionId: cx,
      kind: 'report',
      channel: 'platform',
      platformNo: '1231520260002',
      receivedOn: d(33),
      realName: true,
      complainantName: '演示举报人',
      entityId: p2.id,
      subjectName: p2.name,
      summary: '举报药店销售过期阿莫西林胶囊',
      content: '在该药店购买的阿莫西林胶囊已超过有效期，附购药小票。',
      status: 'accepted',
      acceptedOn: d(32),
      informedOn: filedOn2,
      clueId: clue!.id,
      createdBy: by.dept?.id ?? null,
    });

    // 3. 兴隆所: filed 100 days ago and not decided — past the 90 days (shows in the overdue list).
    await insert({
      ...common(xlPharmacies[0]!, xl, by.enforcer!, 'illegal-source'),
      ...(await filed(d(100))),
      procedure: 'ordinary',
      status: 'investigating',
      facts: '当事人从无药品经营资质的个人处购进头孢类药品，涉及3个品种。',
      goodsValue: 6_800,
      violationDate: d(130),
      discoveredOn: d(101),
      sourceType: 'inspection',
      createdAt: at(d(101), 16),
    });

    // 4. Decided eight days ago with a fine; publication due within 20 working days, not yet published.
    await insert({
      ...common(p3, cx, by.head_cx!, 'substandard-drug'),
      ...(await filed(d(60))),
      ...(await decided(
        d(8),
        penalty({
          article: 'drug-law-117-retail',
          tier: 'base',
          confiscateGoods: true,
          confiscatedIncome: 600,
          fine: 120_000,
          facts: '当事人销售超过有效期的感冒清热颗粒，货值金额2,400元，违法所得600元。',
        }),
      )),
      procedure: 'ordinary',
      status: 'decided',
      notifiedOn: d(15),
      facts: '当事人销售超过有效期的感冒清热颗粒，货值金额2,400元，违法所得600元。',
      goodsValue: 2_400,
      illegalIncome: 600,
      violationDate: d(75),
      discoveredOn: d(62),
      sourceType: 'sampling',
      persons: [{ name: '演示负责人丙', role: '主要负责人' }],
      createdAt: at(d(61), 11),
    });

    // 5. Fake drugs: decided, published, 市局挂牌督办, 严重违法失信名单, referred to the police and sent.
    const decidedOn5 = d(20);
    const case5 = await insert({
      ...common(p4, cx, by.head_cx!, 'fake-drug'),
      ...(await filed(d(70))),
      ...(await decided(
        decidedOn5,
        penalty({
          article: 'drug-law-116',
          tier: 'base',
          confiscateGoods: true,
          confiscatedIncome: 3_500,
          suspend: true,
          fine: 1_500_000,
          facts: '当事人销售以非药品冒充的“祖传风湿膏”，货值金额8,000元，违法所得3,500元。',
        }),
      )),
      procedure: 'ordinary',
      status: 'decided',
      notifiedOn: d(28),
      publishedOn: d(12),
      facts: '当事人销售以非药品冒充的“祖传风湿膏”，货值金额8,000元，违法所得3,500元。',
      goodsValue: 8_000,
      illegalIncome: 3_500,
      violationDate: d(90),
      discoveredOn: d(72),
      sourceType: 'assigned',
      supervision: { level: 'city', since: d(68), deadline: addDays(today, 30), note: '市局挂牌督办' },
      seriousList: { listedOn: d(10), until: null, note: '生产销售假药，情节严重' },
      persons: [{ name: '演示负责人丁', role: '法定代表人' }],
      createdAt: at(d(71), 9),
    });
    const proposed = at(d(19), 9);
    const approved = at(d(18), 15);
    await tx.insert(caseReferrals).values({
      caseId: case5,
      jurisdictionId: cx,
      status: 'sent',
      number: await number('referralLetter', d(18)),
      reason: '当事人销售假药，涉嫌销售假药罪，依法移送公安机关。',
      proposedBy: by.head_cx!.id,
      proposedAt: proposed,
      decideDueAt: new Date(proposed.getTime() + REFERRAL_DECIDE_DAYS * 86_400_000),
      approvedBy: by.leader!.id,
      approvedAt: approved,
      sendDueAt: new Date(approved.getTime() + REFERRAL_SEND_HOURS * 3_600_000),
      sentAt: at(d(17), 10),
      policeUnit: '兴隆台公安分局',
    });

    // 6. Cosmetics past their use-by date: closed, and written up as this quarter's typical case.
    await insert({
      ...common(cxCosmetics[0]!, cx, by.head_cx!, 'cosmetics-quality'),
      ...(await filed(d(80))),
      ...(await decided(
        d(45),
        penalty({
          article: 'cosmetics-reg-60',
          tier: 'base',
          confiscateGoods: true,
          fine: 20_000,
          facts: '当事人经营超过使用期限的面霜、爽肤水共计24瓶，货值金额3,000元。',
        }),
      )),
      procedure: 'ordinary',
      status: 'closed',
      notifiedOn: d(52),
      publishedOn: d(40),
      executedOn: d(30),
      closedOn: d(25),
      facts: '当事人经营超过使用期限的面霜、爽肤水共计24瓶，货值金额3,000元。',
      goodsValue: 3_000,
      violationDate: d(95),
      discoveredOn: d(82),
      sourceType: 'inspection',
      typical: {
        title: '某化妆品店经营超过使用期限化妆品案',
        violation: '当事人在其经营场所陈列、销售超过使用期限的面霜、爽肤水共计24瓶。',
        investigation: '执法人员在专项检查中发现问题产品，当场扣押，调取进货凭证和销售记录，询问当事人负责人。',
        productControl: '涉案化妆品已全部扣押并没收，未售出部分已监督销毁。',
        result: '依据《化妆品监督管理条例》第六十条，没收涉案化妆品，并处罚款2万元。当事人已履行完毕。',
      },
      typicalOn: today,
      createdAt: at(d(81), 14),
    });

    // 7. 兴隆所, 简易程序: a warning on the spot, executed.
    const filed7 = d(5);
    await insert({
      ...common(xlPharmacies[1]!, xl, by.inspector_xl!, 'records'),
      ...(await filed(filed7)),
      ...(await decided(filed7, penalty({ article: 'drug-law-130', tier: 'base', warning: true }))),
      procedure: 'simple',
      status: 'executed',
      executedOn: filed7,
      facts: '当事人零售药品时未向购买者说明用法用量，当场责令改正。',
      violationDate: filed7,
      discoveredOn: filed7,
      sourceType: 'inspection',
      createdAt: at(filed7, 10),
    });

    await audit(
      tx,
      { actor: systemActor() },
      { action: 'demo.seed', entityType: 'system', jurisdictionId: org.districtId, summary: '载入演示数据：案件、移送公安、典型案例' },
    );
  });
}
