import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ENTITY_STATUSES, MEDICAL_GRADES, DEVICE_LEVELS } from '../../../contracts/entity-kinds.js';
import type { EntitySummary } from '../../../contracts/entities.js';
import { api, ApiError, download, qs } from '../../lib/api.js';
import { startedEarly } from '../../lib/early-query.js';
import { useAuth } from '../../lib/auth.js';
import { FilterBar, type Filters } from './FilterBar.js';
import { apiQuery, entitiesUrl, filtersOf, pageOf } from './list-query.js';
import { EntityTags, LicenceTag, RiskTag, STATUS_COLORS } from './labels.js';
import { useScreens } from '../../lib/screens.js';

// Loaded when opened: the list's first render does not wait for the form and the import wizard (upload, progress).
const EntityEditDrawer = lazy(() => import('./EntityEditDrawer.js').then((m) => ({ default: m.EntityEditDrawer })));
const ImportWizard = lazy(() => import('./ImportWizard.js').then((m) => ({ default: m.ImportWizard })));

interface Page {
  items: EntitySummary[];
  total: number;
  totalCapped: boolean;
}

const SORT_FIELDS: Record<string, string> = {
  name: 'name',
  riskLevel: 'risk',
  licenceValidTo: 'licence',
  kindLabel: 'kind',
  updatedAt: 'updated',
};

export default function EntitiesPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const screens = useScreens();
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const filters = useMemo(() => filtersOf(params), [params]);
  const { page, pageSize } = pageOf(params);
  const setFilters = (f: Filters, p = 1, ps = pageSize) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) next.set(k, v);
    if (p > 1) next.set('page', String(p));
    if (ps !== 20) next.set('pageSize', String(ps));
    setParams(next, { replace: true });
  };
  const url = entitiesUrl(params);
  const q = useQuery({
    queryKey: ['entities', filters, page, pageSize],
    queryFn: () => api<Page>(url),
    ...startedEarly<Page>(url),
    placeholderData: keepPreviousData,
  });
  const sortOrder = (field: string) => {
    const s = filters.sort ?? 'name';
    if (s.replace('-', '') !== SORT_FIELDS[field]) return null;
    const desc = s.startsWith('-');
    // Risk sorts highest first by default.
    return field === 'riskLevel' ? (desc ? 'ascend' : 'descend') : desc ? 'descend' : 'ascend';
  };
  async function doExport() {
    setExporting(true);
    try {
      await download(`/api/entities/export${qs(apiQuery(filters))}`, '监管对象.xlsx');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '导出失败');
    } finally {
      setExporting(false);
    }
  }
  const actions = (
    <Space wrap>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport}>
        导出Excel
      </Button>
      {can('entities.manage') && (
        <>
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增
          </Button>
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            导入
          </Button>
        </>
      )}
    </Space>
  );
  return (
    <Card title="监管对象" extra={screens.md ? actions : undefined} styles={{ body: { paddingTop: 12 } }}>
      <FilterBar value={filters} onChange={(f) => setFilters(f)} extra={screens.md ? undefined : actions} />
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="entity-total">
        共 {q.data ? `${q.data.total}${q.data.totalCapped ? '+' : ''}` : '…'} 家
      </Typography.Text>
      <Table<EntitySummary>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items}
        scroll={{ x: screens.md ? 1100 : undefined }}
        onChange={(p, _f, sorter) => {
          const s = sorter as SorterResult<EntitySummary>;
          const field = SORT_FIELDS[String(s.field ?? '')];
          let sort: string | undefined;
          if (field && s.order)
            sort = field === 'risk' ? (s.order === 'descend' ? 'risk' : '-risk') : s.order === 'descend' ? `-${field}` : field;
          const sortChanged = (sort ?? 'name') !== (filters.sort ?? 'name');
          setFilters({ ...filters, sort }, sortChanged ? 1 : (p.current ?? 1), p.pageSize ?? 20);
        }}
        pagination={{
          current: page,
          pageSize,
          total: q.data?.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t}${q.data?.totalCapped ? '+' : ''} 家`,
          size: 'small',
        }}
        columns={[
          {
            title: '单位名称',
            dataIndex: 'name',
            sorter: true,
            sortOrder: sortOrder('name'),
            fixed: screens.md ? 'left' : undefined,
            width: screens.sm ? 240 : undefined,
            render: (v: string, r) => (
              <>
                <Link to={`/entities/${r.id}`}>{v}</Link>
                <div style={{ fontSize: 12, color: '#999' }}>{r.creditCode}</div>
                {/* A phone has no room for the type and licence columns: they go under the name. */}
                {!screens.sm && <div style={{ fontSize: 12 }}>{r.kindLabel}</div>}
                {!screens.sm && <LicenceTag state={r.licenceState} date={r.licenceValidTo} />}
              </>
            ),
          },
          {
            title: '主体类型',
            dataIndex: 'kindLabel',
            responsive: ['sm'],
            sorter: true,
            sortOrder: sortOrder('kindLabel'),
            width: 150,
            render: (v: string, r) => (
              <>
                {v}
                {r.medicalGrade && <Tag style={{ marginLeft: 4 }}>{MEDICAL_GRADES[r.medicalGrade]}</Tag>}
                {r.deviceLevel && <Tag style={{ marginLeft: 4 }}>{DEVICE_LEVELS[r.deviceLevel]}</Tag>}
                {r.familyPlanning && <Tag color="purple">计生</Tag>}
              </>
            ),
          },
          {
            title: '监管所 / 乡镇',
            responsive: ['sm'],
            width: 170,
            render: (_, r) => (
              <>
                {r.stationName.replace('市场监督管理所', '所')}
                <div style={{ fontSize: 12, color: '#999' }}>{[r.townshipName, r.villageName].filter(Boolean).join(' · ')}</div>
              </>
            ),
          },
          { title: '地址', dataIndex: 'address', responsive: ['md'], ellipsis: true, width: 200 },
          { title: '负责人', dataIndex: 'personInCharge', responsive: ['md'], width: 90 },
          {
            title: '风险',
            dataIndex: 'riskLevel',
            sorter: true,
            sortOrder: sortOrder('riskLevel'),
            width: 90,
            render: (v: string) => <RiskTag level={v} />,
          },
          { title: '信用', dataIndex: 'creditGrade', responsive: ['md'], width: 60, render: (v: string | null) => v ?? '—' },
          {
            title: '许可证有效期',
            dataIndex: 'licenceValidTo',
            responsive: ['sm'],
            sorter: true,
            sortOrder: sortOrder('licenceValidTo'),
            width: 150,
            render: (v: string | null, r) => <LicenceTag state={r.licenceState} date={v} />,
          },
          { title: '标签', dataIndex: 'tags', responsive: ['md'], width: 200, render: (t: string[]) => <EntityTags tags={t} /> },
          {
            title: '状态',
            dataIndex: 'status',
            responsive: ['md'],
            width: 80,
            render: (v: keyof typeof ENTITY_STATUSES) => <Tag color={STATUS_COLORS[v]}>{ENTITY_STATUSES[v]}</Tag>,
          },
        ]}
      />
      <Suspense fallback={null}>
        {creating && <EntityEditDrawer open onClose={() => setCreating(false)} />}
        {importing && <ImportWizard open onClose={() => setImporting(false)} onDone={() => q.refetch()} />}
      </Suspense>
    </Card>
  );
}
