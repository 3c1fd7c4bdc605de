import { ProvenanceTag } from './Provenance.js';
import { Tag } from 'antd';
import type { CampaignDefinition } from '../../../contracts/campaigns.js';

const COLORS = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#eb2f96'];
const day = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86400000;

/** Phases on a proportional bar over the campaign period, with today marked. */
export function Timeline({ def, today }: { def: CampaignDefinition; today: string }) {
  const a = day(def.period.from);
  const b = day(def.period.to) + 1;
  const pct = (s: string) => Math.min(100, Math.max(0, ((day(s) - a) / (b - a)) * 100));
  const inside = today >= def.period.from && today <= def.period.to;
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
        <span>{def.period.from}</span>
        <span>
          {def.period.to}
          <ProvenanceTag def={def} path="period" />
        </span>
      </div>
      <div style={{ marginTop: 8 }}>
        {!inside && (
          <Tag>
            {today < def.period.from ? '尚未开始' : '已过行动期间'}（今天 {today}）
          </Tag>
        )}
        <ul data-testid="phase-list" style={{ paddingLeft: 18, margin: '8px 0 0' }}>
          {def.phases.map((p, i) => (
            <li key={p.key}>
              <span style={{ color: COLORS[i % COLORS.length], fontWeight: p === current ? 700 : 400 }}>{p.name}</span> {p.from} 至 {p.to}
              <ProvenanceTag def={def} path={`phases.${p.key}`} />
              {p === current && (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  当前阶段
                </Tag>
              )}
              {p.description && <span style={{ color: '#888' }}> — {p.description}</span>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
