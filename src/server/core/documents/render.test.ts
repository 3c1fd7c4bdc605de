import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTemplates } from '../../../../scripts/make-doc-templates.js';
import {
  DOCUMENT_DATA,
  DOCUMENT_KINDS,
  DOCUMENT_TAGS,
  type DocumentKind,
  type InspectionRecordData,
  type RectificationOrderData,
  type WarningLetterData,
} from '../../../contracts/documents.js';
import { checkDataDir } from '../../../db/client.js';
import { AppError } from '../errors.js';
import { BUNDLED_TEMPLATES, documentView, renderDocument, templatePath } from './render.js';

const base = mkdtempSync(path.join(tmpdir(), 'yj-documents-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
/** A DATA_DIR without templates of its own. */
const plain = path.join(base, 'plain');
mkdirSync(plain);

/** A w × h white PNG, as a signature pad would save it. */
function png(w: number, h: number): Buffer {
  const crc = (b: Buffer) => {
    let c = ~0;
    for (const x of b) {
      c ^= x;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  const raw = Buffer.alloc((w + 1) * h, 0xff);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The visible text of a .docx body, one line per paragraph. */
function textOf(docx: Buffer): string {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const unit = {
  name: '兴隆台区康安大药房',
  address: '兴隆台区振兴街1号',
  licenceNo: '辽AA4270001',
  creditCode: '91211103MA0Y8K1X2B',
  legalRepresentative: '王建国',
};
const findings = [
  { description: '冷藏药品未按规定温度储存', severity: 'serious' as const, legalBasis: '《药品经营质量管理规范》第八十四条' },
  { description: '温湿度记录不完整 & 未签名。', severity: 'general' as const },
];

const record: InspectionRecordData = {
  number: '兴市监笔录〔2026〕7号',
  bureauName: '盘锦市兴隆台区市场监督管理局',
  unit,
  personPresent: { name: '李秀英', title: '质量负责人', signedAt: '2026-12-02T02:50:00Z', signature: png(300, 100) },
  date: '2026-12-02',
  startTime: '09:30',
  endTime: '10:45',
  inspectors: [
    { name: '张伟', badgeNo: '21110300017', signedAt: '2026-12-02T02:48:00Z', signature: png(200, 80) },
    { name: '刘洋', badgeNo: '21110300023' },
  ],
  nonConformities: [
    { item: '冷藏药品储存温度是否符合要求', note: '冷藏柜显示12℃' },
    { item: '是否按规定记录温湿度', note: null },
  ],
  findings,
  measures: ['责令停止销售涉事冷藏药品', '对涉事药品先行登记保存'],
  rectificationDeadline: '2026-12-16',
  unitOpinion: '以上情况属实',
};
const order: RectificationOrderData = {
  number: '兴市监责改〔2026〕12号',
  bureauName: '盘锦市兴隆台区市场监督管理局',
  unit,
  inspectionDate: '2026-12-02',
  findings,
  orderBasis: '《中华人民共和国药品管理法》第一百二十六条',
  rectificationDeadline: '2026-12-16',
  issueDate: '2026-12-03',
  contactName: '张伟',
  contactPhone: '0427-0000000',
};
const warning: WarningLetterData = {
  number: '兴市监告诫〔2026〕3号',
  bureauName: '盘锦市兴隆台区市场监督管理局',
  unit,
  inspectionDate: '2026-12-02',
  findings,
  requirements: ['立即对冷藏设施进行检修', '组织全员学习《药品经营质量管理规范》'],
  rectificationDeadline: '2026-12-20',
  issueDate: '2026-12-03',
};

describe('bundled templates', () => {
  it('are exactly what scripts/make-doc-templates.ts makes (regenerate with npx tsx scripts/make-doc-templates.ts)', async () => {
    const built = await buildTemplates();
    expect(Object.keys(built).sort()).toEqual(
      Object.values(DOCUMENT_KINDS)
        .map((k) => `${k.template}.docx`)
        .sort(),
    );
    for (const [name, bytes] of Object.entries(built)) {
      expect(readFileSync(path.join(BUNDLED_TEMPLATES, name)).equals(bytes), `${name} is stale`).toBe(true);
    }
  });

  it('are A4 with 仿宋 body and 宋体 title fonts set by name', () => {
    for (const [kind, k] of Object.entries(DOCUMENT_KINDS)) {
      const zip = new PizZip(readFileSync(path.join(BUNDLED_TEMPLATES, `${k.template}.docx`)));
      const xml = zip.file('word/document.xml')!.asText();
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('w:eastAsia="仿宋"');
      // The seeds' 典型案例 form and a unit's report (报送报告) name the reporting unit, not the bureau, in their heading.
      if (kind === 'typicalCase' || kind === 'narrativeReport') continue;
      expect(xml).toMatch(/<w:jc w:val="center"\/>(?:(?!<\/w:p>).)*宋体(?:(?!<\/w:p>).)*{bureauName}/s);
    }
  });

  it('receive exactly the tags DOCUMENT_TAGS documents', () => {
    const assist = {
      number: '兴市监协查〔2026〕1号',
      bureauName: '盘锦市兴隆台区市场监督管理局',
      counterpart: '某市市场监督管理局',
      subject: '某药店销售假药案',
      content: '核实供货企业资质。\n核实销售票据。',
      dueDate: '2026-12-20',
      issueDate: '2026-12-03',
    };
    const party = { name: unit.name, address: unit.address, creditCode: unit.creditCode, legalRepresentative: unit.legalRepresentative };
    const samples = {
      inspectionRecord: record,
      rectificationOrder: order,
      warningLetter: warning,
      assistLetter: assist,
      caseFiling: {
        number: '兴市监立〔2026〕1号',
        bureauName: '兴隆台区市场监督管理局',
        unit: party,
        procedure: '普通程序',
        source: '监督检查',
        violation: '经营过期药品',
        facts: '当事人经营超过有效期的药品',
        violationDate: '2026-11-20',
        discoveredOn: '2026-12-02',
        goodsValue: '800元',
        persons: ['张某（法定代表人）'],
        proposer: '执法人员甲',
        proposedOn: '2026-12-02',
      },
      penaltyDecision: {
        number: '兴市监罚〔2026〕1号',
        bureauName: '兴隆台区市场监督管理局',
        unit: party,
        caseNo: '兴市监立〔2026〕1号',
        filedOn: '2026-12-02',
        facts: '当事人经营超过有效期的药品',
        basis: '《药品管理法》第一百一十七条',
        reasoning: ['罚款幅度：100,000元～200,000元'],
        penalties: ['没收劣药', '罚款100,000元'],
        persons: [],
        decisionDate: '2026-12-20',
      },
      referralLetter: {
        number: '兴市监移〔2026〕1号',
        bureauName: '兴隆台区市场监督管理局',
        policeUnit: '兴隆台区公安分局',
        unit: party,
        caseNo: '兴市监立〔2026〕1号',
        facts: '当事人销售假药',
        reason: '涉嫌销售假药罪',
        issueDate: '2026-12-03',
      },
      typicalCase: {
        reportingUnit: '兴隆台区市场监督管理局',
        reportDate: '2026-12-30',
        title: '某药店销售劣药案',
        violation: '违法情形',
        investigation: '调查过程',
        result: '查办结果',
      },
      narrativeReport: {
        reportingUnit: '创新市场监管所',
        recipient: '药品和医疗器械股',
        campaignName: '药品安全巩固提升行动',
        title: '巩固提升工作自评报告',
        period: '2023-09-15',
        reportDate: '2023-09-14',
        sections: [{ title: '存在问题和分析', text: '第一段。\n第二段。' }],
        table: { title: '工作情况统计表', period: '2023年8月', rows: [{ row: '零售药店', column: '检查单位数量（家）', value: '12' }] },
      },
      samplingRecord: {
        number: '兴市监抽〔2026〕3号',
        bureauName: '兴隆台区市场监督管理局',
        unit: { ...party, licenceNo: unit.licenceNo },
        source: '县（区）抽检：2026年药品抽检计划',
        category: '药品',
        productName: '阿莫西林胶囊',
        specification: '0.25g×24粒',
        batchNo: 'A2601',
        manufacturer: '某制药有限公司',
        quantity: '6 盒',
        sampledOn: '2026-12-01',
        samplers: ['张三', '李四'],
        labName: '盘锦市药品检验所',
        note: null,
      },
    };
    for (const kind of Object.keys(DOCUMENT_KINDS) as DocumentKind[]) {
      const view = documentView(kind, DOCUMENT_DATA[kind].parse(samples[kind]) as never);
      expect(Object.keys(view).sort(), kind).toEqual(Object.keys(DOCUMENT_TAGS[kind]).sort());
    }
  });
});

describe('renderDocument', () => {
  it('现场检查笔录: unit, number, times, inspectors with badge numbers, 不符合项, findings, measures, deadline, signatures', () => {
    const buf = renderDocument('inspectionRecord', record, { dataDir: plain });
    const text = textOf(buf);
    for (const s of [
      '盘锦市兴隆台区市场监督管理局',
      '现场检查笔录',
      '编号：兴市监笔录〔2026〕7号',
      unit.name,
      unit.address,
      unit.licenceNo,
      unit.creditCode,
      unit.legalRepresentative,
      '李秀英（质量负责人）',
      '2026年12月2日 09:30 至 10:45',
      '张伟',
      '21110300017',
      '刘洋',
      '21110300023',
      '冷藏药品储存温度是否符合要求',
      '冷藏柜显示12℃',
      '是否按规定记录温湿度',
      '1．冷藏药品未按规定温度储存（较重），违反了《药品经营质量管理规范》第八十四条的规定。',
      '2．温湿度记录不完整 & 未签名（一般）。',
      '1．责令停止销售涉事冷藏药品',
      '2．对涉事药品先行登记保存',
      '请于2026年12月16日前完成整改',
      '以上情况属实',
      '张伟（执法证号 21110300017） 2026年12月2日 10:48',
      '李秀英 2026年12月2日 10:50',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toContain('未发现问题');
    // Two signature images (张伟 and 李秀英); 刘洋 has none and gets a line to sign by hand.
    const zip = new PizZip(buf);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
    expect(
      zip
        .file('word/document.xml')!
        .asText()
        .match(/<w:drawing>/g),
    ).toHaveLength(2);
    expect(text).toMatch(/签名：＿+\n刘洋（执法证号 21110300023）/);
  });

  it('现场检查笔录 with nothing found: says so, draws no empty table, leaves lines to sign', () => {
    const buf = renderDocument(
      'inspectionRecord',
      {
        ...record,
        personPresent: { name: '李秀英' },
        inspectors: [{ name: '张伟', badgeNo: '21110300017' }],
        nonConformities: [],
        findings: [],
        measures: [],
        rectificationDeadline: null,
        unitOpinion: null,
        place: '仓库',
      },
      { dataDir: plain },
    );
    const text = textOf(buf);
    for (const s of ['未发现不符合项。', '未发现问题。', '未采取措施。', '四、整改要求\n无。', '检查地点\n仓库']) expect(text).toContain(s);
    expect(text).not.toContain('检查项目');
    expect(text.match(/签名：＿+/g)).toHaveLength(2);
    expect(Object.keys(new PizZip(buf).files).filter((f) => f.startsWith('word/media/'))).toHaveLength(0);
  });

  it('责令改正通知书: number, unit, findings with legal basis, order basis, deadline, bureau and date', () => {
    const text = textOf(renderDocument('rectificationOrder', order, { dataDir: plain }));
    for (const s of [
      '责令改正通知书',
      '兴市监责改〔2026〕12号',
      `${unit.name}：`,
      '2026年12月2日，我局执法人员对你单位进行了监督检查',
      '1．冷藏药品未按规定温度储存，违反了《药品经营质量管理规范》第八十四条的规定。',
      '2．温湿度记录不完整 & 未签名。',
      '根据《中华人民共和国药品管理法》第一百二十六条的规定，现责令你单位于2026年12月16日前改正',
      '联系人：张伟　联系电话：0427-0000000',
      '盘锦市兴隆台区市场监督管理局\n2026年12月3日',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/[{}]/);
    const bare = textOf(renderDocument('rectificationOrder', { ...order, orderBasis: null, contactName: null }, { dataDir: plain }));
    expect(bare).toContain('\n现责令你单位于2026年12月16日前改正');
    expect(bare).not.toContain('根据');
    expect(bare).not.toContain('联系人');
  });

  it('告诫信: number, unit, findings, requirements, deadline', () => {
    const text = textOf(renderDocument('warningLetter', warning, { dataDir: plain }));
    for (const s of [
      '告诫信',
      '兴市监告诫〔2026〕3号',
      `${unit.name}：`,
      '冷藏药品未按规定温度储存',
      '温湿度记录不完整 & 未签名',
      '1．立即对冷藏设施进行检修',
      '2．组织全员学习《药品经营质量管理规范》',
      '请于2026年12月20日前将整改情况书面报告我局。',
      '2026年12月3日',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('refuses data that does not fit the contract with a 400 naming the field, in Chinese', () => {
    const e = (() => {
      try {
        renderDocument('rectificationOrder', { ...order, findings: [], rectificationDeadline: '2026-02-30' }, { dataDir: plain });
      } catch (x) {
        return x;
      }
    })() as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'VALIDATION', status: 400 });
    expect(e.message).toMatch(/责令改正通知书内容有误.*findings 至少一项问题/);
    expect(e.message).toContain('rectificationDeadline');
    expect(() =>
      renderDocument(
        'inspectionRecord',
        { ...record, personPresent: { name: '李秀英', signature: Buffer.from('GIF89a....................') } },
        { dataDir: plain },
      ),
    ).toThrow(/PNG/);
  });
});

describe("a bureau's own templates in DATA_DIR/templates", () => {
  const bundled = (kind: DocumentKind) => readFileSync(path.join(BUNDLED_TEMPLATES, `${DOCUMENT_KINDS[kind].template}.docx`));
  /** The bundled template with its document.xml edited. */
  const edited = (kind: DocumentKind, edit: (xml: string) => string) => {
    const zip = new PizZip(bundled(kind));
    zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
    return zip.generate({ type: 'nodebuffer' });
  };
  const dataDirWith = (name: string, file: string, bytes: Buffer) => {
    const dir = path.join(base, name);
    mkdirSync(path.join(dir, 'templates'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', file), bytes);
    return dir;
  };
  const failure = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e as AppError;
    }
    throw new Error('did not throw');
  };

  it('is used for its kind when present; other kinds stay bundled; DATA_DIR with only templates/ still takes a new database', () => {
    const dir = dataDirWith(
      'own',
      'rectification-order.docx',
      edited('rectificationOrder', (x) => x.replace('责令改正通知书', '责令改正通知书（本局格式）')),
    );
    expect(templatePath('rectificationOrder', { dataDir: dir }).override).toBe(true);
    expect(templatePath('warningLetter', { dataDir: dir }).override).toBe(false);
    const text = textOf(renderDocument('rectificationOrder', order, { dataDir: dir }));
    expect(text).toContain('责令改正通知书（本局格式）');
    expect(text).toContain('兴市监责改〔2026〕12号');
    expect(textOf(renderDocument('rectificationOrder', order, { dataDir: plain }))).not.toContain('本局格式');
    expect(textOf(renderDocument('warningLetter', warning, { dataDir: dir }))).toContain('兴市监告诫〔2026〕3号');
    expect(checkDataDir(dir)).toBe('new');
  });

  it('broken, gives a 422 in Chinese naming the file and the fault, not a 5xx', () => {
    const unclosed = dataDirWith(
      'unclosed',
      'rectification-order.docx',
      edited('rectificationOrder', (x) => x.replace('{unitName}', '{unitName')),
    );
    const e1 = failure(() => renderDocument('rectificationOrder', order, { dataDir: unclosed }));
    expect(e1).toBeInstanceOf(AppError);
    expect(e1).toMatchObject({ code: 'DOCUMENT_TEMPLATE_INVALID', status: 422 });
    expect(e1.message).toMatch(/^本单位的“责令改正通知书”模板（rectification-order\.docx）有误：.*缺少右花括号/);

    const loop = dataDirWith(
      'loop',
      'warning-letter.docx',
      edited('warningLetter', (x) => x.replace('{/requirements}', '')),
    );
    const e2 = failure(() => renderDocument('warningLetter', warning, { dataDir: loop }));
    expect(e2).toMatchObject({ code: 'DOCUMENT_TEMPLATE_INVALID', status: 422 });
    expect(e2.message).toContain('“{#requirements}”没有对应的结束标签');

    const junk = dataDirWith('junk', 'inspection-record.docx', Buffer.from('这不是 Word 文件'));
    const e3 = failure(() => renderDocument('inspectionRecord', record, { dataDir: junk }));
    expect(e3).toMatchObject({ code: 'DOCUMENT_TEMPLATE_INVALID', status: 422 });
    expect(e3.message).toContain('不是有效的 Word（.docx）文件');

    const zip = new PizZip();
    zip.file('hello.txt', 'x');
    const notWord = dataDirWith('not-word', 'inspection-record.docx', zip.generate({ type: 'nodebuffer' }));
    const e4 = failure(() => renderDocument('inspectionRecord', record, { dataDir: notWord }));
    expect(e4).toMatchObject({ code: 'DOCUMENT_TEMPLATE_INVALID', status: 422 });
    expect(e4.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
