import { z } from 'zod';

/**
 * The one calendar of the platform, shared by server and web. Every date a user or a rule deals in
 * is a calendar date in China (Asia/Shanghai, UTC+8 all year, no daylight saving), written
 * YYYY-MM-DD; instants are ISO 8601 timestamps. Date arithmetic is pure (never the host's zone).
 *
 *   isoDate / optionalDate         strict date schema: 2025-02-30 is refused at the edge
 *   shanghaiToday(now?), dateOf(t)  the date in Beijing ("today" at 07:00 Beijing is Beijing's day)
 *   isoTimestamp(value)            a database timestamp → ISO 8601 string for presenters
 *   addDays, daysBetween, weekdayOf, daysInMonth
 *   periodOf(kind, date), periodsBetween, cumulativeFrom   week / month / quarter / year periods
 *   isWorkingDay, addWorkingDays, workingDaysBetween        the State Council holiday calendar (data below)
 */
export const TIME_ZONE = 'Asia/Shanghai';
export const TZ_OFFSET = '+08:00';
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(y: number, m: number) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when the string is a real calendar date (no Feb 30, no month 13). */
export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDate = z
  .string({ error: '请填写日期' })
  .regex(DATE_RE, '日期格式须为 YYYY-MM-DD')
  .refine(isCalendarDate, '日期不存在（如2月30日）');
/** An optional date: absent, null or a real date. */
export const optionalDate = isoDate.nullish();

export function formatDate(y: number, m: number, d: number) {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function parts(s: string) {
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) };
}
const dayNumber = (s: string) => {
  const { y, m, d } = parts(s);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
};
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The calendar date in Beijing of an instant (a Date, epoch ms or an ISO timestamp). */
export function dateOf(instant: Date | number | string): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Beijing. `now` defaults to the clock (tests set it with vi.setSystemTime). */
export function shanghaiToday(now: Date | number = Date.now()): string {
  return dateOf(now);
}

/** Beijing wall-clock time of an instant, 'YYYY-MM-DD HH:mm' (print views, file stamps). */
export function beijingDateTime(instant: Date | number = Date.now()): string {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant a Beijing calendar date begins (00:00 +08:00). */
export function startOfDay(date: string): Date {
  return new Date(`${date}T00:00:00${TZ_OFFSET}`);
}

/** A timestamp from the database (Date or string) as ISO 8601; null stays null. */
export function isoTimestamp(v: Date | string): string;
export function isoTimestamp(v: Date | string | null | undefined): string | null;
export function isoTimestamp(v: Date | string | null | undefined): string | null {
  if (v == null || v === '') return null;
  return (v instanceof Date ? v : new Date(v)).toISOString();
}

export function addDays(s: string, n: number) {
  return fromDayNumber(dayNumber(s) + n);
}
/** Days from a to b (b − a); negative when b is earlier. */
export function daysBetween(a: string, b: string) {
  return dayNumber(b) - dayNumber(a);
}
/** Monday = 1 … Sunday = 7. */
export function weekdayOf(s: string) {
  const w = new Date(dayNumber(s) * DAY_MS).getUTCDay();
  return w === 0 ? 7 : w;
}

// ── Periods ───────────────────────────────────────────────────────────────────────────────────

export const PERIOD_KINDS = { week: '周', month: '月', quarter: '季度', year: '年' } as const;
export type PeriodKind = keyof typeof PERIOD_KINDS;
export interface Period {
  kind: PeriodKind | 'cumulative';
  /** First and last day, inclusive. */
  from: string;
  to: string;
  /** How a report names it, e.g. 2026年第1季度. */
  label: string;
}

/** ISO 8601 week number and its year (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(s: string): { year: number; week: number } {
  const thursday = addDays(s, 4 - weekdayOf(s));
  const year = parts(thursday).y;
  return { year, week: Math.floor(daysBetween(formatDate(year, 1, 1), thursday) / 7) + 1 };
}

/** The week (Monday–Sunday), month, quarter or year holding a date. */
export function periodOf(kind: PeriodKind, s: string): Period {
  const { y, m } = parts(s);
  switch (kind) {
    case 'week': {
      const from = addDays(s, 1 - weekdayOf(s));
      const w = isoWeek(s);
      return { kind, from, to: addDays(from, 6), label: `${w.year}年第${w.week}周` };
    }
    case 'month':
      return { kind, from: formatDate(y, m, 1), to: formatDate(y, m, daysInMonth(y, m)), label: `${y}年${m}月` };
    case 'quarter': {
      const q = Math.ceil(m / 3);
      const last = q * 3;
      return { kind, from: formatDate(y, last - 2, 1), to: formatDate(y, last, daysInMonth(y, last)), label: `${y}年第${q}季度` };
    }
    case 'year':
      return { kind, from: formatDate(y, 1, 1), to: formatDate(y, 12, 31), label: `${y}年` };
  }
}

/** Every period of a kind that overlaps [from, to], in order, clipped to [from, to] when `clip`. */
export function periodsBetween(kind: PeriodKind, from: string, to: string, opts: { clip?: boolean } = {}): Period[] {
  const out: Period[] = [];
  for (let p = periodOf(kind, from); p.from <= to; p = periodOf(kind, addDays(p.to, 1))) {
    out.push(opts.clip ? { ...p, from: p.from < from ? from : p.from, to: p.to > to ? to : p.to } : p);
  }
  return out;
}

/** Figures reported "cumulative since" a date (自…起累计) up to and including `until`. */
export function cumulativeFrom(from: string, until: string): Period {
  if (until < from) throw new RangeError(`cumulative period ends before it starts: ${from}..${until}`);
  return { kind: 'cumulative', from, to: until, label: `${from} 至 ${until} 累计` };
}

// ── Working days ──────────────────────────────────────────────────────────────────────────────

/**
 * Public holidays (放假) and make-up working days (调休上班) by year, from the State Council's yearly
 * notice (国务院办公厅关于 YYYY 年部分节假日安排的通知). Only the years listed here are known: a working-day
 * question about any other year throws `CalendarYearMissing` rather than guessing. Add a year as
 * soon as its notice is published (usually in November of the year before).
 *
 * PRESENT: 2026 (国务院办公厅 2025-11-04).
 * ABSENT:  2027 — its notice was not available to the author; add it here from the official text.
 */
export const HOLIDAY_CALENDAR: Record<number, { source: string; holidays: [string, string][]; workdays: string[] }> = {
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      ['2026-01-01', '2026-01-03'], // 元旦
      ['2026-02-15', '2026-02-23'], // 春节
      ['2026-04-04', '2026-04-06'], // 清明节
      ['2026-05-01', '2026-05-05'], // 劳动节
      ['2026-06-19', '2026-06-21'], // 端午节
      ['2026-09-25', '2026-09-27'], // 中秋节
      ['2026-10-01', '2026-10-07'], // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
export const CALENDAR_YEARS = Object.keys(HOLIDAY_CALENDAR).map(Number).sort();

export class CalendarYearMissing extends Error {
  constructor(public readonly year: number) {
    super(`${year}年的节假日安排尚未录入，无法计算工作日（已有：${CALENDAR_YEARS.join('、')}年）`);
  }
}

const dayKinds = new Map<number, Map<string, 'holiday' | 'workday'>>();
function yearDays(year: number) {
  let days = dayKinds.get(year);
  if (days) return days;
  const data = HOLIDAY_CALENDAR[year];
  if (!data) throw new CalendarYearMissing(year);
  days = new Map();
  for (const [from, to] of data.holidays) for (let s = from; s <= to; s = addDays(s, 1)) days.set(s, 'holiday');
  for (const s of data.workdays) days.set(s, 'workday');
  dayKinds.set(year, days);
  return days;
}

/** A working day in China: Monday–Friday unless a public holiday, or a make-up working Saturday/Sunday. */
export function isWorkingDay(s: string): boolean {
  const kind = yearDays(parts(s).y).get(s);
  if (kind) return kind === 'workday';
  return weekdayOf(s) <= 5;
}

/** The n-th working day after `s` (n > 0) or before it (n < 0); n = 0: `s` itself if working, else the next. */
export function addWorkingDays(s: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = s;
  if (n === 0) {
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days in [from, to], both inclusive. */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}
