import { z } from 'zod';
import { isoDate } from './calendar.js';
import { id, idParam } from './fields.js';

/**
 * Reporting (报表与报送): statistical tables of campaign definitions filled from the recorded work
 * (report measures, contracts/measures.ts), obligations and submissions with review, roll-up.
 */

/** Which table, for whom, for which period: any day inside the period (default today). */
export const tableParams = z.object({ campaignId: idParam, tableKey: z.string().regex(/^[a-z0-9_-]{1,60}$/, '统计表编号无效') });
export const tableQuery = z.object({
  /** The submitting unit's jurisdiction (default the caller's). */
  jurisdictionId: idParam.optional(),
  /** Any day of the period wanted (default today, Beijing). */
  date: isoDate.optional(),
});
export type TableQuery = z.infer<typeof tableQuery>;

export const CELL_SOURCES = { measure: '由记录计算', formula: '公式计算', input: '填报', blank: '不适用' } as const;
export type CellSource = keyof typeof CELL_SOURCES;
const cellSource = z.enum(Object.keys(CELL_SOURCES) as [CellSource, ...CellSource[]]);

export const tableCellValue = z.object({
  /** Number (already divided for display, e.g. 万元), text, yes/no; null = nothing yet (typed cell) or not computable. */
  value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
  source: cellSource,
  /** The catalogue measure behind a computed cell (drill-down key). */
  measure: z.string().optional(),
});
export type TableCellValue = z.infer<typeof tableCellValue>;

export const tableResult = z.object({
  campaignId: id,
  tableKey: z.string(),
  label: z.string(),
  note: z.string().nullable(),
  /** The period the numbers cover: from = cumulativeFrom when the table is cumulative. */
  period: z.object({ from: isoDate, to: isoDate, label: z.string() }),
  cumulative: z.boolean(),
  jurisdiction: z.object({ id, name: z.string() }),
  columns: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string().nullable(),
      type: z.enum(['number', 'money', 'text', 'boolean']),
      source: cellSource,
      measure: z.string().nullable(),
      /** The measure's definition sentence, shown beside the number. */
      definition: z.string().nullable(),
      groups: z.array(z.string()),
      decimals: z.number().int().nullable(),
    }),
  ),
  rows: z.array(z.object({ key: z.string(), label: z.string(), cells: z.record(z.string(), tableCellValue) })),
  /** Rows entered by the unit (rowMode free: 问题清单), numbered 1, 2, …; prefilled from `rowsFrom` records. */
  free: z.boolean().optional(),
  /** Row checks of the definition, per row: ok null = not judged (a value it needs is missing). */
  checks: z.array(z.object({ row: z.string(), rule: z.string(), message: z.string(), ok: z.boolean().nullable() })),
});
export type TableResult = z.infer<typeof tableResult>;

const keyParam = z.string().regex(/^[a-z0-9_-]{1,60}$/, '编号无效');

/** The records behind one cell (drill-down). */
export const drillQuery = tableQuery.extend({
  /** Both required; checked after the campaign and area (an outsider learns nothing from a 400). */
  row: keyParam.optional(),
  column: keyParam.optional(),
  /** Only the records kept at the area's own level (the roll-up's 本级 line). */
  only: z.enum(['own'], { error: 'only 只能为 own' }).optional(),
  page: z.coerce.number().int('页码须为整数').min(1, '页码从1开始').max(100_000, '页码过大').default(1),
});
export type DrillQuery = z.infer<typeof drillQuery>;
export const DRILL_PAGE_SIZE = 50;

/** Record types a drill row may name, with the web page that shows one where it exists ({id} = the record's id). */
export const DRILL_RECORD_TYPES: Record<string, { label: string; path?: string }> = {
  inspection: { label: '检查记录', path: '/inspections/{id}' },
  finding: { label: '检查发现问题' },
  rectification: { label: '整改' },
  case: { label: '案件' },
  referral: { label: '移送公安' },
  risk: { label: '风险隐患' },
  consultation: { label: '风险会商' },
  clue: { label: '线索' },
  entity: { label: '监管对象', path: '/entities/{id}' },
  sampling: { label: '抽检', path: '/sampling/records/{id}' },
};

export const drillResult = z.object({
  measure: z.string(),
  label: z.string(),
  definition: z.string(),
  jurisdiction: z.object({ id, name: z.string() }),
  period: z.object({ from: isoDate, to: isoDate, label: z.string() }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(
    z.object({
      type: z.string(),
      id,
      label: z.string(),
      date: z.string(),
      jurisdictionId: id,
      jurisdictionName: z.string().nullable(),
      entityId: id.nullable(),
      entityName: z.string().nullable(),
    }),
  ),
});
export type DrillResult = z.infer<typeof drillResult>;

/** The roll-up grid: one line per unit directly below the area, the area's own level, totals. */
export const rollupQuery = tableQuery.extend({
  /** One row of the table; absent = the sum of the rows (合计). */
  row: keyParam.optional(),
  /** Rank the lines by this column (largest first). */
  sort: keyParam.optional(),
});
export type RollupQuery = z.infer<typeof rollupQuery>;

const rollupLine = z.object({
  /** The unit's jurisdiction; for the own-level line the area's own id with `own` true. */
  jurisdictionId: id,
  name: z.string(),
  own: z.boolean(),
  values: z.record(z.string(), z.number().nullable()),
  /** 1 = largest value of the sort column (ties share a rank); null without sort or value. */
  rank: z.number().int().nullable(),
  /**
   * Completeness and timeliness of the unit's submissions (reports obligations): filled in by the
   * submissions module once it lands; null until then, never estimated.
   */
  submissions: z.object({ due: z.number().int(), submitted: z.number().int(), onTime: z.number().int() }).nullable(),
});
export const rollupResult = z.object({
  campaignId: id,
  tableKey: z.string(),
  label: z.string(),
  period: z.object({ from: isoDate, to: isoDate, label: z.string() }),
  cumulative: z.boolean(),
  jurisdiction: z.object({ id, name: z.string() }),
  row: z.object({ key: z.string().nullable(), label: z.string() }),
  columns: tableResult.shape.columns,
  sort: z.string().nullable(),
  lines: z.array(rollupLine),
  totals: z.record(z.string(), z.number().nullable()),
});
export type RollupResult = z.infer<typeof rollupResult>;

/** The measure catalogue as served to definition authors and API clients. */
export const measureCatalogue = z.array(
  z.object({ key: z.string(), label: z.string(), unit: z.string(), definition: z.string(), implemented: z.boolean() }),
);
export type MeasureCatalogue = z.infer<typeof measureCatalogue>;
