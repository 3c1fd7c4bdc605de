import { z } from 'zod';
import { recordVersion } from './versions.js';

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
 *   isWorkingDay, addWorkingDays, workingDaysBetween        over a WorkCalendar (holidays as data, kept in the database)
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
 * The holiday calendar (节假日日历): public holidays (放假) and make-up working days (调休上班) of the
 * years whose arrangement is known, from the State Council's yearly notice (国务院办公厅关于 YYYY 年部分
 * 节假日安排的通知). The data lives in the database (tables `calendar_years`, `calendar_days`: seeded
 * from the `chinese-days` package, years it lacks entered by an administrator); the server loads it
 * and passes it to these pure functions. A working-day question about a year not in `years` throws
 * `CalendarYearMissing` rather than guessing.
 */
export interface WorkCalendar {
  /** Years whose holidays and make-up working days are complete. */
  years: number[];
  /** Special days of those years: 'holiday' = a day off (any weekday), 'workday' = a make-up working day. */
  days: Record<string, CalendarDayKind>;
}
export const CALENDAR_DAY_KINDS = { holiday: '法定节假日', workday: '调休上班日' } as const;
export type CalendarDayKind = keyof typeof CALENDAR_DAY_KINDS;

export const CALENDAR_YEAR_MISSING = 'CALENDAR_YEAR_MISSING';
export class CalendarYearMissing extends Error {
  readonly code = CALENDAR_YEAR_MISSING;
  constructor(
    public readonly year: number,
    public readonly known: number[] = [],
  ) {
    super(`${year}年节假日安排尚未录入，无法计算工作日，请管理员在“节假日日历”中录入`);
  }
}

const indexes = new WeakMap<WorkCalendar, { years: Set<number>; days: Map<string, CalendarDayKind> }>();
function indexOf(cal: WorkCalendar) {
  let ix = indexes.get(cal);
  if (!ix) {
    ix = { years: new Set(cal.years), days: new Map(Object.entries(cal.days)) };
    indexes.set(cal, ix);
  }
  return ix;
}

/** A working day in China: Monday–Friday unless a public holiday, or a make-up working Saturday/Sunday. */
export function isWorkingDay(cal: WorkCalendar, s: string): boolean {
  const ix = indexOf(cal);
  const year = parts(s).y;
  if (!ix.years.has(year)) throw new CalendarYearMissing(year, [...ix.years].sort());
  const kind = ix.days.get(s);
  if (kind) return kind === 'workday';
  return weekdayOf(s) <= 5;
}

/** The n-th working day after `s` (n > 0) or before it (n < 0); n = 0: `s` itself if working, else the next. */
export function addWorkingDays(cal: WorkCalendar, s: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = s;
  if (n === 0) {
    while (!isWorkingDay(cal, d)) d = addDays(d, 1);
    return d;
  }
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/** Working days in [from, to], both inclusive. */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(cal, d)) n++;
  return n;
}

// ── Holiday calendar API (节假日日历) ──────────────────────────────────────────────────────────

export const CALENDAR_SOURCES = { package: '随系统提供', admin: '管理员录入' } as const;
export type CalendarSource = keyof typeof CALENDAR_SOURCES;

/** A year as a path parameter: the platform's calendars cover 2000–2100. */
export const calendarYearParam = z.object({
  year: z.coerce
    .number({ error: '年份须为数字' })
    .int('年份须为整数')
    .min(2000, '年份须在2000–2100之间')
    .max(2100, '年份须在2000–2100之间'),
});

export const calendarDay = z.object({
  date: isoDate,
  name: z.string().trim().max(30, '名称最多30个字').nullish(),
});
export type CalendarDay = z.infer<typeof calendarDay>;

export const calendarYearSummary = z.object({
  year: z.number().int(),
  source: z.enum(['package', 'admin']),
  version: z.number().int(),
  holidays: z.number().int(),
  workdays: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type CalendarYearSummary = z.infer<typeof calendarYearSummary>;

/** One year's arrangement; a year not yet entered has `source: null`, version 0 and no days. */
export const calendarYear = z.object({
  year: z.number().int(),
  source: z.enum(['package', 'admin']).nullable(),
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  holidays: z.array(z.object({ date: z.string(), name: z.string().nullable() })),
  workdays: z.array(z.object({ date: z.string(), name: z.string().nullable() })),
});
export type CalendarYear = z.infer<typeof calendarYear>;

const MAX_DAYS = 200;
/** Replaces a year's holidays and make-up working days (管理员录入). Checked against the year in the use case. */
export const replaceCalendarYearInput = z.object({
  holidays: z.array(calendarDay).min(1, '请至少录入一天法定节假日').max(MAX_DAYS, `法定节假日最多${MAX_DAYS}天`),
  workdays: z.array(calendarDay).max(MAX_DAYS, `调休上班日最多${MAX_DAYS}天`),
  version: recordVersion,
});
export type ReplaceCalendarYearInput = z.infer<typeof replaceCalendarYearInput>;

/** Problems of a year's entry: dates outside the year, a date listed twice. Empty when fine. */
export function calendarYearIssues(
  year: number,
  input: Pick<ReplaceCalendarYearInput, 'holidays' | 'workdays'>,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, string>();
  for (const list of ['holidays', 'workdays'] as const) {
    input[list].forEach((d, i) => {
      if (!d.date.startsWith(`${String(year).padStart(4, '0')}-`))
        issues.push({ path: [list, i, 'date'], message: `${d.date} 不在${year}年内` });
      const where = `${CALENDAR_DAY_KINDS[list === 'holidays' ? 'holiday' : 'workday']}第${i + 1}行`;
      const first = seen.get(d.date);
      if (first) issues.push({ path: [list, i, 'date'], message: `${d.date} 重复（已在${first}）` });
      else seen.set(d.date, where);
    });
  }
  return issues;
}
