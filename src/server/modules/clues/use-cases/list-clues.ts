import { sql } from 'drizzle-orm';
import type { Clue, ListCluesQuery } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { workCalendar } from '../../calendar/public.js';
import { CLUE_COLUMNS, CLUE_FROM, presentClueRow, type ClueRow } from '../presenter.js';
import { clueFilter } from '../list-query.js';

/** Clues of the caller's area, newest first. */
export async function listClues(ctx: Ctx, q: ListCluesQuery): Promise<{ items: Clue[]; total: number; page: number; pageSize: number }> {
  const where = clueFilter(ctx, q);
  const [[{ n }], list, cal] = await Promise.all([
    rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from clues c where ${where}`),
    rows<ClueRow>(
      ctx.db,
      sql`select ${CLUE_COLUMNS} from ${CLUE_FROM} where ${where} order by c.received_on desc, c.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    workCalendar(ctx.db),
  ]);
  return { items: list.map((r) => presentClueRow(ctx.actor, r, cal)), total: Number(n), page: q.page, pageSize: q.pageSize };
}
