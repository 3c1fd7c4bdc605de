import { NUMERAL, parseNumeral } from './numerals.js';

/** How much of a date the text gives. */
export type DatePrecision = 'day' | 'month' | 'quarter' | 'year';

/** A date read from the text: offsets within the string searched, and what it says. */
export interface DateHit {
  start: number;
  end: number;
  /** The words read, e.g. “2019年1月2日”, “12月23日”, “2024年年底”. */
  text: string;
  year: number;
  month: number;
  day?: number;
  quarter?: number;
  precision: DatePrecision;
  /** End of month / year (月底, 年底): the last day. */
  last?: boolean;
  /** The year was not written here: taken from the sentence before it or from the document. */
  yearImplied: boolean;
  /** Followed by 前 / 以前 (a deadline) … or by 起 (a start). */
  before: boolean;
}

const N = `(${NUMERAL})`;
const SP = '\\s*';
// One pattern, alternatives from the most to the least precise.
const DATE = new RegExp(
  [
    `${N}${SP}年${SP}第${N}${SP}季度`,
    `(?:${N}${SP}年${SP})?${N}${SP}月${SP}${N}${SP}(?:日|号|(?=以?前))`,
    `(?:${N}${SP}年${SP})?${N}${SP}月${SP}(底|末|下旬|上旬|中旬)?`,
    `${N}${SP}年${SP}(?:年底|年末|底)`,
  ].join('|'),
  'g',
);

export const pad = (n: number) => String(n).padStart(2, '0');
export const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * Every date in `s`. A date without a year takes the year of the date before it in the same
 * string (the next year when its month is earlier: 12月24日至1月5日), else `docYear`; with no
 * year anywhere it is left out (never guessed). A bare year (2019年) is not a date.
 */
export function findDates(s: string, docYear: number | null): DateHit[] {
  const out: DateHit[] = [];
  let lastYear: number | null = null;
  let lastMonth = 0;
  for (const m of s.matchAll(DATE)) {
    const text = m[0].replace(/\s+$/, '');
    const start = m.index!;
    const end = start + text.length;
    const num = (i: number) => (m[i] === undefined ? null : parseNumeral(m[i]));
    let year: number | null;
    let month: number;
    let day: number | undefined;
    let quarter: number | undefined;
    let precision: DatePrecision;
    let last = false;
    if (m[1] !== undefined) {
      year = num(1);
      quarter = num(2) ?? 0;
      if (quarter < 1 || quarter > 4) continue;
      month = quarter * 3;
      precision = 'quarter';
    } else if (m[4] !== undefined) {
      year = num(3);
      month = num(4) ?? 0;
      day = num(5) ?? 0;
      precision = 'day';
    } else if (m[7] !== undefined) {
      year = num(6);
      month = num(7) ?? 0;
      precision = 'month';
      if (m[8] === '底' || m[8] === '末') {
        last = true;
        precision = 'day';
      } else if (m[8]) continue; // 上旬/中旬/下旬: not a date
    } else {
      year = num(9);
      month = 12;
      last = true;
      precision = 'day';
    }
    if (month < 1 || month > 12) continue;
    const written = year !== null;
    if (year === null) {
      year = lastYear !== null ? (month < lastMonth ? lastYear + 1 : lastYear) : docYear;
      if (year === null) continue;
    }
    if (year < 1900 || year > 2200) continue;
    if (last) day = daysIn(year, month);
    if (day !== undefined && (day < 1 || day > daysIn(year, month))) continue;
    lastYear = year;
    lastMonth = month;
    const after = s.slice(end, end + 3);
    out.push({
      start,
      end,
      text,
      year,
      month,
      day,
      quarter,
      precision,
      last: last || undefined,
      yearImplied: !written,
      before: /^\s*以?前/.test(after),
    });
  }
  return out;
}

/** The first or last day a date stands for (a month, a quarter → its first / last day). */
export function dayOf(d: DateHit, edge: 'first' | 'last'): string {
  if (d.day !== undefined) return iso(d.year, d.month, d.day);
  if (d.precision === 'quarter') {
    const m = edge === 'first' ? d.month - 2 : d.month;
    return iso(d.year, m, edge === 'first' ? 1 : daysIn(d.year, m));
  }
  return iso(d.year, d.month, edge === 'first' ? 1 : daysIn(d.year, d.month));
}

/** The year a document is dated in: its signature date, else the year of its 文号, else its first year. */
export function documentYear(text: string, issuedOn?: string): number | null {
  if (issuedOn) return Number(issuedOn.slice(0, 4));
  const no = /〔(\d{4})〕/.exec(text);
  if (no) return Number(no[1]);
  const y = /(\d{4})\s*年/.exec(text);
  return y ? Number(y[1]) : null;
}
