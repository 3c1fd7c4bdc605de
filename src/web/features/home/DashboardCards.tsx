import { Card, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { DEADLINE_RELATIONS, type DashboardCampaign, type DeadlineItem, type StaffingItem } from '../../../contracts/dashboard.js';

const COLORS = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#eb2f96'];
const day = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86400000;

function countdown(days: number) {
  if (days === 0) return { text: '今天截止', color: 'red' };
  if (days < 0) return { text: `已过 ${-days} 天`, color: 'red' };
  return { text: `还有 ${days} 天`, color: days <= 3 ? 'red' : days <= 7 ? 'orange' : 'blue' };
}

/** Deadlines with a countdown, one line each; wraps on a phone. */
export function DeadlineList({ items }: { items: DeadlineItem[] }) {
  return (
    <div>
      {items.slice(0, 8).map((i) => {
        const c = countdown(i.days);
        return (
          <Link
            key={`${i.campaignId}:${i.obligation}:${i.date}`}
            to={`/campaigns/${i.campaignId}`}
            data-testid="deadline"
            style={{
              display: 'flex',
              gap: 8,
              alignItems: 'flex-start',
              padding: '6px 0',
              color: 'inherit',
              borderBottom: '1px dashed #f0f0f0',
            }}
          >
            <Tag color={c.color} style={{ minWidth: 76, textAlign: 'center', marginInlineEnd: 0 }}>
              {c.text}
            </Tag>
            <div style={{ flex: 1, minWidth: 0 }}>
              <div>{i.label}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.date} {i.time} 前 · {DEADLINE_RELATIONS[i.relation]}
                {i.more > 0 && ` · 期内另有 ${i.more} 次`}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {i.campaignName}
              </Typography.Text>
            </div>
          </Link>
        );
      })}
      {items.length > 8 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          另有 {items.length - 8} 项
        </Typography.Text>
      )}
    </div>
  );
}

/** One active campaign: name, current phase, a compact phase bar with today, share elapsed and tasks done. */
export function CampaignCard({ c, today, canManage }: { c: DashboardCampaign; today: string; canManage: boolean }) {
  const a = day(c.from);
  const b = day(c.to) + 1;
  const pct = (s: string) => Math.min(100, Math.max(0, ((day(s) - a) / (b - a)) * 100));
  return (
    <div data-testid="dashboard-campaign">
      <Link to={`/campaigns/${c.id}`} style={{ fontWeight: 600 }}>
        {c.name}
      </Link>
      <div style={{ margin: '4px 0' }}>
        <Space size={4} wrap>
          {c.state === 'running' && c.currentPhase && <Tag color="green">当前：{c.currentPhase.name}</Tag>}
          {c.state === 'running' && !c.currentPhase && <Tag>阶段间隔</Tag>}
          {c.state === 'upcoming' && <Tag>尚未开始（{c.from} 起）</Tag>}
          {c.state === 'ended' && (
            <Tag color="orange" style={{ whiteSpace: 'normal' }}>
              {canManage ? '行动期间已结束，可在专项行动中结束该行动' : '行动期间已结束'}
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.from} 至 {c.to}
          </Typography.Text>
        </Space>
      </div>
      <div style={{ position: 'relative', height: 14, background: '#f5f5f5', borderRadius: 3, overflow: 'hidden' }} data-testid="phase-bar">
        {c.phases.map((p, i) => (
          <Tooltip key={p.key} title={`${p.name} ${p.from} 至 ${p.to}`}>
            <div
              style={{
                position: 'absolute',
                left: `${pct(p.from)}%`,
                width: `${Math.max(0.5, ((day(p.to) + 1 - day(p.from)) / (b - a)) * 100)}%`,
                top: 0,
                bottom: 0,
                background: COLORS[i % COLORS.length],
                opacity: c.currentPhase?.key === p.key ? 1 : 0.35,
                borderRight: '1px solid #fff',
              }}
            />
          </Tooltip>
        ))}
        {c.state === 'running' && (
          <div style={{ position: 'absolute', left: `${pct(today)}%`, top: 0, bottom: 0, borderLeft: '2px solid #f5222d' }} />
        )}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 12px', fontSize: 12, color: '#666', marginTop: 4 }}>
        {c.phases.map((p, i) => (
          <span key={p.key} style={{ fontWeight: c.currentPhase?.key === p.key ? 600 : 400 }}>
            <span
              style={{
                display: 'inline-block',
                width: 8,
                height: 8,
                borderRadius: 2,
                background: COLORS[i % COLORS.length],
                marginRight: 4,
              }}
            />
            {p.name}
          </span>
        ))}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: 6, fontSize: 13 }}>
        <span>
          时间进度 <b>{c.elapsedPct}%</b>
          {c.state === 'running' && `（剩余 ${c.daysLeft} 天）`}
        </span>
        {c.tasksTotal > 0 && (
          <span>
            任务完成 <b>{c.tasksDone}</b> / {c.tasksTotal}
          </span>
        )}
        {c.inspection && (
          <Link to={`/plans/${c.inspection.planId}`} data-testid="campaign-coverage">
            检查完成 <b>{c.inspection.done}</b> / {c.inspection.required}（
            {c.inspection.required ? Math.round((c.inspection.done / c.inspection.required) * 100) : 100}%）
          </Link>
        )}
      </div>
    </div>
  );
}

/** 基层队伍配备: coordinators per township and informants per village against the campaign's target. */
export function StaffingCard({ items, today }: { items: StaffingItem[]; today: string }) {
  return (
    <Card title="基层队伍配备" data-testid="staffing">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {items.map((s) => {
          const rows = [
            s.coordinatorPerTownship && { label: '协管员（每个乡镇/街道/苏木一名）', ...s.townships },
            s.informantPerVillage && { label: '信息员（每个村/社区/嘎查一名）', ...s.villages },
          ].filter(Boolean) as { label: string; total: number; staffed: number }[];
          const complete = rows.every((r) => r.staffed >= r.total);
          return (
            <div key={s.campaignId}>
              <Space size={4} wrap style={{ marginBottom: 4 }}>
                <Typography.Text strong>{s.areaName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.by} 前配齐
                </Typography.Text>
                {complete ? <Tag color="green">已配齐</Tag> : today > s.by ? <Tag color="red">已超期</Tag> : null}
              </Space>
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                <Link to={`/campaigns/${s.campaignId}`}>{s.campaignName}</Link>
              </Typography.Text>
              {rows.map((r) => (
                <div key={r.label} style={{ marginTop: 6 }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 13 }}>
                    <span>{r.label}</span>
                    <span>
                      {r.staffed} / {r.total}
                    </span>
                  </div>
                  <Progress
                    percent={r.total ? Math.round((r.staffed / r.total) * 100) : 100}
                    size="small"
                    status={r.staffed >= r.total ? 'success' : 'active'}
                    showInfo={false}
                  />
                </div>
              ))}
              {rows.some((r) => r.total === 0) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  辖区内尚未建立乡镇或村级辖区，请在“组织机构”中补充。
                </Typography.Text>
              )}
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
