import { describe, expect, it } from 'vitest';
import { addDays } from '../../../contracts/calendar.js';
import { adrDeadline } from '../../../contracts/adr.js';
import { findEpisodes, type KeyReport } from './cluster-engine.js';

const S = { clusterMinReports: 3, clusterWindowDays: 7, baselineWeeks: 8, baselineFactor: 2 };
let seq = 0;
const at = (...dates: string[]): KeyReport[] => dates.map((onsetOn) => ({ id: ++seq, onsetOn }));

describe('cluster engine', () => {
  it('fires on 3 reports within 7 days of a key with no history, not on 3 spread over 8 days', () => {
    const e = findEpisodes(at('2026-05-01', '2026-05-04', '2026-05-07'), S);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({
      episodeStart: '2026-05-01',
      windowStart: '2026-05-01',
      windowEnd: '2026-05-07',
      windowReports: 3,
      expected: 0,
    });
    expect(findEpisodes(at('2026-05-01', '2026-05-04', '2026-05-08'), S)).toEqual([]);
  });

  it('weighs the key’s own baseline: 1 a week before → expected 1, 3 > 2 fires; 2 a week → expected 2, 3 ≤ 4 does not', () => {
    const weekly = (perWeek: number) =>
      Array.from({ length: 8 }, (_, w) => Array.from({ length: perWeek }, (_, k) => addDays('2026-03-06', w * 7 + k))).flat();
    // Window 2026-05-01..07; the 8 weeks before: 2026-03-06..2026-04-30.
    const one = findEpisodes(at(...weekly(1), '2026-05-01', '2026-05-03', '2026-05-07'), S);
    expect(one.filter((e) => e.windowEnd >= '2026-05-01')).toHaveLength(1);
    expect(one.at(-1)).toMatchObject({ windowEnd: '2026-05-07', windowReports: 3, expected: 1 });
    const two = findEpisodes(at(...weekly(2), '2026-05-01', '2026-05-03', '2026-05-07'), S);
    expect(two.filter((e) => e.windowStart >= '2026-05-01')).toEqual([]);
  });

  it('keeps one episode while reports keep coming within the window, a new one after a gap of 7 days or more', () => {
    const e = findEpisodes(at('2026-06-01', '2026-06-02', '2026-06-03', '2026-06-05', '2026-06-11', '2026-06-17'), S);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ episodeStart: '2026-06-01', reportCount: 6, lastOnsetOn: '2026-06-17' });
    const later = findEpisodes(at('2026-06-01', '2026-06-02', '2026-06-03', '2026-06-20', '2026-06-21', '2026-06-22'), S);
    expect(later.map((x) => x.episodeStart)).toEqual(['2026-06-01', '2026-06-20']);
  });
});

describe('reporting deadlines (卫生部令第81号 第二十条), by hand', () => {
  const r = (o: Partial<Parameters<typeof adrDeadline>[0]>) =>
    adrDeadline({ seriousness: 'general', isNew: false, death: false, onsetOn: '2026-03-01', reportedOn: '2026-03-01', ...o });
  it('others within 30 days: onset 03-01 → due 03-31; reported 03-31 on time, 04-01 one day late', () => {
    expect(r({ reportedOn: '2026-03-31' })).toEqual({ rule: 'other', dueOn: '2026-03-31', late: false, daysLate: 0 });
    expect(r({ reportedOn: '2026-04-01' })).toEqual({ rule: 'other', dueOn: '2026-03-31', late: true, daysLate: 1 });
  });
  it('serious or new within 15 days: onset 03-01 → due 03-16', () => {
    expect(r({ seriousness: 'serious', reportedOn: '2026-03-16' })).toMatchObject({
      rule: 'serious_or_new',
      dueOn: '2026-03-16',
      late: false,
    });
    expect(r({ isNew: true, reportedOn: '2026-03-20' })).toMatchObject({ rule: 'serious_or_new', late: true, daysLate: 4 });
  });
  it('deaths at once (推定: the same or the next day): onset 02-28 → due 03-01', () => {
    expect(r({ death: true, seriousness: 'serious', onsetOn: '2026-02-28', reportedOn: '2026-03-01' })).toMatchObject({
      rule: 'death',
      dueOn: '2026-03-01',
      late: false,
    });
    expect(r({ death: true, seriousness: 'serious', onsetOn: '2026-02-28', reportedOn: '2026-03-02' })).toMatchObject({
      late: true,
      daysLate: 1,
    });
  });
});
