import { banLabel, type PenaltyCatalogue } from '../../../../contracts/cases.js';
import {
  citePenaltyArticle,
  fineRange,
  MITIGATION_REASON_KEYS,
  MITIGATION_REASONS,
  PENALTY_ARTICLE_KEYS,
  PENALTY_ARTICLES,
  PENALTY_KINDS,
  TIER_LABELS,
  type PenaltyArticle,
  type PersonLiability,
} from '../../../../contracts/penalty-articles.js';

const years = (y: number | 'life') => (y === 'life' ? '终身' : banLabel(y));
function ban(b: PersonLiability['ban']): string | null {
  if (b === null) return null;
  if (typeof b === 'number' || b === 'life') return years(b);
  return `${years(b[0])}至${years(b[1])}`;
}

/**
 * The penalty article table (罚则, contracts/penalty-articles.ts) for API clients: each article's
 * citation, wording, tiers with their penalty kinds, fine rule and 处罚到人; with `goodsValue`, each
 * tier's legal range for that value and its arithmetic (the same helper the decision is checked by).
 */
export function listPenaltyArticles(q: { goodsValue?: number }): PenaltyCatalogue {
  return {
    articles: PENALTY_ARTICLE_KEYS.map((key) => {
      const a: PenaltyArticle = PENALTY_ARTICLES[key];
      return {
        key,
        citation: citePenaltyArticle(key),
        law: a.law,
        article: a.article,
        part: a.part ?? null,
        violation: a.violation,
        wording: a.wording,
        pending: a.pending ?? null,
        tiers: a.tiers.map((t) => ({
          key: t.key,
          label: TIER_LABELS[t.key],
          kinds: t.kinds.map((k) => ({ key: k, label: PENALTY_KINDS[k] })),
          fine: t.fine.type === 'multiple' ? { ...t.fine, floor: t.fine.floor ?? null } : t.fine,
          person: t.person ? { basis: t.person.basis, min: t.person.min, max: t.person.max, ban: ban(t.person.ban) } : null,
          range: q.goodsValue === undefined ? null : fineRange(key, t.key, q.goodsValue),
        })),
      };
    }),
    mitigationReasons: MITIGATION_REASON_KEYS.map((key) => {
      const r = MITIGATION_REASONS[key];
      return { key, kinds: [...r.kinds], basis: r.basis, text: r.text };
    }),
  };
}
