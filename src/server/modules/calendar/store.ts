import type { WorkCalendar } from '../../../contracts/calendar.js';
import type { Db } from '../../../db/client.js';
import { dayRows, yearRows } from './queries.js';

/**
 * The holiday calendar in memory, one per database handle: loaded on first use (two queries), kept
 * until an edit or the seed in this process drops it. Another process (several servers on one
 * PostgreSQL) sees an edit after its own restart.
 */
const cache = new WeakMap<Db, Promise<WorkCalendar>>();

async function load(db: Db): Promise<WorkCalendar> {
  const [years, days] = await Promise.all([yearRows(db), dayRows(db)]);
  const known = new Set(years.map((y) => y.year));
  const cal: WorkCalendar = { years: [...known].sort((a, b) => a - b), days: {} };
  // Days of a year without its row (never written that way, but cheap to ignore) do not count.
  for (const d of days) if (known.has(Number(d.date.slice(0, 4)))) cal.days[d.date] = d.kind;
  return cal;
}

/** The working-day calendar for pure functions (contracts/calendar.ts). Call it outside a transaction. */
export function workCalendar(db: Db): Promise<WorkCalendar> {
  let p = cache.get(db);
  if (!p) {
    p = load(db);
    cache.set(db, p);
    const mine = p;
    p.catch(() => {
      if (cache.get(db) === mine) cache.delete(db);
    });
  }
  return p;
}

/** After a change has committed: the next use reloads. */
export function forgetCalendar(db: Db) {
  cache.delete(db);
}
