import { addDays } from '../../../contracts/calendar.js';

/**
 * Cluster detection (聚集性信号), pure. Definition (推定, see contracts/adr.ts ADR_SETTINGS_SOURCES):
 *  - a window is W consecutive days (by onset date) ending on a report's onset date;
 *  - expected = the key's reports in the N weeks before the window ÷ N × W/7 (its own baseline);
 *  - the window fires when it holds ≥ `minReports` reports AND more than expected × factor;
 *  - an episode starts at the first report of the first firing window and goes on while the key's
 *    reports keep coming less than W days apart; one episode = one alert (fires once).
 */
export interface ClusterSettings {
  clusterMinReports: number;
  clusterWindowDays: number;
  baselineWeeks: number;
  baselineFactor: number;
}

export interface KeyReport {
  id: number;
  onsetOn: string;
}

export interface Episode {
  episodeStart: string;
  windowStart: string;
  windowEnd: string;
  windowReports: number;
  expected: number;
  reportCount: number;
  lastOnsetOn: string;
  reportIds: number[];
}

export function findEpisodes(reports: readonly KeyReport[], s: ClusterSettings): Episode[] {
  const list = [...reports].sort((a, b) => (a.onsetOn < b.onsetOn ? -1 : a.onsetOn > b.onsetOn ? 1 : a.id - b.id));
  const W = s.clusterWindowDays;
  const out: Episode[] = [];
  let open: Episode | null = null;
  let lo = 0;
  for (let i = 0; i < list.length; i++) {
    const d = list[i].onsetOn;
    if (open && d <= addDays(open.lastOnsetOn, W - 1)) {
      open.reportCount++;
      open.lastOnsetOn = d;
      open.reportIds.push(list[i].id);
      continue;
    }
    open = null;
    // Reports of the same day all belong to the window: evaluate at the last one of the day.
    if (i + 1 < list.length && list[i + 1].onsetOn === d) continue;
    const windowStart = addDays(d, -(W - 1));
    while (list[lo].onsetOn < windowStart) lo++;
    const count = i - lo + 1;
    if (count < s.clusterMinReports) continue;
    const baseFrom = addDays(windowStart, -7 * s.baselineWeeks);
    let before = 0;
    for (let k = lo - 1; k >= 0 && list[k].onsetOn >= baseFrom; k--) before++;
    const expected = (before / s.baselineWeeks) * (W / 7);
    if (count <= expected * s.baselineFactor) continue;
    open = {
      episodeStart: list[lo].onsetOn,
      windowStart,
      windowEnd: d,
      windowReports: count,
      expected: Math.round(expected * 100) / 100,
      reportCount: count,
      lastOnsetOn: d,
      reportIds: list.slice(lo, i + 1).map((r) => r.id),
    };
    out.push(open);
  }
  return out;
}
