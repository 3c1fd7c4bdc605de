/**
 * Record lists a table of free rows (tables[].rowMode free) can be prefilled from: `rowsFrom` in the
 * definition names a source and maps the table's columns to the source's fields. The module that
 * owns the records contributes the reader (reports/public.ts `TableRowSource`); a unit's report
 * starts from these rows and the unit may correct, add or remove rows before it goes up.
 */
export interface RowSourceField {
  label: string;
  type: 'text' | 'boolean' | 'number';
}

export const ROW_SOURCES = {
  'risks.common': {
    label: '共性风险隐患',
    definition: '区域内期间（累计表自累计起始日）登记的共性风险隐患，每条一行，按登记先后',
    fields: {
      title: { label: '共性风险隐患', type: 'text' },
      controlMeasure: { label: '管控措施', type: 'text' },
      removed: { label: '是否排除隐患', type: 'boolean' },
      category: { label: '类别（药品/医疗器械/化妆品）', type: 'text' },
    },
  },
} as const satisfies Record<string, { label: string; definition: string; fields: Record<string, RowSourceField> }>;

export type RowSourceKey = keyof typeof ROW_SOURCES;
export const ROW_SOURCE_KEYS = Object.keys(ROW_SOURCES) as [RowSourceKey, ...RowSourceKey[]];

/** The most rows a unit may report in one table of free rows. */
export const MAX_FREE_ROWS = 200;
