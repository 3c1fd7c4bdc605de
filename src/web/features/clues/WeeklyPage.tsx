import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Space, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { WeeklySummary } from '../../../contracts/clues.js';
import { api, download, qs } from '../../lib/api.js';

/** 每周报送 (seed 000): clues found and transferred, cases filed and decided, per station and in total, for a chosen week. */
export default function WeeklyPage() {
  const { message } = App.useApp();
  const [day, setDay] = useState<Dayjs>(dayjs());
  const date = day.format('YYYY-MM-DD');
  const q = useQuery({ queryKey: ['clues-weekly', date], queryFn: () => api<WeeklySummary>(`/api/clues/weekly${qs({ date })}`) });
  const s = q.data;
  const rows = s
    ? [...s.rows.map((r) => ({ key: String(r.jurisdictionId), name: r.name, ...r.values })), { key: 'total', name: '合计', ...s.total }]
    : [];
  return (
    <Card
      title="每周报送"
      styles={{ body: { padding: 12 } }}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download(`/api/clues/weekly/export${qs({ date })}`, '每周报送.xlsx').catch((e) => message.error(e.message))}
        >
          导出
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Space wrap>
          <DatePicker picker="week" value={day} onChange={(d) => d && setDay(d)} allowClear={false} />
          {s && (
            <Typography.Text type="secondary">
              {s.areaName}：{s.from} 至 {s.to}
            </Typography.Text>
          )}
        </Space>
        <ResponsiveTable
          size="small"
          loading={q.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          columns={[
            {
              title: '单位',
              dataIndex: 'name',
              fixed: 'left' as const,
              render: (v: string, r: { key: string }) => (r.key === 'total' ? <b>{v}</b> : v),
            },
            ...(s?.columns ?? []).map((c) => ({
              title: (
                <Tooltip title={c.definition}>
                  {c.label}（{c.unit}）
                </Tooltip>
              ),
              dataIndex: c.key,
              align: 'right' as const,
            })),
          ]}
        />
        {s && s.columns.length < 4 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            立案、结案数由案件查办功能提供，启用后自动列入本表。
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
