import { Checkbox, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { SUPERVISION_LEVELS, type CaseView } from '../../../../contracts/cases.js';
import { fmt, dj } from './format.js';

/** 挂牌督办, 提级查办, 严重违法失信名单 and the publication day (the whole set is saved at once). */
export function MarksModal(props: {
  c: CaseView;
  busy: boolean;
  onClose(): void;
  send(url: string, body: unknown, done: string, method?: string): Promise<boolean>;
}) {
  const { c } = props;
  const [form] = Form.useForm();
  const supervised = Form.useWatch('supervised', form) as boolean | undefined;
  const listed = Form.useWatch('listed', form) as boolean | undefined;
  const decided = !!c.decidedOn;
  return (
    <Modal
      open
      title="督办、失信与公示登记"
      okText="保存"
      cancelText="取消"
      confirmLoading={props.busy}
      destroyOnHidden
      onCancel={props.onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const body = {
          version: c.version,
          supervision: v.supervised
            ? { level: v.level, since: fmt(v.since), deadline: fmt(v.deadline), note: v.supNote?.trim() || undefined }
            : null,
          escalatedTo: v.escalatedTo ?? null,
          seriousList: v.listed ? { listedOn: fmt(v.listedOn), until: fmt(v.until), note: v.listNote?.trim() || undefined } : null,
          publishedOn: fmt(v.publishedOn) ?? null,
        };
        if (await props.send(`/api/cases/${c.id}/marks`, body, '已保存', 'PUT')) props.onClose();
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          supervised: !!c.supervision,
          level: c.supervision?.level,
          since: dj(c.supervision?.since),
          deadline: dj(c.supervision?.deadline),
          supNote: c.supervision?.note ?? undefined,
          escalatedTo: c.escalatedTo ?? undefined,
          listed: !!c.seriousList,
          listedOn: dj(c.seriousList?.listedOn),
          until: dj(c.seriousList?.until),
          listNote: c.seriousList?.note ?? undefined,
          publishedOn: dj(c.publishedOn),
        }}
      >
        <Form.Item name="supervised" valuePropName="checked" noStyle>
          <Checkbox>挂牌督办</Checkbox>
        </Form.Item>
        {supervised && (
          <Space wrap style={{ marginTop: 8 }}>
            <Form.Item name="level" label="督办层级" rules={[{ required: true, message: '请选择' }]}>
              <Select style={{ width: 120 }} options={Object.entries(SUPERVISION_LEVELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="since" label="督办日期" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="deadline" label="督办期限" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="supNote" label="督办说明">
              <Input maxLength={500} style={{ width: 240 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="escalatedTo" label="提级查办" style={{ marginTop: 12 }}>
          <Select
            allowClear
            placeholder="未提级"
            style={{ width: 160 }}
            options={Object.entries(SUPERVISION_LEVELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="listed" valuePropName="checked" noStyle>
          <Checkbox disabled={!decided && !c.seriousList}>列入严重违法失信名单{decided ? '' : '（作出处罚决定后）'}</Checkbox>
        </Form.Item>
        {listed && (
          <Space wrap style={{ marginTop: 8 }}>
            <Form.Item name="listedOn" label="列入日期" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="until" label="移出日期">
              <DatePicker style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="listNote" label="说明">
              <Input maxLength={500} style={{ width: 240 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="publishedOn" label="处罚信息公示日期" style={{ marginTop: 12 }}>
          <DatePicker style={{ width: 160 }} disabled={!decided} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
