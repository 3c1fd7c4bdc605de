import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  beijingDateTime,
  calendarYearIssues,
  CalendarYearMissing,
  cumulativeFrom,
  dateOf,
  daysBetween,
  isCalendarDate,
  isoDate,
  isoTimestamp,
  isoWeek,
  isWorkingDay,
  periodOf,
  periodsBetween,
  shanghaiToday,
  startOfDay,
  weekdayOf,
  workingDaysBetween,
  type WorkCalendar,
} from './calendar.js';

describe('dates', () => {
  it('accepts only dates that exist', () => {
    for (const ok of ['2024-02-29', '2025-02-28', '2026-12-31', '2000-02-29']) expect(isoDate.safeParse(ok).success, ok).toBe(true);
    for (const bad of [
      '2025-02-29',
      '2025-02-30',
      '2026-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '1900-02-29',
      '2025-2-3',
      '20250203',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
      '',
    ]) {
      expect(isoDate.safeParse(bad).success, bad).toBe(false);
    }
    expect(isoDate.safeParse('2025-02-30').error?.issues[0].message).toMatch(/日期不存在/);
    expect(isCalendarDate('0000-01-01')).toBe(false);
  });

  it('does date arithmetic without the host time zone', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    expect(weekdayOf('2026-12-01')).toBe(2); // Tuesday
    expect(weekdayOf('2026-11-29')).toBe(7); // Sunday
  });

  it('"today" and the date of an instant are Beijing dates', () => {
    expect(shanghaiToday(new Date('2026-03-09T23:00:00Z'))).toBe('2026-03-10'); // 07:00 in Beijing
    expect(shanghaiToday(new Date('2026-03-10T15:59:59Z'))).toBe('2026-03-10'); // 23:59:59 in Beijing
    expect(shanghaiToday(new Date('2026-03-10T16:00:00Z'))).toBe('2026-03-11');
    expect(dateOf('2026-12-31T16:30:00Z')).toBe('2027-01-01');
    expect(beijingDateTime(new Date('2026-03-09T23:05:00Z'))).toBe('2026-03-10 07:05');
    expect(startOfDay('2026-03-10').toISOString()).toBe('2026-03-09T16:00:00.000Z');
    expect(isoTimestamp(null)).toBeNull();
    expect(isoTimestamp('2026-03-10T08:00:00+08:00')).toBe('2026-03-10T00:00:00.000Z');
    expect(isoTimestamp(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('periods', () => {
  it('week (Monday–Sunday, ISO week number), month, quarter and year of a date', () => {
    expect(periodOf('week', '2026-12-02')).toEqual({ kind: 'week', from: '2026-11-30', to: '2026-12-06', label: '2026年第49周' });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 }); // a Friday: the last week of 2026
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(periodOf('month', '2024-02-10')).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29', label: '2024年2月' });
    expect(periodOf('quarter', '2026-08-15')).toEqual({ kind: 'quarter', from: '2026-07-01', to: '2026-09-30', label: '2026年第3季度' });
    expect(periodOf('quarter', '2026-12-31').from).toBe('2026-10-01');
    expect(periodOf('year', '2026-06-01')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('lists the periods over a span, whole or clipped, without gaps or overlaps', () => {
    const months = periodsBetween('month', '2026-01-15', '2026-04-10');
    expect(months.map((p) => p.label)).toEqual(['2026年1月', '2026年2月', '2026年3月', '2026年4月']);
    const clipped = periodsBetween('month', '2026-01-15', '2026-04-10', { clip: true });
    expect(clipped[0].from).toBe('2026-01-15');
    expect(clipped.at(-1)!.to).toBe('2026-04-10');
    for (const kind of ['week', 'month', 'quarter', 'year'] as const) {
      const ps = periodsBetween(kind, '2025-11-20', '2027-02-03');
      for (let i = 1; i < ps.length; i++) expect(addDays(ps[i - 1].to, 1), kind).toBe(ps[i].from);
    }
    expect(periodsBetween('quarter', '2026-01-01', '2026-12-31')).toHaveLength(4);
    expect(periodsBetween('week', '2026-01-05', '2026-01-04')).toEqual([]);
  });

  it('cumulative figures run from a fixed date to the reporting date', () => {
    expect(cumulativeFrom('2026-03-01', '2026-06-30')).toEqual({
      kind: 'cumulative',
      from: '2026-03-01',
      to: '2026-06-30',
      label: '2026-03-01 至 2026-06-30 累计',
    });
    expect(() => cumulativeFrom('2026-03-01', '2026-02-28')).toThrow(RangeError);
  });
});

/** 2026 as published (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04): the fixture for the pure functions. */
const NOTICE_2026: [string, string][] = [
  ['2026-01-01', '2026-01-03'], // 元旦
  ['2026-02-15', '2026-02-23'], // 春节
  ['2026-04-04', '2026-04-06'], // 清明节
  ['2026-05-01', '2026-05-05'], // 劳动节
  ['2026-06-19', '2026-06-21'], // 端午节
  ['2026-09-25', '2026-09-27'], // 中秋节
  ['2026-10-01', '2026-10-07'], // 国庆节
];
const MAKEUP_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
function cal2026(): WorkCalendar {
  const days: WorkCalendar['days'] = {};
  for (const [from, to] of NOTICE_2026) for (let s = from; s <= to; s = addDays(s, 1)) days[s] = 'holiday';
  for (const s of MAKEUP_2026) days[s] = 'workday';
  return { years: [2026], days };
}

describe('working days (over a holiday calendar value)', () => {
  const cal = cal2026();
  it('knows the 2026 holidays and make-up working days', () => {
    expect(isWorkingDay(cal, '2026-01-01')).toBe(false); // 元旦 (Thursday)
    expect(isWorkingDay(cal, '2026-01-04')).toBe(true); // make-up Sunday
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // make-up Saturday before 春节
    expect(isWorkingDay(cal, '2026-02-16')).toBe(false); // 春节 (Monday)
    expect(isWorkingDay(cal, '2026-02-24')).toBe(true); // first day back
    expect(isWorkingDay(cal, '2026-10-08')).toBe(true); // Thursday after 国庆
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // make-up Saturday
    expect(isWorkingDay(cal, '2026-10-07')).toBe(false);
    expect(isWorkingDay(cal, '2026-11-28')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay(cal, '2026-12-01')).toBe(true); // an ordinary Tuesday
    // 2026: 365 days − 104 weekend days − 19 holiday weekdays + 6 make-up days
    expect(workingDaysBetween(cal, '2026-01-01', '2026-12-31')).toBe(248);
  });

  it('counts and adds working days across holidays', () => {
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14'); // Friday → make-up Saturday
    expect(addWorkingDays(cal, '2026-02-14', 1)).toBe('2026-02-24'); // over 春节
    expect(addWorkingDays(cal, '2026-02-24', -1)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-10-01', 0)).toBe('2026-10-08');
    expect(addWorkingDays(cal, '2026-12-01', 0)).toBe('2026-12-01');
    expect(workingDaysBetween(cal, '2026-09-28', '2026-10-11')).toBe(6); // 28,29,30 Sep; 8,9,10 Oct
  });

  it('refuses to guess for a year that is not in the calendar', () => {
    for (const y of [2025, 2027, 2030]) {
      expect(() => isWorkingDay(cal, `${y}-03-03`)).toThrow(CalendarYearMissing);
      expect(() => isWorkingDay(cal, `${y}-03-03`)).toThrow(`${y}年节假日安排尚未录入，无法计算工作日，请管理员在“节假日日历”中录入`);
    }
    expect(() => addWorkingDays(cal, '2026-12-31', 5)).toThrow(CalendarYearMissing); // runs into a missing year
    // Days listed for a year that is not marked complete do not make it known.
    expect(() => isWorkingDay({ years: [], days: { '2026-02-16': 'holiday' } }, '2026-02-17')).toThrow(CalendarYearMissing);
  });

  it('checks an entered year: dates inside the year, none twice', () => {
    expect(calendarYearIssues(2027, { holidays: [{ date: '2027-01-01' }], workdays: [{ date: '2027-02-07' }] })).toEqual([]);
    const issues = calendarYearIssues(2027, {
      holidays: [{ date: '2027-01-01' }, { date: '2026-12-31' }],
      workdays: [{ date: '2027-01-01' }],
    });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['holidays.1.date', 'workdays.0.date']);
    expect(issues[0].message).toMatch(/不在2027年内/);
    expect(issues[1].message).toMatch(/重复/);
  });
});
