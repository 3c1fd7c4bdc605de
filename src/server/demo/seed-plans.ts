import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { audit } from '../core/audit.js';
import { systemActor } from '../core/context.js';
import { generatePlanForCampaign, publishPlan } from '../modules/planning/public.js';
import type { DemoOrg } from './seed-org.js';
import { registry } from '../modules/index.js';

/**
 * A published plan for seed 000's campaign with part of the work done, so the coverage dashboard
 * and the missing list have something to show. Runs after the demo units and campaigns.
 */
export async function seedDemoPlans(db: Db, org: DemoOrg) {
  const rows = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as any).rows as any[];
  const [c] = await rows(
    sql`select id from campaigns where template_code = 'seed-000' and jurisdiction_id = ${org.districtId} order by id limit 1`,
  );
  if (!c) return;
  const ctx = { db, actor: systemActor(), ext: registry() };
  const plan = await generatePlanForCampaign(ctx, { campaignId: c.id, seed: 20220328 });
  await publishPlan(ctx, plan.id);
  // Stations progressed unevenly: the first stations did most of their work, the last ones little.
  await db.transaction(async (tx) => {
    await tx.execute(sql`update inspections i set status = 'done', recorded_at = now(), note = '演示：现场检查',
        date = (date '2022-04-01' + ((i.id * 37) % 200) * interval '1 day')::date
      from jurisdictions j where j.id = i.jurisdiction_id and i.plan_id = ${plan.id}
        and (i.id * 7919) % 100 < 90 - (j.id % 11) * 7`);
    const [{ n }] = (
      (await tx.execute(sql`select count(*)::int as n from inspections where plan_id = ${plan.id} and status = 'done'`)) as any
    ).rows;
    await audit(tx, ctx, {
      action: 'demo.seed',
      entityType: 'plan',
      entityId: plan.id,
      summary: `载入演示检查记录：${n} 项计划任务已完成`,
    });
  });
}
