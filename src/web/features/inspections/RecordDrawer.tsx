import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Drawer, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { PlanTask } from '../../../contracts/plans.js';
import { inspectionsApi } from './api.js';
import { InspectionFields } from './InspectionFields.js';
import { useMobile } from '../../lib/screens.js';

/** Record a completed inspection of a plan task; full-width on a phone. */
export function RecordDrawer({
  task,
  pool,
  onClose,
}: {
  task: PlanTask | null;
  pool: { id: number; name: string }[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ date: dayjs.Dayjs; inspectorIds: number[]; note?: string }>();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const mobile = useMobile();
  useEffect(() => {
    if (!task) return;
    const today = dayjs();
    const due = task.dueTo ? dayjs(task.dueTo) : null;
    form.setFieldsValue({
      date: due && due.isBefore(today) ? due : today,
      inspectorIds: task.inspectors.map((i) => i.id),
      note: undefined,
    });
  }, [task, form]);
  const submit = async (v: { date: dayjs.Dayjs; inspectorIds: number[]; note?: string }) => {
    try {
      await inspectionsApi.record({
        planTaskId: task!.id,
        date: v.date.format('YYYY-MM-DD'),
        inspectorIds: v.inspectorIds,
        note: v.note || undefined,
      });
      message.success('已录入，覆盖情况已更新');
      await qc.invalidateQueries({
        predicate: (q) => String(q.queryKey[0]).startsWith('plan') || q.queryKey[0] === 'my-tasks' || q.queryKey[0] === 'dashboard',
      });
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Drawer open={!!task} onClose={onClose} title={task ? `录入检查：${task.entityName}` : ''} size={mobile ? '100%' : 440} destroyOnHidden>
      {task && (
        <Form form={form} layout="vertical" onFinish={submit}>
          <p style={{ color: '#666' }}>
            {task.stationName} · 第 {task.visit} 次 ·{' '}
            {task.dueFrom || task.dueTo ? `${task.dueFrom ?? ''} 至 ${task.dueTo ?? ''}` : '行动期间内'}
            <br />
            对应指标：{task.rules.map((r) => r.label).join('；')}
          </p>
          <InspectionFields people={[...pool, ...(task?.inspectors ?? [])]} />
          <Form.Item name="note" label="检查情况">
            <Input.TextArea rows={4} maxLength={2000} placeholder="现场检查情况（问题、处置措施在检查记录中补充）" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large">
            确认完成检查
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
