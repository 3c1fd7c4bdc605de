import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ENTITY_KIND_LABELS } from '../../../contracts/entity-kinds.js';
import type { MyTask } from '../../../contracts/plans.js';
import { ItemList } from '../../lib/ItemList.js';
import { plansApi } from './api.js';
import { inspectionsApi } from '../inspections/api.js';
import { RecordDrawer } from '../inspections/RecordDrawer.js';

/**
 * 我的任务: the inspections I am to carry out, overdue first then by due date, today's highlighted;
 * open the unit or record the inspection from the card (made for a phone in the field).
 */
export default function MyTasksPage() {
  const q = useQuery({ queryKey: ['my-tasks'], queryFn: plansApi.myTasks });
  const [recording, setRecording] = useState<MyTask | null>(null);
  const todayQ = useQuery({ queryKey: ['inspections', 'today'], queryFn: inspectionsApi.today });
  const awaiting = todayQ.data?.awaitingMySignature ?? [];
  const items = q.data?.items ?? [];
  const overdue = items.filter((t) => t.overdue).length;
  const today = items.filter((t) => t.dueToday).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title="我的任务">
        <Typography.Text type="secondary">
          分派给我的待检查任务 {q.data?.total ?? 0} 项{today ? `，今天到期 ${today} 项` : ''}
          {overdue ? `，已逾期 ${overdue} 项` : ''}
        </Typography.Text>
        {q.data && q.data.total > items.length && (
          <Alert type="info" showIcon style={{ marginTop: 8 }} title={`只列出最早到期的 ${items.length} 项`} />
        )}
      </Card>
      {awaiting.length > 0 && (
        <Card size="small" title="待我签名确认" data-testid="awaiting-my-signature">
          {awaiting.map((r) => (
            <div key={r.id} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center', padding: '4px 0' }}>
              <span style={{ wordBreak: 'break-all' }}>
                {r.entityName} <span style={{ color: '#888', fontSize: 12 }}>{r.date}</span>
              </span>
              <Link to={`/inspections/${r.id}`}>
                <Button size="small" type="primary">
                  签名确认
                </Button>
              </Link>
            </div>
          ))}
        </Card>
      )}
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      <ItemList
        loading={q.isLoading}
        items={items}
        rowKey={(t) => t.inspectionId ?? t.id}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无分派给我的待检查任务" />}
        renderItem={(t) => (
          <Card
            size="small"
            data-testid="my-task"
            style={{
              marginBottom: 8,
              borderColor: t.dueToday ? '#1677ff' : t.overdue ? '#ff4d4f' : undefined,
              background: t.dueToday ? '#e6f4ff' : undefined,
            }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
              <Link to={`/entities/${t.entityId}`} style={{ fontWeight: 600, wordBreak: 'break-all' }}>
                {t.entityName}
              </Link>
              {t.dueToday ? <Tag color="blue">今天到期</Tag> : t.overdue ? <Tag color="red">已逾期</Tag> : <Tag>待检查</Tag>}
            </div>
            <div style={{ color: '#666', fontSize: 13, margin: '4px 0' }}>
              {(ENTITY_KIND_LABELS as Record<string, string>)[t.entityKind] ?? t.entityKind} · 第 {t.visit} 次 · 截止 {t.dueOn}
              {t.dueFrom && `（${t.dueFrom} 起）`}
            </div>
            {t.address && <div style={{ fontSize: 13, color: '#666', wordBreak: 'break-all' }}>{t.address}</div>}
            <div style={{ fontSize: 13 }}>同组检查人员：{t.inspectors.map((p) => p.name).join('、') || '—'}</div>
            <div style={{ fontSize: 12, color: '#888', marginTop: 2, wordBreak: 'break-all' }}>{t.planName}</div>
            <Space wrap style={{ marginTop: 8 }}>
              <Link to={`/inspections/new?taskId=${t.id}`}>
                <Button type="primary">现场检查</Button>
              </Link>
              <Button onClick={() => setRecording(t)}>录入检查</Button>
              <Link to={`/entities/${t.entityId}`}>
                <Button>单位档案</Button>
              </Link>
            </Space>
          </Card>
        )}
      />
      <RecordDrawer task={recording} pool={recording?.inspectors ?? []} onClose={() => setRecording(null)} />
    </Space>
  );
}
