import type { DayWindow } from './types.js';

export const OPEN_FROM = -1_000_000;
export const OPEN_TO = 1_000_000;
export const OPEN: DayWindow = { from: OPEN_FROM, to: OPEN_TO };

const DAY = 86_400_000;

// Plans and coverage convert the same few hundred dates hundreds of thousands of times: memoised
// (bounded: a pathological input only loses the cache, never grows it without end).
const MEMO_MAX = 20_000;
const toDays = new Map<string, number>();
const fromDays = new Map<number, string>();

/** ISO date (YYYY-MM-DD, or a full timestamp) → day number. */
export function toDay(iso: string): number {
  const hit = toDays.get(iso);
  if (hit !== undefined) return hit;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) throw new Error(`invalid date: ${iso}`);
  const day = Math.floor(t / DAY);
  if (toDays.size >= MEMO_MAX) toDays.clear();
  toDays.set(iso, day);
  return day;
}

/** Day number → ISO date; open ends → null. */
export function fromDay(day: number): string | null {
  if (day <= OPEN_FROM || day >= OPEN_TO) return null;
  let iso = fromDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY).toISOString().slice(0, 10);
    if (fromDays.size >= MEMO_MAX) fromDays.clear();
    fromDays.set(day, iso);
  }
  return iso;
}

export function intersect(a: DayWindow, b: DayWindow): DayWindow {
  return { from: Math.max(a.from, b.from), to: Math.min(a.to, b.to) };
}

export const contains = (w: DayWindow, day: number) => day >= w.from && day <= w.to;
export const isEmpty = (w: DayWindow) => w.from > w.to;
