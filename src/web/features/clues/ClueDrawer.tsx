import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  CLUE_ACTIONS,
  CLUE_SOURCES,
  CLUE_STATUSES,
  TRANSFER_STATUSES,
  TRANSFER_TARGETS,
  type Clue,
  type ClueAction,
  type ClueTransfer,
} from '../../../contracts/clues.js';
import { Link } from 'react-router-dom';
import { CASE_PROCEDURES } from '../../../contracts/cases.js';
import { DEFAULT_VIOLATION_TYPES } from '../../../contracts/checklists/index.js';
import { api, ApiError } from '../../lib/api.js';
import { useSubmit } from '../../lib/submit.js';
import { useMobile } from '../../lib/screens.js';

export const CLUE_STATUS_COLORS: Record<Clue['status'], string> = {
  pending: 'gold',
  verifying: 'blue',
  filed: 'red',
  not_filed: 'default',
  transferred: 'purple',
};

const fmt = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** One clue: details, verification, decision (the actions the server allows), transfers with receipts, material. */
export function ClueDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const mobile = useMobile();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<ClueAction | null>(null);
  const [receipt, setReceipt] = useState<ClueTransfer | null>(null);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit({ form, onStale: () => (setPending(null), refresh()) });
  const [findings, setFindings] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['clue', id], queryFn: () => api<Clue>(`/api/clues/${id}`), enabled: id !== null });
  const c = q.data;

  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['clues'] }), qc.invalidateQueries({ queryKey: ['clue', id] })]);
  async function call(url: string, body: unknown, done: string) {
    if ((await run(() => api(url, { body }))) === false) return false;
    message.success(done);
    await refresh();
    return true;
  }
  async function decide() {
    if (!c || !pending) return;
    const v = await form.validateFields();
    const body =
      pending === 'transfer'
        ? { action: pending, version: c.version, transfer: { ...v.transfer, transferredOn: fmt(v.transfer.transferredOn) } }
        : {
            action: pending,
            version: c.version,
            reason: v.reason || undefined,
            filing:
              pending === 'file'
                ? { procedure: v.procedure, violationType: v.violationType, violationDate: fmt(v.violationDate) }
                : undefined,
          };
    if (await call(`/api/clues/${c.id}/transition`, body, `已${CLUE_ACTIONS[pending]}`)) {
      setPending(null);
      form.resetFields();
    }
  }
  const upload =
    (url: string, extra: Record<string, string> = {}) =>
    async (file: File) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(extra)) f.append(k, v);
      f.append('file', file, file.name);
      try {
        await api(url, { form: f });
        message.success('已上传');
        await refresh();
      } catch (e) {
        message.error(e instanceof ApiError ? e.message : '上传失败');
      }
      return false;
    };

  return (
    <Drawer open={id !== null} onClose={onClose} title={c?.summary ?? '线索'} size={mobile ? '100%' : 560} destroyOnHidden>
      {c && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Space wrap>
            <Tag>{CLUE_SOURCES[c.source]}</Tag>
            <Tag color={CLUE_STATUS_COLORS[c.status]} data-testid="clue-status">
              {CLUE_STATUSES[c.status]}
            </Tag>
            {c.overdue && <Tag color="red">超过核查期限</Tag>}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="线索编号">{c.id}</Descriptions.Item>
            {c.sourceNote && <Descriptions.Item label="来源说明">{c.sourceNote}</Descriptions.Item>}
            <Descriptions.Item label="涉及对象">{c.subjectName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所属辖区">{c.jurisdictionName}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{c.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="核查决定期限">{c.decideBy ? `${c.decideBy}（15个工作日）` : '节假日日历未录入'}</Descriptions.Item>
            <Descriptions.Item label="承办人">{c.handler?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="线索内容">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description || '—'}</Typography.Paragraph>
            </Descriptions.Item>
            {c.findings && !c.canVerify && <Descriptions.Item label="核查情况">{c.findings}</Descriptions.Item>}
            {c.decisionReason && <Descriptions.Item label="决定理由">{c.decisionReason}</Descriptions.Item>}
            {c.decidedAt && (
              <Descriptions.Item label="决定">{`${c.decidedBy ?? ''} ${new Date(c.decidedAt).toLocaleDateString('zh-CN')}`}</Descriptions.Item>
            )}
            {c.caseId && (
              <Descriptions.Item label="案件">
                <Link to={`/cases?id=${c.caseId}`}>{c.caseNo ?? '查看案件（待批准立案）'}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          {c.canVerify && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>核查情况</Typography.Text>
              <Input.TextArea
                rows={4}
                maxLength={5000}
                value={findings ?? c.findings ?? ''}
                onChange={(e) => setFindings(e.target.value)}
              />
              <Button
                loading={busy}
                disabled={!(findings ?? c.findings ?? '').trim()}
                onClick={async () => {
                  const saved = await run(() =>
                    api(`/api/clues/${c.id}/verification`, {
                      method: 'PUT',
                      body: { findings: findings ?? c.findings, version: c.version },
                    }),
                  );
                  if (saved === false) return;
                  message.success('核查情况已保存');
                  setFindings(null);
                  await refresh();
                }}
              >
                保存核查情况
              </Button>
            </Space>
          )}
          {c.actions.length > 0 && (
            <Space wrap>
              {c.actions.map((a) => (
                <Button key={a} type={a === 'dismiss' ? 'default' : 'primary'} danger={a === 'dismiss'} onClick={() => setPending(a)}>
                  {CLUE_ACTIONS[a]}
                </Button>
              ))}
            </Space>
          )}
          {c.transfers.length > 0 && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>移交</Typography.Text>
              {c.transfers.map((t) => (
                <Descriptions key={t.id} column={1} size="small" bordered>
                  <Descriptions.Item label="接收单位">{`${TRANSFER_TARGETS[t.target]}：${t.receivingBody}`}</Descriptions.Item>
                  <Descriptions.Item label="移交日期">{`${t.transferredOn}${t.letterNo ? `（${t.letterNo}）` : ''}`}</Descriptions.Item>
                  <Descriptions.Item label="状态">
                    <Space wrap>
                      <Tag>{TRANSFER_STATUSES[t.status]}</Tag>
                      {t.receiptOn && <span>回执 {t.receiptOn}</span>}
                      {t.actions.includes('receipt') && (
                        <Button size="small" onClick={() => setReceipt(t)}>
                          登记回执
                        </Button>
                      )}
                    </Space>
                  </Descriptions.Item>
                  <Descriptions.Item label="移交函 / 回执">
                    <Space wrap>
                      {t.letterFile ? <a href={t.letterFile.url}>{t.letterFile.name}</a> : null}
                      {t.receiptFile ? <a href={t.receiptFile.url}>{t.receiptFile.name}</a> : null}
                      <Upload showUploadList={false} beforeUpload={upload(`/api/clue-transfers/${t.id}/files`, { purpose: 'letter' })}>
                        <Button size="small" icon={<UploadOutlined />}>
                          上传移交函
                        </Button>
                      </Upload>
                      <Upload showUploadList={false} beforeUpload={upload(`/api/clue-transfers/${t.id}/files`, { purpose: 'receipt' })}>
                        <Button size="small" icon={<UploadOutlined />}>
                          上传回执
                        </Button>
                      </Upload>
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
              ))}
            </Space>
          )}
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>材料（{c.files.length}）</Typography.Text>
            {c.files.map((f) => (
              <a key={f.id} href={f.url}>
                {f.name}
              </a>
            ))}
            <Upload showUploadList={false} beforeUpload={upload(`/api/clues/${c.id}/files`)}>
              <Button icon={<UploadOutlined />}>上传材料</Button>
            </Upload>
          </Space>
        </Space>
      )}
      <Modal
        open={pending !== null}
        title={pending ? `确认${CLUE_ACTIONS[pending]}？` : ''}
        okText={pending ? CLUE_ACTIONS[pending] : '确定'}
        cancelText="取消"
        confirmLoading={busy}
        onOk={decide}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {pending === 'transfer' ? (
            <>
              <Form.Item name={['transfer', 'target']} label="移交对象" rules={[{ required: true, message: '请选择移交对象' }]}>
                <Select options={Object.entries(TRANSFER_TARGETS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name={['transfer', 'receivingBody']} label="接收单位" rules={[{ required: true, message: '请填写接收单位' }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name={['transfer', 'transferredOn']}
                label="移交日期"
                rules={[{ required: true, message: '请选择移交日期' }]}
                initialValue={dayjs()}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name={['transfer', 'letterNo']} label="移交函文号">
                <Input maxLength={100} />
              </Form.Item>
            </>
          ) : (
            pending !== 'verify' && (
              <>
                {pending === 'file' && (
                  <>
                    <Form.Item
                      name="procedure"
                      label="程序"
                      initialValue="ordinary"
                      extra="普通程序由负责人批准立案后编号；简易程序当场立案"
                    >
                      <Select options={Object.entries(CASE_PROCEDURES).map(([value, label]) => ({ value, label }))} />
                    </Form.Item>
                    <Form.Item name="violationType" label="违法类型" initialValue="other">
                      <Select
                        showSearch
                        optionFilterProp="label"
                        options={DEFAULT_VIOLATION_TYPES.map((t) => ({ value: t.key, label: t.label }))}
                      />
                    </Form.Item>
                    <Form.Item name="violationDate" label="违法行为发生日期（默认线索收到日期）">
                      <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                    </Form.Item>
                  </>
                )}
                <Form.Item
                  name="reason"
                  label={pending === 'dismiss' ? '不予立案理由' : '说明（可不填）'}
                  rules={pending === 'dismiss' ? [{ required: true, whitespace: true, message: '请填写不予立案理由' }] : []}
                >
                  <Input.TextArea rows={3} maxLength={1000} />
                </Form.Item>
              </>
            )
          )}
        </Form>
      </Modal>
      <Modal
        open={receipt !== null}
        title="登记移交回执"
        okText="登记"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
        onCancel={() => setReceipt(null)}
        onOk={async () => {
          const v = await form.validateFields();
          if (
            receipt &&
            (await call(
              `/api/clue-transfers/${receipt.id}/receipt`,
              { receiptOn: fmt(v.receiptOn), note: v.note, version: receipt.version },
              '回执已登记',
            ))
          )
            setReceipt(null);
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="receiptOn" label="回执日期" rules={[{ required: true, message: '请选择回执日期' }]} initialValue={dayjs()}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
