/**
 * The catalogue of report measures (统计指标): named computations over recorded work that the
 * columns of statistical tables refer to. The server module that owns the records implements each
 * one (`contributes.measures` in its module.ts); a definition sentence is shown with every figure.
 * A key here with no implementation fails `measures.test.ts`.
 *
 * `filters`: which row filters the measure honours. kinds = the entity kinds of the unit the record
 * concerns; category = product category (药品/医疗器械/化妆品), where the record carries one (risks,
 * sampling) or its unit's kind implies one (inspections, cases, clues about a unit); campaign = only
 * records of one campaign, where the record knows its campaign (inspections through their plan,
 * cases). A table definition naming a filter its measure does not honour is refused.
 */
export type MeasureFilterName = 'kinds' | 'category' | 'campaign';

export const MEASURES = {
  'inspections.units': { label: '检查单位数量', unit: '家', filters: ['kinds', 'category', 'campaign'] },
  'inspections.visits': { label: '检查家次', unit: '家次', filters: ['kinds', 'category', 'campaign'] },
  'clues.found': { label: '发现线索', unit: '件', filters: ['kinds', 'category'] },
  'clues.transferred': { label: '移交线索', unit: '件', filters: ['kinds', 'category'] },
  'risks.found': { label: '发现风险隐患数', unit: '个', filters: ['kinds', 'category'] },
  'risks.closed': { label: '风险隐患销号数', unit: '个', filters: ['kinds', 'category'] },
  'risks.common': { label: '发现共性风险隐患数', unit: '个', filters: ['kinds', 'category'] },
  'consultations.held': { label: '召开风险会商次数', unit: '个', filters: [] },
  'consultations.items': { label: '研究风险会商事项数', unit: '个', filters: [] },
  'sampling.batches': { label: '抽检批次', unit: '批次', filters: ['kinds', 'category'] },
  'sampling.unqualified': { label: '抽检不合格批次', unit: '批次', filters: ['kinds', 'category'] },
  'cases.filed': { label: '已立案查处数量', unit: '件', filters: ['kinds', 'category', 'campaign'] },
  'cases.decided': { label: '作出行政处罚决定数量', unit: '件', filters: ['kinds', 'category', 'campaign'] },
  'cases.fines': { label: '罚没款金额', unit: '元', filters: ['kinds', 'category', 'campaign'] },
  'cases.referred': { label: '移送公安机关案件数量', unit: '件', filters: ['kinds', 'category', 'campaign'] },
  'inspections.violationUnits': { label: '发现违规单位数量', unit: '家', filters: ['kinds', 'category', 'campaign'] },
  'inspections.rectifiedUnits': { label: '完成整改单位数量', unit: '家', filters: ['kinds', 'category', 'campaign'] },
  'inspections.findings': { label: '发现问题数', unit: '个', filters: ['kinds', 'category', 'campaign'] },
  'inspections.officers': { label: '出动执法人员', unit: '人次', filters: ['kinds', 'category', 'campaign'] },
  'cases.revokedUnits': { label: '吊销许可证数量', unit: '家', filters: ['kinds', 'category', 'campaign'] },
  'cases.closed': { label: '结案', unit: '件', filters: ['kinds', 'category', 'campaign'] },
  'adr.reports': { label: '不良反应（事件）报告数', unit: '件', filters: ['category'] },
  'adr.serious': { label: '严重不良反应（事件）报告数', unit: '件', filters: ['category'] },
} as const satisfies Record<string, { label: string; unit: string; filters: readonly MeasureFilterName[] }>;
export type MeasureKey = keyof typeof MEASURES;
export const MEASURE_KEYS = Object.keys(MEASURES) as [MeasureKey, ...MeasureKey[]];
