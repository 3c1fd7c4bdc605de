/**
 * Chinese numerals as the plans write them: 一…九, 十, 百, 两, 〇/零, mixed with Arabic digits
 * (十五 → 15, 二十三 → 23, 两 → 2, 一百零五 → 105, 15 → 15). Full-width digits count as digits.
 */
const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A numeral token as it may appear in the text (Arabic, full-width or Chinese). */
export const NUMERAL = '[0-9０-９]+|[〇零一二两三四五六七八九十百千]+';

/** The number a numeral token stands for, or null when it is not one. */
export function parseNumeral(s: string): number | null {
  const t = s.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/.test(t)) return Number(t);
  if (!t || !/^[〇零一二两三四五六七八九十百千]+$/.test(t)) return null;
  // Positional digits without units (二〇二三 as a year).
  if (!/[十百千]/.test(t)) return t.length > 1 ? Number([...t].map((c) => DIGITS[c]).join('')) : DIGITS[t];
  let total = 0;
  let digit: number | null = null;
  for (const c of t) {
    if (c in DIGITS) {
      digit = DIGITS[c];
    } else {
      total += (digit ?? 1) * UNITS[c];
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** 周一 … 周日 / 星期一 … 星期天 → 1…7 (Monday = 1). */
export function parseWeekday(s: string): number | null {
  const i = '一二三四五六日'.indexOf(s === '天' ? '日' : s);
  return i < 0 ? null : i + 1;
}
