import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { ListRisksQuery, RiskListItem } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { riskFilter } from '../list-query.js';
import { presentRiskItem } from '../presenter.js';
import { RISK_COLUMNS, RISK_FROM, type RiskRow } from '../queries.js';

/** 风险清单: the area's risks, overdue first, then by deadline. */
export async function listRisks(
  ctx: Ctx,
  q: ListRisksQuery,
): Promise<{ items: RiskListItem[]; total: number; page: number; pageSize: number }> {
  const today = shanghaiToday();
  const where = riskFilter(ctx, q, today);
  const [[{ total }], list] = await Promise.all([
    rows<{ total: number }>(ctx.db, sql`select count(*)::int as total from risks r where ${where}`),
    rows<RiskRow>(
      ctx.db,
      sql`select ${RISK_COLUMNS} from ${RISK_FROM} where ${where}
          order by (r.status <> 'closed' and r.deadline < ${today}::date) desc, r.status = 'closed', r.deadline, r.id
          limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
  ]);
  return { items: list.map((r) => presentRiskItem(ctx, r, false, today)), total: Number(total), page: q.page, pageSize: q.pageSize };
}
