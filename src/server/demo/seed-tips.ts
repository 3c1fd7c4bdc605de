import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tips, users } from '../../db/schema/index.js';
import { audit } from '../core/audit.js';
import { systemActor } from '../core/context.js';
import type { DemoOrg } from './seed-org.js';

/** A handful of grassroots tips from the demo coordinator and informant of 创新所, in every state. */
export async function seedDemoTips(db: Db, org: DemoOrg) {
  const people = await db
    .select({ id: users.id, username: users.username, jurisdictionId: users.jurisdictionId, orgUnitId: users.orgUnitId })
    .from(users)
    .where(inArray(users.username, ['coordinator', 'informant', 'inspector_cx', 'head_cx']));
  const by = Object.fromEntries(people.map((p) => [p.username, p]));
  const { coordinator, informant, inspector_cx: inspector, head_cx: head } = by;
  if (!coordinator || !informant || !inspector || !head) return;
  const day = (n: number) => new Date(Date.now() - n * 86400000);
  const date = (n: number) => day(n).toISOString().slice(0, 10);
  const from = (p: typeof coordinator) => ({ jurisdictionId: p.jurisdictionId, orgUnitId: p.orgUnitId, reportedBy: p.id });
  const rows: (typeof tips.$inferInsert)[] = [
    {
      ...from(coordinator),
      kind: 'hazard',
      title: '药店门口违规摆放处方药促销',
      description: '一家药店在门口货架摆放处方药并挂“买二送一”牌子，店员称无需处方。',
      place: '和平街道幸福路18号',
      entityName: '康宁大药房（幸福路店）',
      entityAddress: '和平街道幸福路18号',
      occurredOn: date(1),
      status: 'submitted',
      createdAt: day(1),
    },
    {
      ...from(coordinator),
      kind: 'clue',
      title: '有人上门回收医保药品',
      description: '居民反映有人在小区门口收购医保药品，周二、周五上午出现。',
      place: '和平街道锦绣小区北门',
      occurredOn: date(4),
      status: 'accepted',
      reviewNote: '已安排检查员核查',
      reviewedBy: inspector.id,
      reviewedAt: day(3),
      createdAt: day(4),
    },
    {
      ...from(coordinator),
      kind: 'hazard',
      title: '诊所药品储存冰箱温度异常',
      description: '诊所冷藏疫苗用冰箱温度显示12℃，无温度记录。',
      place: '和平街道友谊路6号',
      entityName: '友谊社区卫生服务站',
      occurredOn: date(9),
      status: 'forwarded',
      reviewNote: '情况属实',
      reviewedBy: head.id,
      reviewedAt: day(8),
      forwardNote: '转执法大队依法查处',
      forwardedBy: head.id,
      forwardedAt: day(7),
      createdAt: day(9),
    },
    {
      ...from(informant),
      kind: 'clue',
      title: '村卫生室销售来源不明的中药饮片',
      description: '村民反映卫生室出售的中药饮片没有包装标签。',
      place: '春晖社区卫生室',
      entityName: '春晖社区卫生室',
      occurredOn: date(2),
      status: 'submitted',
      createdAt: day(2),
    },
    {
      ...from(informant),
      kind: 'other',
      title: '化妆品店宣传“药妆”',
      description: '小店海报宣称产品可“治疗痘痘”。',
      place: '春晖社区商业街',
      occurredOn: date(12),
      status: 'rejected',
      reviewNote: '已于上周专项检查中处理，重复上报',
      reviewedBy: inspector.id,
      reviewedAt: day(11),
      createdAt: day(12),
    },
  ];
  await db.transaction(async (tx) => {
    await tx.insert(tips).values(rows);
    await audit(
      tx,
      { actor: systemActor() },
      {
        action: 'demo.seed',
        entityType: 'system',
        jurisdictionId: org.stations['创新'].jurisdictionId,
        summary: `载入演示数据：${rows.length} 条基层上报`,
      },
    );
  });
}
