/**
 * The catalogue of report measures (统计指标): named computations over recorded work that the
 * columns of statistical tables refer to. The server module that owns the records implements each
 * one (`contributes.measures` in its module.ts); a definition sentence is shown with every figure.
 * A key here with no implementation fails `measures.test.ts`.
 */
export const MEASURES = {
  'inspections.units': { label: '检查单位数量', unit: '家' },
  'inspections.visits': { label: '检查家次', unit: '家次' },
  'clues.found': { label: '发现线索', unit: '件' },
  'clues.transferred': { label: '移交线索', unit: '件' },
  'risks.found': { label: '发现风险隐患数', unit: '个' },
  'risks.closed': { label: '风险隐患销号数', unit: '个' },
  'risks.common': { label: '发现共性风险隐患数', unit: '个' },
  'consultations.held': { label: '召开风险会商次数', unit: '个' },
  'consultations.items': { label: '研究风险会商事项数', unit: '个' },
  'sampling.batches': { label: '抽检批次', unit: '批次' },
  'sampling.unqualified': { label: '抽检不合格批次', unit: '批次' },
  'cases.filed': { label: '已立案查处数量', unit: '件' },
  'cases.decided': { label: '作出行政处罚决定数量', unit: '件' },
  'cases.fines': { label: '罚没款金额', unit: '元' },
  'cases.referred': { label: '移送公安机关案件数量', unit: '件' },
  'inspections.violationUnits': { label: '发现违规单位数量', unit: '家' },
  'inspections.rectifiedUnits': { label: '完成整改单位数量', unit: '家' },
  'inspections.findings': { label: '发现问题数', unit: '个' },
  'inspections.officers': { label: '出动执法人员', unit: '人次' },
  'cases.revokedUnits': { label: '吊销许可证数量', unit: '家' },
  'cases.closed': { label: '结案', unit: '件' },
} as const;
export type MeasureKey = keyof typeof MEASURES;
export const MEASURE_KEYS = Object.keys(MEASURES) as [MeasureKey, ...MeasureKey[]];
