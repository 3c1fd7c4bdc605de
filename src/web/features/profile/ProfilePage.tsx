import { Alert, App, Button, Card, Descriptions, Form, Input } from 'antd';
import { PASSWORD_RULE_TEXT, passwordRule } from '../../../contracts/auth.js';
import { DATA_SCOPE_LABELS, ROLE_LABELS } from '../../../contracts/permissions.js';
import { api, ApiError } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';

export default function ProfilePage() {
  const { me, refresh } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  if (!me) return null;
  async function submit(v: { oldPassword: string; newPassword: string }) {
    try {
      await api('/api/auth/change-password', { body: { oldPassword: v.oldPassword, newPassword: v.newPassword } });
      message.success('密码已修改');
      form.resetFields();
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '修改失败');
    }
  }
  return (
    <>
      <Card title="个人信息" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="姓名">{me.name}</Descriptions.Item>
          <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
          <Descriptions.Item label="单位">{me.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label="辖区">{me.jurisdictionName}</Descriptions.Item>
          <Descriptions.Item label="角色">{ROLE_LABELS[me.role]}</Descriptions.Item>
          <Descriptions.Item label="数据范围">{DATA_SCOPE_LABELS[me.scope]}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={me.mustChangePassword ? '修改密码（首次登录请修改临时密码）' : '修改密码'}>
        {me.mustChangePassword && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="请先修改密码"
            description="您正在使用初始密码或管理员重置的临时密码。修改密码后才能使用系统的其他功能。"
            data-testid="must-change-password"
          />
        )}
        <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 400 }}>
          <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            extra={PASSWORD_RULE_TEXT}
            rules={[
              { required: true, message: '请输入新密码' },
              {
                validator: (_, v) => {
                  if (!v) return Promise.resolve();
                  const r = passwordRule.safeParse(v);
                  return r.success ? Promise.resolve() : Promise.reject(new Error(r.error.issues[0].message));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入不一致'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      </Card>
    </>
  );
}
