import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseView } from '../../../contracts/cases.js';
import { DEFAULT_VIOLATION_TYPES } from '../../../contracts/checklists/index.js';
import { ValuesAtMount } from '../../lib/ValuesAtMount.js';

const PERSON_ROLES = ['法定代表人', '主要负责人', '直接负责的主管人员', '其他责任人员'];
const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export interface CaseFactsValues {
  violationType: string;
  facts: string;
  goodsValue?: number;
  illegalIncome?: number;
  violationDate: Dayjs;
  discoveredOn?: Dayjs;
  healthHarm?: boolean;
  limitationOverride?: string;
  persons?: { name: string; role: string; idNumber?: string }[];
}

/** The form's values as the API takes them (dates as YYYY-MM-DD, blanks left out). */
export function factsBody(v: CaseFactsValues) {
  return {
    violationType: v.violationType,
    facts: v.facts,
    goodsValue: v.goodsValue ?? 0,
    illegalIncome: v.illegalIncome ?? 0,
    violationDate: v.violationDate.format('YYYY-MM-DD'),
    discoveredOn: v.discoveredOn ? v.discoveredOn.format('YYYY-MM-DD') : undefined,
    healthHarm: !!v.healthHarm,
    limitationOverride: v.limitationOverride?.trim() || undefined,
    persons: (v.persons ?? []).map((p) => ({ ...p, idNumber: p.idNumber?.trim() || undefined })),
  };
}

/** The facts of a case (违法类型 … 责任人): the same fields when filing and when correcting them. */
export function CaseFactsFields() {
  return (
    <>
      <Form.Item name="violationType" label="违法类型" rules={[{ required: true, message: '请选择违法类型' }]}>
        <Select showSearch optionFilterProp="label" options={DEFAULT_VIOLATION_TYPES.map((v) => ({ value: v.key, label: v.label }))} />
      </Form.Item>
      <Form.Item name="facts" label="案件事实" rules={[{ required: true, whitespace: true, message: '请填写案件事实' }]}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="goodsValue" label="货值金额（元）">
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="illegalIncome" label="违法所得（元）">
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="violationDate" label="违法行为发生日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: 160 }} disabledDate={notAfterToday} />
        </Form.Item>
        <Form.Item name="discoveredOn" label="发现日期（默认今天）">
          <DatePicker style={{ width: 160 }} disabledDate={notAfterToday} />
        </Form.Item>
      </Space>
      <Form.Item name="healthHarm" valuePropName="checked" extra="涉及公民生命健康安全且有危害后果的，追责时效为5年">
        <Checkbox>危害生命健康</Checkbox>
      </Form.Item>
      <Form.Item name="limitationOverride" label="超过追责时效仍立案的理由（违法行为有连续或继续状态时填写）">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Typography.Text strong>责任人</Typography.Text>
      <Form.List name="persons">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start" style={{ display: 'flex', marginTop: 8 }}>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]} noStyle>
                  <Input placeholder="姓名" maxLength={50} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '请选择职务' }]} noStyle>
                  <Select placeholder="职务" style={{ width: 150 }} options={PERSON_ROLES.map((value) => ({ value, label: value }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'idNumber']} noStyle>
                  <Input placeholder="身份证号（可不填）" maxLength={30} style={{ width: 180 }} />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除责任人" onClick={() => remove(f.name)} style={{ marginTop: 8 }} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: '法定代表人' })} style={{ marginTop: 8 }}>
              添加责任人
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

/** 修改案情: the case's facts as recorded, corrected with a reason (before the legal review). */
export function CaseFactsModal(props: {
  c: CaseView;
  busy: boolean;
  onClose(): void;
  send(url: string, body: unknown, done: string, method?: string): Promise<boolean>;
}) {
  const { c } = props;
  const [form] = Form.useForm<CaseFactsValues & { reason: string }>();
  const initial: Partial<CaseFactsValues> = {
    violationType: c.violationType,
    facts: c.facts,
    goodsValue: c.goodsValue,
    illegalIncome: c.illegalIncome,
    violationDate: dayjs(c.violationDate),
    discoveredOn: dayjs(c.discoveredOn),
    healthHarm: c.healthHarm,
    limitationOverride: c.limitation.override ?? undefined,
    persons: c.persons.map((p) => ({ ...p, idNumber: p.idNumber ?? undefined })),
  };
  return (
    <Modal
      open
      title="修改案情"
      okText="保存"
      cancelText="取消"
      confirmLoading={props.busy}
      destroyOnHidden
      width={640}
      onCancel={props.onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const body = { ...factsBody(v), reason: v.reason.trim(), version: c.version };
        if (await props.send(`/api/cases/${c.id}/facts`, body, '案情已修改', 'PUT')) props.onClose();
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
        <ValuesAtMount values={initial} />
        <CaseFactsFields />
        <Form.Item
          name="reason"
          label="修改理由"
          style={{ marginTop: 16 }}
          rules={[{ required: true, whitespace: true, message: '请填写修改理由' }]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder="如：核实进货凭证，确认货值金额" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
