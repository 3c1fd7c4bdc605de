import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { CaseListFilter, CaseListItem } from '../../../../contracts/cases.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { caseListSql, presentListRow, type CaseListRow } from '../list-query.js';

/** 案件 list (status, procedure, overdue, unit name or case number), paged. */
export async function listCases(
  ctx: Ctx,
  q: CaseListFilter & { page: number; pageSize: number },
): Promise<{ items: CaseListItem[]; total: number; page: number; pageSize: number }> {
  const today = shanghaiToday();
  const [list, [count]] = await Promise.all([
    rows<CaseListRow>(ctx.db, caseListSql(ctx.actor, q, today, sql`limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`)),
    rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from (${caseListSql(ctx.actor, q, today, sql``)}) x`),
  ]);
  return { items: list.map((r) => presentListRow(r, today)), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
