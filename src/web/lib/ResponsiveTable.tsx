import { Card, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { ItemList } from './ItemList.js';
import { useMobile } from './screens.js';

/**
 * A table on a desk, a card per row on a phone (no sideways scrolling there): each card lists the
 * columns' titles and cells, rendered by the same column definitions. For tables whose rows are
 * read one at a time (lists, per-station figures), not compared across columns.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const phone = useMobile();
  if (!phone) return <Table<T> {...props} />;
  const columns = (props.columns ?? []) as ColumnType<T>[];
  const keyOf = (r: T, i: number): Key =>
    typeof props.rowKey === 'function'
      ? props.rowKey(r, i)
      : props.rowKey
        ? ((r as Record<string, unknown>)[props.rowKey as string] as Key)
        : i;
  const cell = (c: ColumnType<T>, r: T, i: number): ReactNode => {
    const path = c.dataIndex === undefined ? [] : Array.isArray(c.dataIndex) ? c.dataIndex : [c.dataIndex];
    const value = path.reduce<unknown>((v, k) => (v == null ? v : (v as Record<string, unknown>)[k as string]), r);
    return (c.render ? c.render(value, r, i) : value) as ReactNode;
  };
  return (
    <ItemList<T>
      items={props.dataSource ?? []}
      loading={!!props.loading}
      rowKey={keyOf}
      pagination={false}
      renderItem={(r, i) => {
        const row = props.onRow?.(r, i);
        return (
          <Card size="small" style={{ marginBottom: 8, cursor: row?.onClick ? 'pointer' : undefined }} onClick={row?.onClick}>
            {columns.map((c, k) => (
              <div key={String(c.key ?? k)} style={{ display: 'flex', gap: 8, padding: '2px 0' }}>
                <span style={{ color: 'rgba(0,0,0,0.45)', flex: '0 0 auto', maxWidth: '40%' }}>{c.title as ReactNode}</span>
                <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{cell(c, r, i)}</span>
              </div>
            ))}
          </Card>
        );
      }}
    />
  );
}
