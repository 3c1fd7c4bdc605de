/**
 * Penalty articles (罚则) as data, and the fine-range helper server and web share.
 *
 * Each entry is one penalty provision of 《药品管理法》(2019), 《医疗器械监督管理条例》(国务院令第739号) or
 * 《化妆品监督管理条例》(国务院令第727号): what it punishes, the penalty kinds and fine range of each tier
 * (一般, 逾期不改正, 情节严重), floors such as "货值金额不足十万元的，按十万元计算", and 处罚到人 (the
 * responsible persons' liability). `wording` is the statute text relied on (abridged to the penalty
 * part, with …); `pending` marks a figure not checked against the official text (shown as 待核 and
 * to be confirmed by the 法规股 before relying on it). Only articles whose number and subject are
 * certain are listed; nothing here is guessed from a neighbouring article.
 */

/** Penalty kinds a decision may contain (行政处罚法 第九条 words). */
export const PENALTY_KINDS = {
  warning: '警告',
  fine: '罚款',
  confiscate_goods: '没收违法生产经营的产品',
  confiscate_income: '没收违法所得',
  suspend: '责令停产停业',
  revoke: '吊销许可证件',
} as const;
export type PenaltyKind = keyof typeof PENALTY_KINDS;

/**
 * How a tier's fine is computed (amounts in 元):
 *  - none: no fine at this tier;
 *  - fixed: min–max 元;
 *  - multiple: min–max × 货值金额, a goods value under `floor` counted as `floor`;
 *  - tiered: goods value under `threshold` → `below` (元), else `above` (× 货值金额).
 */
export type FineRule =
  | { type: 'none' }
  | { type: 'fixed'; min: number; max: number }
  | { type: 'multiple'; min: number; max: number; floor?: number }
  | { type: 'tiered'; threshold: number; below: { min: number; max: number }; above: { min: number; max: number } };

/** 处罚到人: the responsible persons' liability at a tier. */
export interface PersonLiability {
  /** income: 没收违法行为发生期间自本单位所获收入, fine a multiple of it; lastYearIncome: fine a multiple of 上一年度从本单位取得收入; fixed: 元. */
  basis: 'income' | 'lastYearIncome' | 'fixed';
  min: number;
  max: number;
  /** Years of 从业禁止 (禁止从事…生产经营活动); 'life' = 终身; a range as [min, max] years; null = none. */
  ban: number | 'life' | readonly [number, number | 'life'] | null;
}

export const TIER_LABELS = { base: '一般情形', uncorrected: '逾期不改正（拒不改正）', serious: '情节严重' } as const;
export type TierKey = keyof typeof TIER_LABELS;

export interface PenaltyTier {
  key: TierKey;
  kinds: readonly PenaltyKind[];
  fine: FineRule;
  person?: PersonLiability;
}

export interface PenaltyArticle {
  law: string;
  article: string;
  /** 款/项 or the kind of party, when the article is split (e.g. 零售 vs 生产、批发). */
  part?: string;
  violation: string;
  /** The statute text relied on (penalty part). */
  wording: string;
  tiers: readonly PenaltyTier[];
  /** What is not confirmed against the official text (待核). */
  pending?: string;
}

const DRUG = '《药品管理法》';
const DEVICE = '《医疗器械监督管理条例》';
const COSMETICS = '《化妆品监督管理条例》';
const DRUG_118_PERSON: PersonLiability = { basis: 'income', min: 0.3, max: 3, ban: 'life' };

export const PENALTY_ARTICLES = {
  'drug-law-115': {
    law: DRUG,
    article: '第一百一十五条',
    violation: '未取得药品生产许可证、药品经营许可证或者医疗机构制剂许可证生产、销售药品',
    wording:
      '……责令关闭，没收违法生产、销售的药品和违法所得，并处违法生产、销售的药品（包括已售出和未售出的药品，下同）货值金额十五倍以上三十倍以下的罚款；货值金额不足十万元的，按十万元计算。',
    tiers: [
      {
        key: 'base',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine'],
        fine: { type: 'multiple', min: 15, max: 30, floor: 100_000 },
      },
    ],
  },
  'drug-law-116': {
    law: DRUG,
    article: '第一百一十六条',
    violation: '生产、销售假药',
    wording:
      '生产、销售假药的，没收违法生产、销售的药品和违法所得，责令停产停业整顿，吊销药品批准证明文件，并处违法生产、销售的药品货值金额十五倍以上三十倍以下的罚款；货值金额不足十万元的，按十万元计算；情节严重的，吊销药品生产许可证、药品经营许可证或者医疗机构制剂许可证，十年内不受理其相应申请……（处罚到人见第一百一十八条：没收违法行为发生期间自本单位所获收入，并处所获收入百分之三十以上三倍以下的罚款，终身禁止从事药品生产经营活动）',
    tiers: [
      {
        key: 'base',
        kinds: ['confiscate_goods', 'confiscate_income', 'suspend', 'fine'],
        fine: { type: 'multiple', min: 15, max: 30, floor: 100_000 },
        person: DRUG_118_PERSON,
      },
      {
        key: 'serious',
        kinds: ['confiscate_goods', 'confiscate_income', 'suspend', 'fine', 'revoke'],
        fine: { type: 'multiple', min: 15, max: 30, floor: 100_000 },
        person: DRUG_118_PERSON,
      },
    ],
  },
  'drug-law-117-retail': {
    law: DRUG,
    article: '第一百一十七条',
    part: '零售',
    violation: '销售劣药（违法零售）',
    wording:
      '生产、销售劣药的，没收违法生产、销售的药品和违法所得，并处违法生产、销售的药品货值金额十倍以上二十倍以下的罚款；违法生产、批发的药品货值金额不足十万元的，按十万元计算，违法零售的药品货值金额不足一万元的，按一万元计算；情节严重的，责令停产停业整顿直至吊销药品批准证明文件、药品生产许可证、药品经营许可证或者医疗机构制剂许可证。（情节严重的处罚到人见第一百一十八条）',
    tiers: [
      {
        key: 'base',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine'],
        fine: { type: 'multiple', min: 10, max: 20, floor: 10_000 },
      },
      {
        key: 'serious',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine', 'suspend', 'revoke'],
        fine: { type: 'multiple', min: 10, max: 20, floor: 10_000 },
        person: DRUG_118_PERSON,
      },
    ],
  },
  'drug-law-117-wholesale': {
    law: DRUG,
    article: '第一百一十七条',
    part: '生产、批发',
    violation: '生产、批发劣药',
    wording:
      '生产、销售劣药的，没收违法生产、销售的药品和违法所得，并处违法生产、销售的药品货值金额十倍以上二十倍以下的罚款；违法生产、批发的药品货值金额不足十万元的，按十万元计算……；情节严重的，责令停产停业整顿直至吊销药品批准证明文件、药品生产许可证、药品经营许可证或者医疗机构制剂许可证。（情节严重的处罚到人见第一百一十八条）',
    tiers: [
      {
        key: 'base',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine'],
        fine: { type: 'multiple', min: 10, max: 20, floor: 100_000 },
      },
      {
        key: 'serious',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine', 'suspend', 'revoke'],
        fine: { type: 'multiple', min: 10, max: 20, floor: 100_000 },
        person: DRUG_118_PERSON,
      },
    ],
  },
  'drug-law-126': {
    law: DRUG,
    article: '第一百二十六条',
    violation: '未遵守药品经营质量管理规范（GSP）等质量管理规范',
    wording:
      '……未遵守药品生产质量管理规范、药品经营质量管理规范……的，责令限期改正，给予警告；逾期不改正的，处十万元以上五十万元以下的罚款；情节严重的，处五十万元以上二百万元以下的罚款，责令停产停业整顿直至吊销药品批准证明文件、药品生产许可证、药品经营许可证等……对法定代表人、主要负责人、直接负责的主管人员和其他责任人员，没收违法行为发生期间自本单位所获收入，并处所获收入百分之十以上百分之五十以下的罚款，十年直至终身禁止从事药品生产经营等活动。',
    tiers: [
      { key: 'base', kinds: ['warning'], fine: { type: 'none' } },
      { key: 'uncorrected', kinds: ['fine'], fine: { type: 'fixed', min: 100_000, max: 500_000 } },
      {
        key: 'serious',
        kinds: ['fine', 'suspend', 'revoke'],
        fine: { type: 'fixed', min: 500_000, max: 2_000_000 },
        person: { basis: 'income', min: 0.1, max: 0.5, ban: [10, 'life'] },
      },
    ],
  },
  'drug-law-129': {
    law: DRUG,
    article: '第一百二十九条',
    violation: '未从药品上市许可持有人或者具有药品生产、经营资格的企业购进药品',
    wording:
      '……责令改正，没收违法购进的药品和违法所得，并处违法购进药品货值金额二倍以上十倍以下的罚款；情节严重的，并处货值金额十倍以上三十倍以下的罚款，吊销药品批准证明文件、药品生产许可证、药品经营许可证或者医疗机构执业许可证；货值金额不足五万元的，按五万元计算。',
    tiers: [
      { key: 'base', kinds: ['confiscate_goods', 'confiscate_income', 'fine'], fine: { type: 'multiple', min: 2, max: 10, floor: 50_000 } },
      {
        key: 'serious',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine', 'revoke'],
        fine: { type: 'multiple', min: 10, max: 30, floor: 50_000 },
      },
    ],
  },
  'drug-law-130': {
    law: DRUG,
    article: '第一百三十条',
    violation: '购销药品未按照规定进行记录，零售药品未正确说明用法、用量等事项，或者未按照规定调配处方',
    wording:
      '违反本法规定，药品经营企业购销药品未按照规定进行记录，零售药品未正确说明用法、用量等事项，或者未按照规定调配处方的，责令改正，给予警告；情节严重的，吊销药品经营许可证。',
    tiers: [
      { key: 'base', kinds: ['warning'], fine: { type: 'none' } },
      { key: 'serious', kinds: ['revoke'], fine: { type: 'none' } },
    ],
  },
  'drug-law-134-trade': {
    law: DRUG,
    article: '第一百三十四条',
    part: '药品经营企业',
    violation: '药品经营企业未按照规定报告疑似药品不良反应',
    wording:
      '……药品经营企业未按照规定报告疑似药品不良反应的，责令限期改正，给予警告；逾期不改正的，责令停产停业整顿，并处五万元以上五十万元以下的罚款。',
    tiers: [
      { key: 'base', kinds: ['warning'], fine: { type: 'none' } },
      { key: 'uncorrected', kinds: ['suspend', 'fine'], fine: { type: 'fixed', min: 50_000, max: 500_000 } },
    ],
  },
  'device-reg-81': {
    law: DEVICE,
    article: '第八十一条',
    violation: '生产、经营未取得医疗器械注册证的第二类、第三类医疗器械；未经许可从事第三类医疗器械经营活动',
    wording:
      '……没收违法所得、违法生产经营的医疗器械和用于违法生产经营的工具、设备、原材料等物品；违法生产经营的医疗器械货值金额不足1万元的，并处5万元以上15万元以下罚款；货值金额1万元以上的，并处货值金额15倍以上30倍以下罚款；情节严重的，责令停产停业，10年内不受理相关责任人以及单位提出的医疗器械许可申请，对违法单位的法定代表人、主要负责人、直接负责的主管人员和其他责任人员，没收违法行为发生期间自本单位所获收入，并处所获收入30%以上3倍以下罚款，终身禁止其从事医疗器械生产经营活动。',
    tiers: [
      {
        key: 'base',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine'],
        fine: { type: 'tiered', threshold: 10_000, below: { min: 50_000, max: 150_000 }, above: { min: 15, max: 30 } },
      },
      {
        key: 'serious',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine', 'suspend'],
        fine: { type: 'tiered', threshold: 10_000, below: { min: 50_000, max: 150_000 }, above: { min: 15, max: 30 } },
        person: { basis: 'income', min: 0.3, max: 3, ban: 'life' },
      },
    ],
  },
  'device-reg-86': {
    law: DEVICE,
    article: '第八十六条',
    violation:
      '经营、使用不符合强制性标准或者经注册、备案的产品技术要求的医疗器械；经营、使用无合格证明文件、过期、失效、淘汰的医疗器械，或者使用未依法注册的医疗器械',
    wording:
      '……责令改正，没收违法生产经营使用的医疗器械；违法生产经营使用的医疗器械货值金额不足1万元的，并处2万元以上5万元以下罚款；货值金额1万元以上的，并处货值金额5倍以上20倍以下罚款；情节严重的，责令停产停业，直至由原发证部门吊销医疗器械注册证、医疗器械生产许可证、医疗器械经营许可证，对违法单位的法定代表人、主要负责人、直接负责的主管人员和其他责任人员，没收违法行为发生期间自本单位所获收入，并处所获收入30%以上2倍以下罚款，5年内禁止其从事医疗器械生产经营活动。',
    pending: '情节严重时处罚到人的幅度（所获收入30%以上2倍以下、5年内禁止）待核',
    tiers: [
      {
        key: 'base',
        kinds: ['confiscate_goods', 'fine'],
        fine: { type: 'tiered', threshold: 10_000, below: { min: 20_000, max: 50_000 }, above: { min: 5, max: 20 } },
      },
      {
        key: 'serious',
        kinds: ['confiscate_goods', 'fine', 'suspend', 'revoke'],
        fine: { type: 'tiered', threshold: 10_000, below: { min: 20_000, max: 50_000 }, above: { min: 5, max: 20 } },
        person: { basis: 'income', min: 0.3, max: 2, ban: 5 },
      },
    ],
  },
  'device-reg-89': {
    law: DEVICE,
    article: '第八十九条',
    violation: '医疗器械经营企业、使用单位未依照规定建立并执行医疗器械进货查验记录制度；经营企业未依照规定建立并执行销售记录制度等',
    wording:
      '……责令改正，给予警告；拒不改正的，处1万元以上10万元以下罚款；情节严重的，责令停产停业，直至由原发证部门吊销医疗器械注册证、医疗器械生产许可证、医疗器械经营许可证，对违法单位的法定代表人、主要负责人、直接负责的主管人员和其他责任人员处1万元以上3万元以下罚款。',
    pending: '拒不改正的罚款幅度（1万元以上10万元以下）与情节严重时处罚到人的幅度（1万元以上3万元以下）待核',
    tiers: [
      { key: 'base', kinds: ['warning'], fine: { type: 'none' } },
      { key: 'uncorrected', kinds: ['fine'], fine: { type: 'fixed', min: 10_000, max: 100_000 } },
      {
        key: 'serious',
        kinds: ['fine', 'suspend', 'revoke'],
        fine: { type: 'fixed', min: 10_000, max: 100_000 },
        person: { basis: 'fixed', min: 10_000, max: 30_000, ban: null },
      },
    ],
  },
  'cosmetics-reg-59': {
    law: COSMETICS,
    article: '第五十九条',
    violation: '生产经营或者进口未经注册的特殊化妆品；未经许可从事化妆品生产活动；使用禁用原料、非法添加等',
    wording:
      '……没收违法所得、违法生产经营的化妆品和专门用于违法生产经营的原料、包装材料、工具、设备等物品；违法生产经营的化妆品货值金额不足1万元的，并处5万元以上15万元以下罚款；货值金额1万元以上的，并处货值金额15倍以上30倍以下罚款；情节严重的，责令停产停业、由备案部门取消备案或者由原发证部门吊销化妆品许可证件，10年内不予办理其提出的化妆品备案或者受理其提出的化妆品行政许可申请，对违法单位的法定代表人或者主要负责人、直接负责的主管人员和其他直接责任人员处以其上一年度从本单位取得收入的3倍以上5倍以下罚款，终身禁止其从事化妆品生产经营活动。',
    tiers: [
      {
        key: 'base',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine'],
        fine: { type: 'tiered', threshold: 10_000, below: { min: 50_000, max: 150_000 }, above: { min: 15, max: 30 } },
      },
      {
        key: 'serious',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine', 'suspend', 'revoke'],
        fine: { type: 'tiered', threshold: 10_000, below: { min: 50_000, max: 150_000 }, above: { min: 15, max: 30 } },
        person: { basis: 'lastYearIncome', min: 3, max: 5, ban: 'life' },
      },
    ],
  },
  'cosmetics-reg-60': {
    law: COSMETICS,
    article: '第六十条',
    violation: '化妆品经营者擅自配制化妆品，或者经营变质、超过使用期限的化妆品等',
    wording:
      '……没收违法所得、违法生产经营的化妆品和专门用于违法生产经营的原料、包装材料、工具、设备等物品；违法生产经营的化妆品货值金额不足1万元的，并处1万元以上5万元以下罚款；货值金额1万元以上的，并处货值金额5倍以上20倍以下罚款；情节严重的，责令停产停业、由备案部门取消备案或者由原发证部门吊销化妆品许可证件，对违法单位的法定代表人或者主要负责人、直接负责的主管人员和其他直接责任人员处以其上一年度从本单位取得收入的1倍以上3倍以下罚款，10年内禁止其从事化妆品生产经营活动。',
    tiers: [
      {
        key: 'base',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine'],
        fine: { type: 'tiered', threshold: 10_000, below: { min: 10_000, max: 50_000 }, above: { min: 5, max: 20 } },
      },
      {
        key: 'serious',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine', 'suspend', 'revoke'],
        fine: { type: 'tiered', threshold: 10_000, below: { min: 10_000, max: 50_000 }, above: { min: 5, max: 20 } },
        person: { basis: 'lastYearIncome', min: 1, max: 3, ban: 10 },
      },
    ],
  },
  'cosmetics-reg-61': {
    law: COSMETICS,
    article: '第六十一条',
    violation: '上市销售、经营或者进口未备案的普通化妆品等',
    wording:
      '……没收违法所得、违法生产经营的化妆品，并可以没收专门用于违法生产经营的原料、包装材料、工具、设备等物品；违法生产经营的化妆品货值金额不足1万元的，并处1万元以上3万元以下罚款；货值金额1万元以上的，并处货值金额3倍以上10倍以下罚款；情节严重的，责令停产停业、由备案部门取消备案或者由原发证部门吊销化妆品许可证件，对违法单位的法定代表人或者主要负责人、直接负责的主管人员和其他直接责任人员处以其上一年度从本单位取得收入的1倍以上2倍以下罚款，5年内禁止其从事化妆品生产经营活动。',
    tiers: [
      {
        key: 'base',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine'],
        fine: { type: 'tiered', threshold: 10_000, below: { min: 10_000, max: 30_000 }, above: { min: 3, max: 10 } },
      },
      {
        key: 'serious',
        kinds: ['confiscate_goods', 'confiscate_income', 'fine', 'suspend', 'revoke'],
        fine: { type: 'tiered', threshold: 10_000, below: { min: 10_000, max: 30_000 }, above: { min: 3, max: 10 } },
        person: { basis: 'lastYearIncome', min: 1, max: 2, ban: 5 },
      },
    ],
  },
  'cosmetics-reg-62': {
    law: COSMETICS,
    article: '第六十二条',
    violation: '未依照规定建立并执行进货查验记录制度、产品销售记录制度；未依照规定贮存、运输化妆品等',
    wording:
      '……责令改正，给予警告，并处1万元以上3万元以下罚款；情节严重的，责令停产停业，并处3万元以上5万元以下罚款，对违法单位的法定代表人或者主要负责人、直接负责的主管人员和其他直接责任人员处1万元以上3万元以下罚款。',
    tiers: [
      { key: 'base', kinds: ['warning', 'fine'], fine: { type: 'fixed', min: 10_000, max: 30_000 } },
      {
        key: 'serious',
        kinds: ['fine', 'suspend'],
        fine: { type: 'fixed', min: 30_000, max: 50_000 },
        person: { basis: 'fixed', min: 10_000, max: 30_000, ban: null },
      },
    ],
  },
} as const satisfies Record<string, PenaltyArticle>;

export type PenaltyArticleKey = keyof typeof PENALTY_ARTICLES;
export const PENALTY_ARTICLE_KEYS = Object.keys(PENALTY_ARTICLES) as [PenaltyArticleKey, ...PenaltyArticleKey[]];

/** 《药品管理法》第一百一十五条（零售） */
export function citePenaltyArticle(key: PenaltyArticleKey): string {
  const a: PenaltyArticle = PENALTY_ARTICLES[key];
  return `${a.law}${a.article}${a.part ? `（${a.part}）` : ''}`;
}

/**
 * Reasons to depart from the ordinary range (行政处罚法 2021): 第三十二条 从轻或者减轻 (减轻 = below the
 * minimum), 《药品管理法》第一百三十七条 从重 (within the range: never above the maximum). 不予处罚
 * (第三十三条) is the case's 不予处罚 outcome, not a reduced fine.
 */
export const MITIGATION_KINDS = { lighter: '从轻处罚', reduced: '减轻处罚', heavier: '从重处罚' } as const;
export type MitigationKind = keyof typeof MITIGATION_KINDS;
export const MITIGATION_REASONS = {
  'art32-1': { kinds: ['lighter', 'reduced'], basis: '《行政处罚法》第三十二条第（一）项', text: '主动消除或者减轻违法行为危害后果的' },
  'art32-2': { kinds: ['lighter', 'reduced'], basis: '《行政处罚法》第三十二条第（二）项', text: '受他人胁迫或者诱骗实施违法行为的' },
  'art32-3': { kinds: ['lighter', 'reduced'], basis: '《行政处罚法》第三十二条第（三）项', text: '主动供述行政机关尚未掌握的违法行为的' },
  'art32-4': { kinds: ['lighter', 'reduced'], basis: '《行政处罚法》第三十二条第（四）项', text: '配合行政机关查处违法行为有立功表现的' },
  'art32-5': {
    kinds: ['lighter', 'reduced'],
    basis: '《行政处罚法》第三十二条第（五）项',
    text: '法律、法规、规章规定其他应当从轻或者减轻行政处罚的',
  },
  'drug137-children': {
    kinds: ['heavier'],
    basis: '《药品管理法》第一百三十七条',
    text: '生产、销售以孕产妇、儿童为主要使用对象的假药、劣药',
  },
  'drug137-harm': { kinds: ['heavier'], basis: '《药品管理法》第一百三十七条', text: '生产、销售假药、劣药，造成人身伤害后果' },
  'drug137-repeat': { kinds: ['heavier'], basis: '《药品管理法》第一百三十七条', text: '生产、销售假药、劣药，经处理后再犯' },
  'drug137-obstruct': {
    kinds: ['heavier'],
    basis: '《药品管理法》第一百三十七条',
    text: '拒绝、逃避监督检查，伪造、销毁、隐匿有关证据材料，或者擅自动用查封、扣押物品',
  },
} as const satisfies Record<string, { kinds: readonly MitigationKind[]; basis: string; text: string }>;
export type MitigationReason = keyof typeof MITIGATION_REASONS;
export const MITIGATION_REASON_KEYS = Object.keys(MITIGATION_REASONS) as [MitigationReason, ...MitigationReason[]];

const yuan = (n: number) => `${round2(n).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
const times = (n: number) => (n < 1 ? `${Math.round(n * 100)}%` : `${n}倍`);
export const round2 = (n: number) => Math.round(n * 100) / 100;

export interface FineRange {
  /** Whether the tier has a fine at all. */
  applies: boolean;
  min: number;
  max: number;
  /** The arithmetic in Chinese, one step a line. */
  lines: string[];
}

/** The legal fine range of an article's tier for a goods value (货值金额, 元), with its arithmetic. */
export function fineRange(key: PenaltyArticleKey, tier: TierKey, goodsValue: number): FineRange {
  const a: PenaltyArticle = PENALTY_ARTICLES[key];
  const t = a.tiers.find((x) => x.key === tier);
  const cite = citePenaltyArticle(key);
  if (!t) return { applies: false, min: 0, max: 0, lines: [`${cite}没有“${TIER_LABELS[tier]}”的罚则`] };
  const head = `${cite}（${TIER_LABELS[tier]}）`;
  const f = t.fine;
  switch (f.type) {
    case 'none':
      return { applies: false, min: 0, max: 0, lines: [`${head}：不设罚款（${t.kinds.map((k) => PENALTY_KINDS[k]).join('、')}）`] };
    case 'fixed':
      return {
        applies: true,
        min: f.min,
        max: f.max,
        lines: [`${head}：处${yuan(f.min)}以上${yuan(f.max)}以下罚款`, `罚款幅度：${yuan(f.min)}～${yuan(f.max)}`],
      };
    case 'multiple': {
      const lines = [`${head}：处货值金额${times(f.min)}以上${times(f.max)}以下罚款`];
      let base = goodsValue;
      if (f.floor !== undefined && goodsValue < f.floor) {
        base = f.floor;
        lines.push(`货值金额${yuan(goodsValue)}不足${yuan(f.floor)}，按${yuan(f.floor)}计算`);
      } else lines.push(`货值金额${yuan(goodsValue)}`);
      const min = round2(base * f.min);
      const max = round2(base * f.max);
      lines.push(
        `${yuan(base)} × ${f.min} = ${yuan(min)}；${yuan(base)} × ${f.max} = ${yuan(max)}`,
        `罚款幅度：${yuan(min)}～${yuan(max)}`,
      );
      return { applies: true, min, max, lines };
    }
    case 'tiered': {
      if (goodsValue < f.threshold) {
        return {
          applies: true,
          min: f.below.min,
          max: f.below.max,
          lines: [
            `${head}：货值金额${yuan(goodsValue)}不足${yuan(f.threshold)}，处${yuan(f.below.min)}以上${yuan(f.below.max)}以下罚款`,
            `罚款幅度：${yuan(f.below.min)}～${yuan(f.below.max)}`,
          ],
        };
      }
      const min = round2(goodsValue * f.above.min);
      const max = round2(goodsValue * f.above.max);
      return {
        applies: true,
        min,
        max,
        lines: [
          `${head}：货值金额${yuan(goodsValue)}在${yuan(f.threshold)}以上，处货值金额${times(f.above.min)}以上${times(f.above.max)}以下罚款`,
          `${yuan(goodsValue)} × ${f.above.min} = ${yuan(min)}；${yuan(goodsValue)} × ${f.above.max} = ${yuan(max)}`,
          `罚款幅度：${yuan(min)}～${yuan(max)}`,
        ],
      };
    }
  }
}

const banText = (ban: PersonLiability['ban']) =>
  ban === null
    ? null
    : ban === 'life'
      ? '终身禁止从业'
      : typeof ban === 'number'
        ? `${ban}年内禁止从业`
        : `${ban[0]}年直至${ban[1] === 'life' ? '终身' : `${ban[1]}年`}禁止从业`;

export interface PersonRange extends FineRange {
  /** 从业禁止: minimum years (99 = 终身), maximum years (99 = 终身), or null. */
  banMin: number | null;
  banMax: number | null;
}
export const LIFETIME_BAN_YEARS = 99;

/** 处罚到人 at an article's tier: the fine range for a person's income (元) and the 从业禁止 span. */
export function personRange(key: PenaltyArticleKey, tier: TierKey, income: number): PersonRange {
  const a: PenaltyArticle = PENALTY_ARTICLES[key];
  const p = a.tiers.find((x) => x.key === tier)?.person;
  const cite = citePenaltyArticle(key);
  if (!p) return { applies: false, min: 0, max: 0, banMin: null, banMax: null, lines: [`${cite}（${TIER_LABELS[tier]}）：不设处罚到人`] };
  const y = (v: number | 'life') => (v === 'life' ? LIFETIME_BAN_YEARS : v);
  const [banMin, banMax] =
    p.ban === null
      ? [null, null]
      : Array.isArray(p.ban)
        ? [y(p.ban[0]), y(p.ban[1])]
        : [y(p.ban as number | 'life'), y(p.ban as number | 'life')];
  const ban = banText(p.ban);
  const head = `${cite}（${TIER_LABELS[tier]}）处罚到人`;
  if (p.basis === 'fixed') {
    return {
      applies: true,
      min: p.min,
      max: p.max,
      banMin,
      banMax,
      lines: [`${head}：处${yuan(p.min)}以上${yuan(p.max)}以下罚款${ban ? `，${ban}` : ''}`],
    };
  }
  const what = p.basis === 'income' ? '违法行为发生期间自本单位所获收入' : '上一年度从本单位取得收入';
  const min = round2(income * p.min);
  const max = round2(income * p.max);
  return {
    applies: true,
    min,
    max,
    banMin,
    banMax,
    lines: [
      `${head}：${p.basis === 'income' ? `没收${what}，并处` : '处'}${what}${times(p.min)}以上${times(p.max)}以下罚款${ban ? `，${ban}` : ''}`,
      `${yuan(income)} × ${p.min} = ${yuan(min)}；${yuan(income)} × ${p.max} = ${yuan(max)}`,
      `罚款幅度：${yuan(min)}～${yuan(max)}`,
    ],
  };
}

export interface RangeIssue {
  path: string;
  message: string;
}

/**
 * Check a fine against the range: below the minimum only with 减轻处罚 and a listed reason; above the
 * maximum never (从重 stays within the range); a reason must belong to its kind.
 */
export function checkFine(
  range: FineRange,
  fine: number,
  mitigation: { kind: MitigationKind; reason: MitigationReason } | null | undefined,
  path = 'fine',
): RangeIssue[] {
  if (mitigation && !(MITIGATION_REASONS[mitigation.reason].kinds as readonly string[]).includes(mitigation.kind))
    return [
      {
        path: 'mitigation.reason',
        message: `“${MITIGATION_REASONS[mitigation.reason].text}”不是${MITIGATION_KINDS[mitigation.kind]}的情形`,
      },
    ];
  if (!range.applies) return fine > 0 ? [{ path, message: '所选罚则在该情形下不设罚款' }] : [];
  if (fine > range.max) return [{ path, message: `罚款${yuan(fine)}超过法定上限${yuan(range.max)}（从重处罚也不得超过幅度）` }];
  if (fine < range.min && mitigation?.kind !== 'reduced')
    return [{ path, message: `罚款${yuan(fine)}低于法定下限${yuan(range.min)}，须有减轻处罚情形（《行政处罚法》第三十二条）` }];
  return [];
}
