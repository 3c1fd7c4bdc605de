import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, download } from '../../lib/api.js';
import { useConflict, type ConflictField } from '../../lib/conflict.js';
import { useMobile } from '../../lib/screens.js';

const LIAISON_FIELDS = ['name', 'department', 'title', 'officePhone', 'mobile', 'email'];
const LIAISON_CONFLICT_FIELDS: ConflictField[] = [
  { name: 'name', label: '姓名' },
  { name: 'department', label: '所在部门' },
  { name: 'title', label: '职务' },
  { name: 'officePhone', label: '办公电话' },
  { name: 'mobile', label: '移动电话' },
  { name: 'email', label: '电子邮箱' },
];

export function LiaisonRegister({
  campaignId,
  name,
  rows,
  canManage,
}: {
  campaignId: number;
  name: string;
  rows: any[];
  canManage: boolean;
}) {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [edit, setEdit] = useState<any | null>(null);
  const [form] = Form.useForm();
  const conflict = useConflict();
  const mobile = useMobile();
  // The form is always mounted (forceRender), so its values are set once the row to edit is known.
  // Keyed on the unit: a resolved conflict moves `edit.liaison` on without resetting the merged values.
  useEffect(() => {
    if (edit) form.setFieldsValue(Object.fromEntries(LIAISON_FIELDS.map((k) => [k, edit.liaison?.[k] ?? ''])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [edit?.orgUnitId, form]);
  const fill = (r: any) =>
    (r.mine || canManage) && (
      <Button size="small" icon={<EditOutlined />} onClick={() => setEdit(r)}>
        填报
      </Button>
    );
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<DownloadOutlined />} onClick={() => download(`/api/campaigns/${campaignId}/liaisons.xlsx`, `${name}-联络员.xlsx`)}>
          导出 Excel
        </Button>
        <span style={{ color: '#888' }}>
          已填报 {rows.filter((r) => r.liaison).length}/{rows.length}
        </span>
      </Space>
      <Table
        rowKey="orgUnitId"
        size="small"
        pagination={false}
        scroll={mobile ? undefined : { x: 800 }}
        dataSource={rows}
        columns={
          mobile
            ? [
                {
                  title: '单位 / 联络员',
                  render: (_, r) => (
                    <div>
                      <div style={{ fontWeight: 600 }}>{r.unitName}</div>
                      {r.liaison ? (
                        <div style={{ fontSize: 12, color: '#666' }}>
                          {r.liaison.name}
                          {r.liaison.title && ` · ${r.liaison.title}`}
                          {r.liaison.mobile && (
                            <>
                              {' '}
                              · <a href={`tel:${r.liaison.mobile}`}>{r.liaison.mobile}</a>
                            </>
                          )}
                          {!r.liaison.mobile && r.liaison.officePhone && ` · ${r.liaison.officePhone}`}
                        </div>
                      ) : (
                        <Tag>未填报</Tag>
                      )}
                    </div>
                  ),
                },
                { title: '', width: 76, render: (_, r) => fill(r) },
              ]
            : [
                { title: '单位名称', dataIndex: 'unitName', width: 180 },
                { title: '姓名', render: (_, r) => r.liaison?.name ?? <Tag>未填报</Tag> },
                { title: '所在部门', render: (_, r) => r.liaison?.department },
                { title: '职务', render: (_, r) => r.liaison?.title },
                { title: '办公电话', render: (_, r) => r.liaison?.officePhone },
                { title: '移动电话', render: (_, r) => r.liaison?.mobile },
                { title: '电子邮箱', render: (_, r) => r.liaison?.email },
                {
                  title: '',
                  width: 70,
                  render: (_, r) => fill(r),
                },
              ]
        }
      />
      <Modal
        open={!!edit}
        forceRender
        title={`联络员报名表 · ${edit?.unitName ?? ''}`}
        onCancel={() => setEdit(null)}
        onOk={async () => {
          const v = await form.validateFields();
          // Version 0: the unit had not filled it in when the form opened.
          const save = async (values: Record<string, unknown>, from: any): Promise<void> => {
            try {
              await api(`/api/campaigns/${campaignId}/liaisons/${edit.orgUnitId}`, {
                method: 'PUT',
                body: { ...values, version: from?.version ?? 0 },
              });
              message.success('已保存');
              setEdit(null);
              await qc.invalidateQueries({ queryKey: ['campaign-home', campaignId] });
            } catch (e) {
              const handled = await conflict.handle<any>(e, {
                form,
                fields: LIAISON_CONFLICT_FIELDS,
                base: edit.liaison ?? { version: 0 },
                mine: values,
                values: (r) => Object.fromEntries(LIAISON_FIELDS.map((k) => [k, r?.[k] ?? ''])),
                setLoaded: (now) => setEdit({ ...edit, liaison: now }),
                retry: save,
              });
              if (!handled) message.error((e as Error).message);
            }
          };
          await save(v, edit.liaison);
        }}
      >
        {conflict.dialog}
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="department" label="所在部门">
            <Input />
          </Form.Item>
          <Form.Item name="title" label="职务">
            <Input />
          </Form.Item>
          <Form.Item name="officePhone" label="办公电话">
            <Input />
          </Form.Item>
          <Form.Item name="mobile" label="移动电话" rules={[{ pattern: /^(1\d{10})?$/, message: '手机号须为11位数字' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
