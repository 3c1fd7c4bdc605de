import { DownloadOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Pagination,
  Radio,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ASSIST_DIRECTIONS, ASSIST_STATUSES, type AssistRequest, type Clue } from '../../../contracts/clues.js';
import { api, ApiError, download, qs } from '../../lib/api.js';
import { useSubmit } from '../../lib/submit.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';

/** 协查函: letters sent and received with due dates; overdue first; replies; a received request becomes a clue. */
export default function AssistPage() {
  const { can } = useAuth();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [direction, setDirection] = useState<'all' | 'outgoing' | 'incoming'>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<AssistRequest | null>(null);
  const [mode, setMode] = useState<'create' | 'reply' | null>(null);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit({ form, failed: '保存失败' });
  const filter = { direction: direction === 'all' ? undefined : direction };
  const list = useQuery({
    queryKey: ['assist-requests', filter, page],
    queryFn: () => api<{ items: AssistRequest[]; total: number }>(`/api/assist-requests${qs({ ...filter, page, pageSize: 20 })}`),
  });
  const manage = can('clues.manage');
  async function submit() {
    const v = await form.validateFields();
    const saved = await run(async () => {
      if (mode === 'create') {
        await api('/api/assist-requests', { body: { ...v, date: v.date.format('YYYY-MM-DD'), dueOn: v.dueOn.format('YYYY-MM-DD') } });
        message.success('协查函已登记');
      } else if (open) {
        const a = await api<AssistRequest>(`/api/assist-requests/${open.id}/reply`, {
          body: { repliedOn: v.repliedOn.format('YYYY-MM-DD'), content: v.content, version: open.version },
        });
        setOpen(a);
        message.success('回复已登记');
      }
    });
    if (saved === false) return;
    setMode(null);
    await qc.invalidateQueries({ queryKey: ['assist-requests'] });
  }
  return (
    <Card
      title="协查函"
      styles={{ body: { padding: 12 } }}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(`/api/assist-requests/export${qs(filter)}`, '协查函台账.xlsx').catch((e) => message.error(e.message))}
          >
            导出
          </Button>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode('create')}>
              登记协查函
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Segmented
          value={direction}
          onChange={(v) => {
            setDirection(v as typeof direction);
            setPage(1);
          }}
          options={[{ value: 'all', label: '全部' }, ...Object.entries(ASSIST_DIRECTIONS).map(([value, label]) => ({ value, label }))]}
        />
        <ItemList<AssistRequest>
          loading={list.isLoading}
          items={list.data?.items}
          rowKey={(a) => a.id}
          empty={<Empty description="暂无协查函" />}
          renderItem={(a) => (
            <ItemList.Row
              data-testid="assist-item"
              onClick={() => setOpen(a)}
              style={{ cursor: 'pointer', display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}
            >
              <ItemList.Meta
                title={
                  <Space size={4} wrap>
                    <Tag>{ASSIST_DIRECTIONS[a.direction]}</Tag>
                    <span>{a.subject}</span>
                  </Space>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {a.counterpart} · {a.date} · 期限 {a.dueOn}
                  </Typography.Text>
                }
              />
              <Space size={4}>
                {a.overdue && <Tag color="red">逾期</Tag>}
                <Tag color={a.status === 'open' ? 'gold' : 'green'} style={{ marginInlineEnd: 0 }}>
                  {ASSIST_STATUSES[a.status]}
                </Tag>
              </Space>
            </ItemList.Row>
          )}
        />
        {(list.data?.total ?? 0) > 20 && (
          <Pagination simple current={page} total={list.data?.total} pageSize={20} onChange={setPage} style={{ textAlign: 'center' }} />
        )}
      </Space>
      <Modal open={open !== null && mode === null} title={open?.subject} footer={null} onCancel={() => setOpen(null)} destroyOnHidden>
        {open && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="方向">{ASSIST_DIRECTIONS[open.direction]}</Descriptions.Item>
              <Descriptions.Item label="对方单位">{open.counterpart}</Descriptions.Item>
              {open.letterNo && <Descriptions.Item label="文号">{open.letterNo}</Descriptions.Item>}
              <Descriptions.Item label="日期">{open.date}</Descriptions.Item>
              <Descriptions.Item label="回复期限">{open.dueOn}</Descriptions.Item>
              <Descriptions.Item label="协查内容">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{open.content}</Typography.Paragraph>
              </Descriptions.Item>
              {open.repliedOn && <Descriptions.Item label="回复">{`${open.repliedOn}：${open.replyContent}`}</Descriptions.Item>}
            </Descriptions>
            <Space wrap>
              {open.hasLetter && (
                <Button
                  icon={<FileWordOutlined />}
                  onClick={() => download(`/api/assist-requests/${open.id}/letter`, '协查函.docx').catch((e) => message.error(e.message))}
                >
                  下载协查函
                </Button>
              )}
              {open.actions.includes('reply') && <Button onClick={() => setMode('reply')}>登记回复</Button>}
              {open.actions.includes('to_clue') && (
                <Button
                  type="primary"
                  onClick={async () => {
                    try {
                      const c = await api<Clue>(`/api/assist-requests/${open.id}/to-clue`, { body: { version: open.version } });
                      message.success('已转为线索');
                      nav(`/clues?id=${c.id}`);
                    } catch (e) {
                      message.error(e instanceof ApiError ? e.message : '操作失败');
                    }
                  }}
                >
                  转为线索
                </Button>
              )}
              {open.madeClueId && <Button onClick={() => nav(`/clues?id=${open.madeClueId}`)}>查看线索</Button>}
            </Space>
          </Space>
        )}
      </Modal>
      <Modal
        open={mode !== null}
        title={mode === 'create' ? '登记协查函' : '登记协查回复'}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onOk={submit}
        onCancel={() => setMode(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {mode === 'create' ? (
            <>
              <Form.Item name="direction" label="发出或收到" initialValue="outgoing" rules={[{ required: true }]}>
                <Radio.Group options={Object.entries(ASSIST_DIRECTIONS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name="counterpart" label="对方单位" rules={[{ required: true, whitespace: true, message: '请填写对方单位' }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="subject" label="协查事项" rules={[{ required: true, whitespace: true, message: '请填写协查事项' }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="content" label="协查内容" rules={[{ required: true, whitespace: true, message: '请填写协查内容' }]}>
                <Input.TextArea rows={4} maxLength={5000} />
              </Form.Item>
              <Form.Item name="letterNo" label="来函文号（收到时填写）">
                <Input maxLength={100} />
              </Form.Item>
              <Space wrap>
                <Form.Item name="date" label="日期" initialValue={dayjs()} rules={[{ required: true, message: '请选择日期' }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item
                  name="dueOn"
                  label="回复期限"
                  initialValue={dayjs().add(15, 'day')}
                  rules={[{ required: true, message: '请选择回复期限' }]}
                >
                  <DatePicker />
                </Form.Item>
              </Space>
              <Space wrap>
                <Form.Item name="contactName" label="联系人">
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name="contactPhone" label="联系电话">
                  <Input maxLength={30} />
                </Form.Item>
              </Space>
            </>
          ) : (
            <>
              <Form.Item name="repliedOn" label="回复日期" initialValue={dayjs()} rules={[{ required: true, message: '请选择回复日期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="content" label="回复内容" rules={[{ required: true, whitespace: true, message: '请填写回复内容' }]}>
                <Input.TextArea rows={4} maxLength={5000} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
