import { sql, type SQL } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { RectificationStatus, RectificationView } from '../../../../contracts/inspections.js';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { presentRectification, RECTIFICATION_COLUMNS, type RectificationRow } from '../presenter.js';

/**
 * 整改跟踪: rectifications in the caller's area, overdue first (most days overdue first), then by
 * deadline; `overdue=true` keeps only those past their deadline and not closed.
 */
export async function listRectifications(
  ctx: Ctx,
  q: { status?: RectificationStatus; overdue?: 'true' | 'false'; stationId?: number; entityId?: number; page?: number; pageSize?: number },
) {
  const today = shanghaiToday();
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const parts: SQL[] = [scopeWhere(ctx.actor, { jurisdiction: sql`r.jurisdiction_id` })];
  if (q.status) parts.push(sql`r.status = ${q.status}`);
  if (q.overdue === 'true') parts.push(sql`r.status <> 'closed' and r.deadline < ${today}::date`);
  if (q.stationId) parts.push(sql`r.jurisdiction_id = ${q.stationId}`);
  if (q.entityId) parts.push(sql`r.entity_id = ${q.entityId}`);
  const where = sql.join(parts, sql` and `);
  const [{ n }] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from rectifications r where ${where}`);
  const list = await rows<RectificationRow>(
    ctx.db,
    sql`select ${RECTIFICATION_COLUMNS} from rectifications r join entities e on e.id = r.entity_id join jurisdictions j on j.id = r.jurisdiction_id
        where ${where} order by (r.status <> 'closed' and r.deadline < ${today}::date) desc, r.status = 'closed', r.deadline, r.id
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const items: RectificationView[] = list.map((r) => presentRectification(ctx.actor, r, today));
  return { items, total: Number(n), page, pageSize };
}
