import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { ListRisksQuery, RiskListItem } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { riskFilter } from '../list-query.js';
import { presentRiskItem } from '../presenter.js';
import { RISK_COLUMNS, type RiskRow } from '../queries.js';

/** 风险清单: the area's risks, overdue first, then by deadline. */
export async function listRisks(
  ctx: Ctx,
  q: ListRisksQuery,
): Promise<{ items: RiskListItem[]; total: number; page: number; pageSize: number }> {
  const today = shanghaiToday();
  const where = riskFilter(ctx, q, today);
  // Overdue first, then by deadline, closed last. Among open risks the overdue ones are exactly those
  // with the earliest deadlines, so this is (closed, deadline, id); an overdue-only list is (deadline,
  // id), which risks_open_deadline_idx returns in order without sorting the area's overdue risks.
  const ORDER = q.overdue === 'true' ? sql`r.deadline, r.id` : sql`r.status = 'closed', r.deadline, r.id`;
  const [[{ total }], list] = await Promise.all([
    rows<{ total: number }>(ctx.db, sql`select count(*)::int as total from risks r where ${where}`),
    // The page is chosen on the risks table alone (index on jurisdiction, status, deadline), then joined.
    rows<RiskRow>(
      ctx.db,
      sql`select ${RISK_COLUMNS} from (select * from risks r where ${where} order by ${ORDER} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}) r
          join jurisdictions j on j.id = r.jurisdiction_id join users o on o.id = r.owner_id left join users c on c.id = r.closed_by
          order by ${ORDER}`,
    ),
  ]);
  return { items: list.map((r) => presentRiskItem(ctx, r, false, today)), total: Number(total), page: q.page, pageSize: q.pageSize };
}
