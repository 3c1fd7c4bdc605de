import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, Descriptions, Popconfirm, Progress, Row, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { type CampaignDefinition } from '../../../contracts/campaigns.js';
import { CAMPAIGN_STATUSES, FORM_TYPES, TABLE_PERIODS } from '../../../contracts/campaign-labels.js';
import { useAuth } from '../../lib/auth.js';
import { startedEarly } from '../../lib/early-query.js';
import { campaignsApi } from './api.js';
import { STATUS_COLORS } from './CampaignsPage.js';
import { FocusLists, OrgChart, StaffingProgress } from './HomeSections.js';
import { LiaisonRegister } from './LiaisonRegister.js';
import { TaskBreakdown } from './TaskBreakdown.js';
import { Timeline } from './Timeline.js';
import { PendingDecisions, ProvenanceTag } from './Provenance.js';
import { ItemList } from '../../lib/ItemList.js';
import { useMobile } from '../../lib/screens.js';

export default function CampaignHomePage() {
  const id = Number(useParams().id);
  const nav = useNavigate();
  const qc = useQueryClient();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  type Home = Awaited<ReturnType<typeof campaignsApi.home>>;
  const home = useQuery<Home>({
    queryKey: ['campaign-home', id],
    queryFn: () => campaignsApi.home(id),
    ...startedEarly<Home>(`/api/campaigns/${id}/home`),
  });
  const versions = useQuery({
    queryKey: ['campaign-versions', id],
    queryFn: () => campaignsApi.versions(id),
    ...startedEarly<Awaited<ReturnType<typeof campaignsApi.versions>>>(`/api/campaigns/${id}/versions`),
  });
  const mobile = useMobile();
  const [tab, setTab] = useState('tasks');
  const refresh = () => qc.invalidateQueries({ queryKey: ['campaign-home', id] });
  if (!home.data) return <Card loading={home.isLoading}>{home.error?.message}</Card>;
  const { campaign: c, definition: def, today } = home.data as { campaign: any; definition: CampaignDefinition; today: string };
  // The buttons are the actions the server says the caller may take now (workflow).
  const may = (a: string) => ((home.data as { actions?: string[] }).actions ?? []).includes(a);
  const manage = can('campaigns.manage');
  const move = async (status: string) => {
    try {
      await campaignsApi.status(id, status);
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        title={<span style={{ whiteSpace: 'normal' }}>{c.name}</span>}
        extra={
          manage && (
            <Space wrap>
              {may('activate') && <Button onClick={() => move('active')}>启动</Button>}
              {may('close') && (
                <Popconfirm
                  title="结束该专项行动？"
                  description="结束后不再出现在工作台的进行中行动、报送期限和待办任务中。"
                  okText="结束行动"
                  cancelText="取消"
                  onConfirm={() => move('closed')}
                >
                  <Button>结束</Button>
                </Popconfirm>
              )}
              {may('amend') && (
                <Button type="primary" icon={<EditOutlined />} onClick={() => nav(`/campaigns/${id}/edit`)}>
                  修订
                </Button>
              )}
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label="文号">{def.docNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发文单位">{def.issuer}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={STATUS_COLORS[c.status as keyof typeof STATUS_COLORS]}>
              {CAMPAIGN_STATUSES[c.status as keyof typeof CAMPAIGN_STATUSES]}
            </Tag>{' '}
            v{c.version}
          </Descriptions.Item>
          <Descriptions.Item label="当前阶段">{c.currentPhase ?? '—'}</Descriptions.Item>
        </Descriptions>
        <Timeline def={def} today={today} />
        {def.subActions.length > 0 && (
          <div style={{ marginTop: 8 }}>
            {def.subActions.map((s) => (
              <Tag key={s.key} color="geekblue" title={s.description} style={{ marginBottom: 4 }}>
                {s.name}
              </Tag>
            ))}
          </div>
        )}
      </Card>
      <PendingDecisions campaignId={id} def={def} pending={home.data.pending} canManage={manage} closed={c.status === 'closed'} />
      {def.quotas.length > 0 && can('plans.read') && <InspectionCard inspection={(home.data as any).inspection} />}
      <Card>
        <Sections
          mobile={mobile}
          tab={tab}
          setTab={setTab}
          items={[
            {
              key: 'tasks',
              label: '任务分工',
              children: <TaskBreakdown campaignId={id} tasks={home.data.tasks} canManage={manage} refresh={refresh} />,
            },
            {
              key: 'obligations',
              label: '报送任务',
              children: (
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  scroll={mobile ? undefined : { x: 600 }}
                  dataSource={home.data.obligations.map((o: any) => ({ ...o, def: def.obligations.find((x) => x.key === o.key) }))}
                  locale={{ emptyText: '本方案未设报送任务' }}
                  columns={
                    mobile
                      ? [
                          {
                            title: '报送任务',
                            render: (_, o: any) => (
                              <div data-testid="obligation">
                                <div style={{ fontWeight: 600 }}>{o.label}</div>
                                <div style={{ fontSize: 12, color: '#666' }}>
                                  {o.rule}
                                  <ProvenanceTag def={def} path={`obligations.${o.key}.rule`} /> ·{' '}
                                  {FORM_TYPES[o.def.form.type as keyof typeof FORM_TYPES]} · 共 {o.count} 次
                                </div>
                                <div style={{ fontSize: 12, color: '#666' }}>
                                  {o.def.submitters.join('、')} → {o.def.recipient ?? o.def.externalRecipient}
                                  <ProvenanceTag def={def} path={`obligations.${o.key}.${o.def.recipient ? 'recipient' : 'submitters'}`} />
                                </div>
                                <div style={{ fontSize: 12 }}>下次：{nextDue(o)}</div>
                              </div>
                            ),
                          },
                        ]
                      : [
                          { title: '报送任务', dataIndex: 'label' },
                          {
                            title: '时限',
                            width: 200,
                            render: (_, o: any) => (
                              <>
                                {o.rule}
                                <ProvenanceTag def={def} path={`obligations.${o.key}.rule`} />
                              </>
                            ),
                          },
                          { title: '形式', width: 90, render: (_, o: any) => FORM_TYPES[o.def.form.type as keyof typeof FORM_TYPES] },
                          {
                            title: '报送单位 → 接收',
                            render: (_, o: any) => (
                              <>
                                {`${o.def.submitters.join('、')} → ${o.def.recipient ?? o.def.externalRecipient}`}
                                <ProvenanceTag def={def} path={`obligations.${o.key}.submitters`} />
                                <ProvenanceTag def={def} path={`obligations.${o.key}.recipient`} />
                              </>
                            ),
                          },
                          { title: '下次', width: 150, render: (_, o: any) => nextDue(o) },
                          { title: '共', dataIndex: 'count', width: 50 },
                        ]
                  }
                />
              ),
            },
            { key: 'focus', label: '重点', children: <FocusLists def={def} /> },
            {
              key: 'quotas',
              label: '指标与报表',
              children: (
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <ItemList
                      header={<b>检查指标</b>}
                      items={def.quotas}
                      rowKey={(q) => q.id}
                      renderItem={(q) => (
                        <ItemList.Row>
                          <span>
                            {q.label}
                            {q.children?.length ? `（含${q.children.length}项子指标）` : ''}
                            <ProvenanceTag def={def} path={`quotas.${q.id}.population`} />
                            <ProvenanceTag def={def} path={`quotas.${q.id}.times`} />
                          </span>
                        </ItemList.Row>
                      )}
                    />
                  </Col>
                  <Col xs={24} md={12}>
                    <ItemList
                      header={<b>统计表</b>}
                      items={def.tables}
                      rowKey={(t) => t.key}
                      renderItem={(t) => (
                        <ItemList.Row>
                          <div>
                            <div>
                              {t.label}（{TABLE_PERIODS[t.period as keyof typeof TABLE_PERIODS]}
                              {t.cumulativeFrom ? `，自${t.cumulativeFrom}起累计` : ''}）
                            </div>
                            <div style={{ fontSize: 12, color: '#888' }}>
                              行：{t.rowMode === 'free' ? '由填报单位逐条填写' : t.rows.map((r) => r.label).join('、')}；列：
                              {t.measures.map((m) => `${m.label}${m.unit ? `(${m.unit})` : ''}`).join('、')}
                            </div>
                          </div>
                        </ItemList.Row>
                      )}
                    />
                  </Col>
                </Row>
              ),
            },
            { key: 'org', label: '组织机构', children: <OrgChart def={def} /> },
            {
              key: 'liaisons',
              label: '联络员',
              children: def.liaisons ? (
                <LiaisonRegister campaignId={id} name={c.name} rows={home.data.liaisons} canManage={manage} />
              ) : (
                '本方案未设联络员填报'
              ),
            },
            {
              key: 'staffing',
              label: '基层队伍',
              children: home.data.staffing ? <StaffingProgress s={home.data.staffing} today={today} /> : '本方案未设基层队伍配备目标',
            },
            {
              key: 'versions',
              label: '版本历史',
              children: (
                <ItemList
                  items={versions.data}
                  rowKey={(v) => v.version}
                  renderItem={(v) => (
                    <ItemList.Row>
                      <div>
                        <b>v{v.version}</b> {new Date(v.createdAt).toLocaleString('zh-CN')} · {v.authorName} · {v.note}
                        <ul style={{ margin: 0, paddingLeft: 18, fontSize: 12, color: '#666' }}>
                          {v.changes.map((x) => (
                            <li key={x}>{x}</li>
                          ))}
                        </ul>
                      </div>
                    </ItemList.Row>
                  )}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** Tabs on a desktop; on a phone a section picker, since a row of eight tabs does not fit. */
function Sections({
  mobile,
  tab,
  setTab,
  items,
}: {
  mobile: boolean;
  tab: string;
  setTab: (k: string) => void;
  items: { key: string; label: string; children: React.ReactNode }[];
}) {
  if (!mobile) return <Tabs size="small" activeKey={tab} onChange={setTab} items={items} />;
  return (
    <>
      <Select
        data-testid="section-picker"
        value={tab}
        onChange={setTab}
        options={items.map((i) => ({ value: i.key, label: i.label }))}
        style={{ width: '100%', marginBottom: 12 }}
      />
      {items.find((i) => i.key === tab)?.children}
    </>
  );
}

/** The campaign's current plan (当前方案) and how far its inspections are, or the way to make one. */
function InspectionCard({ inspection }: { inspection: { planId: number; planName: string; done: number; required: number } | null }) {
  const { can } = useAuth();
  if (!inspection)
    return (
      <Card size="small" title="检查计划">
        尚未发布检查计划。{can('plans.manage') && <Link to="/plans">去生成检查计划</Link>}
      </Card>
    );
  const pct = inspection.required ? Math.round((inspection.done / inspection.required) * 100) : 100;
  return (
    <Card size="small" title="检查计划与完成情况" extra={<Link to={`/plans/${inspection.planId}`}>查看计划</Link>}>
      <div style={{ marginBottom: 4 }}>
        当前方案：<Link to={`/plans/${inspection.planId}`}>{inspection.planName}</Link>
      </div>
      <Progress percent={pct} format={() => `${inspection.done}/${inspection.required}`} />
      <div style={{ fontSize: 12, color: '#888' }}>
        各项检查指标已检 {inspection.done}，应检 {inspection.required}（按指标计）
      </div>
    </Card>
  );
}

/** The next due date, or what the plan leaves unset (方案未定：行动期间、星期几) instead of a date. */
function nextDue(o: { next: { date: string; time: string } | null; unset?: string | null }) {
  if (o.unset)
    return (
      <Tag color="red" data-testid="obligation-unset" style={{ whiteSpace: 'normal' }}>
        {o.unset}
      </Tag>
    );
  return o.next ? `${o.next.date} ${o.next.time}` : '—';
}
