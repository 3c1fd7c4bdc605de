import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CaseListItem } from '../../../contracts/cases.js';
import { api, qs } from '../../lib/api.js';

interface Target {
  jurisdictionId: number;
  name: string;
  count: number;
  target: number;
  met: boolean;
}

/**
 * 典型案例: each station's quarterly count against the target (at least one a quarter), and the closed
 * cases from which a typical case is written (in the case drawer: 编写典型案例, download as .docx).
 */
export default function TypicalCasesPage() {
  const navigate = useNavigate();
  const now = dayjs();
  const [year, setYear] = useState(now.year());
  const [quarter, setQuarter] = useState(Math.floor(now.month() / 3) + 1);
  const targets = useQuery({
    queryKey: ['cases-typical-targets', year, quarter],
    queryFn: () => api<Target[]>(`/api/cases/typical-targets${qs({ year, quarter })}`),
  });
  const decided = useQuery({
    queryKey: ['cases', 'typical-candidates'],
    queryFn: async () => {
      const pages = await Promise.all(
        (['decided', 'executed', 'closed'] as const).map((status) =>
          api<{ items: CaseListItem[] }>(`/api/cases${qs({ status, pageSize: 50 })}`),
        ),
      );
      return { items: pages.flatMap((p) => p.items).filter((c) => c.decidedOn) };
    },
  });
  const missing = (targets.data ?? []).filter((t) => !t.met).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card title="典型案例报送" styles={{ body: { padding: 12 } }}>
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <Space wrap>
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              options={[0, 1, 2].map((d) => ({ value: now.year() - d, label: `${now.year() - d}年` }))}
            />
            <Select
              value={quarter}
              onChange={setQuarter}
              style={{ width: 120 }}
              options={[1, 2, 3, 4].map((n) => ({ value: n, label: `第${'一二三四'[n - 1]}季度` }))}
            />
          </Space>
          <Typography.Text type="secondary">每个单位每季度报送典型案例不少于1个。</Typography.Text>
          {targets.isError && <Alert type="error" showIcon title={(targets.error as Error).message} />}
          {missing > 0 && <Alert type="warning" showIcon title={`${missing}个单位本季度尚未完成典型案例报送`} />}
          <ResponsiveTable<Target>
            size="small"
            rowKey="jurisdictionId"
            loading={targets.isLoading}
            dataSource={targets.data ?? []}
            pagination={false}
            scroll={{ x: 360 }}
            locale={{ emptyText: '暂无数据' }}
            columns={[
              { title: '单位', dataIndex: 'name' },
              { title: '已报送', dataIndex: 'count', width: 80, align: 'right' },
              { title: '目标', dataIndex: 'target', width: 70, align: 'right' },
              {
                title: '完成情况',
                key: 'met',
                width: 100,
                render: (_: unknown, t) => (t.met ? <Tag color="green">已完成</Tag> : <Tag color="red">未完成</Tag>),
              },
            ]}
          />
        </Space>
      </Card>
      <Card title="可编写典型案例的案件（已作出处罚决定）" styles={{ body: { padding: 12 } }}>
        <ResponsiveTable<CaseListItem>
          size="small"
          rowKey="id"
          loading={decided.isLoading}
          dataSource={decided.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 560 }}
          onRow={(c) => ({ onClick: () => navigate(`/cases?id=${c.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: '暂无已作出处罚决定的案件' }}
          columns={[
            { title: '当事人', dataIndex: 'entityName' },
            { title: '违法类型', dataIndex: 'violationLabel', width: 180 },
            { title: '承办单位', dataIndex: 'stationName', width: 140 },
            { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
          ]}
        />
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          点击案件，在案件详情中“编写典型案例”，并可下载典型案例文书（.docx）。
        </Typography.Text>
      </Card>
    </Space>
  );
}
