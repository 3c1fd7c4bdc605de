import { sql } from 'drizzle-orm';
import type { CommonRiskView, ListCommonRisksQuery } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { commonFilter, presentCommonRisk, selectCommonRisks } from '../common.js';

/** 共性风险隐患 of the area, newest first. */
export async function listCommonRisks(
  ctx: Ctx,
  q: ListCommonRisksQuery,
): Promise<{ items: CommonRiskView[]; total: number; page: number; pageSize: number }> {
  const where = commonFilter(ctx, q);
  const [[{ total }], list] = await Promise.all([
    rows<{ total: number }>(ctx.db, sql`select count(*)::int as total from common_risks c where ${where}`),
    selectCommonRisks(ctx.db, where, sql`order by c.created_at desc, c.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  ]);
  return { items: list.map((c) => presentCommonRisk(ctx, c)), total: Number(total), page: q.page, pageSize: q.pageSize };
}
