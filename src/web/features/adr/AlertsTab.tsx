import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  ALERT_ACTIONS,
  ALERT_STATUSES,
  CLUSTER_KEY_KINDS,
  type AdrAlert,
  type AlertAction,
  type AlertStatus,
  type ClusterKeyKind,
} from '../../../contracts/adr.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { adrApi } from './api.js';
import { useSubmit } from '../../lib/submit.js';

const STATUS_COLORS: Record<AlertStatus, string> = { new: 'red', assessed: 'gold', risk: 'purple', clue: 'blue', dismissed: 'default' };
const NOTE_LABEL: Partial<Record<AlertAction, string>> = {
  assess: '研判意见',
  dismiss: '排除理由',
  to_risk: '说明（选填）',
  to_clue: '说明（选填）',
};

/** Cluster alerts (聚集性信号) of the caller's area, new first, with what the caller may do to each. */
export function AlertsTab() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [acting, setActing] = useState<{ alert: AdrAlert; action: AlertAction } | null>(null);
  const [note, setNote] = useState('');
  const { busy, run } = useSubmit({ onStale: () => (setActing(null), qc.invalidateQueries({ queryKey: ['adr'] })) });
  const q = useQuery({ queryKey: ['adr', 'alerts', status, page], queryFn: () => adrApi.alerts({ status, page, pageSize: 20 }) });
  async function act() {
    if (!acting) return;
    const a = await run(() =>
      adrApi.act(acting.alert.id, { action: acting.action, note: note.trim() || undefined, version: acting.alert.version }),
    );
    if (a === false) return;
    message.success(`已${ALERT_ACTIONS[acting.action]}：${ALERT_STATUSES[a.status as AlertStatus]}`);
    setActing(null);
    setNote('');
    await qc.invalidateQueries({ queryKey: ['adr'] });
  }
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 140 }}
          options={Object.entries(ALERT_STATUSES).map(([value, label]) => ({ value, label }))}
          onChange={(v?: string) => (setStatus(v), setPage(1))}
        />
        <span style={{ color: 'rgba(0,0,0,0.45)' }}>
          同一县（区）同一药品、批号或生产企业在窗口期内报告数达到阈值且高于其自身基线时提示，每轮聚集只提示一次。
        </span>
      </Space>
      <ResponsiveTable<AdrAlert>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '聚集对象', key: 'key', render: (_, a) => `${CLUSTER_KEY_KINDS[a.keyKind as ClusterKeyKind]}：${a.keyLabel}` },
          { title: '县（区）', dataIndex: 'countyName', key: 'county' },
          { title: '窗口', key: 'window', render: (_, a) => `${a.windowStart} 至 ${a.windowEnd}` },
          { title: '窗口内报告', key: 'n', render: (_, a) => `${a.windowReports} 份（预期 ${a.expected}）` },
          { title: '本轮累计', key: 'total', render: (_, a) => `${a.reportCount} 份，最近 ${a.lastOnsetOn}` },
          {
            title: '状态',
            key: 'status',
            render: (_, a) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLORS[a.status as AlertStatus]}>{ALERT_STATUSES[a.status as AlertStatus]}</Tag>
                {a.riskId && <Link to={`/risks?id=${a.riskId}`}>查看风险</Link>}
                {a.clueId && <Link to={`/clues?id=${a.clueId}`}>查看线索</Link>}
                {a.note && <span>{a.note}</span>}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, a) => (
              <Space size={4} wrap>
                {(a.actions as AlertAction[]).map((k) => (
                  <Button
                    key={k}
                    size="small"
                    type={k === 'to_risk' ? 'primary' : 'default'}
                    onClick={() => setActing({ alert: a, action: k })}
                  >
                    {ALERT_ACTIONS[k]}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!acting}
        title={acting ? `${ALERT_ACTIONS[acting.action]}：${acting.alert.keyLabel}` : ''}
        onCancel={() => setActing(null)}
        onOk={act}
        okText="确定"
        confirmLoading={busy}
        destroyOnHidden
      >
        {acting && (
          <Input.TextArea
            aria-label={NOTE_LABEL[acting.action]}
            placeholder={NOTE_LABEL[acting.action]}
            value={note}
            maxLength={1000}
            rows={3}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Modal>
    </>
  );
}
