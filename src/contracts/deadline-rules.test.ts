import { describe, expect, it } from 'vitest';
import { addDays, CalendarYearMissing, shanghaiToday, weekdayOf, type WorkCalendar } from './calendar.js';
import { deadlineRule, describeRule, dueDates, eventDue, ruleMissing } from './deadline-rules.js';

const P = { from: '2018-12-22', to: '2019-03-05' };

describe('deadline rules', () => {
  it('weekly Thursday before close of business', () => {
    const d = dueDates({ every: 'week', weekday: 4, time: '17:00' }, P);
    expect(d[0]).toEqual({ date: '2018-12-27', time: '17:00', at: '2018-12-27T17:00:00+08:00' });
    expect(d.every((x) => weekdayOf(x.date) === 4)).toBe(true);
    expect(d.map((x) => x.date)).toContain('2019-02-28');
    expect(d).toHaveLength(10);
  });
  it('daily before 15:00 only inside its window', () => {
    const d = dueDates({ every: 'day', time: '15:00', within: { from: '2018-12-24', to: '2018-12-29' } }, P);
    expect(d.map((x) => x.date)).toEqual(['2018-12-24', '2018-12-25', '2018-12-26', '2018-12-27', '2018-12-28', '2018-12-29']);
    expect(d[0].at).toBe('2018-12-24T15:00:00+08:00');
  });
  it('working days only: over the holiday calendar, never a Monday–Friday guess', () => {
    // 2026 春节: 02-15..02-23 off, Saturday 02-14 and 02-28 make-up working days (State Council notice).
    const cal: WorkCalendar = { years: [2026], days: { '2026-02-14': 'workday', '2026-02-28': 'workday' } };
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) cal.days[d] = 'holiday';
    const d = dueDates({ every: 'day', workdaysOnly: true }, { from: '2026-02-12', to: '2026-02-28' }, cal);
    expect(d.map((x) => x.date)).toEqual([
      '2026-02-12',
      '2026-02-13',
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
    ]);
    expect(() => dueDates({ every: 'day', workdaysOnly: true }, { from: '2026-12-30', to: '2027-01-05' }, cal)).toThrow(
      CalendarYearMissing,
    );
    expect(() => dueDates({ every: 'day', workdaysOnly: true }, { from: '2026-02-12', to: '2026-02-28' })).toThrow(/holiday calendar/);
    // Without workdaysOnly every day counts, no calendar needed.
    expect(dueDates({ every: 'day' }, { from: '2026-02-12', to: '2026-02-28' })).toHaveLength(17);
  });
  it('monthly by the 20th and by the 5th', () => {
    expect(dueDates({ every: 'month', day: 20 }, { from: '2023-07-25', to: '2023-10-19' }).map((x) => x.date)).toEqual([
      '2023-08-20',
      '2023-09-20',
    ]);
    expect(dueDates({ every: 'month', day: 5 }, { from: '2023-07-01', to: '2023-12-31' })).toHaveLength(6);
  });
  it('month end with lastDayIfShort, including a leap February', () => {
    const d = dueDates({ every: 'month', day: 31, lastDayIfShort: true }, { from: '2024-01-01', to: '2024-04-30' });
    expect(d.map((x) => x.date)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
  });
  it('quarterly on the 1st of the first month of each quarter', () => {
    const d = dueDates({ every: 'quarter', monthOfQuarter: 1, day: 1 }, { from: '2023-07-01', to: '2024-12-31' });
    expect(d.map((x) => x.date)).toEqual(['2023-07-01', '2023-10-01', '2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01']);
  });
  it('one-off dates inside or outside the period', () => {
    expect(dueDates({ once: '2019-03-05' }, P)).toHaveLength(1);
    expect(dueDates({ once: '2019-05-10' }, P)).toHaveLength(0);
  });
  it('refuses rules that cannot occur', () => {
    const bad = (r: unknown) => deadlineRule.safeParse(r).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(bad({ every: 'month', day: 31 })).toEqual([['day', expect.stringMatching(/并非每个月都有31日/)]]);
    expect(bad({ once: '2019-02-30' })![0]).toEqual(['once', expect.stringMatching(/日期不存在/)]);
    // “每周汇总” without a weekday is the plan's word: valid, no date computed, the weekday named missing.
    expect(bad({ every: 'week' })).toBeUndefined();
    expect(ruleMissing({ every: 'week' })).toEqual(['星期几']);
    expect(ruleMissing({ every: 'month' })).toEqual(['每月几日']);
    expect(ruleMissing({ every: 'week', weekday: 5 })).toEqual([]);
    expect(dueDates({ every: 'week' }, P)).toEqual([]);
    expect(dueDates({ every: 'month' }, P)).toEqual([]);
    expect(describeRule({ every: 'week' })).toBe('每周（星期几方案未定）');
    expect(bad({ every: 'day', within: { from: '2019-01-05', to: '2019-01-01' } })![0][0]).toBe('within');
    // A window of Mon–Wed never holds a Saturday: valid shape, but no due date.
    expect(
      dueDates({ every: 'week', weekday: 6, within: { from: '2024-06-03', to: '2024-06-05' } }, { from: '2024-01-01', to: '2024-12-31' }),
    ).toEqual([]);
  });
  it('describes rules in Chinese and knows today in Shanghai', () => {
    expect(describeRule({ every: 'week', weekday: 4, time: '17:00' })).toBe('每周四 17:00 前');
    expect(shanghaiToday(new Date('2024-06-30T17:00:00Z'))).toBe('2024-07-01');
  });
});

describe('event-triggered rules (issue #16)', () => {
  it('fall due N hours after the event, in Beijing time, and never on a calendar date', () => {
    const r = deadlineRule.parse({ type: 'event', event: 'serious_finding', withinHours: 24 });
    // Signed 2023-08-10 22:30 Beijing (14:30 UTC): due 2023-08-11 22:30.
    expect(eventDue(r, new Date('2023-08-10T14:30:00Z'))).toEqual({ date: '2023-08-11', time: '22:30', at: '2023-08-11T22:30:00+08:00' });
    expect(dueDates(r, P)).toEqual([]);
    expect(describeRule(r)).toBe('检查发现重大问题（严重缺陷）后24小时内');
  });
  it('leave the hours unset when the plan says only 及时上报', () => {
    const r = deadlineRule.parse({ type: 'event', event: 'case_referred' });
    expect(ruleMissing(r)).toEqual(['时限（小时）']);
    expect(eventDue(r, new Date())).toBeNull();
  });
  it('refuse an event rule without its event, or event fields on a calendar rule', () => {
    const paths = (v: unknown) => deadlineRule.safeParse(v).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ type: 'event', withinHours: 2 })).toEqual(['event']);
    expect(paths({ type: 'event', event: 'serious_finding', every: 'day' })).toEqual(['type']);
    expect(paths({ once: '2019-01-02', withinHours: 2 })).toEqual(['type']);
    expect(paths({ type: 'event', event: 'earthquake' })).toEqual(['event']);
  });
});
