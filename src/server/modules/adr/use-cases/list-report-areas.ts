import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { reportPlace } from '../queries.js';

/** Jurisdictions a report may be placed in (the caller's area, county level and below), for the form. */
export async function listReportAreas(ctx: Ctx) {
  const list = await rows<{ id: number; name: string; level: string; path: string }>(
    ctx.db,
    sql`select j.id, j.name, j.level, j.path from jurisdictions j
        where j.level in ('county', 'station') and ${scopeWhere(ctx.actor, { jurisdiction: sql`j.id` })} order by j.path limit 500`,
  );
  const mine = await reportPlace(ctx.db, ctx.actor, null).then(
    (p) => p.jurisdictionId,
    () => null,
  );
  return { defaultId: mine, items: list.map((j) => ({ id: j.id, name: j.name, level: j.level })) };
}
