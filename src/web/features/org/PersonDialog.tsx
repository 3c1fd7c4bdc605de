import { Alert, App, Checkbox, Col, Form, Input, Modal, Row, Select, TreeSelect, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { canGrantRole, canGrantScope, type Jurisdiction, type OrgUnit, type Person } from '../../../contracts/org.js';
import { DATA_SCOPE_LABELS, DATA_SCOPES, ROLE_DEFAULT_SCOPE, ROLE_LABELS, ROLES, type Role } from '../../../contracts/permissions.js';
import { api } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { pickFields, staleCurrent, useConflict, type ConflictField } from '../../lib/conflict.js';
import { applyServerErrors } from '../../lib/form-errors.js';

interface Node {
  id: number;
  pId: number | null;
  value: number;
  title: string;
  isLeaf: boolean;
}

/** Lazy picker of the jurisdiction a person answers for, inside the unit's jurisdiction. */
function JurisdictionPicker(props: { unit?: OrgUnit; value?: number; onChange?(v: number | undefined): void; current?: Person | null }) {
  const [nodes, setNodes] = useState<Node[]>([]);
  const unit = props.unit;
  const current = props.current;
  useEffect(() => {
    if (!unit) return setNodes([]);
    const root: Node = { id: unit.jurisdictionId, pId: null, value: unit.jurisdictionId, title: unit.jurisdictionName, isLeaf: false };
    const extra =
      current && current.jurisdictionId !== unit.jurisdictionId
        ? [
            {
              id: current.jurisdictionId,
              pId: unit.jurisdictionId,
              value: current.jurisdictionId,
              title: current.jurisdictionName,
              isLeaf: true,
            },
          ]
        : [];
    setNodes([root, ...extra]);
  }, [unit, current]);
  return (
    <TreeSelect
      treeDataSimpleMode
      allowClear
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      treeData={nodes}
      placeholder={unit ? `默认：${unit.jurisdictionName}` : '先选择所属机构'}
      disabled={!unit}
      loadData={async (n: any) => {
        const kids = await api<Jurisdiction[]>(`/api/jurisdictions?parentId=${n.value}`);
        setNodes((all) => [
          ...all.filter((x) => !kids.some((k) => k.id === x.id)),
          ...kids.map((k) => ({ id: k.id, pId: n.value, value: k.id, title: `${k.name}（${k.levelLabel}）`, isLeaf: k.childCount === 0 })),
        ]);
      }}
    />
  );
}

/** Add or edit a person: role and data scope limited to what the signed-in user may grant. */
export function PersonDialog(props: { person: Person | null; jurisdiction: Jurisdiction; onClose(): void; onDone(): void }) {
  const { me } = useAuth();
  const { modal } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const p = props.person;
  const conflict = useConflict();
  /** The person as this form loaded them (values and version); moves on when a conflict is resolved. */
  const [loaded, setLoaded] = useState(p);
  const units = useQuery({ queryKey: ['org-units', 'all'], queryFn: () => api<OrgUnit[]>('/api/org-units') });
  const unitId = Form.useWatch('orgUnitId', form) as number | undefined;
  const unit = units.data?.find((u) => u.id === unitId);
  const roles = ROLES.filter((r) => (me ? canGrantRole(me.role, r) : false) || r === p?.role);
  const scopes = DATA_SCOPES.filter((s) => (me ? canGrantScope(me.scope, s) : false) || s === p?.dataScope);

  // A new person defaults to the unit at the selected jurisdiction.
  const defaultUnit = p ? undefined : units.data?.find((u) => u.jurisdictionId === props.jurisdiction.id && u.active);
  useEffect(() => {
    if (defaultUnit && !form.getFieldValue('orgUnitId')) form.setFieldValue('orgUnitId', defaultUnit.id);
  }, [defaultUnit, form]);
  // Saving waits for the units and that default: a form sent earlier would fail on a unit the user never left empty.
  const ready = !!units.data && (!defaultUnit || unitId !== undefined);

  const unitName = (id: unknown) => units.data?.find((u) => u.id === id)?.name ?? String(id);
  const placeName = (id: unknown) => [loaded, p].find((x) => x?.jurisdictionId === id)?.jurisdictionName ?? '另选的辖区';
  const FIELDS: ConflictField[] = [
    { name: 'displayName', label: '姓名' },
    { name: 'orgUnitId', label: '所属机构', format: unitName },
    { name: 'jurisdictionId', label: '负责辖区', format: placeName },
    { name: 'role', label: '角色', format: (r) => ROLE_LABELS[r as Role] ?? String(r) },
    { name: 'dataScope', label: '数据范围', format: (s) => DATA_SCOPE_LABELS[s as keyof typeof DATA_SCOPE_LABELS] ?? String(s) },
    { name: 'title', label: '职务' },
    { name: 'phone', label: '手机' },
    { name: 'badgeNo', label: '执法证号' },
    { name: 'email', label: '邮箱' },
  ];
  const formValues = (x: Person) => pickFields(FIELDS, x);

  async function submit(v: any, base = loaded) {
    setSaving(true);
    setError(null);
    const body: Record<string, unknown> = {
      displayName: v.displayName,
      role: v.role,
      dataScope: v.dataScope,
      orgUnitId: v.orgUnitId,
      jurisdictionId: v.jurisdictionId || undefined,
      title: v.title || null,
      phone: v.phone || null,
      badgeNo: v.badgeNo || null,
      email: v.email || null,
    };
    try {
      if (p) {
        await api(`/api/people/${p.id}`, { method: 'PATCH', body: { ...body, version: base!.version } });
      } else {
        const created = await api<Person>('/api/people', { body: { ...body, username: v.username } });
        if (v.issuePassword) {
          const r = await api<{ temporaryPassword: string }>(`/api/people/${created.id}/reset-password`, { method: 'POST' });
          modal.info({
            title: '临时密码',
            content: (
              <>
                <p>
                  {created.displayName}（{created.username}）的一次性临时密码：
                </p>
                <Typography.Paragraph copyable style={{ fontSize: 20, fontFamily: 'monospace' }}>
                  {r.temporaryPassword}
                </Typography.Paragraph>
                <Typography.Text type="secondary">只显示这一次，首次登录后须修改。</Typography.Text>
              </>
            ),
          });
        }
      }
      props.onDone();
    } catch (e) {
      if (staleCurrent(e)) setSaving(false);
      if (await conflict.handle<Person>(e, { form, fields: FIELDS, base, mine: v, values: formValues, setLoaded, retry: submit })) return;
      setError(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={p ? `编辑人员：${p.displayName}` : '新增人员'}
      okText="保存"
      okButtonProps={{ disabled: !ready }}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={640}
    >
      {conflict.dialog}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => submit(v)}
        initialValues={
          p
            ? { ...p, jurisdictionId: p.jurisdictionId }
            : { role: 'inspector', dataScope: ROLE_DEFAULT_SCOPE.inspector, issuePassword: true }
        }
        onValuesChange={(changed) => {
          if (changed.role)
            form.setFieldValue(
              'dataScope',
              canGrantScope(me!.scope, ROLE_DEFAULT_SCOPE[changed.role as Role]) ? ROLE_DEFAULT_SCOPE[changed.role as Role] : me!.scope,
            );
          if ('orgUnitId' in changed) form.setFieldValue('jurisdictionId', undefined);
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="displayName"
              label="姓名"
              rules={[
                { required: true, whitespace: true, message: '请输入姓名' },
                { max: 50, message: '不能超过50字' },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label="用户名"
              rules={
                p
                  ? []
                  : [
                      { required: true, message: '请输入用户名' },
                      { pattern: /^[A-Za-z0-9_.-]{2,40}$/, message: '2-40位字母、数字、下划线、点或连字符' },
                    ]
              }
            >
              <Input disabled={!!p} autoComplete="off" placeholder="登录用，如 zhang_san" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="orgUnitId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={units.isLoading}
                options={(units.data ?? [])
                  .filter((u) => u.active || u.id === p?.orgUnitId)
                  .map((u) => ({ value: u.id, label: u.shortName ? `${u.name}（${u.shortName}）` : u.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="jurisdictionId" label="负责辖区" extra="协管员填乡镇/街道/苏木，信息员填村/社区/嘎查">
              <JurisdictionPicker unit={unit} current={p && p.orgUnitId === unitId ? p : null} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
              <Select options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} disabled={p?.id === me?.id} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="dataScope" label="数据范围" rules={[{ required: true, message: '请选择数据范围' }]}>
              <Select options={scopes.map((s) => ({ value: s, label: DATA_SCOPE_LABELS[s] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="title" label="职务">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="phone" label="手机" rules={[{ pattern: /^[0-9+\-() ]*$/, message: '电话格式错误' }]}>
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="badgeNo" label="执法证号">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="email" label="邮箱" rules={[{ type: 'email', message: '邮箱格式错误' }]}>
              <Input maxLength={100} inputMode="email" />
            </Form.Item>
          </Col>
        </Row>
        {!p && (
          <Form.Item name="issuePassword" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>创建后生成一次性临时密码（不勾选则暂不能登录，可稍后“重置密码”）</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
