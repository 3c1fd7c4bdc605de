import { Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { auditActionLabel, auditEntityLabel } from '../../../contracts/audit.js';
import { useMobile } from '../../lib/screens.js';
import { api, qs } from '../../lib/api.js';
import { AuditDiff } from './AuditDiff.js';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  jurisdictionId: number | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

interface Facets {
  actions: string[];
  entityTypes: string[];
  actors: { id: number; name: string }[];
}

const PAGE_SIZE = 20;
const actionLabel = auditActionLabel;
const entityLabel = auditEntityLabel;
const actionColor = (a: string) =>
  a.endsWith('.create') || a.endsWith('.import') ? 'green' : a.endsWith('.update') ? 'blue' : a.startsWith('auth.') ? 'default' : 'orange';

/** 审计日志: who changed what and when, with filters and a before/after diff per row. */
export default function AuditPage() {
  const mobile = useMobile();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [actorId, setActorId] = useState<number>();
  const [action, setAction] = useState<string>();
  const [entityType, setEntityType] = useState<string>();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const facets = useQuery({ queryKey: ['audit-facets'], queryFn: () => api<Facets>('/api/audit/facets') });
  const params = {
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
    actorId,
    action,
    entityType,
    q: text || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const q = useQuery({
    queryKey: ['audit', params],
    queryFn: () => api<{ items: AuditEntry[]; total: number }>(`/api/audit${qs(params)}`),
    placeholderData: keepPreviousData,
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const filtered = !!(range || actorId || action || entityType || text);

  return (
    <Card title="审计日志" size={mobile ? 'small' : 'medium'}>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={range as any}
          onChange={reset(setRange) as any}
          placeholder={['开始日期', '结束日期']}
          style={{ width: mobile ? '100%' : 260 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="操作人"
          style={{ width: 140 }}
          value={actorId}
          onChange={reset(setActorId)}
          options={facets.data?.actors.map((a) => ({ value: a.id, label: a.name }))}
          aria-label="操作人"
        />
        <Select
          allowClear
          placeholder="操作"
          style={{ width: 140 }}
          value={action}
          onChange={reset(setAction)}
          options={facets.data?.actions.map((a) => ({ value: a, label: actionLabel(a) }))}
          aria-label="操作"
        />
        <Select
          allowClear
          placeholder="对象类型"
          style={{ width: 120 }}
          value={entityType}
          onChange={reset(setEntityType)}
          options={facets.data?.entityTypes.map((e) => ({ value: e, label: entityLabel(e) }))}
          aria-label="对象类型"
        />
        <Input.Search
          allowClear
          placeholder="摘要 / 操作人 / 对象编号"
          style={{ width: 220 }}
          onSearch={(v) => reset(setText)(v.trim())}
          aria-label="搜索审计日志"
        />
        {filtered && (
          <Button
            type="link"
            onClick={() => {
              setRange(null);
              setActorId(undefined);
              setAction(undefined);
              setEntityType(undefined);
              setText('');
              setPage(1);
            }}
          >
            清除筛选
          </Button>
        )}
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items}
        data-testid="audit-table"
        expandable={{
          expandedRowRender: (r) => <AuditDiff entityType={r.entityType} before={r.before} after={r.after} ip={r.ip} />,
          rowExpandable: (r) => r.before != null || r.after != null,
        }}
        pagination={{
          current: page,
          total: q.data?.total,
          pageSize: PAGE_SIZE,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 条`,
          size: 'small',
        }}
        columns={[
          {
            title: '时间',
            dataIndex: 'at',
            width: mobile ? 92 : 170,
            render: (v: string, r) =>
              mobile ? (
                <span style={{ fontSize: 12 }}>
                  {new Date(v).toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}
                  <br />
                  {r.actorName}
                </span>
              ) : (
                new Date(v).toLocaleString('zh-CN')
              ),
          },
          ...(mobile ? [] : [{ title: '操作人', dataIndex: 'actorName', width: 110 }]),
          {
            title: '操作',
            dataIndex: 'action',
            width: mobile ? 96 : 110,
            render: (a: string) => (
              <Tag color={actionColor(a)} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                {actionLabel(a)}
              </Tag>
            ),
          },
          ...(mobile
            ? []
            : [
                {
                  title: '对象',
                  width: 110,
                  render: (_: unknown, r: AuditEntry) => (
                    <span>
                      {entityLabel(r.entityType)}
                      {r.entityId && <Typography.Text type="secondary"> #{r.entityId}</Typography.Text>}
                    </span>
                  ),
                },
              ]),
          {
            title: '摘要',
            dataIndex: 'summary',
            ellipsis: !mobile,
            render: (v: string | null) => (mobile ? <span style={{ fontSize: 12, wordBreak: 'break-all' }}>{v}</span> : v),
          },
        ]}
      />
    </Card>
  );
}
