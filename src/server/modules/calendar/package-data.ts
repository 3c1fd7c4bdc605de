import { createRequire } from 'node:module';
import type { CalendarDayKind } from '../../../contracts/calendar.js';

export interface SeedDay {
  date: string;
  kind: CalendarDayKind;
  name: string | null;
}

/** The package the seed reads, and its version (pinned in package.json). */
export const CALENDAR_PACKAGE = 'chinese-days';

/**
 * Every year the `chinese-days` package knows (2004 onwards, each from that year's State Council
 * notice), as the special days of each year. The package's data file maps a date to
 * "English name,中文名,n": `holidays` are the days off (weekend days inside a holiday included),
 * `workdays` the make-up working days. Its `inLieuDays` (which days off were swapped) are not needed.
 */
export function packageCalendar(): Map<number, SeedDay[]> {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  const years = new Map<number, SeedDay[]>();
  const add = (date: string, kind: CalendarDayKind, label: string) => {
    const year = Number(date.slice(0, 4));
    const name = label.split(',')[1]?.trim() || null;
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push({ date, kind, name: name && name.slice(0, 30) });
  };
  for (const [date, label] of Object.entries(data.holidays)) add(date, 'holiday', label);
  for (const [date, label] of Object.entries(data.workdays)) add(date, 'workday', label);
  for (const list of years.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return years;
}
