import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { shanghaiToday } from '../../../contracts/calendar.js';
import {
  PRODUCT_CATEGORIES,
  SAMPLING_LEVELS,
  SAMPLING_STATUS_KEYS,
  SAMPLING_STATUSES,
  type SamplingListItem,
  type SamplingStatus,
} from '../../../contracts/sampling.js';
import { download } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';
import { samplingApi, STATUS_COLORS, type RecordFilters } from './api.js';
import { useMobile } from '../../lib/screens.js';

const thisYear = Number(shanghaiToday().slice(0, 4));

/** 抽检记录: the area's sampling records, filtered by state, year and text; Excel export; a button to record a sample. */
export default function SamplingRecordsPage() {
  const mobile = useMobile();
  const navigate = useNavigate();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [params] = useSearchParams();
  const planId = Number(params.get('planId')) || undefined;
  const [f, setF] = useState<RecordFilters>({ page: 1, pageSize: 20, ...(planId ? { planId } : { year: thisYear }) });
  const put = (patch: Partial<RecordFilters>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q = useQuery({ queryKey: ['sampling-records', f], queryFn: () => samplingApi.list(f) });
  const pagination = {
    current: f.page,
    pageSize: f.pageSize,
    total: q.data?.total ?? 0,
    showSizeChanger: false,
    size: 'small' as const,
    onChange: (page: number) => put({ page }),
  };
  const plan = (r: SamplingListItem) => (r.planLevel ? `${SAMPLING_LEVELS[r.planLevel]}` : '计划外');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title="抽检记录"
        extra={
          <Space wrap size={8}>
            {can('sampling.record') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/sampling/records/new')}>
                录入抽样
              </Button>
            )}
            {!mobile && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => download(samplingApi.exportUrl(f), '抽样记录.xlsx').catch((e) => message.error((e as Error).message))}
              >
                导出Excel
              </Button>
            )}
          </Space>
        }
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Select<number>
            style={{ width: mobile ? '100%' : 110 }}
            value={f.year}
            allowClear
            placeholder="年度"
            onChange={(year) => put({ year })}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))}
            aria-label="年度"
          />
          <Select<SamplingStatus>
            allowClear
            placeholder="状态"
            style={{ width: mobile ? '100%' : 130 }}
            value={f.status}
            onChange={(status) => put({ status })}
            options={SAMPLING_STATUS_KEYS.map((k) => ({ value: k, label: SAMPLING_STATUSES[k] }))}
            aria-label="状态"
          />
          {f.planId && (
            <Tag closable onClose={() => put({ planId: undefined })} style={{ alignSelf: 'center' }}>
              仅显示所选计划
            </Tag>
          )}
          <Input.Search
            allowClear
            placeholder="产品、批号、编号、单位"
            style={{ width: mobile ? '100%' : 240 }}
            onSearch={(v) => put({ q: v.trim() || undefined })}
          />
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
            <Card
              size="small"
              data-testid="sampling-card"
              style={{ marginBottom: 8 }}
              onClick={() => navigate(`/sampling/records/${r.id}`)}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Link to={`/sampling/records/${r.id}`} style={{ fontWeight: 600, wordBreak: 'break-all' }}>
                  {r.productName}
                </Link>
                <Tag color={STATUS_COLORS[r.status]}>{SAMPLING_STATUSES[r.status]}</Tag>
              </div>
              <div style={{ fontSize: 13, color: '#666', margin: '4px 0', wordBreak: 'break-all' }}>
                {r.entityName} · 批号 {r.batchNo}
              </div>
              <div style={{ fontSize: 12, color: '#999' }}>
                {r.sampledOn} · {r.number} · {plan(r)}
              </div>
            </Card>
          )}
        />
      ) : (
        <Table<SamplingListItem>
          size="small"
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items}
          pagination={pagination}
          onRow={(r) => ({ onClick: () => navigate(`/sampling/records/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '抽样单编号', dataIndex: 'number', width: 160 },
            { title: '抽样日期', dataIndex: 'sampledOn', width: 110 },
            { title: '产品', dataIndex: 'productName', render: (v, r) => <Link to={`/sampling/records/${r.id}`}>{v}</Link> },
            { title: '批号', dataIndex: 'batchNo', width: 110 },
            { title: '类别', dataIndex: 'category', width: 90, render: (c: SamplingListItem['category']) => PRODUCT_CATEGORIES[c] },
            { title: '被抽样单位', dataIndex: 'entityName' },
            { title: '监管所', dataIndex: 'stationName', width: 120 },
            { title: '抽检计划', key: 'plan', width: 130, render: (_, r) => plan(r) },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: SamplingStatus) => <Tag color={STATUS_COLORS[s]}>{SAMPLING_STATUSES[s]}</Tag>,
            },
          ]}
        />
      )}
    </Space>
  );
}
