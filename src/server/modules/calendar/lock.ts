import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';

/** Seed and edits of the calendar take turns (a transaction-scoped advisory lock, on PGlite too). */
export async function lockCalendar(tx: DbOrTx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('yj.calendar'))`);
}
