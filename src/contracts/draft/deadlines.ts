import type { DeadlineRule } from '../deadline-rules.js';
import { dayOf, findDates, type DateHit } from './dates.js';
import { NUMERAL, parseNumeral, parseWeekday } from './numerals.js';

/** A deadline read from a sentence: the rule, and the words it was read from (offsets in the sentence). */
export interface DeadlineHit {
  rule: DeadlineRule;
  start: number;
  end: number;
  /** The phrase, e.g. “每周四下班前”, “于2023年9月15日前”. */
  text: string;
  /** What the phrase leaves to the office (下班前 without a clock time). */
  notes: string[];
}

const N = `(${NUMERAL})`;
const TIME = `(?:(上午|下午|晚上)?\\s*(\\d{1,2})\\s*(?:[:：]\\s*(\\d{2})|时|点)(?:\\s*(\\d{2})分?)?|(下班))?\\s*(?:以)?前?`;
const RECURRING = new RegExp(
  [
    `每季度第${N}个?月的?${N}日`,
    `每季度`,
    `每月${N}日`,
    `每月(?:月底|底|末)`,
    `每月`,
    `每(?:周|星期)([一二三四五六日天])`,
    `每周`,
    `每(?:日|天)`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '(')
    .concat(`)${TIME}`),
  'g',
);

/** A clock time from its parts (下午3:00 → 15:00); null when there is none. */
function clock(period: string | undefined, h: string | undefined, m: string | undefined, m2: string | undefined): string | null {
  if (h === undefined) return null;
  let hour = Number(h);
  if ((period === '下午' || period === '晚上') && hour < 12) hour += 12;
  const minute = Number(m ?? m2 ?? 0);
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** More deadlines than this in one sentence is not a plan's sentence: the rest are not read. */
export const MAX_PER_SENTENCE = 20;

/** A reporting sentence: something is sent, submitted, reported or dispatched. */
export function isReporting(s: string): boolean {
  return /报送|上报|报告|提交|发送|汇总|通报|调度|报(?!道|刊|名|警)/.test(
    s.replace(/举报|填报|情报|简报|快报|预报|电报|公报|信息报告/g, ''),
  );
}

/**
 * Deadline phrases of one sentence → rules of `contracts/deadline-rules.ts`:
 * 每周四下班前 → {every: week, weekday: 4}; 每月5日前 → {every: month, day: 5};
 * 每季度第一个月的1日前 → {every: quarter, monthOfQuarter: 1, day: 1}; 每日下午15:00前 in the
 * sentence's date ranges (2018年12月24日至12月29日和…) → {every: day, time, within} per range;
 * 于2023年9月15日前 / 2019年1月2日、2019年1月28日报… → {once}; 及时上报 → {adHoc: true} when the
 * sentence has no dated rule; 重大问题要及时上报 → {type: event} (event kind and hours left unset).
 * 每周 / 每月 without a day keep the day unset (方案未定).
 */
/** A serious matter reported when it happens: 重大问题…及时上报, 重大信息…及时向市局报告. */
const EVENT_REPORT = /重大(?:问题|信息|情况|案件|事件|风险)[^。；，,]{0,12}?及时[^。；，,]{0,8}?(?:上报|报送|报告)/;

export function deadlinesIn(s: string, docYear: number | null): DeadlineHit[] {
  if (!isReporting(s)) return [];
  const out: DeadlineHit[] = [];
  const dates = findDates(s, docYear).slice(0, MAX_PER_SENTENCE);
  // Date ranges (A至B, A—B): windows for daily rules, never one-off deadlines.
  const ranges: { from: DateHit; to: DateHit }[] = [];
  const inRange = new Set<DateHit>();
  for (let i = 0; i + 1 < dates.length; i++) {
    const between = s.slice(dates[i].end, dates[i + 1].start);
    if (/^\s*(?:日)?\s*(?:至|到|—|－|-|~|～)+\s*$/.test(between)) {
      ranges.push({ from: dates[i], to: dates[i + 1] });
      inRange.add(dates[i]).add(dates[i + 1]);
      i++;
    }
  }
  for (const m of s.matchAll(RECURRING)) {
    const head = m[1];
    const time = clock(m[6], m[7], m[8], m[9]);
    const notes: string[] = [];
    if (m[10]) notes.push('原文为“下班前”，未写具体时刻：请核定时刻（不填则按当日24时前）');
    const text = m[0].replace(/\s+$/, '');
    const base = { start: m.index!, end: m.index! + text.length, text, notes };
    const t = time ? { time } : {};
    if (m[2] !== undefined) {
      const moq = parseNumeral(m[2]);
      const day = parseNumeral(m[3]);
      if (moq && day) out.push({ ...base, rule: { every: 'quarter', monthOfQuarter: moq, day, ...t } });
    } else if (head === '每季度') {
      if (/^\s*(?:报送)?不少于/.test(s.slice(base.end))) continue; // a minimum count, not a date
      out.push({ ...base, rule: { every: 'quarter', ...t } });
    } else if (m[4] !== undefined) {
      const day = parseNumeral(m[4]);
      if (!day) continue;
      if (day > 28) notes.push(`并非每个月都有${day}日：请确定短月是否取月末`);
      out.push({ ...base, rule: { every: 'month', day, ...t } });
    } else if (/^每月(?:月底|底|末)/.test(head)) {
      out.push({ ...base, rule: { every: 'month', day: 31, lastDayIfShort: true, ...t } });
    } else if (head === '每月') {
      if (/^\s*(?:报送)?不少于/.test(s.slice(base.end))) continue;
      out.push({ ...base, rule: { every: 'month', ...t } });
    } else if (m[5] !== undefined) {
      const weekday = parseWeekday(m[5]);
      if (weekday) out.push({ ...base, rule: { every: 'week', weekday, ...t } });
    } else if (head === '每周') {
      out.push({ ...base, rule: { every: 'week', ...t } });
    } else {
      // Daily: within each date range of the sentence, else over the whole campaign.
      if (ranges.length)
        for (const r of ranges)
          out.push({ ...base, rule: { every: 'day', ...t, within: { from: dayOf(r.from, 'first'), to: dayOf(r.to, 'last') } } });
      else out.push({ ...base, rule: { every: 'day', ...t } });
    }
  }
  for (const d of dates) {
    if (inRange.has(d) || d.precision !== 'day') continue;
    const before = s.slice(Math.max(0, d.start - 1), d.start);
    const after = s.slice(d.end, d.end + 4);
    if (/[自从]/.test(before) || /^\s*[起开]/.test(after)) continue;
    // A one-off deadline: “…前”, or a date the sentence reports on (2019年1月2日报…, A、B报…).
    if (!d.before && !/^\s*(?:[、，,]|报|将|向|前)/.test(after)) continue;
    const end = d.before ? d.end + s.slice(d.end).indexOf('前') + 1 : d.end;
    const start = /于\s*$/.test(s.slice(Math.max(0, d.start - 4), d.start)) ? s.lastIndexOf('于', d.start) : d.start;
    out.push({ rule: { once: dayOf(d, 'last') }, start, end, text: s.slice(start, end), notes: [] });
  }
  if (!out.length) {
    // 发现重大问题要及时上报 / 重大信息要及时向市局报告: due after each such event, not on a date.
    // Which event and within how many hours the text does not say: left for the office.
    const event = EVENT_REPORT.exec(s);
    if (event)
      out.push({
        rule: { type: 'event' } as DeadlineRule,
        start: event.index,
        end: event.index + event[0].length,
        text: event[0],
        notes: ['事件触发：发生后及时报告；事件类型与时限（几小时内）原文未写，请专项办确定'],
      });
    const rest = event ? s.slice(0, event.index) + ' '.repeat(event[0].length) + s.slice(event.index + event[0].length) : s;
    const adHoc = /及时(?:总结|汇总)?(?:上报|报送)|及时将[^。；]{1,80}?(?:上报|报送)/.exec(rest);
    if (adHoc) out.push({ rule: { adHoc: true }, start: adHoc.index, end: adHoc.index + adHoc[0].length, text: adHoc[0], notes: [] });
  }
  return out.sort((a, b) => a.start - b.start).slice(0, MAX_PER_SENTENCE);
}
