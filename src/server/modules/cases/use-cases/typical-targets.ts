import { sql } from 'drizzle-orm';
import { formatDate } from '../../../../contracts/calendar.js';
import type { Ctx } from '../../../core/context.js';
import { inSubtree } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';

/** Seeds 003 (附件4) and 004: each unit reports at least one 典型案例 per quarter. */
export const TYPICAL_PER_QUARTER = 1;

/**
 * Typical cases written per station in a quarter against the target of one each: every station in
 * the caller's area is listed, those with none first.
 */
export async function typicalTargets(ctx: Ctx, q: { year: number; quarter: number }) {
  const from = formatDate(q.year, (q.quarter - 1) * 3 + 1, 1);
  const to = q.quarter === 4 ? formatDate(q.year + 1, 1, 1) : formatDate(q.year, q.quarter * 3 + 1, 1);
  const area = ctx.actor.scope === 'all' ? sql`true` : inSubtree(sql`j.id`, ctx.actor.jurisdictionPath);
  const list = await rows<{ id: number; name: string; n: number }>(
    ctx.db,
    sql`select j.id, j.name, (select count(*)::int from cases c where c.jurisdiction_id = j.id and c.typical_on >= ${from}::date and c.typical_on < ${to}::date) as n
        from jurisdictions j where j.level = 'station' and ${area} order by n, j.name`,
  );
  return list.map((r) => ({
    jurisdictionId: r.id,
    name: r.name,
    count: Number(r.n),
    target: TYPICAL_PER_QUARTER,
    met: Number(r.n) >= TYPICAL_PER_QUARTER,
  }));
}
