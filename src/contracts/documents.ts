import { z } from 'zod';
import { isoDate, optionalDate } from './calendar.js';
import { CONTROL_CHARACTERS } from './fields.js';

/**
 * Official documents (文书): the kinds the platform issues, their numbering, and the data each
 * template takes. Rendering is `server/core/documents` (docxtemplater over .docx templates a
 * bureau may replace); the tags a template may use are listed in `DOCUMENT_TAGS`.
 *
 * A document number is 发文机关代字 + 文书代字 + 〔year〕 + n + 号, e.g. 兴市监责改〔2026〕12号:
 * the bureau's abbreviation is data (table `document_issuers`), the kind's is below, `n` counts
 * per issuing unit, kind and Beijing calendar year.
 */
export const DOCUMENT_KINDS = {
  inspectionRecord: { label: '现场检查笔录', abbreviation: '笔录', template: 'inspection-record' },
  rectificationOrder: { label: '责令改正通知书', abbreviation: '责改', template: 'rectification-order' },
  warningLetter: { label: '告诫信', abbreviation: '告诫', template: 'warning-letter' },
  assistLetter: { label: '协查函', abbreviation: '协查', template: 'assist-letter' },
  caseFiling: { label: '立案审批表', abbreviation: '立', template: 'case-filing' },
  penaltyDecision: { label: '行政处罚决定书', abbreviation: '罚', template: 'penalty-decision' },
  referralLetter: { label: '涉嫌犯罪案件移送书', abbreviation: '移', template: 'referral-letter' },
  typicalCase: { label: '典型案例', abbreviation: '典', template: 'typical-case' },
  narrativeReport: { label: '报送报告', abbreviation: '报', template: 'narrative-report' },
  samplingRecord: { label: '抽样单', abbreviation: '抽', template: 'sampling-record' },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_KEYS = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];
export const documentKind = z.enum(DOCUMENT_KIND_KEYS);

/** An issuing organ's abbreviation (发文机关代字), e.g. 兴市监. */
export const issuerAbbreviation = z
  .string()
  .trim()
  .regex(/^[\p{Script=Han}A-Za-z0-9]{1,20}$/u, '发文机关代字须为1～20个汉字、字母或数字');

/** 兴市监 + 责改 + 2026 + 12 → 兴市监责改〔2026〕12号 */
export function documentNumberText(issuer: string, kind: DocumentKind, year: number, n: number): string {
  return `${issuer}${DOCUMENT_KINDS[kind].abbreviation}〔${year}〕${n}号`;
}

export { FINDING_SEVERITIES, type FindingSeverity } from './inspections.js';
import { FINDING_SEVERITIES, type FindingSeverity } from './inspections.js';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过${max}字`)
    .refine((s) => !CONTROL_CHARACTERS.test(s), '含有无效字符');
const optionalText = (max: number) => text(max).nullish();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式须为 HH:mm');
const instant = z.iso.datetime({ offset: true, error: '时间须为带时区的 ISO 8601 时间' });
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** PNG bytes of a handwritten signature (as a signature pad on a phone saves it). */
const signatureImage = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, '签名须为图片数据')
  .refine((b) => b.length >= 24 && PNG_MAGIC.every((x, i) => b[i] === x), '签名图片须为 PNG 格式')
  .refine((b) => b.length <= 2 * 1024 * 1024, '签名图片不能超过 2 MB');

/** Who signed and when; without an image the document leaves a line to sign by hand. */
export const signer = z.object({
  name: text(50),
  signedAt: instant.nullish(),
  signature: signatureImage.nullish(),
});
export const inspector = signer.extend({ badgeNo: optionalText(50) });

export const inspectedUnit = z.object({
  name: text(200),
  address: optionalText(300),
  licenceNo: optionalText(100),
  creditCode: optionalText(18),
  legalRepresentative: optionalText(50),
});

export const finding = z.object({
  description: text(1000),
  severity: z.enum(Object.keys(FINDING_SEVERITIES) as [FindingSeverity, ...FindingSeverity[]]),
  /** Legal basis: the provision violated, e.g. 《药品经营质量管理规范》第六十条. */
  legalBasis: optionalText(500),
});

/** 现场检查笔录 */
export const inspectionRecordData = z.object({
  number: text(50),
  bureauName: text(100),
  unit: inspectedUnit,
  /** The unit's person present during the inspection (also signs the record). */
  personPresent: signer.extend({ title: optionalText(50) }),
  date: isoDate,
  startTime: clock,
  endTime: clock,
  /** Where the inspection took place; the unit's address when absent. */
  place: optionalText(300),
  inspectors: z.array(inspector).min(1, '至少一名检查人员').max(10, '检查人员最多10名'),
  /** Checklist items found 不符合, with the inspector's note. */
  nonConformities: z.array(z.object({ item: text(500), note: optionalText(1000) })).max(200),
  findings: z.array(finding).max(100),
  /** Measures taken on site (e.g. 责令暂停销售, 查封扣押). */
  measures: z.array(text(500)).max(50),
  rectificationDeadline: optionalDate,
  /** The unit's comment on the record, e.g. 以上情况属实. */
  unitOpinion: optionalText(500),
});

/** 责令改正通知书 */
export const rectificationOrderData = z.object({
  number: text(50),
  bureauName: text(100),
  unit: inspectedUnit,
  inspectionDate: isoDate,
  findings: z.array(finding).min(1, '至少一项问题').max(100),
  /** The provision under which the order is made; the sentence omits it when absent. */
  orderBasis: optionalText(500),
  rectificationDeadline: isoDate,
  issueDate: isoDate,
  contactName: optionalText(50),
  contactPhone: optionalText(30),
});

/** 告诫信 */
export const warningLetterData = z.object({
  number: text(50),
  bureauName: text(100),
  unit: inspectedUnit,
  inspectionDate: isoDate,
  findings: z.array(finding).min(1, '至少一项问题').max(100),
  /** What the unit is told to do. */
  requirements: z.array(text(500)).min(1, '至少一项要求').max(50),
  rectificationDeadline: optionalDate,
  issueDate: isoDate,
  contactName: optionalText(50),
  contactPhone: optionalText(30),
});

/** 协查函: a request to another bureau to check facts for a clue or case. */
export const assistLetterData = z.object({
  number: text(50),
  bureauName: text(100),
  /** The bureau asked (addressee). */
  counterpart: text(200),
  subject: text(200),
  content: text(5000),
  dueDate: isoDate,
  issueDate: isoDate,
  contactName: optionalText(50),
  contactPhone: optionalText(30),
});

/** 抽样单 (its number is the record's 抽样单编号): the sample, the sampled unit, the samplers. */
export const samplingRecordData = z.object({
  number: text(50),
  bureauName: text(100),
  unit: inspectedUnit,
  /** 国家抽检 / 省（市）抽检 / 县（区）抽检, with the plan's name when it came from one. */
  source: text(300),
  category: text(50),
  productName: text(200),
  specification: optionalText(200),
  batchNo: text(100),
  manufacturer: text(200),
  quantity: text(50),
  sampledOn: isoDate,
  samplers: z.array(text(50)).min(1).max(10),
  labName: optionalText(200),
  note: optionalText(2000),
});

/** 立案审批表 (the case number is the document's number) */
export const caseFilingData = z.object({
  number: text(50),
  bureauName: text(100),
  unit: inspectedUnit,
  procedure: text(20),
  source: text(100),
  violation: text(200),
  facts: text(4000),
  violationDate: isoDate,
  discoveredOn: isoDate,
  goodsValue: text(50),
  persons: z.array(text(200)).max(20),
  proposer: text(50),
  proposedOn: isoDate,
  approver: optionalText(50),
  approvedOn: optionalDate,
});

/** 行政处罚决定书 */
export const penaltyDecisionData = z.object({
  number: text(50),
  bureauName: text(100),
  unit: inspectedUnit,
  caseNo: text(50),
  filedOn: isoDate,
  facts: text(4000),
  /** 违反了…的规定 / 依据…: the article cited. */
  basis: text(500),
  /** The range's arithmetic and the 裁量 reason, as the decision explains it. */
  reasoning: z.array(text(500)).max(20),
  penalties: z.array(text(500)).min(1, '至少一项处罚').max(20),
  persons: z.array(text(500)).max(20),
  decisionDate: isoDate,
});

/** 涉嫌犯罪案件移送书 */
export const referralLetterData = z.object({
  number: text(50),
  bureauName: text(100),
  policeUnit: text(100),
  unit: inspectedUnit,
  caseNo: text(50),
  facts: text(4000),
  reason: text(2000),
  issueDate: isoDate,
});

/** 典型案例 (seed 003 附件4 / seed 004 附件2 template) */
export const typicalCaseData = z.object({
  reportingUnit: text(100),
  reportDate: isoDate,
  title: text(200),
  violation: text(3000),
  investigation: text(3000),
  productControl: optionalText(3000),
  result: text(3000),
  /** The penalty decision attached (附：行政处罚决定书): party, numbers, basis, penalty, referral. */
  decision: z
    .object({
      party: text(200),
      creditCode: optionalText(30),
      caseNo: text(50),
      decisionNo: text(50),
      decidedOn: isoDate,
      basis: text(500),
      penalty: text(2000),
      referral: optionalText(500),
    })
    .nullish(),
});

/** 报送报告: a unit's narrative report (自查报告, 阶段/年度工作总结, 典型案例) with its sections and the submitted table. */
export const narrativeReportData = z.object({
  reportingUnit: text(100),
  recipient: optionalText(100),
  campaignName: text(200),
  title: text(200),
  /** The due date or period answered, in words. */
  period: optionalText(100),
  reportDate: isoDate,
  sections: z.array(z.object({ title: text(100), text: z.string().max(20_000) })).max(30),
  table: z
    .object({
      title: text(200),
      period: text(100),
      rows: z.array(z.object({ row: z.string().max(100), column: z.string().max(300), value: z.string().max(500) })).max(5000),
    })
    .nullish(),
});

export const DOCUMENT_DATA = {
  inspectionRecord: inspectionRecordData,
  rectificationOrder: rectificationOrderData,
  warningLetter: warningLetterData,
  assistLetter: assistLetterData,
  caseFiling: caseFilingData,
  penaltyDecision: penaltyDecisionData,
  referralLetter: referralLetterData,
  typicalCase: typicalCaseData,
  narrativeReport: narrativeReportData,
  samplingRecord: samplingRecordData,
} as const satisfies Record<DocumentKind, z.ZodType>;
export type DocumentData<K extends DocumentKind> = z.input<(typeof DOCUMENT_DATA)[K]>;
export type InspectionRecordData = z.input<typeof inspectionRecordData>;
export type RectificationOrderData = z.input<typeof rectificationOrderData>;
export type WarningLetterData = z.input<typeof warningLetterData>;
export type AssistLetterData = z.input<typeof assistLetterData>;
export type CaseFilingData = z.input<typeof caseFilingData>;
export type PenaltyDecisionData = z.input<typeof penaltyDecisionData>;
export type ReferralLetterData = z.input<typeof referralLetterData>;
export type TypicalCaseData = z.input<typeof typicalCaseData>;
export type NarrativeReportData = z.input<typeof narrativeReportData>;
export type SamplingRecordData = z.input<typeof samplingRecordData>;

/**
 * The tags a template may use (docxtemplater syntax: `{tag}`, loops/conditions `{#tag}…{/tag}`,
 * negation `{^tag}…{/tag}`, signature images `{%signature}` alone in a paragraph), with what
 * each holds. A bureau replacing a template picks from these; dates are already written out in
 * Chinese (2026年12月2日).
 */
const UNIT_TAGS = {
  number: '文书编号',
  bureauName: '执法机关名称',
  unitName: '被检查单位名称',
  unitAddress: '被检查单位地址',
  licenceNo: '许可证编号',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人（负责人）',
  findings: '问题列表（循环）：index 序号、description 问题、severity 严重程度、legalBasis 法律依据',
  hasFindings: '是否有问题（条件）',
} as const;
const LETTER_TAGS = {
  ...UNIT_TAGS,
  inspectionDate: '检查日期',
  rectificationDeadline: '整改期限',
  issueDate: '落款日期',
  contactName: '联系人',
  contactPhone: '联系电话',
} as const;
export const DOCUMENT_TAGS: Record<DocumentKind, Record<string, string>> = {
  inspectionRecord: {
    ...UNIT_TAGS,
    personPresentName: '现场负责人姓名',
    personPresentTitle: '现场负责人职务',
    personPresentSignedAt: '现场负责人签名时间',
    personPresentSignature: '现场负责人签名图片（{%personPresentSignature}）',
    personPresentSigned: '现场负责人有签名图片（条件）',
    date: '检查日期',
    startTime: '到场时间',
    endTime: '离场时间',
    place: '检查地点',
    inspectors: '检查人员（循环）：name 姓名、badgeNo 执法证号、signedAt 签名时间、signature 签名图片、signed 有签名图片（条件）',
    nonConformities: '不符合项（循环）：index 序号、item 检查项目、note 情况说明',
    hasNonConformities: '是否有不符合项（条件）',
    measures: '采取的措施（循环）：index 序号、text 内容',
    hasMeasures: '是否采取措施（条件）',
    rectificationDeadline: '整改期限',
    unitOpinion: '被检查单位意见',
  },
  rectificationOrder: { ...LETTER_TAGS, orderBasis: '责令改正的依据' },
  warningLetter: { ...LETTER_TAGS, requirements: '告诫要求（循环）：index 序号、text 内容' },
  assistLetter: {
    number: '文书编号',
    bureauName: '执法机关名称',
    counterpart: '被请求协查的单位',
    subject: '协查事项',
    content: '协查内容（段落循环）：text 内容',
    dueDate: '回复期限',
    issueDate: '落款日期',
    contactName: '联系人',
    contactPhone: '联系电话',
  },
  caseFiling: {
    number: '案件编号',
    bureauName: '执法机关名称',
    unitName: '当事人名称',
    unitAddress: '当事人地址',
    creditCode: '统一社会信用代码',
    legalRepresentative: '法定代表人（负责人）',
    procedure: '适用程序',
    source: '案件来源',
    violation: '违法类型',
    facts: '案情摘要',
    violationDate: '违法行为发生（终了）日期',
    discoveredOn: '发现日期',
    goodsValue: '货值金额',
    persons: '责任人（循环）：index 序号、text 内容',
    hasPersons: '是否有责任人（条件）',
    proposer: '承办人',
    proposedOn: '提请日期',
    approver: '批准人',
    approvedOn: '批准日期',
  },
  penaltyDecision: {
    number: '决定书文号',
    bureauName: '执法机关名称',
    unitName: '当事人名称',
    unitAddress: '当事人地址',
    creditCode: '统一社会信用代码',
    legalRepresentative: '法定代表人（负责人）',
    caseNo: '案件编号',
    filedOn: '立案日期',
    facts: '违法事实',
    basis: '处罚依据',
    reasoning: '裁量说明（循环）：index 序号、text 内容',
    penalties: '处罚内容（循环）：index 序号、text 内容',
    persons: '处罚到人（循环）：index 序号、text 内容',
    hasPersons: '是否处罚到人（条件）',
    decisionDate: '决定日期',
  },
  referralLetter: {
    number: '移送书文号',
    bureauName: '执法机关名称',
    policeUnit: '受移送公安机关',
    unitName: '当事人名称',
    unitAddress: '当事人地址',
    creditCode: '统一社会信用代码',
    legalRepresentative: '法定代表人（负责人）',
    caseNo: '案件编号',
    facts: '涉嫌犯罪事实',
    reason: '移送理由',
    issueDate: '移送日期',
  },
  typicalCase: {
    reportingUnit: '填报单位',
    reportDate: '填报日期',
    title: '案例标题',
    violation: '主要违法情形',
    investigation: '主要调查取证过程',
    productControl: '问题产品查控情况',
    result: '查办结果（法律依据、处罚结果、行刑衔接）',
    hasDecision: '附处罚决定书时为真（条件）',
    party: '当事人',
    creditCode: '当事人统一社会信用代码',
    caseNo: '案件编号',
    decisionNo: '处罚决定书文号',
    decidedOn: '处罚决定日期',
    basis: '处罚依据',
    penalty: '处罚内容',
    referral: '移送公安情况（未移送时为空）',
  },
  narrativeReport: {
    reportingUnit: '填报单位',
    recipient: '接收单位',
    hasRecipient: '有接收单位（条件）',
    campaignName: '专项行动名称',
    title: '报告标题',
    period: '报送期次',
    reportDate: '报送日期',
    sections: '各部分（循环）：number 序号（一、二…）、title 标题、paragraphs 段落（循环：text 内容）',
    hasTable: '附统计表（条件）',
    tableTitle: '统计表名称',
    tablePeriod: '统计期间',
    tableRows: '统计表各项（表格行循环）：row 项目、column 指标、value 数值',
  },
  samplingRecord: {
    number: '抽样单编号',
    bureauName: '执法机关名称',
    unitName: '被抽样单位名称',
    unitAddress: '被抽样单位地址',
    licenceNo: '许可证编号',
    creditCode: '统一社会信用代码',
    legalRepresentative: '法定代表人（负责人）',
    source: '抽样任务来源',
    category: '产品类别',
    productName: '样品名称',
    specification: '规格（型号）',
    batchNo: '批号',
    manufacturer: '标示生产企业',
    quantity: '抽样数量',
    sampledOn: '抽样日期',
    samplers: '抽样人员（循环）：index 序号、name 姓名',
    samplerNames: '抽样人员姓名（以“、”连接）',
    labName: '检验机构',
    note: '备注',
  },
};
