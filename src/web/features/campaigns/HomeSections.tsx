import { Descriptions, Progress, Tag } from 'antd';
import { type CampaignDefinition } from '../../../contracts/campaigns.js';
import { ENTITY_KIND_LABELS, ENTITY_TAGS, SECTORS, type EntityKind } from '../../../contracts/entity-kinds.js';

export function FocusLists({ def }: { def: CampaignDefinition }) {
  const f = def.focus;
  // Kinds and worded objects may name the same thing (个体诊所): show each once.
  const tags = (xs: string[]) =>
    xs.length
      ? [...new Set(xs)].map((x) => (
          <Tag key={x} style={{ marginBottom: 4 }}>
            {x}
          </Tag>
        ))
      : '—';
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="重点产品">{tags(f.products)}</Descriptions.Item>
      <Descriptions.Item label="重点对象">
        {tags([...f.entityKinds.map((k) => ENTITY_KIND_LABELS[k as EntityKind]), ...f.objects])}
      </Descriptions.Item>
      <Descriptions.Item label="重点区域">{tags(f.areas)}</Descriptions.Item>
      <Descriptions.Item label="对象标签">{tags(f.tags.map((t) => ENTITY_TAGS[t as keyof typeof ENTITY_TAGS]))}</Descriptions.Item>
      <Descriptions.Item label="排查渠道">{tags(f.channels)}</Descriptions.Item>
      {f.violations.map((v, i) => (
        <Descriptions.Item key={i} label={`${SECTORS[v.sector as keyof typeof SECTORS]}${v.area ? '·' + v.area : ''}`}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {v.items.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

const who = (p?: { name?: string; title: string; unit?: string }) =>
  p ? `${p.name ?? ''}${p.name ? '（' : ''}${p.title}${p.unit ? '，' + p.unit : ''}${p.name ? '）' : ''}` : '—';

export function OrgChart({ def }: { def: CampaignDefinition }) {
  const o = {
    ...def.organisation,
    leadingGroup: def.organisation.leadingGroup ?? {
      name: '（方案未设领导小组）',
      leader: undefined,
      deputies: [],
      members: [],
      memberUnits: [],
      duties: [],
    },
  };
  const box = { border: '1px solid #d9d9d9', borderRadius: 6, padding: 10, background: '#fff' } as const;
  return (
    <div data-testid="org-chart">
      <div style={{ ...box, borderColor: '#1677ff' }}>
        <b>{o.leadingGroup.name}</b>
        <div>组长：{who(o.leadingGroup.leader)}</div>
        {o.leadingGroup.deputies.length > 0 && <div>副组长：{o.leadingGroup.deputies.map(who).join('、')}</div>}
        {o.leadingGroup.members.length > 0 && <div>成员：{o.leadingGroup.members.map(who).join('、')}</div>}
        {o.leadingGroup.memberUnits.length > 0 && <div>成员单位：{o.leadingGroup.memberUnits.join('、')}</div>}
        {o.leadingGroup.duties.map((d) => (
          <div key={d} style={{ color: '#666', fontSize: 12 }}>
            · {d}
          </div>
        ))}
      </div>
      <div style={{ borderLeft: '2px solid #d9d9d9', height: 12, marginLeft: 20 }} />
      <div style={box}>
        <b>领导小组办公室</b>（设在{o.office.unit}）{o.office.director && <span>　主任：{who(o.office.director)}</span>}
        {o.office.duties.map((d) => (
          <div key={d} style={{ color: '#666', fontSize: 12 }}>
            · {d}
          </div>
        ))}
      </div>
      {o.workingGroups.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }}>
          {o.workingGroups.map((g) => (
            <div key={g.key} style={{ ...box, flex: '1 1 220px' }}>
              <b>{g.name}</b>
              {g.leader && <div>组长：{who(g.leader)}</div>}
              {g.units.length > 0 && <div>单位：{g.units.join('、')}</div>}
              {g.liaison && <div>联络员：{who(g.liaison)}</div>}
              {g.duties.map((d) => (
                <div key={d} style={{ color: '#666', fontSize: 12 }}>
                  · {d}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export function StaffingProgress({ s, today }: { s: any; today: string }) {
  const short =
    (s.target.coordinatorPerTownship && s.townships.staffed < s.townships.total) ||
    (s.target.informantPerVillage && s.villages.staffed < s.villages.total);
  const part = (label: string, role: string, x: any, want: boolean) =>
    want && (
      <div style={{ marginBottom: 12 }}>
        <div>
          {label}配备{role}：{x.staffed}/{x.total}
        </div>
        <Progress percent={x.total ? Math.round((x.staffed / x.total) * 100) : 0} status={x.staffed === x.total ? 'success' : 'active'} />
        {x.missing.length > 0 && (
          <div style={{ fontSize: 12, color: '#888' }}>
            尚未配备：
            {x.missing
              .slice(0, 30)
              .map((m: any) => `${m.parent ?? ''}${m.name}`)
              .join('、')}
            {x.missing.length > 30 && ` 等${x.missing.length}个`}
          </div>
        )}
      </div>
    );
  return (
    <div data-testid="staffing">
      <div style={{ marginBottom: 8 }}>
        目标：{s.target.by} 前{s.target.coordinatorPerTownship && '每个乡镇（苏木）配备一名协管员'}
        {s.target.coordinatorPerTownship && s.target.informantPerVillage && '，'}
        {s.target.informantPerVillage && '每个村（嘎查）配备一名信息员'}
        {short && today > s.target.by && (
          <Tag color="red" style={{ marginLeft: 8 }}>
            已逾期未配齐
          </Tag>
        )}
      </div>
      {part('乡镇/街道/苏木', '协管员', s.townships, s.target.coordinatorPerTownship)}
      {part('村/社区/嘎查', '信息员', s.villages, s.target.informantPerVillage)}
    </div>
  );
}
