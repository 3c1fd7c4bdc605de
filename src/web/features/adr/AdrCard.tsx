import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../../contracts/dashboard.js';

type Adr = NonNullable<Dashboard['adr']>;

/** 不良反应监测 on the 工作台: new cluster alerts to assess, late reports of the last 30 days. */
export function AdrCard({ a }: { a: Adr }) {
  const figures = [
    { label: '新的聚集性信号', value: a.newAlerts, to: '/monitoring?tab=alerts', warn: a.newAlerts > 0 },
    { label: '近30天迟报', value: a.lateReports30d, to: '/monitoring?tab=reports', warn: a.lateReports30d > 0 },
  ];
  return (
    <Card title="不良反应监测" data-testid="adr-card">
      <Row gutter={[8, 8]}>
        {figures.map((x) => (
          <Col key={x.label} span={12}>
            <Link to={x.to} style={{ display: 'block', textAlign: 'center' }}>
              <div style={{ fontSize: 24, fontWeight: 600, color: x.warn ? '#cf1322' : undefined }}>{x.value}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {x.label}
              </Typography.Text>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
