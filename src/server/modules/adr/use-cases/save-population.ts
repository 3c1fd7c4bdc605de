import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { adrPopulationInput } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { audit } from '../../../core/audit.js';
import { invalid } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { staleVersion } from '../../../core/versions.js';

/**
 * Set a county's population for a year (no longer marked 演示数据), against the version read
 * (0 = no figure yet: insert once; a concurrent first save → 409).
 */
export async function savePopulation(ctx: Ctx, body: z.output<typeof adrPopulationInput>) {
  const [j] = await rows<{ path: string; level: string; name: string }>(
    ctx.db,
    sql`select path, level, name from jurisdictions where id = ${body.jurisdictionId}`,
  );
  if (!j || !pathInScope(ctx.actor, j.path) || j.level !== 'county')
    throw invalid('只能填写本辖区县（区）的人口数', [{ path: 'jurisdictionId', message: '请选择本辖区的县（区）' }]);
  return ctx.db.transaction(async (tx) => {
    const [before] = await rows<{ population: number; demo: boolean; version: number }>(
      tx,
      sql`select population, demo, version from adr_population where jurisdiction_id = ${body.jurisdictionId} and year = ${body.year} for update`,
    );
    const [saved] =
      body.version === 0
        ? await rows<{ version: number }>(
            tx,
            sql`insert into adr_population (jurisdiction_id, year, population, demo, updated_by) values (${body.jurisdictionId}, ${body.year}, ${body.population}, false, ${ctx.actor.id || null})
                on conflict do nothing returning version`,
          )
        : await rows<{ version: number }>(
            tx,
            sql`update adr_population set population = ${body.population}, demo = false, updated_by = ${ctx.actor.id || null}, updated_at = now(), version = version + 1
                where jurisdiction_id = ${body.jurisdictionId} and year = ${body.year} and version = ${body.version} returning version`,
          );
    if (!saved) throw staleVersion(before ? { jurisdictionId: body.jurisdictionId, year: body.year, ...before } : null);
    await audit(tx, ctx, {
      action: 'adr_population.save',
      entityType: 'adr_population',
      entityId: `${body.jurisdictionId}/${body.year}`,
      jurisdictionId: body.jurisdictionId,
      summary: `${j.name}${body.year}年人口数：${before ? `${before.population} → ` : ''}${body.population}`,
      before: before ?? null,
      after: { population: body.population, demo: false },
    });
    return {
      jurisdictionId: body.jurisdictionId,
      jurisdictionName: j.name,
      year: body.year,
      population: body.population,
      demo: false,
      version: saved.version,
    };
  });
}
