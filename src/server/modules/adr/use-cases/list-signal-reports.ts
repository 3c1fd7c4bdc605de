import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { adrSignalReportsQuery } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { reportPage } from '../presenter.js';
import { periodAreaWhere } from '../queries.js';

type Query = z.output<typeof adrSignalReportsQuery>;

/** The reports behind a drug–reaction pair (exact generic name and term, as counted), newest first. */
export async function listSignalReports(ctx: Ctx, q: Query) {
  const cond = sql`${await periodAreaWhere(ctx.db, ctx.actor, q)}
    and exists (select 1 from adr_report_drugs d where d.report_id = r.id and d.generic_name = ${q.drug})
    and exists (select 1 from adr_reactions e where e.report_id = r.id and e.term = ${q.event})`;
  return reportPage(ctx.db, cond, q);
}
