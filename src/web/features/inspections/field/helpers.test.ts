import { describe, expect, it } from 'vitest';
import { basisOf } from './helpers.js';

describe('basisOf: the legal basis a new finding starts from', () => {
  it("cites the item's articles by law and article, not by their keys", () => {
    expect(basisOf({ articles: ['cosmetics-reg-59', 'cosmetics-reg-61'] })).toBe('《化妆品监督管理条例》第五十九条、第六十一条');
    expect(basisOf({ articles: 'cosmetics-reg-61' })).toBe('《化妆品监督管理条例》第六十一条');
  });

  it("prefers the item's own basis, keeps text the article table lacks, and gives nothing without either", () => {
    expect(basisOf({ basis: '《药品经营质量管理规范》第八十条', articles: ['cosmetics-reg-59'] })).toBe('《药品经营质量管理规范》第八十条');
    expect(basisOf({ articles: ['地方规定第三条'] })).toBe('地方规定第三条');
    expect(basisOf({})).toBeUndefined();
  });
});
