import { sql } from 'drizzle-orm';
import type { SamplingLevel, SamplingPlan } from '../../../../contracts/sampling.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { presentPlans } from '../presenter.js';
import { planScopeSql } from '../queries.js';

/** Plans the caller may see (their area's and their bureau's above), newest year first, with progress. */
export async function listSamplingPlans(ctx: Ctx, q: { year?: number; level?: SamplingLevel }): Promise<SamplingPlan[]> {
  const ids = await rows<{ id: number }>(
    ctx.db,
    sql`select p.id from sampling_plans p join jurisdictions j on j.id = p.jurisdiction_id
        where ${planScopeSql(ctx.actor)} ${q.year ? sql`and p.year = ${q.year}` : sql``} ${q.level ? sql`and p.level = ${q.level}` : sql``}
        order by p.year desc, p.id limit 200`,
  );
  return presentPlans(
    ctx,
    ctx.db,
    ids.map((r) => r.id),
  );
}
