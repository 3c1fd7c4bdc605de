import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { CASE_PUBLICATION_WORKING_DAYS, type PublicationItem } from '../../../contracts/cases.js';
import { api, download, qs } from '../../lib/api.js';

const stateTag = (r: PublicationItem) =>
  r.publishedOn ? (
    <Tag color="green">已公示 {r.publishedOn}</Tag>
  ) : r.overdue ? (
    <Tag color="red">逾期未公示</Tag>
  ) : (
    <Tag color="orange">待公示</Tag>
  );

/** 行政处罚信息公示: decided cases with the day publication is due, whether published; Excel export in the public-notice columns. */
export default function PublicationPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [published, setPublished] = useState<'all' | 'true' | 'false'>('false');
  const filter = { published: published === 'all' ? undefined : published };
  const q = useQuery({
    queryKey: ['cases-publication', filter],
    queryFn: () => api<PublicationItem[]>(`/api/cases/publication${qs(filter)}`),
  });
  return (
    <Card
      title="行政处罚信息公示"
      styles={{ body: { padding: 12 } }}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download(`/api/cases/publication/export${qs(filter)}`, '行政处罚信息公示.xlsx').catch((e) => message.error(e.message))
          }
        >
          导出
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Segmented
          value={published}
          onChange={(v) => setPublished(v as typeof published)}
          options={[
            { value: 'false', label: '待公示' },
            { value: 'true', label: '已公示' },
            { value: 'all', label: '全部' },
          ]}
        />
        <Typography.Text type="secondary">
          行政处罚决定应自作出之日起{CASE_PUBLICATION_WORKING_DAYS}个工作日内向社会公示。点击一行查看案件。
        </Typography.Text>
        {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
        <ResponsiveTable<PublicationItem>
          size="small"
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data ?? []}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ onClick: () => navigate(`/cases?id=${r.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: '暂无需要公示的处罚决定' }}
          columns={[
            { title: '当事人', dataIndex: 'party', width: 180, fixed: 'left' },
            { title: '决定书文号', dataIndex: 'decisionNo', width: 160, render: (v: string | null, r) => v ?? r.caseNo ?? '—' },
            { title: '统一社会信用代码', dataIndex: 'creditCode', width: 180, render: (v: string | null) => v ?? '—' },
            { title: '违法事实', dataIndex: 'facts', width: 260, ellipsis: true },
            { title: '处罚依据', dataIndex: 'basis', width: 200, ellipsis: true },
            { title: '处罚内容', dataIndex: 'content', width: 200, ellipsis: true },
            { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
            { title: '公示期限', dataIndex: 'dueOn', width: 110 },
            { title: '状态', key: 'state', width: 140, render: (_: unknown, r) => stateTag(r) },
          ]}
        />
      </Space>
    </Card>
  );
}
