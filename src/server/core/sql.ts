import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/**
 * The rows of a raw SQL query, typed by the caller: `rows<{ id: number; path: string }>(db, sql`…`)`.
 * Both drivers (PGlite, node-postgres) answer `{ rows }`; column names are as selected (snake_case).
 */
export async function rows<T = Record<string, any>>(db: DbOrTx, q: SQL): Promise<T[]> {
  const r = (await db.execute(q)) as unknown as { rows: T[] };
  return r.rows;
}
