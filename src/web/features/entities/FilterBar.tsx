import { FilterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Collapse, Input, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import {
  CREDIT_GRADES,
  DEVICE_LEVELS,
  ENTITY_KINDS,
  ENTITY_STATUSES,
  ENTITY_TAGS,
  LICENCE_STATES,
  MEDICAL_GRADES,
  RISK_LEVELS,
  SECTORS,
} from '../../../contracts/entity-kinds.js';
import { PRODUCTS } from '../../../contracts/products.js';
import type { Jurisdiction, OrgUnit } from '../../../contracts/org.js';
import { api, qs } from '../../lib/api.js';
import { startedEarly } from '../../lib/early-query.js';
import { options } from './labels.js';
import { useScreens } from '../../lib/screens.js';

export type Filters = Record<string, string | undefined>;

const kindOptions = Object.entries(SECTORS).map(([sector, label]) => ({
  label,
  options: ENTITY_KINDS.filter((k) => k.sector === sector).map((k) => ({ value: k.code, label: k.label })),
}));

/** Every attribute of the registry as a filter; on phones the bar folds away behind one button. */
export function FilterBar({ value, onChange, extra }: { value: Filters; onChange: (f: Filters) => void; extra?: ReactNode }) {
  const screens = useScreens();
  const stations = useQuery({
    queryKey: ['org-units', 'stations'],
    queryFn: () => api<OrgUnit[]>('/api/org-units'),
    initialData: startedEarly<OrgUnit[]>('/api/org-units').initialData,
    select: (units) => units.filter((u) => u.kind === 'station'),
    staleTime: 300_000,
  });
  const station = value.station;
  const townships = useQuery({
    queryKey: ['jurisdictions', station],
    queryFn: () => api<Jurisdiction[]>(`/api/jurisdictions${qs({ parentId: station })}`),
    enabled: !!station,
  });
  const multi = (key: string, placeholder: string, opts: { value: string; label: string }[] | typeof kindOptions) => (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width: '100%' }}
      options={opts as any}
      value={value[key] ? value[key]!.split(',') : []}
      onChange={(v: string[]) => onChange({ ...value, [key]: v.join(',') || undefined })}
    />
  );
  const single = (key: string, placeholder: string, opts: { value: string; label: string }[], loading?: boolean) => (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width: '100%' }}
      loading={loading}
      options={opts}
      value={value[key]}
      onChange={(v?: string) => onChange({ ...value, [key]: v, ...(key === 'station' ? { township: undefined } : {}) })}
    />
  );
  const span = { xs: 24, sm: 12, md: 8, xl: 6 };
  const fields = (
    <Row gutter={[8, 8]}>
      <Col {...span}>{multi('kinds', '主体类型', kindOptions)}</Col>
      <Col {...span}>
        {single(
          'station',
          '监管所',
          (stations.data ?? []).map((s) => ({ value: String(s.jurisdictionId), label: s.shortName ?? s.name })),
          stations.isLoading,
        )}
      </Col>
      <Col {...span}>
        {single(
          'township',
          '乡镇（街道）',
          (townships.data ?? []).map((t) => ({ value: String(t.id), label: t.name })),
        )}
      </Col>
      <Col {...span}>{multi('tagsAny', '标签（任一）', options(ENTITY_TAGS))}</Col>
      <Col {...span}>{multi('productsAny', '经营品种（任一）', options(PRODUCTS))}</Col>
      <Col {...span}>{multi('riskLevels', '风险等级', options(RISK_LEVELS))}</Col>
      <Col {...span}>{multi('creditGrades', '信用等级', options(CREDIT_GRADES))}</Col>
      <Col {...span}>{multi('statuses', '经营状态', options(ENTITY_STATUSES))}</Col>
      <Col {...span}>{multi('licenceStates', '许可证状态', options(LICENCE_STATES))}</Col>
      <Col {...span}>{multi('medicalGrades', '医疗机构等级', options(MEDICAL_GRADES))}</Col>
      <Col {...span}>{multi('deviceLevels', '器械监管级别', options(DEVICE_LEVELS))}</Col>
      <Col {...span}>
        {single('familyPlanning', '计划生育类产品', [
          { value: 'true', label: '是' },
          { value: 'false', label: '否' },
        ])}
      </Col>
      <Col {...span}>
        <Button onClick={() => onChange({ q: value.q })}>清空筛选</Button>
      </Col>
    </Row>
  );
  const active = Object.entries(value).filter(([k, v]) => v && k !== 'q' && k !== 'sort' && k !== 'page').length;
  return (
    <div style={{ marginBottom: 12 }}>
      <Row gutter={[8, 8]} style={{ marginBottom: 8 }} align="middle">
        <Col flex="auto">
          <Input.Search
            allowClear
            placeholder="按单位名称、统一社会信用代码或地址搜索"
            aria-label="搜索监管对象"
            defaultValue={value.q}
            onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
            enterButton
          />
        </Col>
        {extra && <Col>{extra}</Col>}
      </Row>
      {screens.md ? (
        fields
      ) : (
        <Collapse
          size="small"
          items={[
            {
              key: 'f',
              label: (
                <span>
                  <FilterOutlined /> 筛选{active ? `（${active}）` : ''}
                </span>
              ),
              children: fields,
            },
          ]}
        />
      )}
    </div>
  );
}
