import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, InputNumber, Space, Switch, Typography } from 'antd';
import type { TableResult } from '../../../contracts/reports.js';
import { MAX_FREE_ROWS } from '../../../contracts/row-sources.js';

export type FreeRow = Record<string, number | string | boolean | null>;

/** The values of a free table's rows as the report holds them (for the editor's state). */
export const freeRowsOf = (table: TableResult | null): FreeRow[] =>
  (table?.rows ?? []).map((r) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value])));

const shown = (v: FreeRow[string]) => (v == null || v === '' ? '—' : typeof v === 'boolean' ? (v ? '是' : '否') : String(v));

/**
 * A table of free rows (问题清单) in a report: one card per row, fields stacked (fits a phone), with
 * 删除 per row and 添加一行 below when the report may be edited; read-only text otherwise.
 */
export function FreeRowsEditor({
  table,
  rows,
  editable,
  onChange,
}: {
  table: TableResult;
  rows: FreeRow[];
  editable: boolean;
  onChange: (rows: FreeRow[]) => void;
}) {
  const set = (i: number, key: string, v: FreeRow[string]) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  const blank = () => Object.fromEntries(table.columns.map((c) => [c.key, c.type === 'boolean' ? false : null]));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8} data-testid="free-rows">
      {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无条目" />}
      {rows.map((r, i) => (
        <Card
          key={i}
          size="small"
          title={`第${i + 1}条`}
          data-testid="free-row"
          extra={
            editable && (
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                删除
              </Button>
            )
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }} size={6}>
            {table.columns.map((c) => {
              const label = `${c.label}${c.unit ? `（${c.unit}）` : ''}`;
              const v = r[c.key] ?? null;
              const aria = `第${i + 1}条${c.label}`;
              return (
                <div key={c.key}>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {label}
                  </Typography.Text>
                  <div>
                    {!editable ? (
                      shown(v)
                    ) : c.type === 'boolean' ? (
                      <Switch checked={v === true} onChange={(x) => set(i, c.key, x)} aria-label={aria} checkedChildren="是" unCheckedChildren="否" />
                    ) : c.type === 'text' ? (
                      <Input.TextArea
                        value={(v as string) ?? ''}
                        autoSize={{ minRows: 1, maxRows: 6 }}
                        maxLength={500}
                        onChange={(e) => set(i, c.key, e.target.value)}
                        aria-label={aria}
                      />
                    ) : (
                      <InputNumber min={0} value={(v as number) ?? null} onChange={(x) => set(i, c.key, x ?? null)} aria-label={aria} />
                    )}
                  </div>
                </div>
              );
            })}
          </Space>
        </Card>
      ))}
      {editable && rows.length < MAX_FREE_ROWS && (
        <Button icon={<PlusOutlined />} onClick={() => onChange([...rows, blank()])} block type="dashed">
          添加一条
        </Button>
      )}
    </Space>
  );
}
