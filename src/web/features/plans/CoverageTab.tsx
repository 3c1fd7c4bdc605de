import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Progress, Row, Space, Statistic, Table } from 'antd';
import type { CoverageRowDto } from '../../../contracts/plans.js';
import { plansApi } from './api.js';
import { StationChart } from './StationChart.js';

/** Live coverage: totals, one chart per station (required vs done per rule), campaign-wide rows. */
export function CoverageTab({ planId }: { planId: number }) {
  const q = useQuery({ queryKey: ['plan-coverage', planId], queryFn: () => plansApi.coverage(planId) });
  if (!q.data) return <Card loading={q.isLoading}>{q.error?.message}</Card>;
  const { rows, totals, excess } = q.data;
  const stations = [...new Map(rows.filter((r) => r.stationId).map((r) => [r.stationId!, r.stationShortName ?? ''])).entries()];
  const wide = rows.filter((r) => !r.stationId);
  const pct = totals.required ? Math.round((totals.done / totals.required) * 100) : 100;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Row gutter={12}>
        <Col xs={12} md={6}><Statistic title="应检（各指标合计，家）" value={totals.required} /></Col>
        <Col xs={12} md={6}><Statistic title="已检（各指标合计，家）" value={totals.done} /></Col>
        <Col xs={12} md={6}><Statistic title="尚缺（各指标合计，家）" value={totals.remaining} valueStyle={{ color: totals.remaining ? '#cf1322' : undefined }} /></Col>
        <Col xs={12} md={6}><Progress type="circle" size={72} percent={pct} /></Col>
      </Row>
      {excess.length > 0 && <Alert type="warning" showIcon message={`${excess.length} 家单位检查次数超过规定频次（应避免重复检查）`} />}
      {wide.length > 0 && (
        <Card size="small" title="全区指标">
          <CoverageTable rows={wide} />
        </Card>
      )}
      <Row gutter={[12, 12]}>
        {stations.map(([id, name]) => {
          const mine = rows.filter((r) => r.stationId === id);
          const left = mine.reduce((s, r) => s + r.remaining, 0);
          return (
            <Col key={id} xs={24} lg={12}>
              <Card size="small" title={name} extra={left ? <span style={{ color: '#cf1322' }}>尚缺 {left} 家</span> : <span style={{ color: '#389e0d' }}>已完成</span>} data-testid={`coverage-${name}`}>
                <StationChart rows={mine} />
              </Card>
            </Col>
          );
        })}
      </Row>
    </Space>
  );
}

export function CoverageTable({ rows }: { rows: CoverageRowDto[] }) {
  return (
    <Table<CoverageRowDto>
      rowKey="requirementKey"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 600 }}
      columns={[
        { title: '指标', dataIndex: 'label', render: (v, r) => `${v}${r.grade ? `（${r.grade}级）` : ''}` },
        { title: '所', dataIndex: 'stationShortName', width: 90, render: (v) => v ?? '全区' },
        { title: '应检', dataIndex: 'required', width: 60 },
        { title: '现有', dataIndex: 'available', width: 60 },
        { title: '已检', dataIndex: 'done', width: 60 },
        { title: '尚缺', dataIndex: 'remaining', width: 60, render: (v, r) => (r.shortfall ? `${v}（对象不足 ${r.shortfall}）` : v) },
      ]}
    />
  );
}
