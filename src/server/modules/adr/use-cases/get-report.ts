import type { Ctx } from '../../../core/context.js';
import { presentReports } from '../presenter.js';
import { visibleReport } from '../queries.js';

/** One report the caller may see (else 404). */
export async function getReport(ctx: Ctx, id: number) {
  await visibleReport(ctx.db, ctx.actor, id);
  const [report] = await presentReports(ctx.db, [id]);
  return report;
}
