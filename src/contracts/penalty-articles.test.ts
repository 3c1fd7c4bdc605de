import { describe, expect, it } from 'vitest';
import {
  checkFine,
  fineRange,
  LIFETIME_BAN_YEARS,
  PENALTY_ARTICLE_KEYS,
  PENALTY_ARTICLES,
  personRange,
  type PenaltyArticleKey,
  type TierKey,
} from './penalty-articles.js';

/**
 * The expected ranges written out by hand from the statute wording (not from the table's rules):
 * [article, tier, goods value, min, max]; null = no fine at that tier. Every article and tier is
 * here with a goods value under its floor/threshold and one above it.
 */
const EXPECTED: [PenaltyArticleKey, TierKey, number, number | null, number | null][] = [
  ['drug-law-115', 'base', 20_000, 1_500_000, 3_000_000], // 不足十万按十万: 10万×15, ×30
  ['drug-law-115', 'base', 200_000, 3_000_000, 6_000_000],
  ['drug-law-116', 'base', 5_000, 1_500_000, 3_000_000],
  ['drug-law-116', 'base', 150_000, 2_250_000, 4_500_000],
  ['drug-law-116', 'serious', 5_000, 1_500_000, 3_000_000],
  ['drug-law-116', 'serious', 300_000, 4_500_000, 9_000_000],
  ['drug-law-117-retail', 'base', 800, 100_000, 200_000], // 零售不足一万按一万
  ['drug-law-117-retail', 'base', 30_000, 300_000, 600_000],
  ['drug-law-117-retail', 'serious', 800, 100_000, 200_000],
  ['drug-law-117-retail', 'serious', 12_345.67, 123_456.7, 246_913.4],
  ['drug-law-117-wholesale', 'base', 30_000, 1_000_000, 2_000_000], // 批发不足十万按十万
  ['drug-law-117-wholesale', 'base', 120_000, 1_200_000, 2_400_000],
  ['drug-law-117-wholesale', 'serious', 1, 1_000_000, 2_000_000],
  ['drug-law-117-wholesale', 'serious', 500_000, 5_000_000, 10_000_000],
  ['drug-law-126', 'base', 10_000, null, null],
  ['drug-law-126', 'uncorrected', 10_000, 100_000, 500_000],
  ['drug-law-126', 'serious', 10_000, 500_000, 2_000_000],
  ['drug-law-129', 'base', 10_000, 100_000, 500_000], // 不足五万按五万: ×2, ×10
  ['drug-law-129', 'base', 80_000, 160_000, 800_000],
  ['drug-law-129', 'serious', 10_000, 500_000, 1_500_000], // ×10, ×30 of 5万
  ['drug-law-129', 'serious', 80_000, 800_000, 2_400_000],
  ['drug-law-130', 'base', 1_000, null, null],
  ['drug-law-130', 'serious', 1_000, null, null],
  ['drug-law-134-trade', 'base', 0, null, null],
  ['drug-law-134-trade', 'uncorrected', 0, 50_000, 500_000],
  ['device-reg-81', 'base', 9_999, 50_000, 150_000], // 不足1万: 5万–15万
  ['device-reg-81', 'base', 10_000, 150_000, 300_000], // 1万以上: 15–30倍
  ['device-reg-81', 'serious', 2_000, 50_000, 150_000],
  ['device-reg-81', 'serious', 40_000, 600_000, 1_200_000],
  ['device-reg-86', 'base', 3_000, 20_000, 50_000],
  ['device-reg-86', 'base', 10_000, 50_000, 200_000],
  ['device-reg-86', 'serious', 3_000, 20_000, 50_000],
  ['device-reg-86', 'serious', 25_000, 125_000, 500_000],
  ['device-reg-89', 'base', 0, null, null],
  ['device-reg-89', 'uncorrected', 0, 10_000, 100_000],
  ['device-reg-89', 'serious', 0, 10_000, 100_000],
  ['cosmetics-reg-59', 'base', 500, 50_000, 150_000],
  ['cosmetics-reg-59', 'base', 20_000, 300_000, 600_000],
  ['cosmetics-reg-59', 'serious', 500, 50_000, 150_000],
  ['cosmetics-reg-59', 'serious', 20_000, 300_000, 600_000],
  ['cosmetics-reg-60', 'base', 9_000, 10_000, 50_000],
  ['cosmetics-reg-60', 'base', 10_000, 50_000, 200_000],
  ['cosmetics-reg-60', 'serious', 9_000, 10_000, 50_000],
  ['cosmetics-reg-60', 'serious', 15_000, 75_000, 300_000],
  ['cosmetics-reg-61', 'base', 600, 10_000, 30_000],
  ['cosmetics-reg-61', 'base', 12_000, 36_000, 120_000],
  ['cosmetics-reg-61', 'serious', 600, 10_000, 30_000],
  ['cosmetics-reg-61', 'serious', 12_000, 36_000, 120_000],
  ['cosmetics-reg-62', 'base', 100, 10_000, 30_000],
  ['cosmetics-reg-62', 'serious', 100, 30_000, 50_000],
];

/** 处罚到人 by hand: [article, tier, income, min, max, banMin, banMax]; null = none at that tier. */
const PERSONS: [PenaltyArticleKey, TierKey, number, number | null, number | null, number | null, number | null][] = [
  ['drug-law-116', 'base', 100_000, 30_000, 300_000, LIFETIME_BAN_YEARS, LIFETIME_BAN_YEARS],
  ['drug-law-117-retail', 'base', 100_000, null, null, null, null], // 劣药: only when 情节严重 (第一百一十八条)
  ['drug-law-117-retail', 'serious', 50_000, 15_000, 150_000, LIFETIME_BAN_YEARS, LIFETIME_BAN_YEARS],
  ['drug-law-126', 'serious', 80_000, 8_000, 40_000, 10, LIFETIME_BAN_YEARS],
  ['drug-law-126', 'uncorrected', 80_000, null, null, null, null],
  ['device-reg-81', 'serious', 60_000, 18_000, 180_000, LIFETIME_BAN_YEARS, LIFETIME_BAN_YEARS],
  ['device-reg-86', 'serious', 60_000, 18_000, 120_000, 5, 5],
  ['device-reg-89', 'serious', 60_000, 10_000, 30_000, null, null],
  ['cosmetics-reg-59', 'serious', 100_000, 300_000, 500_000, LIFETIME_BAN_YEARS, LIFETIME_BAN_YEARS],
  ['cosmetics-reg-60', 'serious', 100_000, 100_000, 300_000, 10, 10],
  ['cosmetics-reg-61', 'serious', 100_000, 100_000, 200_000, 5, 5],
  ['cosmetics-reg-62', 'serious', 100_000, 10_000, 30_000, null, null],
  ['drug-law-115', 'base', 100_000, null, null, null, null],
];

describe('penalty article table', () => {
  it('has a hand-written case for every article and every tier', () => {
    const covered = new Set(EXPECTED.map(([k, t]) => `${k}/${t}`));
    for (const key of PENALTY_ARTICLE_KEYS) {
      for (const t of PENALTY_ARTICLES[key].tiers) expect(covered, `${key}/${t.key}`).toContain(`${key}/${t.key}`);
    }
  });

  it.each(EXPECTED)('%s %s, goods value %d → %s–%s', (key, tier, goods, min, max) => {
    const r = fineRange(key, tier, goods);
    if (min === null) {
      expect(r.applies).toBe(false);
      expect(checkFine(r, 1, null)).toHaveLength(1); // a fine where the tier has none is refused
      expect(checkFine(r, 0, null)).toEqual([]);
      return;
    }
    expect([r.min, r.max]).toEqual([min, max]);
    expect(r.lines.join('\n')).toContain('罚款幅度');
    expect(checkFine(r, min, null)).toEqual([]);
    expect(checkFine(r, max!, null)).toEqual([]);
    expect(checkFine(r, max! + 1, null)[0].message).toContain('超过法定上限');
    expect(checkFine(r, max! + 1, { kind: 'heavier', reason: 'drug137-repeat' })).toHaveLength(1); // 从重 stays inside
    expect(checkFine(r, min - 1, null)[0].message).toContain('低于法定下限');
    expect(checkFine(r, min - 1, { kind: 'lighter', reason: 'art32-1' })).toHaveLength(1); // 从轻 stays inside
    expect(checkFine(r, min - 1, { kind: 'reduced', reason: 'art32-1' })).toEqual([]); // 减轻 may go below
  });

  it('shows the floor in its arithmetic', () => {
    expect(fineRange('drug-law-115', 'base', 20_000).lines).toContain('货值金额20,000元不足100,000元，按100,000元计算');
    expect(fineRange('drug-law-117-retail', 'base', 800).lines.join('')).toContain('按10,000元计算');
    expect(fineRange('device-reg-81', 'base', 9_999).lines[0]).toContain('不足10,000元，处50,000元以上150,000元以下罚款');
  });

  it.each(PERSONS)('处罚到人 %s %s, income %d → %s–%s, ban %s–%s', (key, tier, income, min, max, banMin, banMax) => {
    const r = personRange(key, tier, income);
    if (min === null) return expect(r.applies).toBe(false);
    expect([r.min, r.max, r.banMin, r.banMax]).toEqual([min, max, banMin, banMax]);
  });

  it('refuses a reason of the wrong kind', () => {
    const r = fineRange('cosmetics-reg-62', 'base', 0);
    expect(checkFine(r, 5_000, { kind: 'reduced', reason: 'drug137-harm' })[0].path).toBe('mitigation.reason');
  });

  it('records the wording relied on for every article, and marks the unchecked figures', () => {
    for (const key of PENALTY_ARTICLE_KEYS) {
      const a = PENALTY_ARTICLES[key] as { wording: string; pending?: string };
      expect(a.wording.length, key).toBeGreaterThan(40);
    }
    expect(Object.values(PENALTY_ARTICLES).filter((a) => 'pending' in a).length).toBe(2);
  });
});
