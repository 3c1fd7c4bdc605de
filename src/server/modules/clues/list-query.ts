import { sql, type SQL } from 'drizzle-orm';
import type { ListCluesQuery } from '../../../contracts/clues.js';
import type { Ctx } from '../../core/context.js';
import { areaOf } from './queries.js';

/** The list's filter: the caller's area, state, source, unit, words. */
export function clueFilter(ctx: Ctx, q: Omit<ListCluesQuery, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [areaOf(ctx.actor, 'c')];
  if (q.status) conds.push(sql`c.status = ${q.status}`);
  if (q.source) conds.push(sql`c.source_type = ${q.source}`);
  if (q.entityId) conds.push(sql`c.entity_id = ${q.entityId}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    conds.push(sql`(c.summary ilike ${like} or c.subject_name ilike ${like})`);
  }
  return sql.join(conds, sql` and `);
}
