import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';

/** Population per county of the caller's area for a year (version 0 = none on record yet). */
export async function listPopulation(ctx: Ctx, year: number) {
  const list = await rows<{ id: number; name: string; population: number | null; demo: boolean | null; version: number | null }>(
    ctx.db,
    sql`select j.id, j.name, p.population, p.demo, p.version from jurisdictions j
        left join adr_population p on p.jurisdiction_id = j.id and p.year = ${year}
        where j.level = 'county' and ${scopeWhere(ctx.actor, { jurisdiction: sql`j.id` })} order by j.path`,
  );
  return list.map((r) => ({
    jurisdictionId: r.id,
    jurisdictionName: r.name,
    year,
    population: r.population,
    demo: r.demo ?? false,
    version: r.version ?? 0,
  }));
}
