import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { SUBMISSION_BOXES, SUBMISSION_STATUSES, type SubmissionBox, type SubmissionListItem } from '../../../contracts/submissions.js';
import { useAuth } from '../../lib/auth.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { SUBMISSION_STATUS_COLORS, submissionsApi } from './SubmissionApi.js';
import { SubmissionDrawer } from './SubmissionDrawer.js';

/** 报送: the unit's own reports, those waiting for the caller's review or acceptance, or all in view. */
export default function SubmissionsPage() {
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const boxes = (Object.keys(SUBMISSION_BOXES) as SubmissionBox[]).filter(
    (b) => (b !== 'mine' || can('reports.submit')) && (b !== 'approve' || can('reports.approve')) && (b !== 'receive' || can('reports.accept')),
  );
  const box = (params.get('box') as SubmissionBox) || boxes[0];
  const id = Number(params.get('id')) || null;
  const q = useQuery({ queryKey: ['submissions', 'list', box], queryFn: () => submissionsApi.list(box) });
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          报送
        </Typography.Title>
        <Link to="/reports/calendar">报送日历（起草报送）</Link>
      </Space>
      <Segmented
        value={box}
        onChange={(v) => set('box', String(v))}
        options={boxes.map((b) => ({ value: b, label: SUBMISSION_BOXES[b] }))}
        data-testid="submission-boxes"
      />
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      <Card size="small">
        <ResponsiveTable<SubmissionListItem>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data ?? []}
          onRow={(r) => ({ onClick: () => set('id', String(r.id)), style: { cursor: 'pointer' } })}
          locale={{ emptyText: '暂无报送' }}
          columns={[
            { title: '报送事项', key: 'label', render: (_, r) => <a data-testid={`submission-${r.id}`}>{r.title ? `${r.obligationLabel}：${r.title}` : r.obligationLabel}</a> },
            { title: '报送单位', dataIndex: 'orgUnitName', key: 'unit' },
            { title: '报送日期', dataIndex: 'dueDate', key: 'due', render: (v: string | null) => v ?? '随时报送' },
            {
              title: '状态',
              key: 'status',
              render: (_, r) => (
                <Space size={4}>
                  <Tag color={SUBMISSION_STATUS_COLORS[r.status]}>{SUBMISSION_STATUSES[r.status]}</Tag>
                  {r.late && <Tag color="warning">逾期</Tag>}
                </Space>
              ),
            },
            { title: '专项行动', dataIndex: 'campaignName', key: 'campaign' },
          ]}
        />
      </Card>
      <SubmissionDrawer id={id} onClose={() => set('id', null)} />
    </Space>
  );
}
