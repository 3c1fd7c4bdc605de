import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { STALE_VERSION, STALE_VERSION_MESSAGE, type StaleVersionDetails } from '../../contracts/versions.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from './errors.js';

/**
 * Optimistic concurrency (see contracts/versions.ts). Every update of an editable record goes
 * through `updateVersioned`: one `UPDATE … SET version = version + 1 WHERE id = $1 AND version = $2`
 * decides, never a read in one statement and a write in another. On PostgreSQL a second writer
 * waits for the first one's row lock, then re-evaluates the WHERE on the committed row (READ
 * COMMITTED) and matches nothing; on PGlite transactions run one at a time. Either way exactly one
 * of two saves made against the same version wins and the other gets 409 with the current record.
 */
export function staleVersion(current: unknown) {
  return new AppError(STALE_VERSION, STALE_VERSION_MESSAGE, 409, { current } satisfies StaleVersionDetails);
}

/** Early, friendly check (before expensive validation); the update itself still decides. */
export async function assertVersion(actual: number, expected: number, current: () => Promise<unknown>) {
  if (actual !== expected) throw staleVersion(await current());
}

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * Apply `set` to row `id` only while it is still at `expected`, bumping its version in the same
 * statement; otherwise throw STALE_VERSION with `current()` (the presented record as it is now,
 * read in the same transaction). `where` narrows further (e.g. "only while not closed").
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: DbOrTx,
  table: T,
  id: number,
  expected: number,
  set: PgUpdateSetSource<T>,
  current: () => Promise<unknown>,
  where?: SQL,
): Promise<T['$inferSelect']> {
  const rows = (await (tx.update(table) as any)
    .set({ ...set, version: sql`${table.version} + 1` })
    .where(and(eq(table.id, id), eq(table.version, expected), where))
    .returning()) as T['$inferSelect'][];
  if (!rows.length) throw staleVersion(await current());
  return rows[0];
}

/** `version = version + 1` for updates that change a record outside its edit form (state transitions, imports). */
export function bumpVersion(table: VersionedTable) {
  return sql`${table.version} + 1`;
}
