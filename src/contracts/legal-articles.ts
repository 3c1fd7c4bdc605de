/**
 * Legal articles that checklist items may cite (`checklists[].sections[].items[].articles`), the one
 * source of the citation text: a checklist names an article by key and the text shown comes from
 * here, so an article is corrected in one place. Each entry says what the article covers, so a
 * checklist item cites it only for that (e.g. unregistered *special* cosmetics: 化妆品条例第五十九条;
 * unfiled *ordinary* cosmetics: 第六十一条). Only articles whose number and subject are certain are listed;
 * a rule we could not pin to an article is cited in words (`basis`). Statutes as in force in 2022–2024: 《药品管理法》(2019),
 * 《医疗器械监督管理条例》(国务院令第739号, 2021), 《化妆品监督管理条例》(国务院令第727号, 2020).
 */
export const LEGAL_ARTICLES = {
  'drug-law-51': {
    law: '《药品管理法》',
    article: '第五十一条',
    covers: '从事药品批发、零售活动须取得药品经营许可证；无药品经营许可证的，不得经营药品',
  },
  'drug-law-53': { law: '《药品管理法》', article: '第五十三条', covers: '从事药品经营活动应当遵守药品经营质量管理规范' },
  'drug-law-55': {
    law: '《药品管理法》',
    article: '第五十五条',
    covers: '应当从药品上市许可持有人或者具有药品生产、经营资格的企业购进药品',
  },
  'drug-law-56': {
    law: '《药品管理法》',
    article: '第五十六条',
    covers: '药品经营企业购进药品，应当建立并执行进货检查验收制度，验证药品合格证明和其他标识',
  },
  'drug-law-57': { law: '《药品管理法》', article: '第五十七条', covers: '药品经营企业购销药品，应当有真实、完整的购销记录' },
  'drug-law-58': {
    law: '《药品管理法》',
    article: '第五十八条',
    covers: '零售药品准确无误并正确说明用法、用量和注意事项；调配处方应当经过核对；销售中药材标明产地；药师负责处方审核和调配',
  },
  'drug-law-59': {
    law: '《药品管理法》',
    article: '第五十九条',
    covers: '药品经营企业制定和执行药品保管制度，采取必要的冷藏、防冻、防潮、防虫、防鼠等措施；入库和出库执行检查制度',
  },
  'drug-law-61': {
    law: '《药品管理法》',
    article: '第六十一条',
    covers: '通过网络销售药品应当遵守药品经营的有关规定；疫苗、血液制品、麻醉药品、精神药品等国家实行特殊管理的药品不得在网络上销售',
  },
  'drug-law-69': {
    law: '《药品管理法》',
    article: '第六十九条',
    covers: '医疗机构应当配备依法经过资格认定的药师或者其他药学技术人员，负责药品管理、处方审核和调配、合理用药指导',
  },
  'drug-law-70': {
    law: '《药品管理法》',
    article: '第七十条',
    covers: '医疗机构购进药品，应当建立并执行进货检查验收制度，验证药品合格证明和其他标识',
  },
  'drug-law-71': {
    law: '《药品管理法》',
    article: '第七十一条',
    covers: '医疗机构应当有与所使用药品相适应的场所、设备、仓储设施和卫生环境，制定和执行药品保管制度',
  },
  'drug-law-81': { law: '《药品管理法》', article: '第八十一条', covers: '药品经营企业和医疗机构发现疑似不良反应的，应当及时报告' },
  'drug-law-98': {
    law: '《药品管理法》',
    article: '第九十八条',
    covers: '禁止销售、使用假药、劣药（以非药品冒充药品的为假药；超过有效期的为劣药）',
  },
  'drug-law-115': { law: '《药品管理法》', article: '第一百一十五条', covers: '未取得药品经营许可证等销售药品' },
  'drug-law-116': { law: '《药品管理法》', article: '第一百一十六条', covers: '生产、销售假药' },
  'drug-law-117': { law: '《药品管理法》', article: '第一百一十七条', covers: '生产、销售劣药' },
  'drug-law-122': {
    law: '《药品管理法》',
    article: '第一百二十二条',
    covers: '伪造、变造、出租、出借、非法买卖许可证或者药品批准证明文件',
  },
  'drug-law-126': { law: '《药品管理法》', article: '第一百二十六条', covers: '药品经营企业等未遵守药品经营质量管理规范等' },
  'drug-law-129': {
    law: '《药品管理法》',
    article: '第一百二十九条',
    covers: '未从药品上市许可持有人或者具有药品生产、经营资格的企业购进药品',
  },
  'drug-law-130': {
    law: '《药品管理法》',
    article: '第一百三十条',
    covers: '购销药品未按照规定进行记录，零售药品未正确说明用法、用量等事项，或者未按照规定调配处方',
  },
  'device-reg-40': {
    law: '《医疗器械监督管理条例》',
    article: '第四十条',
    covers: '从事医疗器械经营活动，应当有与经营规模和经营范围相适应的经营场所和贮存条件，以及质量管理制度和质量管理机构或者人员',
  },
  'device-reg-41': { law: '《医疗器械监督管理条例》', article: '第四十一条', covers: '从事第二类医疗器械经营的，应当备案' },
  'device-reg-42': { law: '《医疗器械监督管理条例》', article: '第四十二条', covers: '从事第三类医疗器械经营的，应当申请经营许可' },
  'device-reg-45': {
    law: '《医疗器械监督管理条例》',
    article: '第四十五条',
    covers:
      '从具备合法资质的供货者购进，查验供货者资质和合格证明文件，建立进货查验记录制度；第二类、第三类批发和第三类零售还应当建立销售记录制度',
  },
  'device-reg-81': {
    law: '《医疗器械监督管理条例》',
    article: '第八十一条',
    covers: '经营未取得注册证的第二类、第三类医疗器械；未经许可从事第三类医疗器械经营',
  },
  'device-reg-84': {
    law: '《医疗器械监督管理条例》',
    article: '第八十四条',
    covers: '经营未经备案的第一类医疗器械；经营第二类医疗器械应当备案但未备案',
  },
  'device-reg-86': {
    law: '《医疗器械监督管理条例》',
    article: '第八十六条',
    covers: '使用未依法注册的医疗器械；经营、使用无合格证明文件、过期、失效、淘汰的医疗器械',
  },
  'cosmetics-reg-31': {
    law: '《化妆品监督管理条例》',
    article: '第三十一条',
    covers: '化妆品经营者应当建立并执行进货查验记录制度，如实记录并保存相关凭证；不得自行配制化妆品',
  },
  'cosmetics-reg-59': { law: '《化妆品监督管理条例》', article: '第五十九条', covers: '生产经营或者进口未经注册的特殊化妆品' },
  'cosmetics-reg-60': {
    law: '《化妆品监督管理条例》',
    article: '第六十条',
    covers: '化妆品经营者擅自配制化妆品，或者经营变质、超过使用期限的化妆品',
  },
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
