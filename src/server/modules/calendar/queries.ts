import { sql } from 'drizzle-orm';
import type { CalendarDayKind, CalendarSource, CalendarYear } from '../../../contracts/calendar.js';
import { isoTimestamp } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';

const rows = async <T>(db: DbOrTx, q: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(q)) as any).rows as T[];

export interface YearRow {
  year: number;
  source: CalendarSource;
  version: number;
  updatedBy: string | null;
  updatedAt: Date | string;
}

export async function yearRows(db: DbOrTx, year?: number): Promise<YearRow[]> {
  return (
    await rows<YearRow>(
      db,
      sql`select y.year, y.source, y.version, u.display_name as "updatedBy", y.updated_at as "updatedAt"
          from calendar_years y left join users u on u.id = y.updated_by
          ${year === undefined ? sql`` : sql`where y.year = ${year}`} order by y.year`,
    )
  ).map((r) => ({ ...r, year: Number(r.year), version: Number(r.version) }));
}

export interface DayRow {
  date: string;
  kind: CalendarDayKind;
  name: string | null;
}

/** The special days of a year (or of every year), by date. */
export async function dayRows(db: DbOrTx, year?: number): Promise<DayRow[]> {
  const where = year === undefined ? sql`` : sql`where day between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`;
  return rows<DayRow>(db, sql`select to_char(day, 'YYYY-MM-DD') as date, kind, name from calendar_days ${where} order by day`);
}

/** A year as the API shows it; a year not entered yet: source null, version 0, no days. */
export async function readYear(db: DbOrTx, year: number): Promise<CalendarYear> {
  const [y] = await yearRows(db, year);
  const days = y ? await dayRows(db, year) : [];
  const pick = (kind: CalendarDayKind) => days.filter((d) => d.kind === kind).map((d) => ({ date: d.date, name: d.name }));
  return {
    year,
    source: y?.source ?? null,
    version: y?.version ?? 0,
    updatedBy: y?.updatedBy ?? null,
    updatedAt: y ? isoTimestamp(y.updatedAt) : null,
    holidays: pick('holiday'),
    workdays: pick('workday'),
  };
}

/** Replace the special days of a year with `days` (one statement each). */
export async function writeDays(tx: DbOrTx, year: number, days: DayRow[]) {
  await tx.execute(sql`delete from calendar_days where day between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`);
  if (!days.length) return;
  await tx.execute(sql`insert into calendar_days (day, kind, name)
    select x.date, x.kind, x.name from json_to_recordset(${JSON.stringify(days)}::json) as x(date date, kind text, name text)`);
}
