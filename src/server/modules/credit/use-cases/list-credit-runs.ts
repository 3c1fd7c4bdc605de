import { sql } from 'drizzle-orm';
import type { CreditRun } from '../../../../contracts/credit.js';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { presentRun, RUN_SELECT, type RunRow } from '../presenter.js';

/** The latest area runs in the caller's area. */
export async function listCreditRuns(ctx: Ctx): Promise<{ items: CreditRun[] }> {
  const list = await rows<RunRow>(
    ctx.db,
    sql`${sql.raw(RUN_SELECT)} where r.scope = 'area' and ${scopeWhere(ctx.actor, { jurisdiction: sql`r.jurisdiction_id` })} order by r.id desc limit 20`,
  );
  return { items: list.map(presentRun) };
}
