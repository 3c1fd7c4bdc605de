import { sql } from 'drizzle-orm';
import { addDays, shanghaiToday } from '../../contracts/calendar.js';
import type { Db } from '../../db/client.js';
import {
  commonRiskEntities,
  commonRiskMembers,
  commonRisks,
  consultationItemLinks,
  consultationItems,
  consultations,
  risks,
} from '../../db/schema/index.js';
import { audit } from '../core/audit.js';
import type { Actor } from '../core/context.js';
import { rows } from '../core/sql.js';
import { openRisk } from '../modules/risks/public.js';
import type { DemoOrg } from './seed-org.js';

/**
 * A small risk register for 创新所 (and one risk at 兴隆所): risks in every state, one overdue, one
 * closed by the station head; a common risk grouping two of them; a station and a district risk
 * consultation discussing them. Invented people and units only.
 */
export async function seedDemoRisks(db: Db, org: DemoOrg) {
  const people = await rows<{
    id: number;
    username: string;
    role: Actor['role'];
    org_unit_id: number;
    jurisdiction_id: number;
    path: string;
    display_name: string;
  }>(
    db,
    sql`select u.id, u.username, u.role, u.org_unit_id, u.jurisdiction_id, j.path, u.display_name from users u join jurisdictions j on j.id = u.jurisdiction_id
        where u.username in ('inspector_cx','head_cx','inspector_xl','office')`,
  );
  const actor = (username: string): Actor => {
    const p = people.find((x) => x.username === username)!;
    return {
      id: p.id,
      username,
      name: p.display_name,
      role: p.role,
      scope: 'jurisdiction',
      orgUnitId: p.org_unit_id,
      jurisdictionId: p.jurisdiction_id,
      jurisdictionPath: p.path,
    };
  };
  if (people.length < 4) return;
  const cx = org.stations['创新'].jurisdictionId;
  const units = await rows<{ id: number }>(db, sql`select id from entities where jurisdiction_id = ${cx} order by id limit 4`);
  const xlUnits = await rows<{ id: number }>(
    db,
    sql`select id from entities where jurisdiction_id = ${org.stations['兴隆'].jurisdictionId} order by id limit 1`,
  );
  if (units.length < 3) return;
  const today = shanghaiToday();
  const inspector = actor('inspector_cx');
  const head = actor('head_cx');
  await db.transaction(async (tx) => {
    const open = (a: Actor, _n: number, x: Omit<Parameters<typeof openRisk>[2], 'source'>) =>
      openRisk(tx, { actor: a }, { ...x, source: null });
    const r1 = await open(inspector, 1, {
      channel: 'inspection',
      entityIds: [units[0].id],
      category: 'drug',
      title: '处方药未凭处方销售',
      description: '检查发现店员在执业药师不在岗时销售阿莫西林胶囊，未留存处方。',
      level: 'major',
      controlMeasure: '责令改正，一周后复查；纳入重点监管名单',
      ownerId: inspector.id,
      deadline: addDays(today, 10),
      foundOn: addDays(today, -20),
    });
    const r2 = await open(inspector, 2, {
      channel: 'complaint',
      entityIds: [units[1].id],
      category: 'drug',
      title: '处方药销售未保留处方',
      description: '12315投诉反映该店销售头孢类药品不要求处方，核查属实。',
      level: 'general',
      controlMeasure: '约谈负责人，责令限期整改',
      ownerId: inspector.id,
      deadline: addDays(today, 15),
      foundOn: addDays(today, -12),
    });
    const r3 = await open(head, 3, {
      channel: 'online',
      entityIds: [units[2].id],
      category: 'cosmetics',
      productTags: ['child_special_cosmetics'],
      title: '网络销售未备案儿童化妆品',
      description: '网络监测发现该店在第三方平台销售未备案的儿童护肤霜。',
      level: 'serious',
      controlMeasure: '下架涉案产品，移交执法队立案调查',
      ownerId: inspector.id,
      deadline: addDays(today, 5),
      foundOn: addDays(today, -40),
    });
    await open(head, 4, {
      channel: 'sampling',
      entityIds: [units[0].id],
      category: 'device',
      title: '医用口罩抽检不合格',
      description: '监督抽检一次性使用医用口罩细菌过滤效率不合格。',
      level: 'major',
      ownerId: head.id,
      deadline: addDays(today, 20),
    });
    if (xlUnits[0])
      await open(actor('inspector_xl'), 5, {
        channel: 'inspection',
        entityIds: [xlUnits[0].id],
        category: 'drug',
        title: '冷藏药品温度记录不全',
        description: '冷藏柜温度记录缺少夜间数据。',
        level: 'general',
        ownerId: actor('inspector_xl').id,
        deadline: addDays(today, 12),
      });
    // r3 has passed its deadline (it was given 5 days 40 days ago); r1 is controlled; r2 closed by the head.
    await tx
      .update(risks)
      .set({ deadline: addDays(today, -7) })
      .where(sql`id = ${r3.id}`);
    await tx
      .update(risks)
      .set({ status: 'controlling' })
      .where(sql`id in (${r1.id}, ${r3.id})`);
    await tx
      .update(risks)
      .set({ status: 'closed', closedBy: head.id, closedOn: addDays(today, -2), closureNote: '复查确认已整改（证明材料为纸质存档）' })
      .where(sql`id = ${r2.id}`);
    const [common] = await tx
      .insert(commonRisks)
      .values({
        jurisdictionId: cx,
        title: '部分药店处方药未凭处方销售或未保留处方',
        category: 'drug',
        analysis: '多发于城乡接合部单体药店，执业药师挂证不在岗为主要原因。',
        controlMeasure: '责令改正或行政处罚；开展处方药销售专项检查',
        createdBy: head.id,
      })
      .returning();
    await tx.insert(commonRiskMembers).values([r1.id, r2.id].map((riskId) => ({ commonRiskId: common.id, jurisdictionId: cx, riskId })));
    await tx
      .insert(commonRiskEntities)
      .values([units[0].id, units[1].id].map((entityId) => ({ commonRiskId: common.id, entityId, jurisdictionId: cx })));
    const meeting = async (
      jurisdictionId: number,
      level: 'station' | 'county',
      host: string,
      items: { topic: string; decision: string; riskIds: number[] }[],
    ) => {
      const [m] = await tx
        .insert(consultations)
        .values({
          jurisdictionId,
          kind: 'risk',
          level,
          heldOn: addDays(today, -5),
          host,
          participants: ['监管员甲', '监管员乙'],
          createdBy: head.id,
        })
        .returning();
      for (const [i, it] of items.entries()) {
        const [row] = await tx
          .insert(consultationItems)
          .values({
            consultationId: m.id,
            jurisdictionId,
            seq: i + 1,
            topic: it.topic,
            decision: it.decision,
            followUpUserId: inspector.id,
          })
          .returning();
        if (it.riskIds.length)
          await tx
            .insert(consultationItemLinks)
            .values(it.riskIds.map((linkId) => ({ itemId: row.id, jurisdictionId: cx, linkType: 'risk', linkId })));
      }
    };
    await meeting(cx, 'station', '创新所所长', [
      { topic: '处方药销售问题研判', decision: '列为共性风险，开展专项检查', riskIds: [r1.id, r2.id] },
      { topic: '网络销售未备案化妆品', decision: '移交执法队立案', riskIds: [r3.id] },
    ]);
    await meeting(org.districtId, 'county', '分管副局长', [
      { topic: '第三季度全区药品安全风险会商', decision: '各所报送共性风险隐患清单', riskIds: [] },
    ]);
    await audit(tx, { actor: head }, { action: 'demo.seed', entityType: 'system', summary: '载入演示数据：风险清单、共性风险、风险会商' });
  });
}
