import { Card, Col, List, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../../contracts/dashboard.js';

type FieldWork = NonNullable<Dashboard['inspections']>;

/** 现场检查 on the 工作台: my inspections due today and overdue, records awaiting my signature, and overdue rectifications by station. */
export function FieldWorkCard({ f }: { f: FieldWork }) {
  const figures = [
    { label: '今日检查', value: f.dueToday, to: '/my-tasks', warn: false },
    { label: '逾期未检', value: f.overdue, to: '/my-tasks', warn: f.overdue > 0 },
    { label: '待我签名', value: f.awaitingMySignature, to: '/my-tasks', warn: f.awaitingMySignature > 0 },
    { label: '整改逾期', value: f.overdueRectifications, to: '/rectifications?overdue=true', warn: f.overdueRectifications > 0 },
  ];
  return (
    <Card title="现场检查" data-testid="field-work">
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
      {f.overdueByStation.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          header={<Typography.Text strong>整改逾期（按监管所）</Typography.Text>}
          dataSource={f.overdueByStation.slice(0, 8)}
          renderItem={(s) => (
            <List.Item extra={<Tag color="red">最长逾期{s.maxDaysOverdue}天</Tag>}>
              <Link to={`/rectifications?overdue=true&stationId=${s.stationId}`}>{s.stationName}</Link>：{s.count} 项
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
