import { contains, intersect } from './dates.js';
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
