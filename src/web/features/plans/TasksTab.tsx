import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { ENTITY_KIND_LABELS } from '../../../contracts/entity-kinds.js';
import { DRAW_REASONS, INSPECTION_STATUSES, type PlanCheckResult, type PlanDetail, type PlanTask } from '../../../contracts/plans.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';
import { EntityPicker } from '../entities/EntityPicker.js';
import { plansApi } from './api.js';
import { InspectionDrawer, STATUS_COLORS } from '../inspections/InspectionDrawer.js';
import { RecordDrawer } from '../inspections/RecordDrawer.js';
import { useMobile } from '../../lib/screens.js';

/** Tasks per station with the rules each serves; manual edits re-check the plan at once. */
export function TasksTab({
  plan,
  onChecked,
  stationId,
  onStationChange,
}: {
  plan: PlanDetail;
  onChecked: (c: PlanCheckResult) => void;
  /** The station the tasks are filtered to (also what export and print cover). */
  stationId: number | undefined;
  onStationChange: (id: number | undefined) => void;
}) {
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const mobile = useMobile();
  const [status, setStatus] = useState<string | undefined>();
  const [search, setSearch] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<PlanTask | null>(null);
  const [viewing, setViewing] = useState<PlanTask | null>(null);
  const [reassign, setReassign] = useState<{ task: PlanTask; ids: number[] } | null>(null);
  const [adding, setAdding] = useState<number | null>(null);
  const pageSize = 50;
  const q = useQuery({
    queryKey: ['plan-tasks', plan.id, stationId, status, search, page],
    queryFn: () => plansApi.tasks(plan.id, { stationId, status, q: search, page, pageSize }),
  });
  const manage = can('plans.manage');
  const poolOf = (id: number) => plan.stations.find((s) => s.id === id)?.inspectors ?? [];
  const change = async (input: Parameters<typeof plansApi.change>[1]) => {
    try {
      const check = await plansApi.change(plan.id, input);
      onChecked(check);
      await qc.invalidateQueries({ predicate: (x) => String(x.queryKey[0]).startsWith('plan') });
      message[check.ok ? 'success' : 'warning'](check.ok ? '已调整，复核通过' : '已调整，但计划不再满足全部规则，见上方复核结果');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const actions = (r: PlanTask) => (
    <Space size={4} wrap style={{ marginTop: 6 }}>
      {can('inspections.record') && r.status !== 'done' && r.status !== 'cancelled' && (
        <Button size={mobile ? 'middle' : 'small'} type="primary" onClick={() => setRecording(r)}>
          录入
        </Button>
      )}
      {r.inspectionId && r.status === 'done' && (
        <Button size={mobile ? 'middle' : 'small'} onClick={() => setViewing(r)}>
          查看
        </Button>
      )}
      {can('inspections.record') && r.inspectionId && r.status === 'planned' && (
        <Button size={mobile ? 'middle' : 'small'} onClick={() => setViewing(r)}>
          取消
        </Button>
      )}
      {manage && r.status !== 'done' && (
        <Button size={mobile ? 'middle' : 'small'} onClick={() => setReassign({ task: r, ids: r.inspectors.map((i) => i.id) })}>
          改派
        </Button>
      )}
      {manage && r.status !== 'done' && (
        <Popconfirm title="从计划中删除该任务？删除后会立即复核规则。" onConfirm={() => change({ action: 'remove', taskId: r.id })}>
          <Button size={mobile ? 'middle' : 'small'} danger>
            删除
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部监管所"
          style={{ width: 180 }}
          value={stationId}
          onChange={(v) => (onStationChange(v), setPage(1))}
          options={plan.stations.map((s) => ({ value: s.id, label: `${s.shortName}（${s.tasks}）` }))}
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 120 }}
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={[
            { value: 'open', label: '待检查' },
            { value: 'done', label: '已完成' },
            { value: 'cancelled', label: '已取消' },
          ]}
        />
        <Input.Search
          allowClear
          placeholder="检查对象名称"
          style={{ width: 200 }}
          onSearch={(v) => (setSearch(v || undefined), setPage(1))}
        />
        {manage && (
          // On a phone the picker takes what the button leaves of the row.
          <Space.Compact style={mobile ? { width: 'calc(100vw - 66px)' } : undefined}>
            <EntityPicker
              value={adding}
              onChange={setAdding}
              jurisdictionId={stationId}
              placeholder="搜索检查对象（名称或信用代码）"
              style={mobile ? { flex: 1, minWidth: 0 } : { width: 280 }}
            />
            <Button disabled={!adding} onClick={() => adding && change({ action: 'add', entityId: adding }).then(() => setAdding(null))}>
              增加检查对象
            </Button>
          </Space.Compact>
        )}
      </Space>
      {mobile ? (
        <ItemList
          loading={q.isLoading}
          items={q.data?.items}
          rowKey={(r) => r.id}
          pagination={
            (q.data?.total ?? 0) > pageSize && {
              current: page,
              pageSize,
              total: q.data?.total,
              onChange: setPage,
              simple: true,
              showSizeChanger: false,
              style: { textAlign: 'center' },
            }
          }
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="task-card">
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <b>{r.entityName}</b>
                {r.status ? <Tag color={STATUS_COLORS[r.status]}>{INSPECTION_STATUSES[r.status]}</Tag> : <Tag>未发布</Tag>}
              </div>
              <div style={{ color: '#666', fontSize: 13, margin: '4px 0' }}>
                <span data-testid="task-station">{r.stationName}</span> ·{' '}
                {(ENTITY_KIND_LABELS as Record<string, string>)[r.entityKind] ?? r.entityKind} · 第 {r.visit} 次 ·{' '}
                {r.dueFrom || r.dueTo ? `${r.dueFrom ?? ''}~${r.dueTo ?? ''}` : '行动期间'}
              </div>
              <div style={{ fontSize: 13 }}>检查人员：{r.inspectors.map((p) => p.name).join('、') || '—'}</div>
              <div style={{ marginTop: 4 }}>
                {r.rules.map((x) => (
                  <Tag key={x.requirementKey} style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {x.label}
                  </Tag>
                ))}
              </div>
              {actions(r)}
            </Card>
          )}
        />
      ) : (
        <Table<PlanTask>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.items}
          scroll={{ x: 1500 }}
          pagination={{ current: page, pageSize, total: q.data?.total, onChange: setPage, showSizeChanger: false, simple: mobile }}
          columns={[
            {
              title: '检查对象',
              dataIndex: 'entityName',
              fixed: mobile ? undefined : 'left',
              width: 200,
              render: (v, r) => (
                <span>
                  {v}
                  {r.manual && (
                    <Tag color="orange" style={{ marginLeft: 4 }}>
                      手工
                    </Tag>
                  )}
                </span>
              ),
            },
            {
              title: '类型',
              dataIndex: 'entityKind',
              width: 120,
              render: (v: string) => (ENTITY_KIND_LABELS as Record<string, string>)[v] ?? v,
            },
            { title: '所', dataIndex: 'stationName', width: 140 },
            { title: '次', dataIndex: 'visit', width: 40 },
            {
              title: '对应指标',
              dataIndex: 'rules',
              width: 280,
              render: (rs: PlanTask['rules']) =>
                rs.map((r) => (
                  <Tooltip key={r.requirementKey} title={r.label}>
                    <Tag style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', marginBottom: 2 }}>{r.label}</Tag>
                  </Tooltip>
                )),
            },
            { title: '时段', width: 120, render: (_, r) => (r.dueFrom || r.dueTo ? `${r.dueFrom ?? ''}~${r.dueTo ?? ''}` : '行动期间') },
            {
              title: '检查人员',
              dataIndex: 'inspectors',
              width: 130,
              render: (ps: PlanTask['inspectors']) => ps.map((p) => p.name).join('、'),
            },
            {
              title: '抽取因素',
              dataIndex: 'reasons',
              width: 110,
              render: (rs: string[]) =>
                rs.map((r) => (
                  <Tag key={r} color="volcano">
                    {(DRAW_REASONS as Record<string, string>)[r] ?? r}
                  </Tag>
                )),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              fixed: mobile ? undefined : 'right',
              render: (v: keyof typeof INSPECTION_STATUSES | null, r) =>
                v ? (
                  <Tag color={STATUS_COLORS[v]}>
                    {INSPECTION_STATUSES[v]}
                    {r.doneOn ? ` ${r.doneOn.slice(5)}` : ''}
                  </Tag>
                ) : (
                  <Tag>未发布</Tag>
                ),
            },
            // Status and actions stay in view at the right edge of a desk screen (the table scrolls sideways).
            { title: '操作', width: 200, fixed: mobile ? undefined : 'right', render: (_, r) => actions(r) },
          ]}
        />
      )}
      <InspectionDrawer
        id={viewing?.inspectionId ?? null}
        pool={viewing ? poolOf(viewing.stationId) : []}
        onClose={() => setViewing(null)}
      />
      <RecordDrawer task={recording} pool={recording ? poolOf(recording.stationId) : []} onClose={() => setRecording(null)} />
      <Modal
        open={!!reassign}
        title="改派检查人员"
        onCancel={() => setReassign(null)}
        onOk={() =>
          reassign && change({ action: 'reassign', taskId: reassign.task.id, inspectorIds: reassign.ids }).then(() => setReassign(null))
        }
      >
        {reassign && (
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            value={reassign.ids}
            onChange={(ids) => setReassign({ ...reassign, ids })}
            options={poolOf(reassign.task.stationId).map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
      </Modal>
    </>
  );
}
