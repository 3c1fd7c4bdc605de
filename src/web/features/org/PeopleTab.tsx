import {
  EditOutlined,
  ImportOutlined,
  KeyOutlined,
  MoreOutlined,
  PlusOutlined,
  StopOutlined,
  UnlockOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Jurisdiction, Person } from '../../../contracts/org.js';
import { DATA_SCOPE_LABELS, ROLE_LABELS, ROLES, type Role } from '../../../contracts/permissions.js';
import { useMobile } from '../../lib/screens.js';
import { api, ApiError, qs } from '../../lib/api.js';
import { staleCurrent } from '../../lib/conflict.js';
import { useAuth } from '../../lib/auth.js';
import { ImportPeopleDialog } from './ImportPeopleDialog.js';
import { PersonDialog } from './PersonDialog.js';

const PAGE_SIZE = 20;

/** 人员 tab: people of the selected subtree, searchable, with add/edit/deactivate/unlock/reset for users.manage. */
export function PeopleTab({ jurisdiction }: { jurisdiction: Jurisdiction }) {
  const { can, me } = useAuth();
  const { message, modal } = App.useApp();
  const mobile = useMobile();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [temp, setTemp] = useState<{ person: Person; password: string } | null>(null);
  const manage = can('users.manage');
  const list = useQuery({
    queryKey: ['people', jurisdiction.id, q, role, page],
    queryFn: () =>
      api<{ items: Person[]; total: number }>(`/api/people${qs({ jurisdictionId: jurisdiction.id, q, role, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['people'] });

  async function act(p: Person, what: 'deactivate' | 'activate' | 'unlock' | 'reset') {
    try {
      if (what === 'reset') {
        const r = await api<{ temporaryPassword: string }>(`/api/people/${p.id}/reset-password`, { method: 'POST' });
        setTemp({ person: p, password: r.temporaryPassword });
      } else {
        const body = what === 'unlock' ? { unlock: true } : { active: what === 'activate' };
        await api(`/api/people/${p.id}`, { method: 'PATCH', body: { ...body, version: p.version } });
        message.success(
          what === 'unlock' ? `已解锁 ${p.displayName}` : what === 'activate' ? `已启用 ${p.displayName}` : `已停用 ${p.displayName}`,
        );
      }
      await refresh();
    } catch (e) {
      if (staleCurrent(e)) {
        message.warning(`${p.displayName} 已被他人修改，列表已刷新，请确认后再操作`);
        await refresh();
        return;
      }
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }
  function confirm(p: Person, what: 'deactivate' | 'reset') {
    modal.confirm({
      title: what === 'reset' ? `重置 ${p.displayName} 的密码？` : `停用 ${p.displayName}？`,
      content:
        what === 'reset'
          ? '将生成一次性临时密码，对方登录后须立即修改；原密码和已登录的会话失效。'
          : '停用后该账户不能登录，已登录的会话立即失效。可随时重新启用。',
      okText: what === 'reset' ? '重置' : '停用',
      okButtonProps: { danger: what === 'deactivate' },
      onOk: () => act(p, what),
    });
  }

  const status = (p: Person) => (!p.active ? <Tag>已停用</Tag> : p.locked ? <Tag color="red">已锁定</Tag> : <Tag color="green">正常</Tag>);

  return (
    <>
      <Space style={{ marginBottom: 8, width: '100%' }} wrap>
        <Input.Search
          allowClear
          placeholder="姓名 / 用户名 / 手机"
          style={{ width: mobile ? 200 : 240 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          aria-label="搜索人员"
        />
        <Select
          allowClear
          placeholder="全部角色"
          style={{ width: 140 }}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        {manage && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增人员
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              Excel 导入
            </Button>
          </>
        )}
      </Space>
      <Table<Person>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        data-testid="people-table"
        scroll={mobile ? undefined : { x: 900 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 人`,
          size: 'small',
        }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'displayName',
            width: mobile ? 92 : 120,
            render: (v: string, p) => (
              <span style={{ opacity: p.active ? 1 : 0.5 }}>
                {v}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.username}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: mobile ? '角色 / 机构' : '角色',
            dataIndex: 'role',
            width: mobile ? undefined : 110,
            render: (r: Role, p) => (
              <span title={DATA_SCOPE_LABELS[p.dataScope]}>
                {ROLE_LABELS[r]}
                {mobile && (
                  <>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.orgUnitName}
                    </Typography.Text>
                  </>
                )}
              </span>
            ),
          },
          ...(mobile
            ? []
            : [
                { title: '所属机构', dataIndex: 'orgUnitName', ellipsis: true },
                { title: '负责辖区', dataIndex: 'jurisdictionName', ellipsis: true },
                { title: '职务', dataIndex: 'title', width: 90 },
                { title: '手机', dataIndex: 'phone', width: 120 },
              ]),
          { title: '状态', width: mobile ? 64 : 80, render: (_: unknown, p: Person) => status(p) },
          ...(manage
            ? [
                {
                  title: '操作',
                  width: mobile ? 64 : 90,
                  fixed: mobile ? undefined : ('right' as const),
                  render: (_: unknown, p: Person) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing(p)}
                        aria-label={`编辑${p.displayName}`}
                      />
                      <Dropdown
                        trigger={['click']}
                        menu={{
                          items: [
                            { key: 'reset', icon: <KeyOutlined />, label: '重置密码' },
                            ...(p.locked ? [{ key: 'unlock', icon: <UnlockOutlined />, label: '解锁' }] : []),
                            p.active
                              ? { key: 'deactivate', icon: <StopOutlined />, label: '停用', danger: true, disabled: p.id === me?.id }
                              : { key: 'activate', icon: <CheckCircleOutlined />, label: '启用' },
                          ],
                          onClick: ({ key }) =>
                            key === 'reset' || key === 'deactivate' ? confirm(p, key) : act(p, key as 'unlock' | 'activate'),
                        }}
                      >
                        <Button type="link" size="small" icon={<MoreOutlined />} aria-label={`更多操作${p.displayName}`} />
                      </Dropdown>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <PersonDialog
          person={editing === 'new' ? null : editing}
          jurisdiction={jurisdiction}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void refresh();
            void qc.invalidateQueries({ queryKey: ['org-units'] });
          }}
        />
      )}
      {importing && (
        <ImportPeopleDialog
          onClose={() => setImporting(false)}
          onDone={() => {
            setImporting(false);
            void refresh();
          }}
        />
      )}
      <Modal
        open={!!temp}
        title="临时密码"
        onOk={() => setTemp(null)}
        onCancel={() => setTemp(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="我已记下"
      >
        {temp && (
          <>
            <p>
              {temp.person.displayName}（{temp.person.username}）的一次性临时密码：
            </p>
            <Typography.Paragraph
              copyable={{ text: temp.password }}
              style={{ fontSize: 22, fontFamily: 'monospace', letterSpacing: 2 }}
              data-testid="temp-password"
            >
              {temp.password}
            </Typography.Paragraph>
            <Typography.Text type="secondary">此密码只显示这一次。请当面或电话告知本人，对方首次登录后须修改密码。</Typography.Text>
          </>
        )}
      </Modal>
    </>
  );
}
