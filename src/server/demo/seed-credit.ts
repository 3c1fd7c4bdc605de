import { sql } from 'drizzle-orm';
import { addDays, shanghaiToday } from '../../contracts/calendar.js';
import type { Db } from '../../db/client.js';
import { audit } from '../core/audit.js';
import { systemActor } from '../core/context.js';
import { gradeAreaNow } from '../modules/credit/public.js';
import { registry } from '../modules/index.js';
import type { DemoOrg } from './seed-org.js';

/**
 * Credit grades for the demo district: about one pharmacy in eight had problems found at a recent
 * special inspection (so grades differ), then the district is graded with the default rule, and one
 * override request waits for approval. Runs after the demo units and plans.
 */
export async function seedDemoCredit(db: Db, org: DemoOrg) {
  const rows = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as any).rows as any[];
  const today = shanghaiToday();
  const ctx = { actor: systemActor() };
  const [district] = await rows(sql`select id, path from jurisdictions where id = ${org.districtId}`);
  if (!district) return;
  await db.transaction(async (tx) => {
    const found = (
      (await tx.execute(sql`insert into inspections (entity_id, jurisdiction_id, date, status, kind, note, recorded_at)
        select e.id, e.jurisdiction_id, ${addDays(today, -200)}::date + (e.id * 13) % 180, 'done', 'special', '演示：信用评定用检查记录', now()
        from entities e where e.kind in ('pharmacy_chain', 'pharmacy_single') and (e.id * 7919) % 8 = 0
          and e.jurisdiction_id = any(array(select id from jurisdictions where path like ${district.path + '%'}))
        returning id, jurisdiction_id`)) as any
    ).rows as { id: number; jurisdiction_id: number }[];
    for (const i of found) {
      const n = 1 + (i.id % 4);
      for (let k = 0; k < n; k++) {
        const severity = (i.id + k) % 9 === 0 ? 'severe' : (i.id + k) % 3 === 0 ? 'serious' : 'general';
        const description = severity === 'general' ? '进货查验记录不完整' : severity === 'serious' ? '处方药未凭处方销售' : '销售过期药品';
        await tx.execute(sql`insert into inspection_findings (inspection_id, jurisdiction_id, severity, description)
          values (${i.id}, ${i.jurisdiction_id}, ${severity}, ${description})`);
      }
    }
    const graded = await gradeAreaNow(tx, registry(), { jurisdictionId: district.id, path: district.path }, ctx);
    // Inside the transaction only `tx` (PGlite has one connection: a query on `db` here waits forever).
    const txRows = async (q: ReturnType<typeof sql>) => ((await tx.execute(q)) as any).rows as any[];
    const [office] = await txRows(sql`select id from users where username = 'office'`);
    const [unit] = await txRows(sql`select e.id, e.jurisdiction_id, e.credit_grade from entities e
      where e.kind in ('pharmacy_chain', 'pharmacy_single') and e.credit_grade = 'A'
        and e.jurisdiction_id = any(array(select id from jurisdictions where path like ${district.path + '%'})) order by e.id limit 1`);
    if (office && unit)
      await tx.execute(sql`insert into credit_overrides (entity_id, jurisdiction_id, grade, computed_grade, reason, rule_version, requested_by)
        values (${unit.id}, ${unit.jurisdiction_id}, 'C', 'A', '演示：群众投诉该店多次未凭处方销售处方药，约谈后仍未整改', 0, ${office.id})`);
    await audit(tx, ctx, {
      action: 'demo.seed',
      entityType: 'credit_run',
      summary: `载入演示信用评定：${found.length} 家药店有近期检查问题，评定 ${graded?.units ?? 0} 家`,
    });
  });
}
