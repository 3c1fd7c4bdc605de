import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, DatePicker, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { RECTIFICATION_STATUSES, type RectificationStatus, type RectificationView } from '../../../contracts/inspections.js';
import { ItemList } from '../../lib/ItemList.js';
import { inspectionsApi, itemsOf } from './api.js';
import { RECTIFICATION_COLORS } from './OnSiteDetails.js';
import { useMobile } from '../../lib/screens.js';
import { useSubmit } from '../../lib/submit.js';

/**
 * 整改跟踪: rectifications ordered at inspections, overdue first with days overdue (counted per
 * station); the unit's evidence is submitted, a deadline extended with a reason, or a 复查 opened.
 */
export default function RectificationsPage() {
  const mobile = useMobile();
  // Links from the 工作台 open it filtered: ?overdue=true&stationId=…
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<RectificationStatus | undefined>();
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const stationId = Number(params.get('stationId')) || undefined;
  const [evidenceFor, setEvidenceFor] = useState<RectificationView | null>(null);
  const [extendFor, setExtendFor] = useState<RectificationView | null>(null);
  const q = useQuery({
    queryKey: ['rectifications', status, overdue, stationId],
    queryFn: () => inspectionsApi.rectifications({ status, overdue: overdue || undefined, stationId, pageSize: 200 }),
  });
  const items = useMemo(
    () => [...itemsOf(q.data)].sort((a, b) => b.daysOverdue - a.daysOverdue || a.deadline.localeCompare(b.deadline)),
    [q.data],
  );
  const stations = useMemo(() => {
    const m = new Map<string, { open: number; overdue: number }>();
    for (const r of items) {
      if (r.status === 'closed') continue;
      const s = m.get(r.stationName) ?? { open: 0, overdue: 0 };
      s.open++;
      if (r.daysOverdue > 0) s.overdue++;
      m.set(r.stationName, s);
    }
    return [...m.entries()].sort((a, b) => b[1].overdue - a[1].overdue);
  }, [items]);
  const actions = (r: RectificationView) => (
    <Space wrap size={4}>
      {r.actions.includes('submit_evidence') && (
        <Button size="small" onClick={() => setEvidenceFor(r)}>
          提交整改材料
        </Button>
      )}
      {r.actions.includes('extend') && (
        <Button size="small" onClick={() => setExtendFor(r)}>
          延期
        </Button>
      )}
      {r.status !== 'closed' && r.actions.length > 0 && (
        <Link to={`/inspections/new?recheckOf=${r.inspectionId}`}>
          <Button size="small" type="primary">
            复查
          </Button>
        </Link>
      )}
    </Space>
  );
  const state = (r: RectificationView) => (
    <Space size={4} wrap>
      <Tag color={RECTIFICATION_COLORS[r.status]}>{RECTIFICATION_STATUSES[r.status]}</Tag>
      {r.daysOverdue > 0 && <Tag color="red">逾期 {r.daysOverdue} 天</Tag>}
    </Space>
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title="整改跟踪">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Select<RectificationStatus>
            allowClear
            placeholder="整改状态"
            style={{ width: mobile ? '100%' : 180 }}
            value={status}
            onChange={setStatus}
            options={(Object.keys(RECTIFICATION_STATUSES) as RectificationStatus[]).map((k) => ({
              value: k,
              label: RECTIFICATION_STATUSES[k],
            }))}
            aria-label="整改状态"
          />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
            只看逾期
          </Checkbox>
          {stationId && items[0] && (
            <Tag closable onClose={() => setParams({})}>
              {items[0].stationName}
            </Tag>
          )}
        </div>
        {stations.length > 0 && (
          <div style={{ marginTop: 8 }} data-testid="station-overdue">
            {stations.map(([name, s]) => (
              <Tag key={name} color={s.overdue ? 'red' : undefined} style={{ marginBottom: 4 }}>
                {name}：未完成 {s.open}
                {s.overdue ? `，逾期 ${s.overdue}` : ''}
              </Tag>
            ))}
          </div>
        )}
      </Card>
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      {mobile ? (
        <ItemList
          loading={q.isLoading}
          items={items}
          rowKey={(r) => r.id}
          renderItem={(r) => (
            <Card
              size="small"
              data-testid="rectification-card"
              style={{ marginBottom: 8, borderColor: r.daysOverdue > 0 ? '#ff4d4f' : undefined }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Link to={`/inspections/${r.inspectionId}`} style={{ fontWeight: 600, wordBreak: 'break-all' }}>
                  {r.entityName}
                </Link>
                {state(r)}
              </div>
              <div style={{ fontSize: 13, color: '#666', margin: '4px 0' }}>
                {r.stationName} · 期限 {r.deadline}
              </div>
              {r.evidenceNote && <div style={{ fontSize: 13, wordBreak: 'break-all' }}>整改材料：{r.evidenceNote}</div>}
              {actions(r)}
            </Card>
          )}
        />
      ) : (
        <Table<RectificationView>
          size="small"
          rowKey="id"
          loading={q.isLoading}
          dataSource={items}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: '检查对象', dataIndex: 'entityName', render: (v, r) => <Link to={`/inspections/${r.inspectionId}`}>{v}</Link> },
            { title: '监管所', dataIndex: 'stationName', width: 140 },
            { title: '整改期限', dataIndex: 'deadline', width: 110 },
            { title: '状态', key: 'state', width: 200, render: (_, r) => state(r) },
            { title: '整改材料', dataIndex: 'evidenceNote', ellipsis: true },
            { title: '操作', key: 'actions', width: 260, render: (_, r) => actions(r) },
          ]}
        />
      )}
      <EvidenceDialog r={evidenceFor} onClose={() => setEvidenceFor(null)} />
      <ExtendDialog r={extendFor} onClose={() => setExtendFor(null)} />
    </Space>
  );
}

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => ['rectifications', 'inspection', 'inspections'].includes(String(q.queryKey[0])) });
}

function EvidenceDialog({ r, onClose }: { r: RectificationView | null; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { message } = AntApp.useApp();
  const refresh = useRefresh();
  const { busy, run } = useSubmit();
  return (
    <Modal
      open={!!r}
      title={`提交整改材料：${r?.entityName ?? ''}`}
      okText="提交"
      cancelText="返回"
      okButtonProps={{ disabled: !file }}
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        if ((await run(() => inspectionsApi.submitEvidence(r!.id, file!, note.trim()))) === false) return;
        message.success('整改材料已提交');
        setNote('');
        setFile(null);
        onClose();
        await refresh();
      }}
    >
      <Input.TextArea
        rows={3}
        maxLength={1000}
        showCount
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="整改情况说明"
        aria-label="整改情况说明"
      />
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">整改照片或材料（JPG/PNG/PDF/DOCX，必填）：</Typography.Text>
        <input
          type="file"
          accept="image/*,.pdf,.docx"
          aria-label="整改材料文件"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          style={{ maxWidth: '100%' }}
        />
      </div>
    </Modal>
  );
}

function ExtendDialog({ r, onClose }: { r: RectificationView | null; onClose: () => void }) {
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const { message } = AntApp.useApp();
  const refresh = useRefresh();
  const { busy, run } = useSubmit({
    onStale: async () => {
      await refresh();
      onClose();
    },
  });
  return (
    <Modal
      open={!!r}
      title={`整改延期：${r?.entityName ?? ''}`}
      okText="延期"
      cancelText="返回"
      okButtonProps={{ disabled: !deadline || !reason.trim() }}
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const extended = await run(() => inspectionsApi.extend(r!.id, deadline!.format('YYYY-MM-DD'), reason.trim(), r!.version));
        if (extended === false) return;
        message.success('已延期');
        setReason('');
        setDeadline(null);
        onClose();
        await refresh();
      }}
    >
      <div style={{ marginBottom: 8 }}>原期限：{r?.deadline}</div>
      <DatePicker
        style={{ width: '100%' }}
        inputReadOnly
        placeholder="新的整改期限"
        value={deadline}
        onChange={setDeadline}
        disabledDate={(d) => d.isBefore(dayjs(), 'day')}
        aria-label="新的整改期限"
      />
      <Input.TextArea
        style={{ marginTop: 8 }}
        rows={3}
        maxLength={200}
        showCount
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="延期原因"
        aria-label="延期原因"
      />
    </Modal>
  );
}
