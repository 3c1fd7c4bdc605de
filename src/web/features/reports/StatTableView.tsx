import { Alert, Button, Table, Tooltip, Typography } from 'antd';
import type { ColumnType, ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { CELL_SOURCES, type TableCellValue, type TableResult } from '../../../contracts/reports.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { useMobile } from '../../lib/screens.js';

type Column = TableResult['columns'][number];
type Line = { key: string; label: string; cells: Record<string, TableCellValue> };

export const headerOf = (c: Column) => (
  <Tooltip title={c.definition ?? CELL_SOURCES[c.source]}>
    <span>
      {c.label}
      {c.unit ? `（${c.unit}）` : ''}
    </span>
  </Tooltip>
);

export function shownValue(v: TableCellValue['value'], decimals: number | null) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && decimals !== null) return v.toFixed(decimals);
  return String(v);
}

/**
 * Columns with multi-level headers built from each column's `groups` (adjacent columns sharing a
 * group sit under one header cell), the leaf cell rendered by `leaf`.
 */
export function groupedColumns<T>(columns: Column[], leaf: (c: Column) => ColumnType<T>): ColumnsType<T> {
  const out: ColumnsType<T> = [];
  const place = (list: ColumnsType<T>, groups: string[], col: ColumnType<T>, path: string) => {
    if (!groups.length) return void list.push(col);
    const last = list[list.length - 1] as (ColumnType<T> & { children?: ColumnsType<T>; groupPath?: string }) | undefined;
    const here = `${path}/${groups[0]}`;
    if (last && last.groupPath === here && last.children) return place(last.children, groups.slice(1), col, here);
    const g = { title: groups[0], key: here, groupPath: here, children: [] as ColumnsType<T> };
    list.push(g as never);
    place(g.children, groups.slice(1), col, here);
  };
  for (const c of columns) place(out, c.groups, leaf(c), '');
  return out;
}

/** One table as the plan lays it out: grouped headers, each computed number opens its records; failed row checks above. */
export function StatTableView({ t, onDrill }: { t: TableResult; onDrill(row: string, column: string): void }) {
  const phone = useMobile();
  const cell = (c: Column) => (_: unknown, r: Line): ReactNode => {
    const v = r.cells[c.key];
    const text = shownValue(v?.value ?? null, c.decimals);
    if (v?.source === 'measure' && v.value !== null)
      return (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(r.key, c.key)} data-testid={`cell-${r.key}-${c.key}`}>
          {text}
        </Button>
      );
    if (v?.source === 'input') return t.free && v.value !== null ? text : <Typography.Text type="secondary">{v.value === null ? '填报' : text}</Typography.Text>;
    if (v?.source === 'blank') return <Typography.Text type="secondary">/</Typography.Text>;
    return text;
  };
  const leaf = (c: Column): ColumnType<Line> => ({ key: c.key, title: headerOf(c), align: 'right', render: cell(c) });
  const first: ColumnType<Line> = { key: 'label', title: t.free ? '序号' : '类别', dataIndex: 'label' };
  const failed = t.checks.filter((c) => c.ok === false);
  const rowLabel = (k: string) => t.rows.find((r) => r.key === k)?.label ?? k;
  return (
    <>
      {failed.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title="表格校验未通过"
          description={failed.map((c, i) => (
            <div key={i}>
              {c.row ? rowLabel(c.row) : '跨行'}：{c.message}（{c.rule}）
            </div>
          ))}
        />
      )}
      {phone ? (
        <ResponsiveTable<Line>
          rowKey="key"
          pagination={false}
          dataSource={t.rows}
          columns={[
            { ...first, render: (v: string) => <b>{v}</b> },
            ...t.columns.map((c) => ({ ...leaf(c), title: [...c.groups, c.label].join('·') + (c.unit ? `（${c.unit}）` : '') })),
          ]}
        />
      ) : (
        <Table<Line>
          size="small"
          bordered
          rowKey="key"
          pagination={false}
          // Headers wrap to the page's width (a plan's table has a handful of columns): no sideways scrolling hides a number.
          dataSource={t.rows}
          columns={[first, ...groupedColumns(t.columns, leaf)]}
        />
      )}
      {t.note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          注：{t.note}
        </Typography.Paragraph>
      )}
    </>
  );
}
