import { sql } from 'drizzle-orm';
import type { ListInspectionsQuery } from '../../../../contracts/inspections.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { inspectionFilter, LIST_COLUMNS, presentListRows } from '../list-query.js';

/** 检查记录: recorded inspections in the caller's area, newest first, with filters. */
export async function listInspections(ctx: Ctx, q: ListInspectionsQuery & { page?: number; pageSize?: number }) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const where = inspectionFilter(ctx, q);
  const [{ n }] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from inspections i where ${where}`);
  const list = await rows(
    ctx.db,
    sql`select ${LIST_COLUMNS} from inspections i join entities e on e.id = i.entity_id join jurisdictions j on j.id = i.jurisdiction_id
        where ${where} order by i.date desc, i.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return { items: await presentListRows(ctx, list), total: Number(n), page, pageSize };
}
