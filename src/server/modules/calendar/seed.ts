import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { lockCalendar } from './lock.js';
import { packageCalendar, type SeedDay } from './package-data.js';
import { dayRows, writeDays, yearRows } from './queries.js';
import { forgetCalendar } from './store.js';

const same = (a: SeedDay[], b: SeedDay[]) =>
  a.length === b.length && a.every((d, i) => d.date === b[i].date && d.kind === b[i].kind && (d.name ?? null) === (b[i].name ?? null));

/**
 * Fill the holiday calendar from the `chinese-days` package at every start: each year the package
 * has is written when missing or when the package's data for it changed (a newer package version).
 * A year an administrator entered or edited (source 'admin') is never touched. Idempotent: a second
 * run with the same package writes nothing. One transaction, under the calendar's advisory lock (two
 * processes starting together on one PostgreSQL, or an administrator saving meanwhile, wait their turn). Returns the years written.
 */
export async function seedCalendar(db: Db): Promise<number[]> {
  const fromPackage = packageCalendar();
  const written = await db.transaction(async (tx) => {
    await lockCalendar(tx);
    const years = new Map((await yearRows(tx)).map((y) => [y.year, y]));
    const stored = new Map<number, SeedDay[]>();
    for (const d of await dayRows(tx)) {
      const y = Number(d.date.slice(0, 4));
      if (!stored.has(y)) stored.set(y, []);
      stored.get(y)!.push(d);
    }
    const out: number[] = [];
    for (const [year, days] of [...fromPackage].sort((a, b) => a[0] - b[0])) {
      const row = years.get(year);
      if (row?.source === 'admin') continue;
      if (row && same(stored.get(year) ?? [], days)) continue;
      await writeDays(tx, year, days);
      await tx.execute(sql`insert into calendar_years (year, source, version, updated_by, updated_at) values (${year}, 'package', 1, null, now())
        on conflict (year) do update set version = calendar_years.version + 1, updated_by = null, updated_at = now()`);
      out.push(year);
    }
    return out;
  });
  if (written.length) forgetCalendar(db);
  return written;
}
