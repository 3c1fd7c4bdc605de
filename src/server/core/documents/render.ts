import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ImageModule from '@slosarek/docxtemplater-image-module-free';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { beijingDateTime } from '../../../contracts/calendar.js';
import { DOCUMENT_DATA, DOCUMENT_KINDS, FINDING_SEVERITIES, type DocumentData, type DocumentKind } from '../../../contracts/documents.js';
import { loadConfig } from '../../config.js';
import { AppError } from '../errors.js';

/** The templates shipped with the platform; a bureau's file of the same name in DATA_DIR/templates wins. */
export const BUNDLED_TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

export interface RenderOptions {
  /** DATA_DIR (default: the configured one); its `templates/` folder may hold a bureau's own templates. */
  dataDir?: string;
}

/** Which file renders `kind`: the bureau's override when present, else the bundled one. */
export function templatePath(kind: DocumentKind, opts: RenderOptions = {}): { file: string; override: boolean } {
  const name = `${DOCUMENT_KINDS[kind].template}.docx`;
  const own = path.join(opts.dataDir ?? loadConfig().dataDir, 'templates', name);
  if (existsSync(own)) return { file: own, override: true };
  return { file: path.join(BUNDLED_TEMPLATES, name), override: false };
}

/**
 * Render an official document as .docx bytes. The data is checked against the kind's contract
 * (400 VALIDATION with the issues); a template that cannot be read or filled is a 422
 * DOCUMENT_TEMPLATE_INVALID naming the template and what is wrong in it, never a 5xx.
 */
export function renderDocument<K extends DocumentKind>(kind: K, data: DocumentData<K>, opts: RenderOptions = {}): Buffer {
  const parsed = DOCUMENT_DATA[kind].safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'VALIDATION',
      `${DOCUMENT_KINDS[kind].label}内容有误：${issues.map((i) => `${i.path} ${i.message}`).join('；')}`,
      400,
      issues,
    );
  }
  const view = documentView(kind, parsed.data);
  const { file, override } = templatePath(kind, opts);
  const where = `${override ? '本单位' : '系统自带'}的“${DOCUMENT_KINDS[kind].label}”模板（${path.basename(file)}）`;
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    throw templateError(`${where}无法读取`);
  }
  let zip: PizZip;
  try {
    zip = new PizZip(content);
  } catch {
    throw templateError(`${where}不是有效的 Word（.docx）文件`);
  }
  try {
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      modules: [new ImageModule({ centered: false, fileType: 'docx', getImage: (v) => v as Uint8Array, getSize: signatureSize })],
      nullGetter: () => '',
      errorLogging: false,
    });
    doc.render(view);
    return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
  } catch (e) {
    throw templateError(`${where}有误：${explain(e)}`);
  }
}

function templateError(message: string) {
  return new AppError('DOCUMENT_TEMPLATE_INVALID', `${message}。请修正或删除该模板后重试`, 422);
}

/** docxtemplater's errors (one or a list) in Chinese, naming the tag. */
function explain(e: unknown): string {
  const err = e as { properties?: { id?: string; xtag?: string; errors?: unknown[] } };
  const list = err.properties?.errors?.length ? err.properties.errors : [e];
  const lines = list.slice(0, 5).map((x) => {
    const p = (x as typeof err).properties ?? {};
    const tag = p.xtag ?? '';
    switch (p.id) {
      case 'unclosed_tag':
        return `标签“{${tag}”缺少右花括号“}”`;
      case 'unopened_tag':
        return `“${tag}}”缺少左花括号“{”`;
      case 'duplicate_open_tag':
      case 'duplicate_close_tag':
        return `标签“${tag}”的花括号重复`;
      case 'unclosed_loop':
        return `“{#${tag}}”没有对应的结束标签“{/${tag}}”`;
      case 'unopened_loop':
        return `结束标签“{/${tag}}”没有对应的开始标签`;
      case 'closing_tag_does_not_match_opening_tag':
        return `开始标签与结束标签“${tag}”不匹配`;
      case 'filetype_not_identified':
        return '不是 Word 文档';
      default:
        return tag ? `标签“${tag}”无法处理` : '文件内容无法处理';
    }
  });
  return lines.join('；') + (list.length > 5 ? `（共${list.length}处）` : '');
}

/** A signature at most 48 px high and 200 px wide, keeping the PNG's proportions. */
function signatureSize(img: Uint8Array): [number, number] {
  const v = new DataView(img.buffer, img.byteOffset, img.byteLength);
  const w = v.getUint32(16);
  const h = v.getUint32(20);
  if (!w || !h) return [120, 48];
  const scale = Math.min(48 / h, 200 / w);
  return [Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale))];
}

// ---- views: the contract's data as the flat tags the templates use (DOCUMENT_TAGS) ----

/** The tags a template of `kind` receives (`DOCUMENT_TAGS` documents each) from checked data. */
export function documentView<K extends DocumentKind>(kind: K, data: Parsed<K>): Record<string, unknown> {
  return VIEWS[kind](data);
}

/** 2026-12-02 → 2026年12月2日 */
export function chineseDate(d: string | null | undefined): string {
  if (!d) return '';
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}
const chineseInstant = (t: string | null | undefined) => {
  if (!t) return '';
  const s = beijingDateTime(new Date(t));
  return `${chineseDate(s.slice(0, 10))} ${s.slice(11)}`;
};

type Parsed<K extends DocumentKind> = (typeof DOCUMENT_DATA)[K]['_output'];
type Unit = Parsed<'rectificationOrder'>['unit'];
type Finding = Parsed<'rectificationOrder'>['findings'][number];

const unitTags = (d: { number: string; bureauName: string; unit: Unit; findings: Finding[] }) => ({
  number: d.number,
  bureauName: d.bureauName,
  unitName: d.unit.name,
  unitAddress: d.unit.address ?? '',
  licenceNo: d.unit.licenceNo ?? '',
  creditCode: d.unit.creditCode ?? '',
  legalRepresentative: d.unit.legalRepresentative ?? '',
  findings: d.findings.map((f, i) => ({
    index: i + 1,
    // The template ends the sentence (after the legal basis, if any).
    description: f.description.replace(/[。；;.，,\s]+$/u, ''),
    severity: FINDING_SEVERITIES[f.severity],
    legalBasis: f.legalBasis ?? '',
  })),
  hasFindings: d.findings.length > 0,
});
const partyTags = (u: Unit) => ({
  unitName: u.name,
  unitAddress: u.address ?? '',
  creditCode: u.creditCode ?? '',
  legalRepresentative: u.legalRepresentative ?? '',
});
const numbered = (list: string[]) => list.map((text, i) => ({ index: i + 1, text }));
const letterTags = (d: Parsed<'rectificationOrder'> | Parsed<'warningLetter'>) => ({
  ...unitTags(d),
  inspectionDate: chineseDate(d.inspectionDate),
  rectificationDeadline: chineseDate(d.rectificationDeadline),
  issueDate: chineseDate(d.issueDate),
  contactName: d.contactName ?? '',
  contactPhone: d.contactPhone ?? '',
});

const VIEWS: { [K in DocumentKind]: (d: Parsed<K>) => Record<string, unknown> } = {
  inspectionRecord: (d) => ({
    ...unitTags(d),
    personPresentName: d.personPresent.name,
    personPresentTitle: d.personPresent.title ?? '',
    personPresentSignedAt: chineseInstant(d.personPresent.signedAt),
    personPresentSignature: d.personPresent.signature ?? null,
    personPresentSigned: !!d.personPresent.signature,
    date: chineseDate(d.date),
    startTime: d.startTime,
    endTime: d.endTime,
    place: d.place ?? d.unit.address ?? '',
    inspectors: d.inspectors.map((p) => ({
      name: p.name,
      badgeNo: p.badgeNo,
      signedAt: chineseInstant(p.signedAt),
      signature: p.signature ?? null,
      signed: !!p.signature,
    })),
    nonConformities: d.nonConformities.map((n, i) => ({ index: i + 1, item: n.item, note: n.note ?? '' })),
    hasNonConformities: d.nonConformities.length > 0,
    measures: numbered(d.measures),
    hasMeasures: d.measures.length > 0,
    rectificationDeadline: chineseDate(d.rectificationDeadline),
    unitOpinion: d.unitOpinion ?? '',
  }),
  rectificationOrder: (d) => ({ ...letterTags(d), orderBasis: d.orderBasis ?? '' }),
  warningLetter: (d) => ({ ...letterTags(d), requirements: numbered(d.requirements) }),
  assistLetter: (d) => ({
    number: d.number,
    bureauName: d.bureauName,
    counterpart: d.counterpart,
    subject: d.subject,
    content: d.content
      .split(/\n+/)
      .map((t) => t.trim())
      .filter(Boolean)
      .map((text) => ({ text })),
    dueDate: chineseDate(d.dueDate),
    issueDate: chineseDate(d.issueDate),
    contactName: d.contactName ?? '',
    contactPhone: d.contactPhone ?? '',
  }),
  caseFiling: (d) => ({
    number: d.number,
    bureauName: d.bureauName,
    ...partyTags(d.unit),
    procedure: d.procedure,
    source: d.source,
    violation: d.violation,
    facts: d.facts,
    violationDate: chineseDate(d.violationDate),
    discoveredOn: chineseDate(d.discoveredOn),
    goodsValue: d.goodsValue,
    persons: numbered(d.persons),
    hasPersons: d.persons.length > 0,
    proposer: d.proposer,
    proposedOn: chineseDate(d.proposedOn),
    approver: d.approver ?? '',
    approvedOn: chineseDate(d.approvedOn),
  }),
  penaltyDecision: (d) => ({
    number: d.number,
    bureauName: d.bureauName,
    ...partyTags(d.unit),
    caseNo: d.caseNo,
    filedOn: chineseDate(d.filedOn),
    facts: d.facts,
    basis: d.basis,
    reasoning: numbered(d.reasoning),
    penalties: numbered(d.penalties),
    persons: numbered(d.persons),
    hasPersons: d.persons.length > 0,
    decisionDate: chineseDate(d.decisionDate),
  }),
  referralLetter: (d) => ({
    number: d.number,
    bureauName: d.bureauName,
    policeUnit: d.policeUnit,
    ...partyTags(d.unit),
    caseNo: d.caseNo,
    facts: d.facts,
    reason: d.reason,
    issueDate: chineseDate(d.issueDate),
  }),
  typicalCase: (d) => ({
    reportingUnit: d.reportingUnit,
    reportDate: chineseDate(d.reportDate),
    title: d.title,
    violation: d.violation,
    investigation: d.investigation,
    productControl: d.productControl ?? '',
    result: d.result,
    hasDecision: !!d.decision,
    party: d.decision?.party ?? '',
    creditCode: d.decision?.creditCode ?? '',
    caseNo: d.decision?.caseNo ?? '',
    decisionNo: d.decision?.decisionNo ?? '',
    decidedOn: d.decision ? chineseDate(d.decision.decidedOn) : '',
    basis: d.decision?.basis ?? '',
    penalty: d.decision?.penalty ?? '',
    referral: d.decision?.referral ?? '',
  }),
  narrativeReport: (d) => ({
    reportingUnit: d.reportingUnit,
    recipient: d.recipient ?? '',
    hasRecipient: !!d.recipient,
    campaignName: d.campaignName,
    title: d.title,
    period: d.period ?? '',
    reportDate: chineseDate(d.reportDate),
    sections: d.sections.map((s, i) => ({
      number: CHINESE_NUMBERS[i] ?? String(i + 1),
      title: s.title,
      paragraphs: s.text
        .split(/\n+/)
        .map((text) => text.trim())
        .filter(Boolean)
        .map((text) => ({ text })),
    })),
    hasTable: !!d.table && d.table.rows.length > 0,
    tableTitle: d.table?.title ?? '',
    tablePeriod: d.table?.period ?? '',
    tableRows: d.table?.rows ?? [],
  }),
  samplingRecord: (d) => ({
    number: d.number,
    bureauName: d.bureauName,
    ...partyTags(d.unit),
    licenceNo: d.unit.licenceNo ?? '',
    source: d.source,
    category: d.category,
    productName: d.productName,
    specification: d.specification ?? '',
    batchNo: d.batchNo,
    manufacturer: d.manufacturer,
    quantity: d.quantity,
    sampledOn: chineseDate(d.sampledOn),
    samplers: d.samplers.map((name, i) => ({ index: i + 1, name })),
    samplerNames: d.samplers.join('、'),
    labName: d.labName ?? '',
    note: d.note ?? '',
  }),
};

const CHINESE_NUMBERS = '一二三四五六七八九十'
  .split('')
  .concat(['十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十']);
