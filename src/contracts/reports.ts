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
});
export type TableResult = z.infer<typeof tableResult>;

/** The measure catalogue as served to definition authors and API clients. */
export const measureCatalogue = z.array(
  z.object({ key: z.string(), label: z.string(), unit: z.string(), definition: z.string(), implemented: z.boolean() }),
);
export type MeasureCatalogue = z.infer<typeof measureCatalogue>;
