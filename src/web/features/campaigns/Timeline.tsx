import { ProvenanceTag } from './Provenance.js';
import { Tag } from 'antd';
import type { CampaignDefinition } from '../../../contracts/campaigns.js';

const COLORS = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#eb2f96'];
const day = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86400000;

/** What the plan leaves unset instead of a date (行动期间 / 阶段 方案未定), with the reason on hover. */
function Unset({ def, path, label }: { def: CampaignDefinition; path: string; label: string }) {
  return (
    <div data-testid={`unset-${path}`} style={{ marginTop: 4 }}>
      {label}：<b>方案未定</b>
      <ProvenanceTag def={def} path={path} />
    </div>
  );
}

/**
 * Phases on a proportional bar over the campaign period, with today marked. A plan without a period
 * (or phases) shows 方案未定 instead of dates until the office sets them.
 */
export function Timeline({ def, today }: { def: CampaignDefinition; today: string }) {
  if (!def.period)
    return (
      <div data-testid="timeline">
        <Unset def={def} path="period" label="行动期间" />
        {def.phases.length ? <PhaseList def={def} today={today} /> : <Unset def={def} path="phases" label="工作阶段" />}
      </div>
    );
  return <PeriodTimeline def={def} period={def.period} today={today} />;
}

function PhaseList({ def, today, current }: { def: CampaignDefinition; today: string; current?: CampaignDefinition['phases'][number] }) {
  const now = current ?? def.phases.find((p) => p.from <= today && today <= p.to);
  return (
    <ul data-testid="phase-list" style={{ paddingLeft: 18, margin: '8px 0 0' }}>
      {def.phases.map((p, i) => (
        <li key={p.key}>
          <span style={{ color: COLORS[i % COLORS.length], fontWeight: p === now ? 700 : 400 }}>{p.name}</span> {p.from} 至 {p.to}
          <ProvenanceTag def={def} path={`phases.${p.key}`} />
          {p === now && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              当前阶段
            </Tag>
          )}
          {p.description && <span style={{ color: '#888' }}> — {p.description}</span>}
        </li>
      ))}
    </ul>
  );
}

function PeriodTimeline({
  def,
  period,
  today,
}: {
  def: CampaignDefinition;
  period: NonNullable<CampaignDefinition['period']>;
  today: string;
}) {
  const a = day(period.from);
  const b = day(period.to) + 1;
  const pct = (s: string) => Math.min(100, Math.max(0, ((day(s) - a) / (b - a)) * 100));
  const inside = today >= period.from && today <= period.to;
  const current = def.phases.find((p) => p.from <= today && today <= p.to);
  return (
    <div data-testid="timeline">
      <div style={{ position: 'relative', height: 34, background: '#f5f5f5', borderRadius: 4, marginTop: 22 }}>
        {def.phases.map((p, i) => (
          <div
            key={p.key}
            title={`${p.name} ${p.from} 至 ${p.to}`}
            style={{
              position: 'absolute',
              left: `${pct(p.from)}%`,
              width: `${Math.max(0.5, ((day(p.to) + 1 - day(p.from)) / (b - a)) * 100)}%`,
              top: 0,
              bottom: 0,
              background: COLORS[i % COLORS.length],
              opacity: p === current ? 1 : 0.55,
              color: '#fff',
              fontSize: 12,
              overflow: 'hidden',
              whiteSpace: 'nowrap',
              padding: '8px 4px',
              boxSizing: 'border-box',
              borderRight: '1px solid #fff',
            }}
          >
            {p.name}
          </div>
        ))}
        {inside && (
          <div
            data-testid="today-marker"
            style={{ position: 'absolute', left: `${pct(today)}%`, top: -20, bottom: -4, borderLeft: '2px solid #f5222d' }}
          >
            <span style={{ position: 'absolute', top: 0, left: 4, fontSize: 12, color: '#f5222d', whiteSpace: 'nowrap' }}>
              今天 {today}
            </span>
          </div>
        )}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, color: '#888', marginTop: 4 }}>
        <span>{period.from}</span>
        <span>
          {period.to}
          <ProvenanceTag def={def} path="period" />
        </span>
      </div>
      <div style={{ marginTop: 8 }}>
        {!inside && (
          <Tag>
            {today < period.from ? '尚未开始' : '已过行动期间'}（今天 {today}）
          </Tag>
        )}
        {def.phases.length ? <PhaseList def={def} today={today} current={current} /> : <Unset def={def} path="phases" label="工作阶段" />}
      </div>
    </div>
  );
}
