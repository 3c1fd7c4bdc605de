import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Pagination,
  Radio,
  Segmented,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  type Complaint,
  type ComplaintStatus,
} from '../../../contracts/complaints.js';
import { api, download, qs } from '../../lib/api.js';
import { useSubmit } from '../../lib/submit.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';
import { EntityPicker } from '../entities/EntityPicker.js';
import { ComplaintDrawer } from './ComplaintDrawer.js';

type View = ComplaintStatus | 'all' | 'overdue';

/** 投诉举报 (12315): the area's complaints and reports, the overdue ones on their own tab; registration; Excel export. */
export default function ComplaintsPage() {
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<View>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit({ form, failed: '登记失败' });
  const realName = Form.useWatch('realName', form);
  const openId = params.get('id') ? Number(params.get('id')) : null;
  const filter = {
    status: view === 'all' || view === 'overdue' ? undefined : view,
    overdue: view === 'overdue' ? 'true' : undefined,
    q: q || undefined,
  };
  const list = useQuery({
    queryKey: ['complaints', filter, page],
    queryFn: () => api<{ items: Complaint[]; total: number }>(`/api/complaints${qs({ ...filter, page, pageSize: 20 })}`),
  });
  return (
    <Card
      title="投诉举报"
      styles={{ body: { padding: 12 } }}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(`/api/complaints/export${qs(filter)}`, '投诉举报台账.xlsx').catch((e) => message.error(e.message))}
          >
            导出
          </Button>
          {can('complaints.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <div style={{ overflowX: 'auto' }}>
          <Segmented
            value={view}
            onChange={(v) => {
              setView(v as View);
              setPage(1);
            }}
            options={[
              { value: 'all', label: '全部' },
              { value: 'overdue', label: '逾期' },
              ...Object.entries(COMPLAINT_STATUSES).map(([value, label]) => ({ value, label })),
            ]}
          />
        </div>
        <Input.Search
          allowClear
          placeholder="搜索摘要、对象、平台编号"
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <ItemList<Complaint>
          loading={list.isLoading}
          items={list.data?.items}
          rowKey={(c) => c.id}
          empty={<Empty description={view === 'overdue' ? '没有逾期的投诉举报' : '暂无投诉举报'} />}
          renderItem={(c) => (
            <ItemList.Row
              data-testid="complaint-item"
              onClick={() => setParams({ id: String(c.id) })}
              style={{ cursor: 'pointer', display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}
            >
              <ItemList.Meta
                title={
                  <Space size={4} wrap>
                    <Tag color={c.kind === 'report' ? 'purple' : 'cyan'}>{COMPLAINT_KINDS[c.kind]}</Tag>
                    <span>{c.summary}</span>
                  </Space>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {[COMPLAINT_CHANNELS[c.channel], c.subjectName, c.jurisdictionName, `收到 ${c.receivedOn}`].filter(Boolean).join(' · ')}
                  </Typography.Text>
                }
              />
              <Space size={4}>
                {c.overdue && <Tag color="red">逾期</Tag>}
                <Tag color={c.status === 'received' ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }}>
                  {COMPLAINT_STATUSES[c.status]}
                </Tag>
              </Space>
            </ItemList.Row>
          )}
        />
        {(list.data?.total ?? 0) > 20 && (
          <Pagination simple current={page} total={list.data?.total} pageSize={20} onChange={setPage} style={{ textAlign: 'center' }} />
        )}
      </Space>
      <ComplaintDrawer id={openId} onClose={() => setParams({})} />
      <Modal
        open={creating}
        title="登记投诉举报"
        okText="登记"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
        onCancel={() => setCreating(false)}
        onOk={async () => {
          const v = await form.validateFields();
          const c = await run(() => api<Complaint>('/api/complaints', { body: { ...v, receivedOn: v.receivedOn.format('YYYY-MM-DD') } }));
          if (c === false) return;
          message.success('已登记');
          setCreating(false);
          await qc.invalidateQueries({ queryKey: ['complaints'] });
          setParams({ id: String(c.id) });
        }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'complaint', channel: 'platform', realName: true, receivedOn: dayjs() }}
        >
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Radio.Group options={Object.entries(COMPLAINT_KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="channel" label="来源渠道" rules={[{ required: true, message: '请选择来源渠道' }]}>
            <Select options={Object.entries(COMPLAINT_CHANNELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="platformNo" label="平台编号">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="realName" label="实名" valuePropName="checked">
            <Switch />
          </Form.Item>
          {realName && (
            <Space wrap>
              <Form.Item name="complainantName" label="姓名" rules={[{ required: true, whitespace: true, message: '实名须填写姓名' }]}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="complainantPhone" label="联系电话">
                <Input maxLength={30} />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="entityId" label="被投诉举报单位（本辖区监管对象）">
            <EntityPicker />
          </Form.Item>
          <Form.Item name="subjectName" label="未登记的对象（名称或描述）">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="summary" label="摘要" rules={[{ required: true, whitespace: true, message: '请填写摘要' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="content" label="投诉举报内容" rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
