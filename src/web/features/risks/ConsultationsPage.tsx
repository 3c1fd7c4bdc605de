import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CONSULTATION_KINDS, CONSULTATION_LEVELS, type ConsultationInput, type ConsultationKind } from '../../../contracts/risks.js';
import { download, qs } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';
import { risksApi, useRiskPeople } from './api.js';

/** 风险会商 / 案件会商: meetings with the items discussed, decisions and follow-up; counted at the own level and below (附件3). */
export default function ConsultationsPage() {
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<ConsultationKind | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: ['consultations', kind, page], queryFn: () => risksApi.consultations({ kind, page, pageSize: 20 }) });
  const yearStart = `${dayjs().year()}-01-01`;
  const today = dayjs().format('YYYY-MM-DD');
  const stats = useQuery({
    queryKey: ['risks', 'stats', yearStart, today],
    queryFn: () => risksApi.stats(yearStart, today),
    staleTime: 60_000,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title="风险会商"
        extra={
          <Space wrap>
            {can('risks.manage') && (
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="consultation-new">
                记录会商
              </Button>
            )}
            <Button
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => download(`/api/consultations/export${qs({ kind })}`, '会商记录.xlsx').catch((e) => message.error(e.message))}
            >
              导出
            </Button>
          </Space>
        }
      >
        <Space wrap>
          <Select
            allowClear
            placeholder="会商类型"
            style={{ width: 140 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={Object.entries(CONSULTATION_KINDS).map(([value, label]) => ({ value, label }))}
            aria-label="会商类型"
          />
          {stats.data && (
            <span data-testid="consultation-stats">
              <Tag>
                本年本级召开风险会商 {stats.data.consultations.own.held} 次，研究事项 {stats.data.consultations.own.items} 个
              </Tag>
              <Tag>
                所辖下级共召开 {stats.data.consultations.below.held} 次，研究事项 {stats.data.consultations.below.items} 个
              </Tag>
            </span>
          )}
        </Space>
      </Card>
      {q.isError && <Alert type="error" showIcon message={(q.error as Error).message} />}
      <ItemList
        loading={q.isLoading}
        items={q.data?.items}
        rowKey={(c) => c.id}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' }}
        renderItem={(c) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="consultation-card">
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
              <b>
                {c.heldOn} {CONSULTATION_KINDS[c.kind]}
              </b>
              <Tag style={{ marginRight: 0 }}>
                {c.jurisdictionName} · {CONSULTATION_LEVELS[c.level]}
              </Tag>
            </div>
            <div style={{ fontSize: 13, color: '#666', margin: '4px 0', wordBreak: 'break-all' }}>
              主持人：{c.host}
              {c.participants.length > 0 && ` · 参会：${c.participants.join('、')}`}
            </div>
            {c.items.map((i, n) => (
              <div key={i.id} style={{ fontSize: 13, padding: '4px 0', borderTop: '1px solid #f0f0f0', wordBreak: 'break-all' }}>
                {n + 1}. {i.topic}
                {i.links.map((l) =>
                  l.type === 'risk' ? (
                    <Link key={`${l.type}${l.id}`} to={`/risks?id=${l.id}`} style={{ marginLeft: 6 }}>
                      [{l.label}：{l.title}]
                    </Link>
                  ) : (
                    <span key={`${l.type}${l.id}`} style={{ marginLeft: 6 }}>
                      [{l.label}：{l.title}]
                    </span>
                  ),
                )}
                {i.decision && <div>会商意见：{i.decision}</div>}
                {i.followUp && <div style={{ color: '#666' }}>跟进：{i.followUp.name}</div>}
              </div>
            ))}
          </Card>
        )}
      />
      <ConsultationForm open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}

type Values = Omit<ConsultationInput, 'heldOn' | 'items'> & {
  heldOn: Dayjs;
  items: { topic: string; decision?: string; followUpUserId?: number; riskIds?: number[] }[];
};

function ConsultationForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const people = useRiskPeople(open);
  const risks = useQuery({ queryKey: ['risks', 'for-consultation'], queryFn: () => risksApi.list({ pageSize: 200 }), enabled: open });
  const riskOptions = (risks.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }));
  return (
    <Modal
      open={open}
      title="记录会商"
      okText="保存"
      cancelText="返回"
      confirmLoading={busy}
      destroyOnHidden
      width={640}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          await risksApi.consultationCreate({
            ...v,
            heldOn: v.heldOn.format('YYYY-MM-DD'),
            items: v.items.map(({ riskIds, ...i }) => ({ ...i, links: (riskIds ?? []).map((id) => ({ type: 'risk', id })) })),
          });
          message.success('已保存');
          form.resetFields();
          onClose();
          await qc.invalidateQueries({ predicate: (x) => ['consultations', 'risks'].includes(String(x.queryKey[0])) });
        } catch (e) {
          message.error((e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'risk', heldOn: dayjs(), items: [{ topic: '' }] }} preserve={false}>
        <Space wrap>
          <Form.Item name="kind" label="会商类型">
            <Select
              style={{ width: 130 }}
              options={Object.entries(CONSULTATION_KINDS).map(([value, label]) => ({ value, label }))}
              aria-label="会商类型"
            />
          </Form.Item>
          <Form.Item name="heldOn" label="会商日期" rules={[{ required: true }]}>
            <DatePicker inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} aria-label="会商日期" />
          </Form.Item>
          <Form.Item name="host" label="主持人" rules={[{ required: true, message: '请填写主持人' }]}>
            <Input maxLength={50} style={{ width: 150 }} aria-label="主持人" />
          </Form.Item>
        </Space>
        <Form.Item name="participants" label="参会人员">
          <Select mode="tags" tokenSeparators={['、', ',', '，']} placeholder="输入姓名后回车" aria-label="参会人员" />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, n) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={`会商事项 ${n + 1}`}
                  extra={fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除事项" />}
                >
                  <Form.Item name={[field.name, 'topic']} label="事项" rules={[{ required: true, message: '请填写会商事项' }]}>
                    <Input maxLength={500} aria-label={`会商事项${n + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'riskIds']} label="关联风险隐患">
                    <Select
                      mode="multiple"
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      options={riskOptions}
                      aria-label={`关联风险隐患${n + 1}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'decision']} label="会商意见">
                    <Input.TextArea rows={2} maxLength={2000} aria-label={`会商意见${n + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'followUpUserId']} label="跟进人">
                    <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={people} aria-label={`跟进人${n + 1}`} />
                  </Form.Item>
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ topic: '' })}>
                增加会商事项
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label="备注" style={{ marginTop: 8 }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
