import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { LIST_COLUMNS, presentListRows } from '../list-query.js';

/**
 * An inspector's day (今日检查): open inspections they are on that are due today or overdue, and
 * on-site records waiting for their signature. Answered from the (jurisdiction, status, date) index.
 */
export async function listMyInspections(ctx: Ctx) {
  const today = shanghaiToday();
  const mine = sql`${ctx.actor.id}::int = any(i.inspector_ids) and ${scopeWhere(ctx.actor, { jurisdiction: sql`i.jurisdiction_id` })}`;
  const base = sql`from inspections i join entities e on e.id = i.entity_id join jurisdictions j on j.id = i.jurisdiction_id`;
  const [due, unsigned] = await Promise.all([
    rows(
      ctx.db,
      sql`select ${LIST_COLUMNS} ${base} where ${mine} and i.status = 'planned' and i.date <= ${today}::date order by i.date, i.id limit 200`,
    ),
    rows(
      ctx.db,
      sql`select ${LIST_COLUMNS} ${base} where ${mine} and i.status = 'draft'
            and not exists (select 1 from inspection_signatures s where s.inspection_id = i.id and s.user_id = ${ctx.actor.id}) order by i.date, i.id limit 200`,
    ),
  ]);
  const dueItems = await presentListRows(ctx, due);
  return {
    today,
    dueToday: dueItems.filter((x) => x.date === today),
    overdue: dueItems.filter((x) => x.date < today),
    awaitingMySignature: await presentListRows(ctx, unsigned),
  };
}
