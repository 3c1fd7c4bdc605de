import { sql, type SQL } from 'drizzle-orm';
import type { Complaint, ListComplaintsQuery } from '../../../../contracts/complaints.js';
import type { Ctx } from '../../../core/context.js';
import { workCalendar } from '../../calendar/public.js';
import { complaintRows, presentComplaints } from '../presenter.js';
import { complaintArea } from '../queries.js';

/** The most complaints one overdue check reads (a county's open complaints are far fewer). */
const OPEN_MAX = 5000;

/**
 * Complaints of the caller's area, newest first; `overdue=true`: only those with a deadline passed
 * and not met (computed from the rules over the holiday calendar), most overdue first.
 */
export async function listComplaints(ctx: Ctx, q: Omit<ListComplaintsQuery, 'page' | 'pageSize'> & { page: number; pageSize: number }) {
  const conds: SQL[] = [complaintArea(ctx.actor)];
  if (q.status) conds.push(sql`c.status = ${q.status}`);
  if (q.kind) conds.push(sql`c.kind = ${q.kind}`);
  if (q.entityId) conds.push(sql`c.entity_id = ${q.entityId}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    conds.push(sql`(c.summary ilike ${like} or c.subject_name ilike ${like} or c.platform_no ilike ${like})`);
  }
  const cal = await workCalendar(ctx.db);
  if (q.overdue) {
    // Only records with a deadline still open can be overdue: not yet accepted/refused, or a named report not yet told.
    if (q.overdue === 'true')
      conds.push(sql`(c.status = 'received' or (c.kind = 'report' and c.real_name and c.informed_on is null and c.clue_id is not null))`);
    const list = await complaintRows(ctx.db, sql.join(conds, sql` and `), sql`order by c.received_on, c.id limit ${OPEN_MAX}`);
    const all = (await presentComplaints(ctx.db, ctx.actor, cal, list)).filter((c) => c.overdue === (q.overdue === 'true'));
    const days = (c: Complaint) => Math.max(0, ...c.deadlines.filter((d) => d.overdue && !d.doneOn).map((d) => d.daysOverdue));
    if (q.overdue === 'true') all.sort((a, b) => days(b) - days(a) || a.id - b.id);
    return { items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
  }
  const where = sql.join(conds, sql` and `);
  const [[{ n }], list] = await Promise.all([
    ctx.db
      .execute(sql`select count(*)::int as n from complaints c where ${where}`)
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows),
    complaintRows(ctx.db, where, sql`order by c.received_on desc, c.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  ]);
  return { items: await presentComplaints(ctx.db, ctx.actor, cal, list), total: Number(n), page: q.page, pageSize: q.pageSize };
}
