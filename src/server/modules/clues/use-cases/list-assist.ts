import { sql, type SQL } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { AssistRequest } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { ASSIST_COLUMNS, ASSIST_FROM, presentAssist } from '../presenter.js';
import { areaOf } from '../queries.js';

export interface ListAssistQuery {
  direction?: 'outgoing' | 'incoming';
  status?: 'open' | 'replied';
  overdue?: 'true' | 'false';
  page: number;
  pageSize: number;
}

/** Assist requests (协查函) of the caller's area: overdue first, then by due date. */
export async function listAssist(
  ctx: Ctx,
  q: ListAssistQuery,
): Promise<{ items: AssistRequest[]; total: number; page: number; pageSize: number }> {
  const today = shanghaiToday();
  const conds: SQL[] = [areaOf(ctx.actor, 'a')];
  if (q.direction) conds.push(sql`a.direction = ${q.direction}`);
  if (q.status) conds.push(sql`a.status = ${q.status}`);
  if (q.overdue === 'true') conds.push(sql`a.status = 'open' and a.due_on < ${today}::date`);
  if (q.overdue === 'false') conds.push(sql`not (a.status = 'open' and a.due_on < ${today}::date)`);
  const where = sql.join(conds, sql` and `);
  const [[{ n }], list] = await Promise.all([
    rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from assist_requests a where ${where}`),
    rows(
      ctx.db,
      sql`select ${ASSIST_COLUMNS} from ${ASSIST_FROM} where ${where}
          order by (a.status = 'open' and a.due_on < ${today}::date) desc, a.status, a.due_on, a.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
  ]);
  return { items: list.map((a) => presentAssist(ctx.actor, a)), total: Number(n), page: q.page, pageSize: q.pageSize };
}
