import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Select, Space, Table, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import type { RollupResult, TableResult } from '../../../contracts/reports.js';
import { api, download, qs } from '../../lib/api.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { groupedColumns, headerOf, shownValue } from './StatTableView.js';
import { useMobile } from '../../lib/screens.js';

type Column = TableResult['columns'][number];
type Line = RollupResult['lines'][number] & { key: string };

/** 汇总: a line per unit below the area, the area's own level and 合计, ranked by a chosen column; a unit's name opens its own table. */
export function RollupView(props: {
  campaignId: number;
  tableKey: string;
  jurisdictionId?: number;
  date: string;
  rows: { key: string; label: string }[];
  onOpenUnit(id: number, name: string): void;
  onDrill(row: string | null, column: string, jurisdictionId: number, own: boolean): void;
}) {
  const { message } = App.useApp();
  const phone = useMobile();
  const [row, setRow] = useState<string | undefined>();
  const [sort, setSort] = useState<string | undefined>();
  const params = { jurisdictionId: props.jurisdictionId, date: props.date, row, sort };
  const base = `/api/reports/campaigns/${props.campaignId}/tables/${props.tableKey}/rollup`;
  const q = useQuery({ queryKey: ['report-rollup', base, params], queryFn: () => api<RollupResult>(`${base}${qs(params)}`) });
  const g = q.data;
  const lines: Line[] = g
    ? [
        ...g.lines.map((l) => ({ ...l, key: `${l.jurisdictionId}${l.own ? '-own' : ''}` })),
        { key: 'total', jurisdictionId: g.jurisdiction.id, name: '合计', own: false, values: g.totals, rank: null, submissions: null },
      ]
    : [];
  const leaf = (c: Column): ColumnType<Line> => ({
    key: c.key,
    title: headerOf(c),
    align: 'right',
    render: (_: unknown, l: Line) => {
      const v = l.values[c.key];
      const text = shownValue(v ?? null, c.decimals);
      // A line's number opens its records when one table row (or every row alike) is a measure cell.
      if (c.source !== 'measure' || v === null || v === undefined || l.key === 'total' || !row) return l.key === 'total' ? <b>{text}</b> : text;
      return (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => props.onDrill(row, c.key, l.jurisdictionId, l.own)}>
          {text}
        </Button>
      );
    },
  });
  const first: ColumnType<Line> = {
    key: 'name',
    title: '单位',
    fixed: phone ? undefined : 'left',
    render: (_: unknown, l: Line) =>
      l.key === 'total' ? (
        <b>合计</b>
      ) : l.own ? (
        l.name
      ) : (
        // A link, not a button: a long unit name wraps on a phone.
        <Typography.Link onClick={() => props.onOpenUnit(l.jurisdictionId, l.name)}>{l.name}</Typography.Link>
      ),
  };
  const rank: ColumnType<Line> = { key: 'rank', title: '排名', align: 'right', render: (_: unknown, l: Line) => l.rank ?? '' };
  // Completeness and timeliness of submissions: filled in by the submissions module (null until then).
  const numeric = (g?.columns ?? []).filter((c) => c.type === 'number' || c.type === 'money');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Space wrap>
        <Select
          style={{ minWidth: 160 }}
          value={row ?? ''}
          onChange={(v) => setRow(v || undefined)}
          options={[{ value: '', label: '合计（各行相加）' }, ...props.rows.map((r) => ({ value: r.key, label: r.label }))]}
          aria-label="行"
        />
        <Select
          style={{ minWidth: 160 }}
          allowClear
          placeholder="按某列排名"
          value={sort}
          onChange={(v) => setSort(v)}
          options={numeric.map((c) => ({ value: c.key, label: `按${c.label}排名` }))}
          aria-label="排名"
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download(`${base}/export${qs(params)}`, '汇总表.xlsx').catch((e) => message.error(e.message))}
        >
          导出汇总
        </Button>
      </Space>
      {g && (
        <Typography.Text type="secondary">
          {g.jurisdiction.name}：{g.row.label}，{g.period.label}
        </Typography.Text>
      )}
      {phone ? (
        <ResponsiveTable<Line>
          rowKey="key"
          loading={q.isLoading}
          pagination={false}
          dataSource={lines}
          columns={[first, ...(g?.columns ?? []).map((c) => ({ ...leaf(c), title: `${c.label}${c.unit ? `（${c.unit}）` : ''}` })), ...(sort ? [rank] : [])]}
        />
      ) : (
        <Table<Line>
          size="small"
          bordered
          rowKey="key"
          loading={q.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={lines}
          columns={[first, ...groupedColumns(g?.columns ?? [], leaf), ...(sort ? [rank] : [])]}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        报送完整率、及时率将在报送功能启用后列入本表。
      </Typography.Text>
    </Space>
  );
}
