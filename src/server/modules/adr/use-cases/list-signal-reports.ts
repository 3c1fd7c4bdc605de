import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { adrSignalReportsQuery } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { presentReports } from '../presenter.js';
import { periodAreaWhere } from '../queries.js';

type Query = z.output<typeof adrSignalReportsQuery>;

/** The reports behind a drug–reaction pair (exact generic name and term, as counted), newest first. */
export async function listSignalReports(ctx: Ctx, q: Query) {
  const cond = sql`${await periodAreaWhere(ctx.db, ctx.actor, q)}
    and exists (select 1 from adr_report_drugs d where d.report_id = r.id and d.generic_name = ${q.drug})
    and exists (select 1 from adr_reactions e where e.report_id = r.id and e.term = ${q.event})`;
  const [{ n }] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from adr_reports r where ${cond}`);
  const ids = await rows<{ id: number }>(
    ctx.db,
    sql`select r.id from adr_reports r where ${cond} order by r.reported_on desc, r.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  return {
    items: await presentReports(
      ctx.db,
      ids.map((r) => r.id),
    ),
    total: n,
    page: q.page,
    pageSize: q.pageSize,
  };
}
