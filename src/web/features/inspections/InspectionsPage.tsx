import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, DatePicker, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { INSPECTION_KINDS, INSPECTION_STATUSES, type InspectionKind, type InspectionListItem } from '../../../contracts/inspections.js';
import { api, download } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';
import { inspectionsApi, type InspectionFilters } from './api.js';
import { STATUS_COLORS } from './InspectionDrawer.js';
import { useMobile } from '../../lib/screens.js';

const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD');

/** 检查记录: the station's inspections, filtered by kind, date, inspector, result and open rectifications; Excel export. */
export default function InspectionsPage() {
  const mobile = useMobile();
  const navigate = useNavigate();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [f, setF] = useState<InspectionFilters>({ page: 1, pageSize: 20 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const put = (patch: Partial<InspectionFilters>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q = useQuery({ queryKey: ['inspections', f], queryFn: () => inspectionsApi.list(f) });
  const people = useQuery({
    queryKey: ['people', 'inspectors'],
    queryFn: () => api<{ items: { id: number; displayName: string; role: string }[] }>('/api/people?pageSize=500'),
    enabled: can('users.read'),
    staleTime: 300_000,
  });
  const inspectorOptions = (people.data?.items ?? [])
    .filter((p) => p.role === 'inspector' || p.role === 'station_head')
    .map((p) => ({ value: p.id, label: p.displayName }));
  const problems = (r: InspectionListItem) =>
    r.findings ? <Tag color="red">问题 {r.findings}</Tag> : r.status === 'done' ? <Tag color="green">未发现问题</Tag> : null;
  const openRect = (r: InspectionListItem) => r.openRectifications;
  const pagination = {
    current: f.page,
    pageSize: f.pageSize,
    total: q.data?.total ?? 0,
    showSizeChanger: false,
    size: 'small' as const,
    onChange: (page: number) => put({ page }),
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title="检查记录"
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(inspectionsApi.exportUrl(f), '检查记录.xlsx').catch((e) => message.error((e as Error).message))}
          >
            导出Excel
          </Button>
        }
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Select<InspectionKind>
            allowClear
            placeholder="检查方式"
            style={{ width: mobile ? '100%' : 170 }}
            value={f.kind}
            onChange={(kind) => put({ kind })}
            options={(Object.keys(INSPECTION_KINDS) as InspectionKind[]).map((k) => ({ value: k, label: INSPECTION_KINDS[k] }))}
            aria-label="检查方式"
          />
          <DatePicker.RangePicker
            style={{ width: mobile ? '100%' : 260 }}
            inputReadOnly
            value={range}
            onChange={(v) => (setRange(v), put({ from: day(v?.[0]), to: day(v?.[1]) }))}
            placeholder={['开始日期', '结束日期']}
          />
          {inspectorOptions.length > 0 && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="检查人员"
              style={{ width: mobile ? '100%' : 150 }}
              value={f.inspectorId}
              onChange={(inspectorId) => put({ inspectorId })}
              options={inspectorOptions}
              aria-label="检查人员"
            />
          )}
          <Select
            allowClear
            placeholder="检查结果"
            style={{ width: mobile ? '100%' : 140 }}
            value={f.result}
            onChange={(result) => put({ result })}
            options={[
              { value: 'findings', label: '发现问题' },
              { value: 'clean', label: '未发现问题' },
            ]}
            aria-label="检查结果"
          />
          <Checkbox checked={!!f.openRectifications} onChange={(e) => put({ openRectifications: e.target.checked || undefined })}>
            有未完成整改
          </Checkbox>
        </div>
      </Card>
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      {mobile ? (
        <ItemList
          loading={q.isLoading}
          items={q.data?.items}
          rowKey={(r) => r.id}
          pagination={pagination}
          renderItem={(r) => (
            <Card size="small" data-testid="inspection-card" style={{ marginBottom: 8 }} onClick={() => navigate(`/inspections/${r.id}`)}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Link to={`/inspections/${r.id}`} style={{ fontWeight: 600, wordBreak: 'break-all' }}>
                  {r.entityName}
                </Link>
                <Tag color={STATUS_COLORS[r.status]}>{INSPECTION_STATUSES[r.status]}</Tag>
              </div>
              <div style={{ fontSize: 13, color: '#666', margin: '4px 0' }}>
                {r.date} · {INSPECTION_KINDS[r.kind]} · {r.inspectors.map((p) => p.name).join('、')}
              </div>
              <Space wrap size={4}>
                {problems(r)}
                {openRect(r) > 0 && <Tag color="orange">整改中 {openRect(r)}</Tag>}
              </Space>
            </Card>
          )}
        />
      ) : (
        <Table<InspectionListItem>
          size="small"
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items}
          pagination={pagination}
          onRow={(r) => ({ onClick: () => navigate(`/inspections/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '检查日期', dataIndex: 'date', width: 110 },
            { title: '检查对象', dataIndex: 'entityName', render: (v, r) => <Link to={`/inspections/${r.id}`}>{v}</Link> },
            { title: '检查方式', dataIndex: 'kind', width: 150, render: (k: InspectionKind) => INSPECTION_KINDS[k] },
            { title: '监管所', dataIndex: 'stationName', width: 130 },
            { title: '检查人员', key: 'inspectors', render: (_, r) => r.inspectors.map((p) => p.name).join('、') },
            { title: '结果', key: 'result', width: 130, render: (_, r) => problems(r) },
            {
              title: '整改',
              key: 'rect',
              width: 100,
              render: (_, r) => (openRect(r) ? <Tag color="orange">整改中 {openRect(r)}</Tag> : '—'),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: InspectionListItem['status']) => <Tag color={STATUS_COLORS[s]}>{INSPECTION_STATUSES[s]}</Tag>,
            },
          ]}
        />
      )}
    </Space>
  );
}
