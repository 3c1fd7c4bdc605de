import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { TIP_KIND_LABELS, TIP_STATUS_LABELS, type Tip, type TipStatus } from '../../../contracts/tips.js';
import { api, qs } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { TipDrawer } from './TipDrawer.js';
import { ItemList } from '../../lib/ItemList.js';

export const STATUS_COLORS: Record<TipStatus, string> = { submitted: 'gold', accepted: 'blue', rejected: 'default', forwarded: 'green' };

/**
 * 基层上报: coordinators and informants see their own reports (and file new ones, phone first);
 * station staff see their area's reports, the pending ones first, and review them.
 */
export default function TipsPage() {
  const { can } = useAuth();
  const nav = useNavigate();
  const reviewer = can('tips.review');
  const reporter = can('tips.submit');
  // Leaders and upper-level viewers read the area's tips without reviewing or reporting.
  const showReporter = reviewer || !reporter;
  const [status, setStatus] = useState<TipStatus | 'all'>(reviewer ? 'submitted' : 'all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useQuery({
    queryKey: ['tips', status, q, page],
    queryFn: () =>
      api<{ items: Tip[]; total: number }>(`/api/tips${qs({ status: status === 'all' ? undefined : status, q, page, pageSize: 20 })}`),
  });
  return (
    <Card
      title={reviewer ? '基层上报受理' : reporter ? '我的上报' : '基层上报'}
      extra={
        can('tips.submit') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => nav('/tips/new')}>
            上报
          </Button>
        )
      }
      styles={{ body: { padding: 12 } }}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <div style={{ overflowX: 'auto' }}>
          <Segmented
            value={status}
            onChange={(v) => {
              setStatus(v as TipStatus | 'all');
              setPage(1);
            }}
            options={[
              { value: 'all', label: '全部' },
              ...(Object.keys(TIP_STATUS_LABELS) as TipStatus[]).map((s) => ({ value: s, label: TIP_STATUS_LABELS[s] })),
            ]}
          />
        </div>
        <Input.Search
          allowClear
          placeholder="搜索标题、地点、单位"
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <ItemList<Tip>
          loading={list.isLoading}
          items={list.data?.items}
          rowKey={(t) => t.id}
          empty={
            <Empty
              description={
                q
                  ? `没有与“${q}”相符的上报`
                  : reporter && !reviewer
                    ? status === 'all'
                      ? '还没有上报，发现隐患或线索请点击右上角“上报”'
                      : `没有“${TIP_STATUS_LABELS[status]}”的上报`
                    : status === 'submitted'
                      ? '没有待受理的上报：协管员、信息员的新上报会出现在这里'
                      : '暂无上报'
              }
            />
          }
          renderItem={(t) => (
            <ItemList.Row
              data-testid="tip-item"
              onClick={() => setOpenId(t.id)}
              style={{
                cursor: 'pointer',
                padding: '10px 4px',
                display: 'flex',
                justifyContent: 'space-between',
                alignItems: 'center',
                gap: 8,
              }}
            >
              <ItemList.Meta
                title={
                  <Space size={4} wrap>
                    <Tag color={t.kind === 'hazard' ? 'red' : t.kind === 'clue' ? 'purple' : 'default'}>{TIP_KIND_LABELS[t.kind]}</Tag>
                    <span>{t.title}</span>
                  </Space>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t.place} · {t.occurredOn}
                    {showReporter ? ` · ${t.jurisdictionName} ${t.reporterName}` : ''}
                  </Typography.Text>
                }
              />
              <Tag color={STATUS_COLORS[t.status]} data-testid="tip-status">
                {TIP_STATUS_LABELS[t.status]}
              </Tag>
            </ItemList.Row>
          )}
        />
        {(list.data?.total ?? 0) > 20 && (
          <Pagination simple current={page} total={list.data?.total} pageSize={20} onChange={setPage} style={{ textAlign: 'center' }} />
        )}
      </Space>
      <TipDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
