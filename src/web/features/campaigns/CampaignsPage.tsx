import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { type CampaignSummary } from '../../../contracts/campaigns.js';
import { CAMPAIGN_STATUSES } from '../../../contracts/campaign-labels.js';
import { useAuth } from '../../lib/auth.js';
import { useMobile } from '../../lib/screens.js';
import { campaignsApi } from './api.js';

export const STATUS_COLORS = { draft: 'default', active: 'green', closed: 'blue' } as const;

export default function CampaignsPage() {
  const { can } = useAuth();
  const nav = useNavigate();
  const mobile = useMobile();
  const q = useQuery({ queryKey: ['campaigns'], queryFn: campaignsApi.list });
  const status = (v: keyof typeof CAMPAIGN_STATUSES) => <Tag color={STATUS_COLORS[v]}>{CAMPAIGN_STATUSES[v]}</Tag>;
  return (
    <Card
      title="专项行动"
      extra={
        can('campaigns.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => nav('/campaigns/new')}>
            新建专项行动
          </Button>
        )
      }
    >
      <Table<CampaignSummary>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        scroll={mobile ? undefined : { x: 720 }}
        pagination={false}
        locale={{ emptyText: can('campaigns.manage') ? '暂无专项行动：点击“新建专项行动”，可从五个方案模板开始' : '本辖区暂无专项行动' }}
        columns={
          mobile
            ? [
                {
                  title: '专项行动',
                  render: (_, r) => (
                    <div>
                      <Link to={`/campaigns/${r.id}`} style={{ fontWeight: 600 }}>
                        {r.name}
                      </Link>
                      <div style={{ fontSize: 12, color: '#888', marginTop: 2 }}>
                        {r.docNo && <div>{r.docNo}</div>}
                        {r.jurisdictionName} · {periodText(r)}
                      </div>
                      <div style={{ marginTop: 4 }}>
                        {status(r.status)}
                        {r.currentPhase && <Tag>{r.currentPhase}</Tag>}
                        <Tag>v{r.version}</Tag>
                      </div>
                    </div>
                  ),
                },
              ]
            : [
                { title: '名称', dataIndex: 'name', render: (v, r) => <Link to={`/campaigns/${r.id}`}>{v}</Link> },
                { title: '文号', dataIndex: 'docNo' },
                { title: '辖区', dataIndex: 'jurisdictionName', width: 100 },
                { title: '期间', render: (_, r) => periodText(r), width: 200 },
                { title: '当前阶段', dataIndex: 'currentPhase', width: 120, render: (v) => v ?? '—' },
                { title: '状态', dataIndex: 'status', width: 80, render: (v: keyof typeof CAMPAIGN_STATUSES) => status(v) },
                { title: '版本', dataIndex: 'version', width: 60, render: (v) => `v${v}` },
              ]
        }
      />
    </Card>
  );
}

/** 期间 of a campaign, or 方案未定 while its plan gives no dates. */
function periodText(r: Pick<CampaignSummary, 'from' | 'to'>) {
  return r.from && r.to ? `${r.from} 至 ${r.to}` : '期间方案未定';
}
