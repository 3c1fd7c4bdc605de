import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { CLUE_STATUSES } from '../../../contracts/clues.js';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  REWARD_STATUSES,
  type Complaint,
  type ComplaintAction,
} from '../../../contracts/complaints.js';
import { api } from '../../lib/api.js';
import { useSubmit } from '../../lib/submit.js';
import { useMobile } from '../../lib/screens.js';

const NOTE: Record<ComplaintAction, { label: string; required: boolean }> = {
  accept: { label: '受理说明（可不填）', required: false },
  refuse: { label: '不予受理理由', required: true },
  inform: { label: '告知方式和内容', required: false },
  reply: { label: '答复内容', required: true },
};

/** One complaint or report: time limits, the steps the server allows, 转为线索, reward request and approval. */
export function ComplaintDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const mobile = useMobile();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<ComplaintAction | 'reward' | 'approve' | 'reject' | null>(null);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit({ form, onStale: () => (setPending(null), refresh()) });
  const q = useQuery({ queryKey: ['complaint', id], queryFn: () => api<Complaint>(`/api/complaints/${id}`), enabled: id !== null });
  const c = q.data;
  const refresh = () =>
    Promise.all([qc.invalidateQueries({ queryKey: ['complaints'] }), qc.invalidateQueries({ queryKey: ['complaint', id] })]);
  async function call(url: string, body: unknown, done: string) {
    if ((await run(() => api(url, { body }))) === false) return;
    message.success(done);
    setPending(null);
    await refresh();
  }
  async function submit() {
    if (!c || !pending) return;
    const v = await form.validateFields();
    if (pending === 'reward')
      return call(`/api/complaints/${c.id}/reward`, { amount: v.amount, reason: v.reason, version: c.version }, '已申请奖励');
    if (pending === 'approve' || pending === 'reject')
      return call(`/api/complaints/${c.id}/reward/decide`, { approve: pending === 'approve', note: v.note, version: c.version }, '已审批');
    return call(
      `/api/complaints/${c.id}/transition`,
      { action: pending, on: v.on?.format('YYYY-MM-DD'), note: v.note || undefined, version: c.version },
      `已${COMPLAINT_ACTIONS[pending]}`,
    );
  }
  const title =
    pending === 'reward'
      ? '申请举报奖励'
      : pending === 'approve'
        ? '批准奖励'
        : pending === 'reject'
          ? '不予批准奖励'
          : pending
            ? COMPLAINT_ACTIONS[pending]
            : '';
  return (
    <Drawer open={id !== null} onClose={onClose} title={c?.summary ?? '投诉举报'} size={mobile ? '100%' : 560} destroyOnHidden>
      {c && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Space wrap>
            <Tag>{COMPLAINT_KINDS[c.kind]}</Tag>
            <Tag color="blue" data-testid="complaint-status">
              {COMPLAINT_STATUSES[c.status]}
            </Tag>
            {c.overdue && <Tag color="red">逾期</Tag>}
          </Space>
          {c.deadlines.map((d) => (
            <Alert
              key={d.key}
              type={d.overdue && !d.doneOn ? 'error' : d.doneOn ? 'success' : 'info'}
              title={`${d.label}：${d.due ? `期限 ${d.due}` : '节假日日历未录入'}${d.doneOn ? `，已于 ${d.doneOn} 办理` : ''}${d.overdue ? `（逾期${d.daysOverdue}天）` : ''}`}
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.inferred ? '推定：' : '依据：'}
                  {d.basis}
                </Typography.Text>
              }
            />
          ))}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="渠道">{`${COMPLAINT_CHANNELS[c.channel]}${c.platformNo ? ` ${c.platformNo}` : ''}`}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{c.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={c.kind === 'report' ? '举报人' : '投诉人'}>
              {c.realName ? `${c.complainantName ?? ''} ${c.complainantPhone ?? ''}（实名）` : '匿名'}
            </Descriptions.Item>
            <Descriptions.Item label="被投诉举报对象">{c.subjectName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所属辖区">{c.jurisdictionName}</Descriptions.Item>
            <Descriptions.Item label="内容">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.content}</Typography.Paragraph>
            </Descriptions.Item>
            {c.acceptedOn && <Descriptions.Item label="受理日期">{c.acceptedOn}</Descriptions.Item>}
            {c.refusedOn && <Descriptions.Item label="不予受理">{`${c.refusedOn}：${c.refuseReason}`}</Descriptions.Item>}
            {c.clueId && (
              <Descriptions.Item label="线索">
                <a onClick={() => nav(`/clues?id=${c.clueId}`)}>线索 {c.clueId}</a>
                {c.clueDecision ? `（${CLUE_STATUSES[c.clueDecision.status as keyof typeof CLUE_STATUSES]}，${c.clueDecision.on}）` : ''}
              </Descriptions.Item>
            )}
            {c.informedOn && (
              <Descriptions.Item label="告知举报人">{`${c.informedOn}${c.informNote ? `：${c.informNote}` : ''}`}</Descriptions.Item>
            )}
            {c.repliedOn && <Descriptions.Item label="答复">{`${c.repliedOn}：${c.reply}`}</Descriptions.Item>}
            {c.reward && (
              <Descriptions.Item label="举报奖励">
                {`${c.reward.amount.toFixed(2)}元，${REWARD_STATUSES[c.reward.status]}（申请：${c.reward.requestedBy}${c.reward.decidedBy ? `；审批：${c.reward.decidedBy}` : ''}）`}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap>
            {c.actions.map((a) => (
              <Button key={a} type={a === 'refuse' ? 'default' : 'primary'} danger={a === 'refuse'} onClick={() => setPending(a)}>
                {COMPLAINT_ACTIONS[a]}
              </Button>
            ))}
            {c.canMakeClue && (
              <Button onClick={() => call(`/api/complaints/${c.id}/to-clue`, { version: c.version }, '已转为线索')} loading={busy}>
                转为线索
              </Button>
            )}
            {c.canRequestReward && <Button onClick={() => setPending('reward')}>申请奖励</Button>}
            {c.reward?.canDecide && (
              <>
                <Button type="primary" onClick={() => setPending('approve')}>
                  批准奖励
                </Button>
                <Button danger onClick={() => setPending('reject')}>
                  不予批准
                </Button>
              </>
            )}
          </Space>
        </Space>
      )}
      <Modal
        open={pending !== null}
        title={title}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onOk={submit}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {pending === 'reward' ? (
            <>
              <Form.Item name="amount" label="奖励金额（元）" rules={[{ required: true, message: '请填写奖励金额' }]}>
                <InputNumber min={0.01} max={10000000} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="reason" label="奖励理由" rules={[{ required: true, whitespace: true, message: '请填写奖励理由' }]}>
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </>
          ) : pending === 'approve' || pending === 'reject' ? (
            <Form.Item
              name="note"
              label="审批意见"
              rules={pending === 'reject' ? [{ required: true, whitespace: true, message: '请填写不予批准理由' }] : []}
            >
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          ) : (
            pending && (
              <>
                <Form.Item name="on" label="办理日期" initialValue={dayjs()}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item
                  name="note"
                  label={NOTE[pending].label}
                  rules={NOTE[pending].required ? [{ required: true, whitespace: true, message: `请填写${NOTE[pending].label}` }] : []}
                >
                  <Input.TextArea rows={3} maxLength={5000} />
                </Form.Item>
              </>
            )
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}
