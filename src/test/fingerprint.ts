import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';

/** The public schema's tables, read once per database (the tests create none). */
const tablesOf = new WeakMap<object, Promise<string[]>>();
function publicTables(db: Database['db']) {
  let t = tablesOf.get(db);
  if (!t) {
    t = db
      .execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`)
      .then((r) => (r as any).rows.map((x: { tablename: string }) => x.tablename));
    tablesOf.set(db, t);
  }
  return t;
}

/**
 * One fingerprint per table of the public schema: its row count and the newest transaction that
 * wrote a row of it (xmin), so any committed insert, update or delete shows, even one that leaves
 * the values as they were. `except`: tables left out; `where`: a row filter per table. One query.
 */
export async function tableFingerprints(
  db: Database['db'],
  { except = [], where = {} }: { except?: string[]; where?: Record<string, string> } = {},
): Promise<Record<string, string>> {
  const names = (await publicTables(db)).filter((t) => !except.includes(t));
  const parts = names.map(
    (t) =>
      `select '${t}' as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as h from "${t}"${where[t] ? ` where ${where[t]}` : ''}`,
  );
  const out: Record<string, string> = {};
  for (const r of ((await db.execute(sql.raw(parts.join(' union all ')))) as any).rows) out[r.t] = r.h;
  return out;
}
