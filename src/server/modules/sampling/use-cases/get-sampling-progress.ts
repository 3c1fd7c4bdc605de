import { sql } from 'drizzle-orm';
import { PRODUCT_CATEGORY_KEYS, SAMPLING_LEVEL_KEYS, type ProductCategory, type SamplingLevel } from '../../../../contracts/sampling.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { planScopeSql } from '../queries.js';
import { COUNTED, WITH_RESULT } from '../workflow.js';

/**
 * A year's progress by level and category over the plans the caller may see: planned batches,
 * sampled (records counted on the plans' lines, withdrawn ones excluded), results in, 不合格.
 */
export async function getSamplingProgress(ctx: Ctx, year: number) {
  const list = await rows<{
    level: SamplingLevel;
    category: ProductCategory;
    planned: number;
    sampled: number;
    results_in: number;
    unqualified: number;
  }>(
    ctx.db,
    sql`select p.level, l.category, sum(l.planned)::int as planned,
          sum((select count(*) from sampling_records s where s.plan_line_id = l.id and s.status in ${sql.raw(COUNTED)}))::int as sampled,
          sum((select count(*) from sampling_records s where s.plan_line_id = l.id and s.status in ${sql.raw(WITH_RESULT)}))::int as results_in,
          sum((select count(*) from sampling_records s where s.plan_line_id = l.id and s.status in ('unqualified','handled')))::int as unqualified
        from sampling_plan_lines l join sampling_plans p on p.id = l.plan_id join jurisdictions j on j.id = p.jurisdiction_id
        where p.year = ${year} and ${planScopeSql(ctx.actor)} group by p.level, l.category`,
  );
  const order = (r: { level: SamplingLevel; category: ProductCategory }) =>
    SAMPLING_LEVEL_KEYS.indexOf(r.level) * 10 + PRODUCT_CATEGORY_KEYS.indexOf(r.category);
  return {
    year,
    rows: list
      .map((r) => ({
        level: r.level,
        category: r.category,
        planned: Number(r.planned),
        sampled: Number(r.sampled),
        resultsIn: Number(r.results_in),
        unqualified: Number(r.unqualified),
      }))
      .sort((a, b) => order(a) - order(b)),
  };
}
