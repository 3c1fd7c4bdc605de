import { inArray, sql } from 'drizzle-orm';
import { addDays, shanghaiToday } from '../../contracts/calendar.js';
import type { Db } from '../../db/client.js';
import { assistRequests, clues, clueTransfers, complaints, users } from '../../db/schema/index.js';
import { audit } from '../core/audit.js';
import { systemActor } from '../core/context.js';
import type { DemoOrg } from './seed-org.js';

/**
 * A small, invented set of clues (线索) in every state, one transfer, two 协查函 and a few complaints
 * (投诉举报) of 创新所 and 兴隆所, dated relative to today so the deadlines and the weekly summary show.
 */
export async function seedDemoClues(db: Db, org: DemoOrg) {
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ['inspector_cx', 'head_cx', 'enforcer', 'dept']));
  const by = Object.fromEntries(people.map((p) => [p.username, p.id]));
  if (!by.inspector_cx || !by.head_cx) return;
  const cx = org.stations['创新'].jurisdictionId;
  const xl = org.stations['兴隆'].jurisdictionId;
  const today = shanghaiToday();
  const d = (n: number) => addDays(today, -n);
  const entityOf = async (station: number, offset: number) =>
    (
      (await db.execute(
        sql`select id, name from entities where jurisdiction_id = ${station} order by id limit 1 offset ${offset}`,
      )) as unknown as {
        rows: { id: number; name: string }[];
      }
    ).rows[0];
  const [e1, e2, e3] = await Promise.all([entityOf(cx, 0), entityOf(cx, 1), entityOf(xl, 0)]);
  await db.transaction(async (tx) => {
    const rows = await tx
      .insert(clues)
      .values([
        {
          jurisdictionId: cx,
          sourceType: 'online',
          sourceNote: '省局网络监测平台推送',
          entityId: e1?.id ?? null,
          subjectName: e1?.name ?? '某网店',
          summary: '网店销售处方药未凭处方',
          description: '监测发现该单位在第三方平台店铺销售处方药，下单无需上传处方。',
          receivedOn: d(2),
          handlerId: by.inspector_cx,
          status: 'pending',
          createdBy: by.inspector_cx,
        },
        {
          jurisdictionId: cx,
          sourceType: 'sampling',
          sourceNote: '2026年第三批监督抽检',
          entityId: e2?.id ?? null,
          subjectName: e2?.name ?? '某药店',
          summary: '抽检不合格：板蓝根颗粒性状不符合规定',
          description: '抽检报告显示该批次板蓝根颗粒【性状】项不符合规定。',
          receivedOn: d(9),
          handlerId: by.head_cx,
          status: 'verifying',
          findings: '已调取进货票据，供货企业为外省批发企业，需发协查函核实。',
          createdBy: by.head_cx,
        },
        {
          jurisdictionId: xl,
          sourceType: 'dept_transfer',
          sourceNote: '区医保局移送函',
          entityId: e3?.id ?? null,
          subjectName: e3?.name ?? '某诊所',
          summary: '医保局移送：疑似串换药品',
          description: '医保稽核发现该单位存在药品串换结算情况，涉及药品来源不明。',
          receivedOn: d(20),
          handlerId: by.enforcer ?? null,
          status: 'transferred',
          findings: '经核查，主要问题为医保基金使用，属医保部门管辖。',
          decidedAt: new Date(Date.now() - 12 * 86400000),
          decidedBy: by.enforcer ?? null,
          createdBy: by.enforcer ?? null,
        },
        {
          jurisdictionId: cx,
          sourceType: 'opinion',
          sourceNote: '本地论坛帖子',
          subjectName: '城郊村卫生室',
          summary: '网帖反映村卫生室使用过期疫苗',
          description: '网帖称某村卫生室使用过期疫苗，经核查为谣言。',
          receivedOn: d(30),
          status: 'not_filed',
          findings: '现场检查疫苗均在有效期内，出入库记录完整。',
          decisionReason: '经核查反映问题不属实',
          decidedAt: new Date(Date.now() - 25 * 86400000),
          decidedBy: by.head_cx,
          createdBy: by.head_cx,
        },
      ])
      .returning({ id: clues.id, status: clues.status });
    const transferred = rows.find((r) => r.status === 'transferred')!;
    await tx.insert(clueTransfers).values({
      jurisdictionId: xl,
      clueId: transferred.id,
      target: 'medical_insurance',
      receivingBody: '兴隆台区医疗保障局',
      transferredOn: d(12),
      letterNo: '兴市监移〔2026〕5号',
      status: 'receipted',
      receiptOn: d(10),
      createdBy: by.enforcer ?? null,
    });
    await tx.insert(assistRequests).values([
      {
        jurisdictionId: cx,
        direction: 'outgoing',
        counterpart: '某省某市市场监督管理局',
        subject: '板蓝根颗粒不合格案供货企业协查',
        content: '请协助核实供货企业资质及该批次产品销售流向。',
        clueId: rows[1].id,
        date: d(6),
        dueOn: addDays(today, 9),
        contactName: '演示联系人',
        createdBy: by.head_cx,
      },
      {
        jurisdictionId: cx,
        direction: 'incoming',
        counterpart: '邻县市场监督管理局',
        subject: '协查某批次疫苗流向',
        content: '请协查辖区接种单位是否购进该批次疫苗。',
        date: d(16),
        dueOn: d(2),
        letterNo: '邻市监协查〔2026〕8号',
        createdBy: by.inspector_cx,
      },
    ]);
    await tx.insert(complaints).values([
      {
        jurisdictionId: cx,
        kind: 'complaint',
        channel: 'platform',
        platformNo: '1231520260001',
        receivedOn: d(12),
        realName: true,
        complainantName: '演示投诉人',
        entityId: e1?.id ?? null,
        subjectName: e1?.name ?? null,
        summary: '购买的感冒药已过有效期',
        content: '在该药店购买的感冒药已过有效期，要求退货赔偿。',
        createdBy: by.dept ?? null,
      },
      {
        jurisdictionId: cx,
        kind: 'report',
        channel: 'hotline',
        receivedOn: d(3),
        realName: false,
        subjectName: '城郊出租屋',
        summary: '举报出租屋内无证销售药品',
        content: '有人在出租屋内向老人推销“特效药”。',
        createdBy: by.dept ?? null,
      },
    ]);
    await audit(
      tx,
      { actor: systemActor() },
      { action: 'demo.seed', entityType: 'system', jurisdictionId: org.districtId, summary: '载入演示数据：线索、移交、协查函、投诉举报' },
    );
  });
}
