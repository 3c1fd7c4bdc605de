import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  beijingDateTime,
  CALENDAR_YEARS,
  CalendarYearMissing,
  cumulativeFrom,
  dateOf,
  daysBetween,
  HOLIDAY_CALENDAR,
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
} from './calendar.js';

describe('dates', () => {
  it('accepts only dates that exist', () => {
    for (const ok of ['2024-02-29', '2025-02-28', '2026-12-31', '2000-02-29']) expect(isoDate.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['2025-02-29', '2025-02-30', '2026-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '1900-02-29', '2025-2-3', '20250203', '2025-01-01T00:00:00Z', ' 2025-01-01', '']) {
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
    expect(cumulativeFrom('2026-03-01', '2026-06-30')).toEqual({ kind: 'cumulative', from: '2026-03-01', to: '2026-06-30', label: '2026-03-01 至 2026-06-30 累计' });
    expect(() => cumulativeFrom('2026-03-01', '2026-02-28')).toThrow(RangeError);
  });
});

describe('working days (State Council holiday calendar as data)', () => {
  it('knows the 2026 holidays and make-up working days', () => {
    expect(CALENDAR_YEARS).toContain(2026);
    expect(isWorkingDay('2026-01-01')).toBe(false); // 元旦 (Thursday)
    expect(isWorkingDay('2026-01-04')).toBe(true); // make-up Sunday
    expect(isWorkingDay('2026-02-14')).toBe(true); // make-up Saturday before 春节
    expect(isWorkingDay('2026-02-16')).toBe(false); // 春节 (Monday)
    expect(isWorkingDay('2026-02-24')).toBe(true); // first day back
    expect(isWorkingDay('2026-10-08')).toBe(true); // Thursday after 国庆
    expect(isWorkingDay('2026-10-10')).toBe(true); // make-up Saturday
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-11-28')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2026-12-01')).toBe(true); // an ordinary Tuesday
  });

  it('the data is self-consistent: make-up days are weekend days, holidays do not overlap them', () => {
    for (const year of CALENDAR_YEARS) {
      const y = HOLIDAY_CALENDAR[year];
      for (const d of y.workdays) {
        expect(d.startsWith(`${year}-`), d).toBe(true);
        expect(weekdayOf(d), d).toBeGreaterThanOrEqual(6);
      }
      for (const [from, to] of y.holidays) {
        expect(isCalendarDate(from) && isCalendarDate(to) && from <= to, `${from}..${to}`).toBe(true);
        for (const d of y.workdays) expect(d < from || d > to, d).toBe(true);
      }
    }
    // 2026: 365 days − 104 weekend days − 19 holiday weekdays + 6 make-up days
    expect(workingDaysBetween('2026-01-01', '2026-12-31')).toBe(248);
  });

  it('counts and adds working days across holidays', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // Friday → make-up Saturday
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24'); // over 春节
    expect(addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-10-01', 0)).toBe('2026-10-08');
    expect(addWorkingDays('2026-12-01', 0)).toBe('2026-12-01');
    expect(workingDaysBetween('2026-09-28', '2026-10-11')).toBe(6); // 28,29,30 Sep; 8,9,10 Oct
  });

  it('refuses to guess for a year that is not in the data', () => {
    const missing = [2025, 2027, 2030].filter((y) => !CALENDAR_YEARS.includes(y));
    expect(missing.length).toBeGreaterThan(0);
    for (const y of missing) {
      expect(() => isWorkingDay(`${y}-03-03`)).toThrow(CalendarYearMissing);
      expect(() => isWorkingDay(`${y}-03-03`)).toThrow(/节假日安排尚未录入/);
    }
    expect(() => addWorkingDays('2026-12-31', 5)).toThrow(CalendarYearMissing); // runs into a missing year
  });
});
