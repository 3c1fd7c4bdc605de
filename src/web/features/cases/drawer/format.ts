import dayjs from 'dayjs';
import { PENALTY_ARTICLES, type PenaltyArticle, type PenaltyArticleKey } from '../../../../contracts/penalty-articles.js';

/** Formatting shared by the case drawer's parts (the 元 amounts, days, times) and the article lookup. */
export const art = (k: PenaltyArticleKey): PenaltyArticle => PENALTY_ARTICLES[k];
export const yuan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
export const fmt = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
export const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const dj = (d: string | null | undefined) => (d ? dayjs(d) : undefined);

/** An action chosen in the drawer: on the case or on its referral, the route it goes through, whether a note is required. */
export type Act = { kind: 'case' | 'referral'; action: string; via: string; label: string; noteRequired: boolean };
