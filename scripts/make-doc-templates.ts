/**
 * Writes the bundled document templates, src/server/core/documents/templates/<name>.docx, from the
 * layouts below (the `docx` package), so a template change is reviewed as code. The tags inside
 * (`{unitName}`, loops `{#findings}…{/findings}`, images `{%signature}`) are filled by
 * docxtemplater at render time; `DOCUMENT_TAGS` in src/contracts/documents.ts lists them all.
 * The output is byte-for-byte reproducible (fixed dates), and `documents.test.ts` fails when the
 * committed files differ from what this script makes.
 *
 *   npx tsx scripts/make-doc-templates.ts          write the files
 *   npx tsx scripts/make-doc-templates.ts --check  exit 1 if a committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import PizZip from 'pizzip';
import { DOCUMENT_KINDS, type DocumentKind } from '../src/contracts/documents.js';

export const templatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/server/core/documents/templates');

// GB/T 9704 layout: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in twips).
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY_FONT = '仿宋';
const TITLE_FONT = '宋体';
/** Half-points: 三号 16 pt for letters, 四号 14 pt for the record's form, 二号 22 pt titles. */
const SIZE = { letter: 32, form: 28, title: 44, small: 24 };
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

type Run = string | { text: string; bold?: boolean; underline?: boolean };
interface ParaOpts {
  align?: 'left' | 'center' | 'right' | 'both';
  indent?: boolean;
  size?: number;
  font?: string;
  bold?: boolean;
  before?: number;
  after?: number;
  exact?: number;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.BOTH };

/** One paragraph; each string is its own run, so a tag is never split across runs. */
function p(runs: Run | Run[], o: ParaOpts = {}): Paragraph {
  const size = o.size ?? SIZE.letter;
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'both'],
    indent: o.indent ? { firstLine: size * 20 } : undefined,
    spacing: {
      before: o.before ?? 0,
      after: o.after ?? 0,
      ...(o.exact ? { line: o.exact, lineRule: LineRuleType.EXACT } : {}),
    },
    children: (Array.isArray(runs) ? runs : [runs]).map((r) => {
      const x = typeof r === 'string' ? { text: r } : r;
      return new TextRun({
        text: x.text,
        bold: x.bold ?? o.bold,
        underline: x.underline ? {} : undefined,
        size,
        font: { name: o.font ?? BODY_FONT },
      });
    }),
  });
}
const b = (text: string): Run => ({ text, bold: true });

function title(text: string, after = 200): Paragraph {
  return p(text, { align: 'center', size: SIZE.title, font: TITLE_FONT, bold: true, after });
}

function cell(children: Paragraph[], width: number, span = 1): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

function table(columns: number[], rows: TableCell[][], borders = true): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    rows: rows.map((children) => new TableRow({ children, cantSplit: true })),
    borders: borders ? undefined : { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
  });
}

function document(children: (Paragraph | Table)[], size: number): Document {
  return new Document({
    creator: '药监通',
    title: '',
    styles: { default: { document: { run: { font: { name: BODY_FONT }, size } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: SIZE.small }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The pieces of a 四号 form: its paragraphs, bold centred labels, four column widths and the width of the last three. */
function formKit() {
  const s = SIZE.form;
  const f = (runs: Run | Run[], o: ParaOpts = {}) => p(runs, { size: s, ...o });
  const label = (text: string) => f(b(text), { align: 'center' });
  const w = [1800, 2100, 1500, TEXT_WIDTH - 5400];
  return { s, f, label, w, wide: w[1] + w[2] + w[3] };
}

/** 现场检查笔录: a form, 四号. */
function inspectionRecord(): Document {
  const { s, f, label, w } = formKit();
  const heading = (text: string) => f(b(text), { before: 160, after: 60 });
  return document(
    [
      p('{bureauName}', { align: 'center', size: 36, font: TITLE_FONT, bold: true }),
      title('现场检查笔录', 120),
      f('编号：{number}', { align: 'right', after: 120 }),
      table(w, [
        [cell([label('被检查单位')], w[0]), cell([f('{unitName}')], w[1] + w[2] + w[3], 3)],
        [cell([label('地址')], w[0]), cell([f('{unitAddress}')], w[1] + w[2] + w[3], 3)],
        [
          cell([label('许可证编号')], w[0]),
          cell([f('{licenceNo}')], w[1]),
          cell([label('统一社会信用代码')], w[2]),
          cell([f('{creditCode}')], w[3]),
        ],
        [
          cell([label('法定代表人（负责人）')], w[0]),
          cell([f('{legalRepresentative}')], w[1]),
          cell([label('现场负责人')], w[2]),
          cell([f(['{personPresentName}', '{#personPresentTitle}（{personPresentTitle}）{/personPresentTitle}'])], w[3]),
        ],
        [cell([label('检查时间')], w[0]), cell([f('{date} {startTime} 至 {endTime}')], w[1] + w[2] + w[3], 3)],
        [cell([label('检查地点')], w[0]), cell([f('{place}')], w[1] + w[2] + w[3], 3)],
      ]),
      heading('检查人员'),
      table(
        [TEXT_WIDTH / 2, TEXT_WIDTH / 2],
        [
          [cell([label('姓名')], TEXT_WIDTH / 2), cell([label('执法证号')], TEXT_WIDTH / 2)],
          [
            cell([f('{#inspectors}{name}', { align: 'center' })], TEXT_WIDTH / 2),
            cell([f('{badgeNo}{/inspectors}', { align: 'center' })], TEXT_WIDTH / 2),
          ],
        ],
      ),
      f('检查人员已向被检查单位出示执法证件，表明身份，说明来意，告知其依法享有的权利和应当履行的义务。', { indent: true, before: 120 }),
      heading('一、不符合项'),
      f('{#hasNonConformities}'),
      table(
        [900, 3600, TEXT_WIDTH - 4500],
        [
          [cell([label('序号')], 900), cell([label('检查项目')], 3600), cell([label('情况说明')], TEXT_WIDTH - 4500)],
          [
            cell([f('{#nonConformities}{index}', { align: 'center' })], 900),
            cell([f('{item}')], 3600),
            cell([f('{note}{/nonConformities}')], TEXT_WIDTH - 4500),
          ],
        ],
      ),
      f('{/hasNonConformities}'),
      f('{^hasNonConformities}'),
      f('未发现不符合项。', { indent: true }),
      f('{/hasNonConformities}'),
      heading('二、发现的问题'),
      f('{#findings}'),
      f(['{index}．{description}', '（{severity}）', '{#legalBasis}，违反了{legalBasis}的规定{/legalBasis}', '。'], { indent: true }),
      f('{/findings}'),
      f('{^hasFindings}'),
      f('未发现问题。', { indent: true }),
      f('{/hasFindings}'),
      heading('三、采取的措施'),
      f('{#measures}'),
      f('{index}．{text}', { indent: true }),
      f('{/measures}'),
      f('{^hasMeasures}'),
      f('未采取措施。', { indent: true }),
      f('{/hasMeasures}'),
      heading('四、整改要求'),
      f(
        '{#rectificationDeadline}请于{rectificationDeadline}前完成整改，并将整改情况书面报告我局。{/rectificationDeadline}{^rectificationDeadline}无。{/rectificationDeadline}',
        { indent: true },
      ),
      heading('被检查单位意见'),
      f('{#unitOpinion}{unitOpinion}{/unitOpinion}{^unitOpinion}＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿{/unitOpinion}', { indent: true }),
      f('以上笔录已经本人核对，与实际情况相符。', { indent: true, before: 120, after: 120 }),
      table(
        [2400, TEXT_WIDTH - 2400],
        [
          [
            cell([label('检查人员签名')], 2400),
            cell(
              [
                f('{#inspectors}'),
                f('{#signed}'),
                f('{%signature}'),
                f('{/signed}'),
                f('{^signed}'),
                f('签名：＿＿＿＿＿＿＿＿'),
                f('{/signed}'),
                f('{name}（执法证号 {badgeNo}）{#signedAt} {signedAt}{/signedAt}'),
                f('{/inspectors}'),
              ],
              TEXT_WIDTH - 2400,
            ),
          ],
          [
            cell([label('被检查单位人员签名')], 2400),
            cell(
              [
                f('{#personPresentSigned}'),
                f('{%personPresentSignature}'),
                f('{/personPresentSigned}'),
                f('{^personPresentSigned}'),
                f('签名：＿＿＿＿＿＿＿＿'),
                f('{/personPresentSigned}'),
                f('{personPresentName}{#personPresentSignedAt} {personPresentSignedAt}{/personPresentSignedAt}'),
              ],
              TEXT_WIDTH - 2400,
            ),
          ],
        ],
      ),
    ],
    s,
  );
}

/** The shared frame of 责令改正通知书 and 告诫信: bureau, title, number, addressee … signature. */
function letter(kind: DocumentKind, body: Paragraph[]): Document {
  const line = 560;
  const t = (runs: Run | Run[], o: ParaOpts = {}) => p(runs, { exact: line, ...o });
  return document(
    [
      p('{bureauName}', { align: 'center', size: SIZE.title, font: TITLE_FONT, bold: true }),
      title(DOCUMENT_KINDS[kind].label, 120),
      t('{number}', { align: 'center', after: 240 }),
      t('{unitName}：'),
      ...body,
      t('{#contactName}联系人：{contactName}{#contactPhone}　联系电话：{contactPhone}{/contactPhone}{/contactName}', { indent: true }),
      t('{bureauName}', { align: 'right', before: 360 }),
      t('{issueDate}', { align: 'right' }),
      t('（印章）', { align: 'right' }),
      t(['被检查单位签收：＿＿＿＿＿＿', '　　签收日期：＿＿＿＿＿＿'], { before: 240 }),
      p('本文书一式两份，一份送达被检查单位，一份存档。', { size: SIZE.small, before: 120 }),
    ],
    SIZE.letter,
  );
}

const findingParagraphs = (o: ParaOpts) => [
  p('{#findings}', o),
  p(['{index}．{description}', '{#legalBasis}，违反了{legalBasis}的规定{/legalBasis}', '。'], { ...o, indent: true }),
  p('{/findings}', o),
];

/** 责令改正通知书 */
function rectificationOrder(): Document {
  const o: ParaOpts = { exact: 560 };
  return letter('rectificationOrder', [
    p('{inspectionDate}，我局执法人员对你单位进行了监督检查，发现你单位存在下列问题：', { ...o, indent: true }),
    ...findingParagraphs(o),
    p(
      [
        '{#orderBasis}根据{orderBasis}的规定，{/orderBasis}',
        '现责令你单位于{rectificationDeadline}前改正上述违法行为，并将改正情况书面报告我局。逾期不改正的，我局将依法处理。',
      ],
      { ...o, indent: true },
    ),
  ]);
}

/** 告诫信 */
function warningLetter(): Document {
  const o: ParaOpts = { exact: 560 };
  return letter('warningLetter', [
    p('{inspectionDate}，我局在监督检查中发现你单位存在以下问题：', { ...o, indent: true }),
    ...findingParagraphs(o),
    p('为保障公众用药安全，现对你单位予以告诫，请你单位：', { ...o, indent: true }),
    p('{#requirements}', o),
    p('{index}．{text}', { ...o, indent: true }),
    p('{/requirements}', o),
    p('{#rectificationDeadline}请于{rectificationDeadline}前将整改情况书面报告我局。{/rectificationDeadline}', { ...o, indent: true }),
    p('如再次发现类似问题，我局将依法从严处理。', { ...o, indent: true }),
  ]);
}

/** 协查函 */
function assistLetter(): Document {
  const o: ParaOpts = { exact: 560 };
  return document(
    [
      p('{bureauName}', { align: 'center', size: SIZE.title, font: TITLE_FONT, bold: true }),
      title(DOCUMENT_KINDS.assistLetter.label, 120),
      p('{number}', { ...o, align: 'center', after: 240 }),
      p('{counterpart}：', o),
      p('我局在办理{subject}过程中，需请贵单位协助调查核实下列事项：', { ...o, indent: true }),
      p('{#content}', o),
      p('{text}', { ...o, indent: true }),
      p('{/content}', o),
      p('请于{dueDate}前将协查结果函复我局。感谢支持与配合。', { ...o, indent: true }),
      p('{#contactName}联系人：{contactName}{#contactPhone}　联系电话：{contactPhone}{/contactPhone}{/contactName}', {
        ...o,
        indent: true,
      }),
      p('{bureauName}', { ...o, align: 'right', before: 360 }),
      p('{issueDate}', { ...o, align: 'right' }),
      p('（印章）', { ...o, align: 'right' }),
    ],
    SIZE.letter,
  );
}

/** 立案审批表: a form, 四号. */
function caseFiling(): Document {
  const { s, f, label, w, wide } = formKit();
  return document(
    [
      p('{bureauName}', { align: 'center', size: 36, font: TITLE_FONT, bold: true }),
      title('立案审批表', 120),
      f('案件编号：{number}', { align: 'right', after: 120 }),
      table(w, [
        [cell([label('案件来源')], w[0]), cell([f('{source}')], w[1]), cell([label('适用程序')], w[2]), cell([f('{procedure}')], w[3])],
        [cell([label('当事人')], w[0]), cell([f('{unitName}')], wide, 3)],
        [cell([label('地址')], w[0]), cell([f('{unitAddress}')], wide, 3)],
        [
          cell([label('统一社会信用代码')], w[0]),
          cell([f('{creditCode}')], w[1]),
          cell([label('法定代表人（负责人）')], w[2]),
          cell([f('{legalRepresentative}')], w[3]),
        ],
        [cell([label('违法类型')], w[0]), cell([f('{violation}')], wide, 3)],
        [
          cell([label('违法行为发生（终了）日期')], w[0]),
          cell([f('{violationDate}')], w[1]),
          cell([label('发现日期')], w[2]),
          cell([f('{discoveredOn}')], w[3]),
        ],
        [cell([label('货值金额')], w[0]), cell([f('{goodsValue}')], wide, 3)],
        [cell([label('案情摘要')], w[0]), cell([f('{facts}', { indent: true })], wide, 3)],
        [
          cell([label('责任人')], w[0]),
          cell(
            [f('{#hasPersons}'), f('{#persons}{index}．{text}{/persons}'), f('{/hasPersons}'), f('{^hasPersons}无{/hasPersons}')],
            wide,
            3,
          ),
        ],
        [
          cell([label('承办人意见')], w[0]),
          cell([f('建议立案调查。', { indent: true }), f('承办人：{proposer}　　{proposedOn}', { align: 'right' })], wide, 3),
        ],
        [
          cell([label('负责人审批意见')], w[0]),
          cell(
            [
              f('{#approver}同意立案。{/approver}', { indent: true }),
              f('{#approver}负责人：{approver}　　{approvedOn}{/approver}{^approver}负责人：＿＿＿＿＿＿　　年　月　日{/approver}', {
                align: 'right',
              }),
            ],
            wide,
            3,
          ),
        ],
      ]),
    ],
    s,
  );
}

/** 行政处罚决定书 */
function penaltyDecision(): Document {
  const o: ParaOpts = { exact: 560 };
  const t = (runs: Run | Run[], x: ParaOpts = {}) => p(runs, { ...o, ...x });
  return document(
    [
      p('{bureauName}', { align: 'center', size: SIZE.title, font: TITLE_FONT, bold: true }),
      title('行政处罚决定书', 120),
      t('{number}', { align: 'center', after: 240 }),
      t('当事人：{unitName}'),
      t('统一社会信用代码：{creditCode}'),
      t('住所（地址）：{unitAddress}'),
      t('法定代表人（负责人）：{legalRepresentative}'),
      t('本局于{filedOn}对当事人立案调查（案件编号：{caseNo}）。经查：', { indent: true, before: 120 }),
      t('{facts}', { indent: true }),
      t('当事人的上述行为违反了有关法律法规的规定。依据{basis}的规定：', { indent: true }),
      t('{#reasoning}'),
      t('{text}', { indent: true }),
      t('{/reasoning}'),
      t('本局决定对当事人作出如下行政处罚：', { indent: true }),
      t('{#penalties}'),
      t('{index}．{text}', { indent: true }),
      t('{/penalties}'),
      t('{#hasPersons}'),
      t('对有关责任人员作出如下处罚：', { indent: true }),
      t('{#persons}'),
      t('{index}．{text}', { indent: true }),
      t('{/persons}'),
      t('{/hasPersons}'),
      t(
        '当事人应当自收到本决定书之日起十五日内缴纳罚没款。逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。当事人如不服本处罚决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。',
        { indent: true },
      ),
      t('{bureauName}', { align: 'right', before: 360 }),
      t('{decisionDate}', { align: 'right' }),
      t('（印章）', { align: 'right' }),
      p('本文书一式两份，一份送达当事人，一份归档。', { size: SIZE.small, before: 120 }),
    ],
    SIZE.letter,
  );
}

/** 涉嫌犯罪案件移送书 */
function referralLetter(): Document {
  const o: ParaOpts = { exact: 560 };
  const t = (runs: Run | Run[], x: ParaOpts = {}) => p(runs, { ...o, ...x });
  return document(
    [
      p('{bureauName}', { align: 'center', size: SIZE.title, font: TITLE_FONT, bold: true }),
      title('涉嫌犯罪案件移送书', 120),
      t('{number}', { align: 'center', after: 240 }),
      t('{policeUnit}：'),
      t(
        '本局在查处{unitName}（统一社会信用代码：{creditCode}，地址：{unitAddress}，法定代表人（负责人）：{legalRepresentative}）一案（案件编号：{caseNo}）中，发现以下事实：',
        {
          indent: true,
        },
      ),
      t('{facts}', { indent: true }),
      t('{reason}', { indent: true }),
      t('根据《行政执法机关移送涉嫌犯罪案件的规定》，现将该案移送你单位依法处理，请于受理后书面告知本局。', { indent: true }),
      t('附件：涉嫌犯罪案件情况的调查报告、涉案物品清单、有关检验报告或者鉴定意见及其他有关材料。', { indent: true }),
      t('{bureauName}', { align: 'right', before: 360 }),
      t('{issueDate}', { align: 'right' }),
      t('（印章）', { align: 'right' }),
      t(['接收单位签收：＿＿＿＿＿＿', '　　接收日期：＿＿＿＿＿＿'], { before: 240 }),
    ],
    SIZE.letter,
  );
}

/** 典型案例 (seed template: 案情概述, 查办结果) */
function typicalCase(): Document {
  const o: ParaOpts = { exact: 560 };
  const t = (runs: Run | Run[], x: ParaOpts = {}) => p(runs, { ...o, ...x });
  return document(
    [
      title('典型案例报送', 120),
      t('填报单位：{reportingUnit}（盖章）'),
      t('填报日期：{reportDate}', { after: 240 }),
      title('{reportingUnit}报送{title}', 240),
      t(b('一、案情概述'), { indent: true }),
      t('{violation}', { indent: true }),
      t('{investigation}', { indent: true }),
      t('{#productControl}{productControl}{/productControl}', { indent: true }),
      t(b('二、查办结果'), { indent: true }),
      t('{result}', { indent: true }),
      t('{#hasDecision}'),
      t(b('附：行政处罚决定书（{decisionNo}）'), { before: 240 }),
      t('当事人：{party}{#creditCode}（统一社会信用代码：{creditCode}）{/creditCode}', { indent: true }),
      t('案件编号：{caseNo}；决定日期：{decidedOn}', { indent: true }),
      t('处罚依据：{basis}', { indent: true }),
      t('处罚内容：{penalty}', { indent: true }),
      t('{#referral}行刑衔接：{referral}{/referral}', { indent: true }),
      t('{/hasDecision}'),
    ],
    SIZE.letter,
  );
}

/** 报送报告 (自查报告, 阶段/年度工作总结, 典型案例…): the unit's sections, then the submitted table as a Word table. */
function narrativeReport(): Document {
  const o: ParaOpts = { exact: 560 };
  const t = (runs: Run | Run[], x: ParaOpts = {}) => p(runs, { ...o, ...x });
  const w = [2600, TEXT_WIDTH - 2600 - 1800, 1800];
  const head = (text: string, width: number) => cell([p(b(text), { align: 'center', size: SIZE.small })], width);
  return document(
    [
      title('{title}', 120),
      t('{campaignName}', { align: 'center', after: 240 }),
      t('填报单位：{reportingUnit}（盖章）'),
      t('报送期次：{period}'),
      t('报送日期：{reportDate}', { after: 240 }),
      t('{#hasRecipient}'),
      t('{recipient}：'),
      t('{/hasRecipient}'),
      t('{#sections}'),
      t(b('{number}、{title}'), { indent: true }),
      t('{#paragraphs}'),
      t('{text}', { indent: true }),
      t('{/paragraphs}'),
      t('{/sections}'),
      t('{#hasTable}'),
      t(b('附：{tableTitle}（{tablePeriod}）'), { before: 240, after: 120 }),
      table(w, [
        [head('项目', w[0]), head('指标', w[1]), head('数值', w[2])],
        [
          cell([p('{#tableRows}{row}', { size: SIZE.small })], w[0]),
          cell([p('{column}', { size: SIZE.small })], w[1]),
          cell([p('{value}{/tableRows}', { align: 'right', size: SIZE.small })], w[2]),
        ],
      ]),
      t('{/hasTable}'),
      t('{reportingUnit}', { align: 'right', before: 360 }),
      t('{reportDate}', { align: 'right' }),
    ],
    SIZE.letter,
  );
}

/** 抽样单: a form, 四号 — the sampled unit, the sample, the samplers and the unit's confirmation. */
function samplingRecord(): Document {
  const { s, f, label, w, wide } = formKit();
  return document(
    [
      p('{bureauName}', { align: 'center', size: 36, font: TITLE_FONT, bold: true }),
      title('抽样单', 120),
      f('编号：{number}', { align: 'right', after: 120 }),
      table(w, [
        [cell([label('抽样任务来源')], w[0]), cell([f('{source}')], wide, 3)],
        [cell([label('被抽样单位')], w[0]), cell([f('{unitName}')], wide, 3)],
        [cell([label('地址')], w[0]), cell([f('{unitAddress}')], wide, 3)],
        [
          cell([label('统一社会信用代码')], w[0]),
          cell([f('{creditCode}')], w[1]),
          cell([label('许可证编号')], w[2]),
          cell([f('{licenceNo}')], w[3]),
        ],
        [cell([label('法定代表人（负责人）')], w[0]), cell([f('{legalRepresentative}')], wide, 3)],
        [cell([label('产品类别')], w[0]), cell([f('{category}')], w[1]), cell([label('样品名称')], w[2]), cell([f('{productName}')], w[3])],
        [
          cell([label('规格（型号）')], w[0]),
          cell([f('{specification}')], w[1]),
          cell([label('批号')], w[2]),
          cell([f('{batchNo}')], w[3]),
        ],
        [cell([label('标示生产企业')], w[0]), cell([f('{manufacturer}')], wide, 3)],
        [cell([label('抽样数量')], w[0]), cell([f('{quantity}')], w[1]), cell([label('抽样日期')], w[2]), cell([f('{sampledOn}')], w[3])],
        [cell([label('检验机构')], w[0]), cell([f('{labName}')], wide, 3)],
        [cell([label('备注')], w[0]), cell([f('{note}')], wide, 3)],
        [
          cell([label('抽样人员')], w[0]),
          cell([f('{#samplers}{index}．{name}（签名）＿＿＿＿＿＿　{/samplers}'), f('{sampledOn}', { align: 'right' })], wide, 3),
        ],
        [
          cell([label('被抽样单位意见')], w[0]),
          cell(
            [
              f('以上样品系本单位经营（使用）的产品，抽样过程及封样已确认无异议。', { indent: true }),
              f('负责人（签名）：＿＿＿＿＿＿　　（单位盖章）　　年　月　日', { align: 'right', before: 240 }),
            ],
            wide,
            3,
          ),
        ],
      ]),
    ],
    s,
  );
}

const LAYOUTS: Record<DocumentKind, () => Document> = {
  inspectionRecord,
  rectificationOrder,
  warningLetter,
  assistLetter,
  caseFiling,
  penaltyDecision,
  referralLetter,
  typicalCase,
  narrativeReport,
  samplingRecord,
};

/** Re-zip with fixed dates (docx stamps the time of packing) so the same layout gives the same bytes. */
function reproducible(buf: Buffer): Buffer {
  const src = new PizZip(buf);
  const out = new PizZip();
  for (const name of Object.keys(src.files).sort()) {
    const file = src.files[name]!;
    if (file.dir) continue;
    let data: string | Uint8Array = file.asUint8Array();
    if (name === 'docProps/core.xml') {
      data = file.asText().replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED_DATE.toISOString().replace('.000', '')}`);
    }
    out.file(name, data, { date: FIXED_DATE, binary: typeof data !== 'string' });
  }
  return out.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Every bundled template as `{ file name → bytes }`. */
export async function buildTemplates(): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const kind of Object.keys(LAYOUTS) as DocumentKind[]) {
    out[`${DOCUMENT_KINDS[kind].template}.docx`] = reproducible(await Packer.toBuffer(LAYOUTS[kind]()));
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, bytes] of Object.entries(await buildTemplates())) {
    const file = path.join(templatesDir, name);
    if (check) {
      let old: Buffer | undefined;
      try {
        old = readFileSync(file);
      } catch {
        old = undefined;
      }
      if (!old || !old.equals(bytes)) {
        stale++;
        console.error(`stale: ${file}`);
      }
    } else {
      writeFileSync(file, bytes);
      console.log(`wrote ${file} (${bytes.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}
