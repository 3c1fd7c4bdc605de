import { z } from 'zod';
import {
  addDays,
  beijingDateTime,
  daysInMonth,
  formatDate as fmt,
  isoDate,
  isWorkingDay,
  TZ_OFFSET,
  weekdayOf,
  type WorkCalendar,
} from './calendar.js';

/**
 * Deadline rules (报送时限) as data. One small language covers every rule of the seeds:
 *
 *   { once: '2019-03-05' }                                  one-off date (final summary)
 *   { every: 'day', time: '15:00', within: { from, to } }   daily before 15:00 in a window (攻坚周)
 *   { every: 'week', weekday: 4, time: '17:00' }            weekly, Thursday before close of business
 *   { every: 'month', day: 20 }                             monthly by the 20th
 *   { every: 'month', day: 31, lastDayIfShort: true }       monthly, last day in short months
 *   { every: 'quarter', monthOfQuarter: 1, day: 1 }         quarterly, 1st of the quarter's first month
 *   { adHoc: true }                                         “及时上报”: no fixed date (none generated)
 *   { type: 'event', event: 'serious_finding', withinHours: 24 }
 *                                                           due within N hours of an event (发现重大问题及时上报)
 *
 * weekday: 1 = Monday … 7 = Sunday. time: HH:mm, Asia/Shanghai; default 23:59 ("…日前").
 * `within` narrows a recurring rule to a window; the campaign period bounds every rule.
 * Days 29–31 do not occur every month: they are refused unless `lastDayIfShort` is set.
 * A plan may say “每周汇总” or “每月调度” without the day: `weekday` / `day` / `monthOfQuarter` are then
 * left unset (provenance 方案未定). No date is computed for such a rule; `ruleMissing` names what is
 * missing and the campaign pages say 方案未定 until the office sets it.
 */
export const DEFAULT_DUE_TIME = '23:59';

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式须为 HH:mm（如 15:00）');

export const dateWindow = z.object({ from: isoDate, to: isoDate });

/**
 * Events an obligation can be triggered by (`{ type: 'event', event, withinHours }`): the report is
 * due within N hours of each such event in the campaign's area during the campaign, from the
 * submitting units whose area holds it. The owning modules record the events; `cluster_alert`
 * (药品不良反应聚集性信号) is declared for the ADR module and fires once that module records alerts.
 */
export const OBLIGATION_EVENTS = {
  serious_finding: '检查发现重大问题（严重缺陷）',
  case_referred: '案件移送公安机关',
  cluster_alert: '不良反应聚集性信号',
} as const;
export type ObligationEvent = keyof typeof OBLIGATION_EVENTS;
export const OBLIGATION_EVENT_CODES = Object.keys(OBLIGATION_EVENTS) as [ObligationEvent, ...ObligationEvent[]];

export const RULE_EVERY = { day: '每日', week: '每周', month: '每月', quarter: '每季度' } as const;
export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export const deadlineRule = z
  .object({
    once: isoDate.optional(),
    every: z.enum(['day', 'week', 'month', 'quarter'], { error: '周期须为 day/week/month/quarter' }).optional(),
    weekday: z.number().int().min(1, '星期须为1（周一）至7（周日）').max(7, '星期须为1（周一）至7（周日）').optional(),
    day: z.number().int().min(1, '日期须为1–31').max(31, '日期须为1–31').optional(),
    monthOfQuarter: z.number().int().min(1, '季度内月份须为1–3').max(3, '季度内月份须为1–3').optional(),
    lastDayIfShort: z.boolean().optional(),
    /** Working days only for daily rules: Monday–Friday less public holidays, plus make-up working days (节假日日历). */
    workdaysOnly: z.boolean().optional(),
    time: clockTime.optional(),
    within: dateWindow.optional(),
    /**
     * No fixed date: the plan says only “及时上报” (report as things happen). No due date is
     * generated; the campaign pages say the plan sets none instead of inventing one.
     */
    adHoc: z.literal(true).optional(),
    /** Event-triggered: due `withinHours` after each `event` (no calendar date). */
    type: z.literal('event', { error: '规则类型只能为 event（事件触发）' }).optional(),
    event: z.enum(OBLIGATION_EVENT_CODES, { error: '未知的触发事件（serious_finding/case_referred/cluster_alert）' }).optional(),
    /** Hours after the event; unset (方案未定) when the plan says only “及时上报”. */
    withinHours: z.number().int().min(1, '时限至少1小时').max(8760, '时限不能超过8760小时').optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const need = (key: string, msg: string) => ctx.addIssue({ code: 'custom', path: [key], message: msg });
    if (r.type === 'event') {
      if (!r.event) need('event', '事件触发的报送须指定触发事件（event）');
      if (r.once || r.every || r.adHoc || r.within) need('type', '事件触发的报送不能同时设置日期、周期、时间窗口或随时报送');
      return;
    }
    if (r.event || r.withinHours != null) need('type', '指定了触发事件或时限，请将规则类型设为事件触发（type: event）');
    if (r.adHoc && (r.once || r.every)) need('adHoc', '“随时报送”（adHoc）不能同时设置日期或周期');
    if (r.once && r.every) need('every', '一次性日期（once）与周期（every）只能选一种');
    if (!r.once && !r.every && !r.adHoc)
      need('every', '请设置一次性日期（once）、周期（every）、随时报送（adHoc）或事件触发（type: event）');
    if (r.day != null && r.day > 28 && !r.lastDayIfShort)
      need('day', `并非每个月都有${r.day}日：请改为28日以内，或设置“短月取月末”（lastDayIfShort）`);
    if (r.within && r.within.from > r.within.to) need('within', '时间窗口的开始日期不能晚于结束日期');
  });
export type DeadlineRule = z.infer<typeof deadlineRule>;

/**
 * What a recurring rule lacks before dates can be computed (the plan leaves it unset), in words:
 * e.g. ['星期几'] for “每周汇总” without a weekday. Empty when the rule is complete.
 */
export function ruleMissing(r: DeadlineRule): string[] {
  if (r.type === 'event') return r.withinHours == null ? ['时限（小时）'] : [];
  if (r.every === 'week' && r.weekday == null) return ['星期几'];
  if (r.every === 'month' && r.day == null) return ['每月几日'];
  if (r.every === 'quarter') return [...(r.monthOfQuarter == null ? ['季度内第几个月'] : []), ...(r.day == null ? ['日期'] : [])];
  return [];
}

export interface DueDate {
  /** Calendar date in Asia/Shanghai, YYYY-MM-DD. */
  date: string;
  time: string;
  /** The instant, ISO 8601 with the +08:00 offset. */
  at: string;
}

/**
 * Every due date of a rule inside [from, to] (inclusive, Asia/Shanghai calendar dates),
 * further narrowed by the rule's own `within` window. Pure; no clock, no timezone of the host.
 * A `workdaysOnly` rule needs the holiday calendar (`calendar`); a year missing from it throws
 * `CalendarYearMissing` (never a Monday–Friday guess).
 */
export function dueDates(rule: DeadlineRule, period: { from: string; to: string }, calendar?: WorkCalendar): DueDate[] {
  let from = period.from;
  let to = period.to;
  if (rule.within) {
    if (rule.within.from > from) from = rule.within.from;
    if (rule.within.to < to) to = rule.within.to;
  }
  const time = rule.time ?? DEFAULT_DUE_TIME;
  const out: string[] = [];
  // An event-triggered rule has no calendar dates: `eventDue` gives its deadlines from the events.
  if (from > to || rule.adHoc || rule.type === 'event' || ruleMissing(rule).length) return [];
  if (rule.once) {
    if (rule.once >= from && rule.once <= to) out.push(rule.once);
  } else if (rule.every === 'day' || rule.every === 'week') {
    const workdays = rule.every === 'day' && rule.workdaysOnly;
    if (workdays && !calendar) throw new Error('dueDates: a workdaysOnly rule needs the holiday calendar');
    for (let s = from; s <= to; s = addDays(s, 1)) {
      if (rule.every === 'week' ? weekdayOf(s) === rule.weekday : !workdays || isWorkingDay(calendar!, s)) out.push(s);
    }
  } else if (rule.every === 'month' || rule.every === 'quarter') {
    const a = { y: Number(from.slice(0, 4)), m: Number(from.slice(5, 7)) };
    const b = { y: Number(to.slice(0, 4)), m: Number(to.slice(5, 7)) };
    for (let y = a.y, m = a.m; y < b.y || (y === b.y && m <= b.m); m === 12 ? ((m = 1), y++) : m++) {
      if (rule.every === 'quarter' && (m - 1) % 3 !== rule.monthOfQuarter! - 1) continue;
      const dim = daysInMonth(y, m);
      const day = rule.day!;
      if (day > dim && !rule.lastDayIfShort) continue;
      const s = fmt(y, m, Math.min(day, dim));
      if (s >= from && s <= to) out.push(s);
    }
  }
  return out.map((date) => ({ date, time, at: `${date}T${time}:00${TZ_OFFSET}` }));
}

/** A short Chinese description of a rule, e.g. “每周四 17:00 前”. */
export function describeRule(r: DeadlineRule): string {
  const t = r.time ? ` ${r.time}` : '';
  const w = r.within ? `（${r.within.from} 至 ${r.within.to}）` : '';
  if (r.adHoc) return '随时报送（方案未规定期限）';
  if (r.type === 'event') {
    const e = r.event ? OBLIGATION_EVENTS[r.event] : '事件';
    return r.withinHours == null ? `${e}后及时报送（时限方案未定）` : `${e}后${r.withinHours}小时内`;
  }
  if (r.once) return `${r.once}${t} 前`;
  switch (r.every) {
    case 'day':
      return `${r.workdaysOnly ? '每个工作日' : '每日'}${t} 前${w}`;
    case 'week':
      return r.weekday == null ? `每周（星期几方案未定）${t}${w}` : `每${WEEKDAY_LABELS[r.weekday]}${t} 前${w}`;
    case 'month':
      return r.day == null ? `每月（日期方案未定）${t}${w}` : `每月${r.day}日${r.lastDayIfShort ? '（短月取月末）' : ''}${t} 前${w}`;
    case 'quarter':
      return r.day == null || r.monthOfQuarter == null
        ? `每季度（日期方案未定）${t}${w}`
        : `每季度第${r.monthOfQuarter}个月${r.day}日${t} 前${w}`;
    default:
      return '';
  }
}

/**
 * The deadline of an event-triggered rule for one event at `at` (an instant): `withinHours` later,
 * as a Beijing date and time. Null when the rule is not event-triggered or its hours are unset.
 */
export function eventDue(rule: DeadlineRule, at: Date): DueDate | null {
  if (rule.type !== 'event' || rule.withinHours == null) return null;
  const [date, time] = beijingDateTime(at.getTime() + rule.withinHours * 3_600_000).split(' ');
  return { date, time, at: `${date}T${time}:00${TZ_OFFSET}` };
}
