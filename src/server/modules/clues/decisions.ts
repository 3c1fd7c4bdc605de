import { sql } from 'drizzle-orm';
import type { ClueStatus } from '../../../contracts/clues.js';
import { dateOf } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import { rows } from '../../core/sql.js';

/** The decision of each decided clue (status and the Beijing date it was taken); undecided ones are absent. */
export async function clueDecisions(db: DbOrTx, ids: number[]): Promise<Map<number, { status: ClueStatus; on: string }>> {
  const out = new Map<number, { status: ClueStatus; on: string }>();
  const uniq = [...new Set(ids)];
  if (!uniq.length) return out;
  const list = await rows<{ id: number; status: ClueStatus; decided_at: string | Date }>(
    db,
    sql`select id, status, decided_at from clues where decided_at is not null and id = any(${`{${uniq.join(',')}}`}::int[])`,
  );
  for (const r of list) out.set(r.id, { status: r.status, on: dateOf(new Date(r.decided_at)) });
  return out;
}
