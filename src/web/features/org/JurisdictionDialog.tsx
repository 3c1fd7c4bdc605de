import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { JURISDICTION_LEVELS, LEVEL_LABELS, type Jurisdiction } from '../../../contracts/org.js';
import { api } from '../../lib/api.js';
import { pickFields, staleCurrent, useConflict, type ConflictField } from '../../lib/conflict.js';
import { applyServerErrors } from '../../lib/form-errors.js';

const FIELDS: ConflictField[] = [
  { name: 'name', label: '名称' },
  { name: 'levelLabel', label: '层级名称' },
  { name: 'code', label: '行政区划代码' },
];

/** Add a child jurisdiction one level below, or rename the current one (name, local level label, code). */
export function JurisdictionDialog(props: {
  mode: 'create' | 'edit';
  current: Jurisdiction;
  onClose(): void;
  onDone(j: Jurisdiction): void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const create = props.mode === 'create';
  const conflict = useConflict();
  /** The jurisdiction as this form loaded it (values and version); moves on when a conflict is resolved. */
  const [loaded, setLoaded] = useState(props.current);
  const childLevel = JURISDICTION_LEVELS[JURISDICTION_LEVELS.indexOf(props.current.level) + 1];
  async function submit(v: { name: string; levelLabel?: string; code?: string }, base = loaded) {
    setSaving(true);
    setError(null);
    try {
      const body = { name: v.name, levelLabel: v.levelLabel || undefined, code: v.code || null };
      const j = create
        ? await api<Jurisdiction>('/api/jurisdictions', { body: { ...body, parentId: props.current.id } })
        : await api<Jurisdiction>(`/api/jurisdictions/${props.current.id}`, { method: 'PATCH', body: { ...body, version: base.version } });
      props.onDone(j);
    } catch (e) {
      if (staleCurrent(e)) setSaving(false);
      const retry = (values: Record<string, unknown>, current: Jurisdiction) => submit(values as typeof v, current);
      if (
        !create &&
        (await conflict.handle<Jurisdiction>(e, {
          form,
          fields: FIELDS,
          base,
          mine: v,
          values: (r) => pickFields(FIELDS, r),
          setLoaded,
          retry,
        }))
      )
        return;
      setError(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={create ? `在“${props.current.name}”下新增${childLevel ? LEVEL_LABELS[childLevel] : ''}` : `修改辖区“${props.current.name}”`}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {conflict.dialog}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => submit(v)}
        initialValues={create ? {} : { name: props.current.name, levelLabel: props.current.levelLabel, code: props.current.code ?? '' }}
      >
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请输入名称' },
            { max: 100, message: '不能超过100字' },
          ]}
        >
          <Input placeholder={create ? '如：红旗街道、宝力根苏木' : undefined} />
        </Form.Item>
        <Form.Item name="levelLabel" label="层级名称" extra="当地叫法，如 区/旗/街道/镇/苏木/社区/村/嘎查；不填则用默认">
          <Input maxLength={10} placeholder={create && childLevel ? LEVEL_LABELS[childLevel] : undefined} />
        </Form.Item>
        <Form.Item name="code" label="行政区划代码">
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
