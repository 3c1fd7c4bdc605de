import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Empty, Input, Modal, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  OVERRIDE_ACTIONS,
  OVERRIDE_STATUSES,
  type CreditOverride,
  type OverrideAction,
  type OverrideStatus,
} from '../../../contracts/credit.js';
import { api, qs } from '../../lib/api.js';
import { ItemList } from '../../lib/ItemList.js';
import { GradeTag } from './grades.js';

const STATUS_COLORS: Record<OverrideStatus, string> = { requested: 'gold', approved: 'green', rejected: 'default' };

/** One override request: the change asked, the reason, who asked and decided, and the buttons the caller may use. */
export function OverrideItem({ o, onDecided, showUnit = true }: { o: CreditOverride; onDecided: () => void; showUnit?: boolean }) {
  const { message } = AntApp.useApp();
  const [deciding, setDeciding] = useState<OverrideAction | null>(null);
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (action: OverrideAction) =>
      api<CreditOverride>(`/api/credit-overrides/${o.id}/decision`, {
        body: { action, note: note.trim() || undefined, version: o.version },
      }),
    onSuccess: (r) => {
      message.success(`已${OVERRIDE_ACTIONS[deciding!]}`);
      setDeciding(null);
      setNote('');
      onDecided();
      void r;
    },
    onError: (e: Error) => message.error(e.message),
  });
  return (
    <div
      data-testid="credit-override"
      style={{ padding: '10px 4px', display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}
    >
      <div style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Space size={4} wrap>
          {showUnit && <Link to={`/credit/units/${o.entityId}`}>{o.entityName}</Link>}
          <GradeTag grade={o.computedGrade} />
          <span>→</span>
          <GradeTag grade={o.grade} />
          <Tag color={STATUS_COLORS[o.status]}>{OVERRIDE_STATUSES[o.status]}</Tag>
          {o.inForce && <Tag color="purple">生效中</Tag>}
        </Space>
        <div style={{ overflowWrap: 'anywhere' }}>{o.reason}</div>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {o.requestedBy ?? ''} 申请于 {o.requestedAt.slice(0, 10)}
          {o.expiresOn ? `，有效期至 ${o.expiresOn}` : ''}
          {o.decidedBy ? `；${o.decidedBy} ${OVERRIDE_STATUSES[o.status]}${o.decisionNote ? `：${o.decisionNote}` : ''}` : ''}
        </Typography.Text>
      </div>
      {o.actions.length > 0 && (
        <Space>
          {o.actions.map((a) => (
            <Button key={a} type={a === 'approve' ? 'primary' : 'default'} danger={a === 'reject'} onClick={() => setDeciding(a)}>
              {OVERRIDE_ACTIONS[a]}
            </Button>
          ))}
        </Space>
      )}
      <Modal
        open={!!deciding}
        title={deciding ? `${OVERRIDE_ACTIONS[deciding]}等级调整` : ''}
        okText={deciding ? OVERRIDE_ACTIONS[deciding] : '确定'}
        cancelText="取消"
        confirmLoading={decide.isPending}
        onOk={() => deciding && decide.mutate(deciding)}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={deciding === 'reject' ? '驳回理由（必填）' : '审批意见（选填）'}
        />
      </Modal>
    </div>
  );
}

/** 等级调整: requests of the caller's area, 待审批 first. */
export function OverrideList() {
  const qc = useQueryClient();
  const [status, setStatus] = useState<OverrideStatus | 'all'>('requested');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['credit-overrides', status, page],
    queryFn: () =>
      api<{ items: CreditOverride[]; total: number }>(
        `/api/credit-overrides${qs({ status: status === 'all' ? undefined : status, page, pageSize: 20 })}`,
      ),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <div style={{ overflowX: 'auto' }}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as OverrideStatus | 'all');
            setPage(1);
          }}
          options={[
            ...(Object.keys(OVERRIDE_STATUSES) as OverrideStatus[]).map((s) => ({ value: s, label: OVERRIDE_STATUSES[s] })),
            { value: 'all', label: '全部' },
          ]}
        />
      </div>
      <ItemList<CreditOverride>
        loading={list.isLoading}
        items={list.data?.items}
        rowKey={(o) => o.id}
        empty={<Empty description={status === 'requested' ? '没有待审批的等级调整申请' : '暂无申请'} />}
        renderItem={(o) => (
          <OverrideItem
            o={o}
            onDecided={() => {
              void qc.invalidateQueries({ queryKey: ['credit-overrides'] });
              void qc.invalidateQueries({ queryKey: ['credit-units'] });
            }}
          />
        )}
      />
      {(list.data?.total ?? 0) > 20 && (
        <Pagination simple current={page} total={list.data?.total} pageSize={20} onChange={setPage} style={{ textAlign: 'center' }} />
      )}
    </Space>
  );
}
