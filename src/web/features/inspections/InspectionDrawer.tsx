import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Descriptions, Drawer, Form, Input, Modal, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { INSPECTION_STATUSES } from '../../../contracts/inspections.js';
import { Link } from 'react-router-dom';
import { inspectionsApi } from './api.js';
import { OnSiteDetails } from './OnSiteDetails.js';
import { InspectionFields } from './InspectionFields.js';
import { useMobile } from '../../lib/screens.js';

export const STATUS_COLORS = { planned: 'blue', draft: 'orange', done: 'green', cancelled: 'default' } as const;

/** A dialog that asks for a reason before an action (取消任务、撤回检查…); nothing happens without one. */
export function ReasonDialog({
  open,
  title,
  label,
  okText,
  onOk,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  onOk: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="返回"
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        try {
          await onOk(reason.trim());
          setReason('');
          onClose();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Input.TextArea
        rows={3}
        maxLength={200}
        showCount
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={`请填写${label}`}
        aria-label={label}
      />
    </Modal>
  );
}

/**
 * One inspection: what was recorded, and the corrections allowed — a done one is edited (with a
 * reason) or withdrawn (撤回: back to 待检查, or 已取消 when unplanned); a planned one is cancelled.
 */
export function InspectionDrawer({ id, pool, onClose }: { id: number | null; pool: { id: number; name: string }[]; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const mobile = useMobile();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<'withdraw' | 'cancel' | null>(null);
  const [form] = Form.useForm<{ date: dayjs.Dayjs; inspectorIds: number[]; note?: string; reason: string }>();
  const q = useQuery({ queryKey: ['inspection', id], queryFn: () => inspectionsApi.get(id!), enabled: id !== null });
  const r = q.data;
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ predicate: (x) => String(x.queryKey[0]).startsWith('plan') || x.queryKey[0] === 'my-tasks' }),
      qc.invalidateQueries({ queryKey: ['inspection', id] }),
    ]);
  const fail = (e: unknown) => {
    message.error((e as Error).message);
    throw e;
  };
  const close = () => (setEditing(false), onClose());
  // Buttons come from the actions the server says the caller may take now (workflow), never re-derived here.
  const may = (a: 'edit' | 'withdraw' | 'cancel') => !!r?.actions.includes(a);
  return (
    <Drawer
      open={id !== null}
      onClose={close}
      title={r ? `检查记录：${r.entityName}` : '检查记录'}
      size={mobile ? '100%' : 460}
      destroyOnHidden
    >
      {r && !editing && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLORS[r.status]}>{INSPECTION_STATUSES[r.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={r.status === 'done' ? '检查日期' : '截止日期'}>{r.date}</Descriptions.Item>
            <Descriptions.Item label="检查人员">{r.inspectors.map((p) => p.name).join('、') || '—'}</Descriptions.Item>
            {r.note && <Descriptions.Item label="检查情况">{r.note}</Descriptions.Item>}
            {r.cancelReason && <Descriptions.Item label="取消原因">{r.cancelReason}</Descriptions.Item>}
            {r.recordedAt && <Descriptions.Item label="录入时间">{dayjs(r.recordedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>}
          </Descriptions>
          {r.signMode === 'on_site' && <OnSiteDetails r={r} />}
          {r.status !== 'planned' && <Link to={`/inspections/${r.id}`}>打开完整记录</Link>}
          {(may('edit') || may('withdraw')) && (
            <Space wrap>
              {may('edit') && (
                <Button
                  type="primary"
                  onClick={() => {
                    form.setFieldsValue({
                      date: dayjs(r.date),
                      inspectorIds: r.inspectors.map((p) => p.id),
                      note: r.note ?? undefined,
                      reason: '',
                    });
                    setEditing(true);
                  }}
                >
                  修改
                </Button>
              )}
              {may('withdraw') && (
                <Button danger onClick={() => setAsking('withdraw')}>
                  撤回
                </Button>
              )}
            </Space>
          )}
          {may('cancel') && (
            <Button danger onClick={() => setAsking('cancel')}>
              取消任务
            </Button>
          )}
        </Space>
      )}
      {r && editing && (
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
              await inspectionsApi.edit(r.id, {
                date: v.date.format('YYYY-MM-DD'),
                inspectorIds: v.inspectorIds,
                note: v.note || null,
                reason: v.reason,
                version: r.version,
              });
              message.success('检查记录已修改');
              setEditing(false);
              await refresh();
            } catch (e) {
              message.error((e as Error).message);
            }
          }}
        >
          <InspectionFields people={[...pool, ...(r?.inspectors ?? [])]} />
          <Form.Item name="note" label="检查情况">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="reason" label="修改原因" rules={[{ required: true, whitespace: true, message: '请填写修改原因' }]}>
            <Input maxLength={200} placeholder="例如：检查日期录错" />
          </Form.Item>
          <Space>
            <Button onClick={() => setEditing(false)}>返回</Button>
            <Button type="primary" htmlType="submit">
              保存修改
            </Button>
          </Space>
        </Form>
      )}
      {r && (
        <ReasonDialog
          open={asking !== null}
          title={
            asking === 'withdraw'
              ? r.planTaskId
                ? '撤回检查记录？任务将恢复为待检查'
                : '撤回检查记录？记录将改为已取消'
              : '取消该检查任务？'
          }
          label={asking === 'withdraw' ? '撤回原因' : '取消原因（如停业、搬迁）'}
          okText={asking === 'withdraw' ? '撤回' : '取消任务'}
          onClose={() => setAsking(null)}
          onOk={async (reason) => {
            await (asking === 'withdraw' ? inspectionsApi.withdraw(r.id, reason, r.version) : inspectionsApi.cancel(r.id, reason)).catch(
              fail,
            );
            message.success(asking === 'withdraw' ? '已撤回' : '任务已取消');
            await refresh();
          }}
        />
      )}
    </Drawer>
  );
}
