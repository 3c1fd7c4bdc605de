/**
 * Legal articles that checklist items may cite (`checklists[].sections[].items[].articles`), the one
 * source of the citation text: a checklist names an article by key and the text shown comes from
 * here, so an article is corrected in one place. Each entry says what the article covers, so a
 * checklist item cites it only for that (e.g. unregistered *special* cosmetics: 化妆品条例第五十九条;
 * unfiled *ordinary* cosmetics: 第六十一条). Statutes as in force in 2022–2024: 《药品管理法》(2019),
 * 《医疗器械监督管理条例》(国务院令第739号, 2021), 《化妆品监督管理条例》(国务院令第727号, 2020).
 */
export const LEGAL_ARTICLES = {
  'drug-law-115': { law: '《药品管理法》', article: '第一百一十五条', covers: '未取得药品经营许可证等销售药品' },
  'drug-law-129': { law: '《药品管理法》', article: '第一百二十九条', covers: '未从药品上市许可持有人或者具有药品生产、经营资格的企业购进药品' },
  'device-reg-81': { law: '《医疗器械监督管理条例》', article: '第八十一条', covers: '经营未取得注册证的第二类、第三类医疗器械；未经许可从事第三类医疗器械经营' },
  'device-reg-84': { law: '《医疗器械监督管理条例》', article: '第八十四条', covers: '经营未经备案的第一类医疗器械；经营第二类医疗器械应当备案但未备案' },
  'device-reg-86': { law: '《医疗器械监督管理条例》', article: '第八十六条', covers: '使用未依法注册的医疗器械；经营、使用无合格证明文件、过期、失效、淘汰的医疗器械' },
  'cosmetics-reg-59': { law: '《化妆品监督管理条例》', article: '第五十九条', covers: '生产经营或者进口未经注册的特殊化妆品' },
  'cosmetics-reg-61': { law: '《化妆品监督管理条例》', article: '第六十一条', covers: '上市销售、经营或者进口未备案的普通化妆品' },
} as const;
export type LegalArticleKey = keyof typeof LEGAL_ARTICLES;
export const LEGAL_ARTICLE_KEYS = Object.keys(LEGAL_ARTICLES) as [LegalArticleKey, ...LegalArticleKey[]];

/** “《化妆品监督管理条例》第五十九条、第六十一条”: articles of the same law joined. */
export function citeArticles(keys: readonly string[]): string {
  const byLaw = new Map<string, string[]>();
  for (const k of keys) {
    const a = LEGAL_ARTICLES[k as LegalArticleKey];
    if (!a) continue;
    byLaw.set(a.law, [...(byLaw.get(a.law) ?? []), a.article]);
  }
  return [...byLaw].map(([law, arts]) => `${law}${arts.join('、')}`).join('；');
}
