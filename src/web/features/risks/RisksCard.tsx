import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../../contracts/dashboard.js';

type Risks = NonNullable<Dashboard['risks']>;

/** 风险隐患 on the 工作台: my open and overdue risks, closures awaiting my verification, overdue risks by station. */
export function RisksCard({ r }: { r: Risks }) {
  const figures = [
    { label: '我负责的', value: r.mine, to: '/risks', warn: false },
    { label: '我的逾期', value: r.mineOverdue, to: '/risks?overdue=true', warn: r.mineOverdue > 0 },
    { label: '待验收销号', value: r.awaitingVerification, to: '/risks', warn: r.awaitingVerification > 0 },
    { label: '辖区逾期', value: r.overdue, to: '/risks?overdue=true', warn: r.overdue > 0 },
  ];
  return (
    <Card title="风险隐患" data-testid="risks-card">
      <Row gutter={[8, 8]}>
        {figures.map((x) => (
          <Col key={x.label} span={6}>
            <Link to={x.to} style={{ display: 'block', textAlign: 'center' }}>
              <div style={{ fontSize: 24, fontWeight: 600, color: x.warn ? '#cf1322' : undefined }}>{x.value}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {x.label}
              </Typography.Text>
            </Link>
          </Col>
        ))}
      </Row>
      {r.overdueByStation.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>风险逾期未销号（按监管所）</Typography.Text>
          {r.overdueByStation.slice(0, 8).map((s) => (
            <div
              key={s.stationId}
              style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <span>
                <Link to={`/risks?overdue=true&stationId=${s.stationId}`}>{s.stationName}</Link>：{s.count} 项
              </span>
              <Tag color="red">最长逾期{s.maxDaysOverdue}天</Tag>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
