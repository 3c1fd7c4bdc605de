import { sql, type SQL } from 'drizzle-orm';
import { shanghaiToday } from '../../../contracts/calendar.js';
import type { ListRisksQuery } from '../../../contracts/risks.js';
import type { Ctx } from '../../core/context.js';
import { areaOf } from './queries.js';

/** The list's filters (station, grade, state, overdue, channel, unit, words) inside the caller's area. */
export function riskFilter(ctx: Pick<Ctx, 'actor'>, q: Omit<ListRisksQuery, 'page' | 'pageSize'>, today = shanghaiToday()): SQL {
  const conds: SQL[] = [areaOf(ctx.actor, 'r')];
  if (q.stationId)
    conds.push(
      sql`r.jurisdiction_id = any(array(select s.id from jurisdictions s, jurisdictions p where p.id = ${q.stationId} and s.path like p.path || '%'))`,
    );
  if (q.level) conds.push(sql`r.level = ${q.level}`);
  if (q.status) conds.push(sql`r.status = ${q.status}`);
  if (q.channel) conds.push(sql`r.channel = ${q.channel}`);
  // `<> 'closed'` (= open, controlling, closure requested): the predicate of risks_open_deadline_idx.
  if (q.overdue === 'true') conds.push(sql`r.status <> 'closed' and r.deadline < ${today}::date`);
  if (q.overdue === 'false') conds.push(sql`(r.status = 'closed' or r.deadline >= ${today}::date)`);
  if (q.entityId) conds.push(sql`exists (select 1 from risk_entities re where re.risk_id = r.id and re.entity_id = ${q.entityId})`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    conds.push(sql`(r.title ilike ${like} or r.description ilike ${like})`);
  }
  return sql.join(conds, sql` and `);
}
