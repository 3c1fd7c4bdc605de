import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Pagination, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CLUE_SOURCES, CLUE_STATUSES, MANUAL_CLUE_SOURCES, type Clue, type ClueSource, type ClueStatus } from '../../../contracts/clues.js';
import { api, download, qs } from '../../lib/api.js';
import { useSubmit } from '../../lib/submit.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';
import { EntityPicker } from '../entities/EntityPicker.js';
import { CLUE_STATUS_COLORS, ClueDrawer } from './ClueDrawer.js';

/** 线索: every source in one list, the open ones first by default; registration of hand-entered clues; Excel export. */
export default function CluesPage() {
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<ClueStatus | 'all'>('all');
  const [source, setSource] = useState<ClueSource | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit({ form, failed: '登记失败' });
  const openId = params.get('id') ? Number(params.get('id')) : null;
  const filter = { status: status === 'all' ? undefined : status, source, q: q || undefined };
  const list = useQuery({
    queryKey: ['clues', filter, page],
    queryFn: () => api<{ items: Clue[]; total: number }>(`/api/clues${qs({ ...filter, page, pageSize: 20 })}`),
  });
  return (
    <Card
      title="线索"
      styles={{ body: { padding: 12 } }}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(`/api/clues/export${qs(filter)}`, '线索.xlsx').catch((e) => message.error(e.message))}
          >
            导出
          </Button>
          {can('clues.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记线索
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <div style={{ overflowX: 'auto' }}>
          <Segmented
            value={status}
            onChange={(v) => {
              setStatus(v as ClueStatus | 'all');
              setPage(1);
            }}
            options={[{ value: 'all', label: '全部' }, ...Object.entries(CLUE_STATUSES).map(([value, label]) => ({ value, label }))]}
          />
        </div>
        <Space wrap style={{ width: '100%' }}>
          <Select
            allowClear
            placeholder="来源"
            style={{ width: 150 }}
            value={source}
            onChange={(v) => {
              setSource(v);
              setPage(1);
            }}
            options={Object.entries(CLUE_SOURCES).map(([value, label]) => ({ value, label }))}
          />
          <Input.Search
            allowClear
            placeholder="搜索摘要、涉及对象"
            style={{ maxWidth: 260 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </Space>
        <ItemList<Clue>
          loading={list.isLoading}
          items={list.data?.items}
          rowKey={(c) => c.id}
          empty={<Empty description="暂无线索：检查发现的问题、受理的投诉举报和基层上报可转为线索" />}
          renderItem={(c) => (
            <ItemList.Row
              data-testid="clue-item"
              onClick={() => setParams({ id: String(c.id) })}
              style={{ cursor: 'pointer', display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}
            >
              <ItemList.Meta
                title={
                  <Space size={4} wrap>
                    <Tag>{CLUE_SOURCES[c.source]}</Tag>
                    <span>{c.summary}</span>
                  </Space>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {[c.subjectName, c.jurisdictionName, `收到 ${c.receivedOn}`, c.handler?.name].filter(Boolean).join(' · ')}
                    {c.overdue ? (
                      <Tag color="red" style={{ marginInlineStart: 6 }}>
                        超期
                      </Tag>
                    ) : null}
                  </Typography.Text>
                }
              />
              <Tag color={CLUE_STATUS_COLORS[c.status]} style={{ marginInlineEnd: 0 }}>
                {CLUE_STATUSES[c.status]}
              </Tag>
            </ItemList.Row>
          )}
        />
        {(list.data?.total ?? 0) > 20 && (
          <Pagination simple current={page} total={list.data?.total} pageSize={20} onChange={setPage} style={{ textAlign: 'center' }} />
        )}
      </Space>
      <ClueDrawer id={openId} onClose={() => setParams({})} />
      <Modal
        open={creating}
        title="登记线索"
        okText="登记"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
        onCancel={() => setCreating(false)}
        onOk={async () => {
          const v = await form.validateFields();
          const c = await run(() => api<Clue>('/api/clues', { body: { ...v, receivedOn: v.receivedOn.format('YYYY-MM-DD') } }));
          if (c === false) return;
          message.success('线索已登记');
          setCreating(false);
          await qc.invalidateQueries({ queryKey: ['clues'] });
          setParams({ id: String(c.id) });
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="source" label="来源" rules={[{ required: true, message: '请选择来源' }]}>
            <Select options={MANUAL_CLUE_SOURCES.map((value) => ({ value, label: CLUE_SOURCES[value] }))} />
          </Form.Item>
          <Form.Item name="sourceNote" label="来源说明（来文单位、文号、监测编号）">
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="entityId" label="涉及单位（本辖区监管对象）">
            <EntityPicker />
          </Form.Item>
          <Form.Item name="subjectName" label="未登记的对象（名称或描述）">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="summary" label="线索摘要" rules={[{ required: true, whitespace: true, message: '请填写线索摘要' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label="线索内容">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="receivedOn" label="收到日期" initialValue={dayjs()} rules={[{ required: true, message: '请选择收到日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
