import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Input, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ADR_KINDS, REPORTER_KINDS, SERIOUSNESS, type AdrReport, type AdrKind, type ReporterKind } from '../../../contracts/adr.js';
import { useAuth } from '../../lib/auth.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { adrApi, type ReportFilters } from './api.js';
import { ImportDialog } from './ImportDialog.js';

/** Dates and short labels stay on one line (a date broken as “2026-11-” / “08” is hard to read). */
const NOWRAP = { whiteSpace: 'nowrap' } as const;
import { ReportForm } from './ReportForm.js';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The reports of the caller's area with filters (period, area, drug, seriousness, late), the form and the import. */
export function ReportsTab() {
  const { can } = useAuth();
  const qc = useQueryClient();
  const [f, setF] = useState<ReportFilters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdrReport | null>(null);
  const [importing, setImporting] = useState(false);
  const put = (patch: Partial<ReportFilters>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q = useQuery({ queryKey: ['adr', 'reports', f], queryFn: () => adrApi.reports(f) });
  const areas = useQuery({ queryKey: ['adr', 'areas'], queryFn: adrApi.areas, staleTime: 300_000 });
  const refresh = () => qc.invalidateQueries({ queryKey: ['adr'] });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          aria-label="报告日期"
          style={{ maxWidth: '100%' }}
          onChange={(v) => put({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        />
        <Select
          allowClear
          placeholder="辖区"
          style={{ width: 180 }}
          options={(areas.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          onChange={(v?: number) => put({ jurisdictionId: v })}
        />
        <Input.Search
          allowClear
          placeholder="药品/器械或生产企业"
          style={{ width: 220 }}
          onSearch={(v) => put({ drug: v.trim() || undefined })}
        />
        <Select
          allowClear
          placeholder="严重程度"
          style={{ width: 110 }}
          options={options(SERIOUSNESS)}
          onChange={(v?: string) => put({ seriousness: v })}
        />
        <Select
          allowClear
          placeholder="是否迟报"
          style={{ width: 110 }}
          options={[
            { value: 'true', label: '迟报' },
            { value: 'false', label: '按时' },
          ]}
          onChange={(v?: 'true' | 'false') => put({ late: v })}
        />
        {can('adr.write') && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记报告
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
          </>
        )}
      </Space>
      <ResponsiveTable<AdrReport>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: q.data?.total ?? 0,
          onChange: (page, pageSize) => put({ page, pageSize }),
        }}
        columns={[
          {
            title: '报告编码',
            dataIndex: 'reportCode',
            key: 'code',
            // The correction sits with the code (always in view, on the phone card too).
            render: (code: string, r) => (
              <Space size={4} wrap>
                <span>{code}</span>
                {can('adr.write') && (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing(r)} aria-label={`修改报告 ${code}`}>
                    修改
                  </Button>
                )}
              </Space>
            ),
          },
          { title: '类别', dataIndex: 'kind', key: 'kind', render: (k: AdrKind) => <span style={NOWRAP}>{ADR_KINDS[k]}</span> },
          {
            title: '怀疑药品（器械）',
            key: 'drug',
            render: (_, r) => r.drugs.map((d) => `${d.genericName}${d.batchNo ? `（${d.batchNo}）` : ''}`).join('；'),
          },
          { title: '不良反应', key: 'reactions', render: (_, r) => r.reactions.join('、') },
          {
            title: '报告单位',
            key: 'reporter',
            render: (_, r) => `${r.reporterName}（${REPORTER_KINDS[r.reporterKind as ReporterKind]}）`,
          },
          { title: '辖区', dataIndex: 'jurisdictionName', key: 'area' },
          {
            title: '严重程度',
            key: 'sev',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.seriousness === 'serious' ? <Tag color="volcano">严重</Tag> : <Tag>一般</Tag>}
                {r.isNew && <Tag color="purple">新的</Tag>}
                {r.death && <Tag color="red">死亡</Tag>}
              </Space>
            ),
          },
          { title: '发生日期', dataIndex: 'onsetOn', key: 'onset', render: (d: string) => <span style={NOWRAP}>{d}</span> },
          {
            title: '报告日期',
            key: 'reported',
            render: (_, r) => (
              <Space size={4} wrap>
                <span style={NOWRAP}>{r.reportedOn}</span>
                {r.late ? <Tag color="red">迟报 {r.daysLate} 天</Tag> : <Tag color="green">按时</Tag>}
              </Space>
            ),
          },
          {
            title: '时限',
            dataIndex: 'dueOn',
            key: 'due',
            render: (d: string) => <span style={NOWRAP}>{`${dayjs(d).format('YYYY-MM-DD')} 前`}</span>,
          },
        ]}
      />
      {creating && <ReportForm onClose={() => setCreating(false)} onSaved={refresh} areas={areas.data} />}
      {editing && <ReportForm key={editing.id} report={editing} onClose={() => setEditing(null)} onSaved={refresh} areas={areas.data} />}
      <ImportDialog open={importing} onClose={() => setImporting(false)} onDone={refresh} />
    </>
  );
}
