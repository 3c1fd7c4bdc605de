import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ORG_UNIT_KIND_LABELS, ORG_UNIT_KINDS, type Jurisdiction, type OrgUnit } from '../../../contracts/org.js';
import { useMobile } from '../../lib/screens.js';
import { api, qs } from '../../lib/api.js';
import { pickFields, staleCurrent, useConflict, type ConflictField } from '../../lib/conflict.js';
import { useAuth } from '../../lib/auth.js';
import { applyServerErrors } from '../../lib/form-errors.js';

export const KIND_COLORS: Record<string, string> = {
  upper: 'purple',
  bureau: 'geekblue',
  department: 'cyan',
  station: 'green',
  brigade: 'orange',
  squad: 'gold',
  grassroots: 'default',
};

/** 机构 tab: the org units of the selected jurisdiction subtree, with add/edit for org.manage. */
export function UnitsTab({ jurisdiction }: { jurisdiction: Jurisdiction }) {
  const { can } = useAuth();
  const mobile = useMobile();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);
  const units = useQuery({
    queryKey: ['org-units', jurisdiction.id],
    queryFn: () => api<OrgUnit[]>(`/api/org-units${qs({ jurisdictionId: jurisdiction.id })}`),
  });
  const manage = can('org.manage');
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">共 {units.data?.length ?? 0} 个机构</Typography.Text>
        {manage && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增机构
          </Button>
        )}
      </Space>
      <Table<OrgUnit>
        rowKey="id"
        size="small"
        loading={units.isLoading}
        dataSource={units.data}
        pagination={(units.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: mobile ? 520 : undefined }}
        data-testid="units-table"
        columns={[
          {
            title: '机构名称',
            dataIndex: 'name',
            render: (v: string, r) => (
              <span style={{ opacity: r.active ? 1 : 0.5 }}>
                {v}
                {r.shortName && <Typography.Text type="secondary"> （{r.shortName}）</Typography.Text>}
                {!r.active && <Tag style={{ marginLeft: 4 }}>已停用</Tag>}
              </span>
            ),
          },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 120,
            render: (k: OrgUnit['kind']) => <Tag color={KIND_COLORS[k]}>{ORG_UNIT_KIND_LABELS[k]}</Tag>,
          },
          ...(mobile
            ? []
            : [
                { title: '所在辖区', dataIndex: 'jurisdictionName' },
                { title: '电话', dataIndex: 'phone' },
              ]),
          { title: '在岗人数', dataIndex: 'peopleCount', width: 80, align: 'right' as const },
          ...(manage
            ? [
                {
                  title: '操作',
                  width: 70,
                  render: (_: unknown, r: OrgUnit) => (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={`编辑${r.name}`} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <UnitDialog
          unit={editing === 'new' ? null : editing}
          jurisdiction={jurisdiction}
          units={units.data ?? []}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void qc.invalidateQueries({ queryKey: ['org-units'] });
          }}
        />
      )}
    </>
  );
}

function UnitDialog(props: { unit: OrgUnit | null; jurisdiction: Jurisdiction; units: OrgUnit[]; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const u = props.unit;
  const conflict = useConflict();
  /** The unit as this form loaded it (values and version); moves on when a conflict is resolved. */
  const [loaded, setLoaded] = useState(u);
  const FIELDS: ConflictField[] = [
    { name: 'kind', label: '类型', format: (k) => ORG_UNIT_KIND_LABELS[k as keyof typeof ORG_UNIT_KIND_LABELS] ?? String(k) },
    { name: 'name', label: '名称' },
    { name: 'shortName', label: '简称' },
    { name: 'parentId', label: '上级机构', format: (id) => props.units.find((x) => x.id === id)?.name ?? String(id) },
    { name: 'phone', label: '电话' },
    { name: 'address', label: '地址' },
    { name: 'active', label: '启用' },
  ];
  // Parents: units in this subtree and the units of the chain above (a 股室 hangs under the bureau).
  const parents = useQuery({ queryKey: ['org-units', 'all'], queryFn: () => api<OrgUnit[]>('/api/org-units') });
  const kinds = ORG_UNIT_KINDS.filter((k) => k !== 'station' || props.jurisdiction.level === 'station' || u?.kind === 'station');
  async function submit(v: any, base = loaded) {
    setSaving(true);
    setError(null);
    const body = {
      kind: v.kind,
      name: v.name,
      shortName: v.shortName || null,
      phone: v.phone || null,
      address: v.address || null,
      parentId: v.parentId ?? null,
      ...(u ? { active: v.active } : { jurisdictionId: props.jurisdiction.id }),
    };
    try {
      if (u) await api(`/api/org-units/${u.id}`, { method: 'PATCH', body: { ...body, version: base!.version } });
      else await api('/api/org-units', { body });
      props.onDone();
    } catch (e) {
      if (staleCurrent(e)) setSaving(false);
      if (
        await conflict.handle<OrgUnit>(e, {
          form,
          fields: FIELDS,
          base,
          mine: v,
          values: (r) => pickFields(FIELDS, r),
          setLoaded,
          retry: submit,
        })
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
      title={u ? `编辑机构：${u.name}` : `在“${props.jurisdiction.name}”新增机构`}
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
        initialValues={u ? { ...u } : { kind: props.jurisdiction.level === 'station' ? 'station' : 'department', active: true }}
      >
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={kinds.map((k) => ({ value: k, label: ORG_UNIT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请输入名称' },
            { max: 100, message: '不能超过100字' },
          ]}
        >
          <Input placeholder="如：药品和医疗器械股、执法三中队" />
        </Form.Item>
        <Form.Item name="shortName" label="简称">
          <Input maxLength={30} placeholder="如：创新所" />
        </Form.Item>
        <Form.Item name="parentId" label="上级机构">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={parents.isLoading}
            options={(parents.data ?? []).filter((p) => p.id !== u?.id).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="phone" label="电话">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input maxLength={200} />
        </Form.Item>
        {u && (
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
