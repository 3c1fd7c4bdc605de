import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { adrReportsQuery } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { inSubtree, scopeWhere } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { reportPage } from '../presenter.js';

type Query = z.output<typeof adrReportsQuery>;

/** Reports in the caller's area, newest report date first, filtered by period, area, drug, kind, seriousness and lateness. */
export async function listReports(ctx: Ctx, q: Query) {
  const where: SQL[] = [scopeWhere(ctx.actor, { jurisdiction: sql`r.jurisdiction_id` })];
  if (q.from) where.push(sql`r.reported_on >= ${q.from}::date`);
  if (q.to) where.push(sql`r.reported_on <= ${q.to}::date`);
  if (q.jurisdictionId) {
    const [j] = await rows<{ path: string }>(ctx.db, sql`select path from jurisdictions where id = ${q.jurisdictionId}`);
    where.push(j ? inSubtree(sql`r.jurisdiction_id`, j.path) : sql`false`);
  }
  if (q.drug) {
    const like = `%${q.drug.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`exists (select 1 from adr_report_drugs d where d.report_id = r.id and (d.generic_name ilike ${like} or d.manufacturer ilike ${like}))`,
    );
  }
  if (q.kind) where.push(sql`r.kind = ${q.kind}`);
  if (q.seriousness) where.push(sql`r.seriousness = ${q.seriousness}`);
  if (q.late) where.push(sql`r.late = ${q.late === 'true'}`);
  const cond = sql.join(where, sql` and `);
  return reportPage(ctx.db, cond, q);
}
