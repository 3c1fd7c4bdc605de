import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { DATA_SCOPE_LABELS, ROLE_LABELS } from '../../../contracts/permissions.js';
import { MENU } from '../../app/menu.js';
import { useAuth } from '../../lib/auth.js';

export default function HomePage() {
  const { me, can } = useAuth();
  const nav = useNavigate();
  if (!me) return null;
  const modules = MENU.filter((m) => m.path !== '/' && m.path !== '/profile' && (!m.permission || can(m.permission)));
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {me.name}，您好
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label="单位">{me.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label="辖区">{me.jurisdictionName}</Descriptions.Item>
          <Descriptions.Item label="角色">{ROLE_LABELS[me.role]}</Descriptions.Item>
          <Descriptions.Item label="数据范围">{DATA_SCOPE_LABELS[me.scope]}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        {modules.map((m) => (
          <Col key={m.path} xs={12} sm={8} lg={6}>
            <Card hoverable onClick={() => nav(m.path)} styles={{ body: { padding: 16 } }}>
              <div style={{ fontSize: 22, color: '#1677ff' }}>{m.icon}</div>
              <div style={{ fontWeight: 600, marginTop: 4 }}>{m.label}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.planned ? '建设中' : '已启用'}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
