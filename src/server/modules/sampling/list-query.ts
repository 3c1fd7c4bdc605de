import { sql, type SQL } from 'drizzle-orm';
import type { ListSamplingRecordsQuery } from '../../../contracts/sampling.js';
import type { Ctx } from '../../core/context.js';
import { scopeWhere } from '../../core/scope.js';

/** The list's and the export's filter over `sampling_records s` (joined with entities e, plans p). */
export function recordFilter(ctx: Pick<Ctx, 'actor'>, q: ListSamplingRecordsQuery): SQL {
  const conds: SQL[] = [scopeWhere(ctx.actor, { jurisdiction: sql`s.jurisdiction_id` })];
  if (q.status) conds.push(sql`s.status = ${q.status}`);
  if (q.year) conds.push(sql`s.year = ${q.year}`);
  if (q.planId) conds.push(sql`p.id = ${q.planId}`);
  if (q.entityId) conds.push(sql`s.entity_id = ${q.entityId}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    conds.push(
      sql`(s.product_name ilike ${like} or s.batch_no ilike ${like} or s.number ilike ${like} or e.name ilike ${like} or s.manufacturer ilike ${like})`,
    );
  }
  return sql.join(conds, sql` and `);
}
