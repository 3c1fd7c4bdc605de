import { contains, intersect, OPEN_FROM, OPEN_TO } from './dates.js';
import type { DayWindow } from './types.js';

/** A unit must be visited at least `times` times within `window`. */
export interface Demand {
  window: DayWindow;
  times: number;
}

/**
 * Fewest visit days meeting every demand (interval multi-cover). Greedy by window end: each
 * missing visit goes on the last day of the window that needs it, where it also serves every
 * later-ending window containing that day; this is optimal for intervals. Days may repeat.
 */
export function scheduleVisits(demands: Demand[]): number[] {
  const sorted = demands.slice().sort((a, b) => a.window.to - b.window.to || b.window.from - a.window.from);
  const days: number[] = [];
  for (const d of sorted) {
    let have = 0;
    for (const day of days) if (contains(d.window, day)) have++;
    for (; have < d.times; have++) days.push(d.window.to);
  }
  return days.sort((a, b) => a - b);
}

export function satisfies(days: number[], d: Demand): boolean {
  let n = 0;
  for (const day of days) if (contains(d.window, day)) n++;
  return n >= d.times;
}

/** The window a visit planned on `day` may move within and still count for every demand it served there. */
export function dueWindow(day: number, demands: Demand[], fallback: DayWindow): DayWindow {
  let w: DayWindow | null = null;
  for (const d of demands) if (contains(d.window, day)) w = w ? intersect(w, d.window) : d.window;
  return w ?? fallback;
}

/**
 * Spreads k visits that share one due window over it (增加检查频次 means visits apart, not two
 * on the same day): k consecutive slices, each next one starting at least `gap` days after the
 * previous one ends. The gap narrows when the window is too short; open or too-short windows are
 * left as they are. Every slice lies inside the window, so each visit still counts where it did.
 */
export function spreadWindows(w: DayWindow, k: number, gap: number): DayWindow[] {
  const same = Array.from({ length: k }, () => w);
  const length = w.to - w.from + 1;
  if (k < 2 || w.from <= OPEN_FROM || w.to >= OPEN_TO || length < k) return same;
  // Slice length S with k·S + (k−1)(g−1) ≤ length; the gap shrinks until slices of a day fit.
  let g = Math.max(1, gap);
  while (g > 1 && length - (k - 1) * (g - 1) < k) g = Math.max(1, Math.floor((length - k) / (k - 1)) + 1);
  const slice = Math.floor((length - (k - 1) * (g - 1)) / k);
  const out: DayWindow[] = [];
  for (let i = 0, from = w.from; i < k; i++) {
    const to = i === k - 1 ? w.to : from + slice - 1;
    out.push({ from, to });
    from = to + g;
  }
  return out;
}
