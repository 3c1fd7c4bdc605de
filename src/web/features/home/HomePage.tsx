import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { TASK_STATUSES } from '../../../contracts/campaign-labels.js';
import type { Dashboard } from '../../../contracts/dashboard.js';
import type { MyTask } from '../../../contracts/plans.js';
import { DATA_SCOPE_LABELS, ROLE_LABELS } from '../../../contracts/permissions.js';
import { TIP_STATUS_LABELS, TIP_STATUSES } from '../../../contracts/tips.js';
import { MENU, MENU_GROUPS, type MenuGroupKey } from '../../app/menu.js';
import { api } from '../../lib/api.js';
import { startedEarly } from '../../lib/early-query.js';
import { useAuth } from '../../lib/auth.js';
import { CampaignCard, DeadlineList, StaffingCard } from './DashboardCards.js';
import { FieldWorkCard } from './FieldWorkCard.js';
import { RisksCard } from '../risks/RisksCard.js';
import { AdrCard } from '../adr/AdrCard.js';
import { SubmissionRemindersCard } from '../reports/SubmissionRemindersCard.js';

const TASK_COLORS = { todo: 'default', doing: 'processing', done: 'success', blocked: 'error' } as const;
const TIP_COLORS = { submitted: 'gold', accepted: 'blue', rejected: 'default', forwarded: 'green' } as const;

export default function HomePage() {
  const { me, can } = useAuth();
  const nav = useNavigate();
  const q = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => api<Dashboard>('/api/dashboard'),
    enabled: !!me,
    ...startedEarly<Dashboard>('/api/dashboard'),
  });
  if (!me) return null;
  const modules = MENU.filter((m) => m.path !== '/' && m.path !== '/profile' && (!m.permission || can(m.permission)));
  const groups = (Object.keys(MENU_GROUPS) as MenuGroupKey[])
    .map((key) => ({ key, ...MENU_GROUPS[key], pages: modules.filter((m) => m.group === key) }))
    .filter((g) => g.pages.length > 0);
  const d = q.data;
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {me.name}，您好
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label="单位">{me.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label="辖区">{me.jurisdictionName}</Descriptions.Item>
          <Descriptions.Item label="角色">{ROLE_LABELS[me.role]}</Descriptions.Item>
          <Descriptions.Item label="数据范围">{DATA_SCOPE_LABELS[me.scope]}</Descriptions.Item>
        </Descriptions>
      </Card>
      {can('inspections.record') && <MyTasksButton />}
      {q.isLoading && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {[0, 1].map((i) => (
            <Col key={i} xs={24} lg={12}>
              <Card>
                <Skeleton active paragraph={{ rows: 3 }} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {q.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="工作台数据加载失败"
          description={(q.error as Error).message}
          action={
            <Button size="small" onClick={() => q.refetch()}>
              重试
            </Button>
          }
        />
      )}
      {d && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="dashboard">
          {(d.tips?.mode === 'review' || d.tasks || d.deadlines) && (
            <Col xs={24} lg={12}>
              <TodoCard d={d} />
            </Col>
          )}
          {d.inspections &&
            d.inspections.dueToday + d.inspections.overdue + d.inspections.awaitingMySignature + d.inspections.overdueRectifications >
              0 && (
              <Col xs={24} lg={12}>
                <FieldWorkCard f={d.inspections} />
              </Col>
            )}
          {!!d.calendarMissingYears?.length && (
            <Col xs={24} lg={12}>
              <Card title="节假日日历" extra={<Link to="/calendar">去录入</Link>} data-testid="calendar-missing">
                <Typography.Paragraph>
                  <b style={{ color: '#cf1322' }}>{d.calendarMissingYears.join('、')}年</b>
                  节假日安排尚未录入：落在这些年份的按工作日计算的期限（如公示、受理、告知期限）暂无法计算，请按国务院办公厅通知录入。
                </Typography.Paragraph>
              </Card>
            </Col>
          )}
          {d.complaints && d.complaints.overdue > 0 && (
            <Col xs={24} lg={12}>
              <Card title="投诉举报逾期" extra={<Link to="/complaints">全部</Link>} data-testid="complaints-overdue">
                <Typography.Paragraph>
                  本辖区有 <b style={{ color: '#cf1322' }}>{d.complaints.overdue}</b> 件投诉举报超过办理时限
                </Typography.Paragraph>
                {d.complaints.items.map((c) => (
                  <div key={c.id} style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <Link to={`/complaints?id=${c.id}`}>{c.summary}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                      {c.label}：期限 {c.due}，逾期 {c.daysOverdue} 天
                    </Typography.Text>
                  </div>
                ))}
              </Card>
            </Col>
          )}
          {d.risks && d.risks.mine + d.risks.awaitingVerification + d.risks.overdue > 0 && (
            <Col xs={24} lg={12}>
              <RisksCard r={d.risks} />
            </Col>
          )}
          {d.adr && d.adr.newAlerts + d.adr.lateReports30d > 0 && (
            <Col xs={24} lg={12}>
              <AdrCard a={d.adr} />
            </Col>
          )}
          {d.reports && d.reports.dueSoon.length + d.reports.missing.length + d.reports.toApprove + d.reports.toReceive > 0 && (
            <Col xs={24} lg={12}>
              <SubmissionRemindersCard r={d.reports} />
            </Col>
          )}
          {d.tips?.mode === 'mine' && (
            <Col xs={24} lg={12}>
              <Card
                title="我的上报"
                data-testid="my-tips"
                extra={
                  can('tips.submit') && (
                    <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => nav('/tips/new')}>
                      上报
                    </Button>
                  )
                }
              >
                <Row gutter={[8, 8]}>
                  {TIP_STATUSES.map((s) => (
                    <Col key={s} span={6}>
                      <Link to="/tips" style={{ display: 'block', textAlign: 'center' }}>
                        <div
                          style={{ fontSize: 24, fontWeight: 600, color: s === 'submitted' && d.tips!.byStatus[s] ? '#d48806' : undefined }}
                        >
                          {d.tips!.byStatus[s]}
                        </div>
                        <Tag color={TIP_COLORS[s]} style={{ marginInlineEnd: 0 }}>
                          {TIP_STATUS_LABELS[s]}
                        </Tag>
                      </Link>
                    </Col>
                  ))}
                </Row>
                <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
                  发现药品安全隐患或违法线索，可随时拍照上报；监管所受理后可在“基层上报”查看处理结果。
                </Typography.Paragraph>
              </Card>
            </Col>
          )}
          {d.deadlines && (
            <Col xs={24} lg={12}>
              <Card
                title="近期报送"
                extra={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    未来{d.windowDays}天
                  </Typography.Text>
                }
                data-testid="deadlines"
              >
                {d.deadlines.upcoming.length ? (
                  <DeadlineList items={d.deadlines.upcoming} />
                ) : (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={d.campaigns?.length ? `未来${d.windowDays}天内没有报送期限` : '暂无进行中的专项行动，因此没有报送期限'}
                  />
                )}
              </Card>
            </Col>
          )}
          {d.campaigns && (
            <Col xs={24} lg={12}>
              <Card title="进行中的专项行动" extra={<Link to="/campaigns">全部</Link>} data-testid="campaigns">
                {d.campaigns.length ? (
                  <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                    {d.campaigns.map((c) => (
                      <CampaignCard key={c.id} c={c} today={d.today} canManage={can('campaigns.manage')} />
                    ))}
                  </Space>
                ) : (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={
                      can('campaigns.manage') ? '暂无进行中的专项行动，可在“专项行动”中从模板新建并启动' : '本辖区暂无进行中的专项行动'
                    }
                  />
                )}
              </Card>
            </Col>
          )}
          {d.staffing && d.staffing.length > 0 && (
            <Col xs={24} lg={12}>
              <StaffingCard items={d.staffing} today={d.today} />
            </Col>
          )}
        </Row>
      )}
      <Typography.Title level={5} style={{ margin: '8px 0 12px' }}>
        功能模块
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {groups.map(({ key, label, icon, pages }) => (
          <Col key={key} xs={24} sm={12} lg={8}>
            <Card
              size="small"
              title={
                <span>
                  {icon} {label}
                </span>
              }
            >
              <Space wrap size={[8, 8]}>
                {pages.map((m) => (
                  <Button key={m.path} size="small" icon={m.icon} onClick={() => nav(m.path)}>
                    {m.label}
                    {m.planned ? '（建设中）' : ''}
                  </Button>
                ))}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

/** One tap from the home page to the inspections I am to carry out, with how many are due. */
function MyTasksButton() {
  const nav = useNavigate();
  const q = useQuery({ queryKey: ['my-tasks'], queryFn: () => api<{ items: MyTask[]; total: number }>('/api/my-tasks') });
  const items = q.data?.items ?? [];
  const today = items.filter((t) => t.dueToday).length;
  const overdue = items.filter((t) => t.overdue).length;
  return (
    <Card
      hoverable
      style={{ marginBottom: 16 }}
      styles={{ body: { padding: 12 } }}
      onClick={() => nav('/my-tasks')}
      data-testid="my-tasks-card"
    >
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <span style={{ fontSize: 16, fontWeight: 600 }}>我的任务</span>
        <Space size={4} wrap>
          <Tag color="blue">待检查 {q.data?.total ?? '…'}</Tag>
          {today > 0 && <Tag color="processing">今天到期 {today}</Tag>}
          {overdue > 0 && <Tag color="red">已逾期 {overdue}</Tag>}
          <Button type="primary" size="small">
            去检查
          </Button>
        </Space>
      </div>
    </Card>
  );
}

/** 待办: tips awaiting review, my unit's open task items, report deadlines just passed. */
function TodoCard({ d }: { d: Dashboard }) {
  const pending = d.tips?.mode === 'review' ? d.tips.byStatus.submitted : null;
  const tasks = d.tasks ?? [];
  const overdue = d.deadlines?.overdue ?? [];
  const nothing = !pending && !tasks.length && !overdue.length;
  return (
    <Card title="待办" data-testid="todo" styles={{ body: { paddingTop: 8 } }}>
      {nothing && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="暂无待办：没有待受理的上报，本单位的任务均已完成，近期也没有已过期限的报送"
        />
      )}
      {pending !== null && pending > 0 && (
        <Link
          to="/tips"
          data-testid="todo-tips"
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            padding: '10px 0',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <span>待受理的基层上报</span>
          <Tag color="gold" style={{ fontSize: 14, marginInlineEnd: 0 }}>
            {pending} 条
          </Tag>
        </Link>
      )}
      {tasks.length > 0 && (
        <div data-testid="todo-tasks">
          <Typography.Text type="secondary" style={{ display: 'block', margin: '10px 0 4px', fontSize: 12 }}>
            本单位负责、尚未完成的任务（{tasks.length}）
          </Typography.Text>
          {tasks.slice(0, 6).map((t) => (
            <Link
              key={`${t.campaignId}:${t.no}`}
              to={`/campaigns/${t.campaignId}`}
              style={{ display: 'block', padding: '6px 0', color: 'inherit' }}
            >
              <Space size={4} wrap>
                <Tag color={TASK_COLORS[t.status]} style={{ marginInlineEnd: 0 }}>
                  {TASK_STATUSES[t.status]}
                </Tag>
                {t.overdue && (
                  <Tag color="red" style={{ marginInlineEnd: 0 }}>
                    已超期 {t.due}
                  </Tag>
                )}
                {!t.overdue && t.due && <Tag style={{ marginInlineEnd: 0 }}>{t.due} 前</Tag>}
                <span>
                  {t.no}. {t.target}
                </span>
              </Space>
              {d.campaigns && d.campaigns.length > 1 && (
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                  {t.campaignName}
                </Typography.Text>
              )}
            </Link>
          ))}
          {tasks.length > 6 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              另有 {tasks.length - 6} 项，请在专项行动的“任务分工”中查看
            </Typography.Text>
          )}
        </div>
      )}
      {overdue.length > 0 && (
        <div data-testid="todo-overdue">
          <Typography.Text type="secondary" style={{ display: 'block', margin: '10px 0 4px', fontSize: 12 }}>
            近{d.windowDays}天已过截止日期的报送
          </Typography.Text>
          <DeadlineList items={overdue} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            报送记录功能上线前，系统无法核对是否已报送，请自行确认。
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
