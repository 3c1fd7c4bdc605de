import { App as AntApp, DatePicker, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  RISK_CATEGORIES,
  RISK_CHANNELS,
  RISK_GRADES,
  RISK_PRODUCT_TAGS,
  type CreateRiskInput,
  type RiskView,
} from '../../../contracts/risks.js';
import { api } from '../../lib/api.js';
import { EntityPicker } from '../entities/EntityPicker.js';
import { risksApi, useRiskPeople } from './api.js';
import { useSubmit } from '../../lib/submit.js';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

interface Values extends Omit<CreateRiskInput, 'deadline' | 'entityIds'> {
  deadline: Dayjs;
}

/** 登记风险隐患 or 修改 (the same form; on edit the channel stays and the version read is sent). */
export function RiskForm({
  open,
  risk,
  onClose,
  onSaved,
}: {
  open: boolean;
  risk?: RiskView | null;
  onClose: () => void;
  onSaved: (r: RiskView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [units, setUnits] = useState<{ id: number; name: string }[]>([]);
  const qc = useQueryClient();
  const { busy, run } = useSubmit({
    form,
    onStale: () => (onClose(), qc.invalidateQueries({ queryKey: ['risks'] })),
  });
  const { message } = AntApp.useApp();
  const people = useRiskPeople(open);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setUnits(risk?.entities ?? []);
    if (risk)
      form.setFieldsValue({
        title: risk.title,
        description: risk.description,
        channel: risk.channel,
        category: risk.category,
        productTags: risk.productTags as Values['productTags'],
        level: risk.level,
        controlMeasure: risk.controlMeasure ?? '',
        ownerId: risk.owner.id,
        deadline: dayjs(risk.deadline),
      });
  }, [open, risk, form]);
  const save = async () => {
    const v = await form.validateFields();
    const body = { ...v, deadline: v.deadline.format('YYYY-MM-DD'), entityIds: units.map((u) => u.id) };
    const saved = await run(() =>
      risk ? risksApi.edit(risk.id, { ...body, channel: undefined, version: risk.version } as never) : risksApi.create(body),
    );
    if (saved === false) return;
    message.success(risk ? '已保存' : '已登记');
    onSaved(saved);
  };
  return (
    <Modal
      open={open}
      title={risk ? '修改风险隐患' : '登记风险隐患'}
      okText="保存"
      cancelText="返回"
      onOk={save}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ channel: 'inspection', category: 'drug', level: 'general' }}>
        <Form.Item name="title" label="风险隐患" rules={[{ required: true, message: '请填写风险隐患名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label="风险描述" rules={[{ required: true, message: '请填写风险描述' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          {!risk && (
            <Form.Item name="channel" label="发现渠道" rules={[{ required: true }]}>
              <Select style={{ width: 150 }} options={options(RISK_CHANNELS)} aria-label="发现渠道" />
            </Form.Item>
          )}
          <Form.Item name="category" label="产品类别" rules={[{ required: true }]}>
            <Select style={{ width: 130 }} options={options(RISK_CATEGORIES)} aria-label="产品类别" />
          </Form.Item>
          <Form.Item name="level" label="风险等级" rules={[{ required: true }]} tooltip="分级为推定：方案未给出分级标准">
            <Select style={{ width: 110 }} options={options(RISK_GRADES)} aria-label="风险等级" />
          </Form.Item>
        </Space>
        <Form.Item name="productTags" label="重点产品">
          <Select mode="multiple" allowClear options={options(RISK_PRODUCT_TAGS)} aria-label="重点产品" />
        </Form.Item>
        <Form.Item label="涉及单位">
          <EntityPicker
            value={null}
            placeholder="搜索单位名称后选择，可选多家"
            onChange={async (id) => {
              if (!id || units.some((u) => u.id === id)) return;
              const e = await api<{ id: number; name: string }>(`/api/entities/${id}`).catch(() => null);
              if (e) setUnits((x) => [...x, { id: e.id, name: e.name }]);
            }}
          />
          <div style={{ marginTop: 6 }}>
            {units.map((u) => (
              <Tag key={u.id} closable onClose={() => setUnits((x) => x.filter((y) => y.id !== u.id))} style={{ marginBottom: 4 }}>
                {u.name}
              </Tag>
            ))}
          </div>
        </Form.Item>
        <Form.Item name="controlMeasure" label="管控措施">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="ownerId" label="责任人" rules={[{ required: true, message: '请选择责任人' }]}>
            <Select style={{ width: 220 }} showSearch={{ optionFilterProp: 'label' }} options={people} aria-label="责任人" />
          </Form.Item>
          <Form.Item name="deadline" label="管控期限" rules={[{ required: true, message: '请选择管控期限' }]}>
            <DatePicker inputReadOnly disabledDate={(d) => d.isBefore(dayjs(), 'day')} aria-label="管控期限" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
