import type { DayWindow } from './types.js';

export const OPEN_FROM = -1_000_000;
export const OPEN_TO = 1_000_000;
export const OPEN: DayWindow = { from: OPEN_FROM, to: OPEN_TO };

const DAY = 86_400_000;

/** ISO date (YYYY-MM-DD, or a full timestamp) → day number. */
export function toDay(iso: string): number {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) throw new Error(`invalid date: ${iso}`);
  return Math.floor(t / DAY);
}

/** Day number → ISO date; open ends → null. */
export function fromDay(day: number): string | null {
  if (day <= OPEN_FROM || day >= OPEN_TO) return null;
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function intersect(a: DayWindow, b: DayWindow): DayWindow {
  return { from: Math.max(a.from, b.from), to: Math.min(a.to, b.to) };
}

export const contains = (w: DayWindow, day: number) => day >= w.from && day <= w.to;
export const isEmpty = (w: DayWindow) => w.from > w.to;
