import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Input, Progress, Row, Space, Statistic, Table } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { CoverageRowDto, StationCoverageDto } from '../../../contracts/plans.js';
import { placeOf, plansApi } from './api.js';

/** ECharts (about 1 MB) loads only when a chart is shown. */
const LazyChart = lazy(() => import('./StationChart.js').then((m) => ({ default: m.StationChart })));
function StationChart({ rows }: { rows: CoverageRowDto[] }) {
  return (
    <Suspense fallback={<div style={{ height: Math.max(160, rows.length * 28 + 48) }} />}>
      <LazyChart rows={rows} />
    </Suspense>
  );
}

/** Up to this many stations each get a chart card; more (a city or province plan) get a table. */
const CARDS_UP_TO = 24;

/**
 * Live coverage: totals, campaign-wide rows, and per station the required vs done per rule: a chart
 * card each for a county's stations, a sortable table with the chart on expansion for more.
 */
export function CoverageTab({ planId, stationCount }: { planId: number; stationCount: number }) {
  const many = stationCount > CARDS_UP_TO;
  const q = useQuery({
    queryKey: ['plan-coverage', planId, many],
    queryFn: () => plansApi.coverage(planId, many ? { view: 'stations' } : {}),
  });
  if (!q.data) return <Card loading={q.isLoading}>{q.error?.message}</Card>;
  const { rows, totals, excessCount } = q.data;
  const stations = [...new Map(rows.filter((r) => r.stationId).map((r) => [r.stationId!, r.stationShortName ?? ''])).entries()];
  const wide = rows.filter((r) => !r.stationId);
  const pct = totals.required ? Math.round((totals.done / totals.required) * 100) : 100;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Statistic title="应检（各指标合计，家）" value={totals.required} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="已检（各指标合计，家）" value={totals.done} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="尚缺（各指标合计，家）"
            value={totals.remaining}
            valueStyle={{ color: totals.remaining ? '#cf1322' : undefined }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Progress type="circle" size={72} percent={pct} />
        </Col>
      </Row>
      {excessCount > 0 && <Alert type="warning" showIcon title={`${excessCount} 家单位检查次数超过规定频次（应避免重复检查）`} />}
      {wide.length > 0 && (
        <Card size="small" title={wide.some((r) => r.area) ? '全区及各县（市、区）、市（州）指标' : '全区指标'}>
          <CoverageTable rows={wide} />
        </Card>
      )}
      {q.data.stations ? (
        <StationTable planId={planId} totals={q.data.stations} />
      ) : (
        <Row gutter={[12, 12]}>
          {stations.map(([id, name]) => {
            const mine = rows.filter((r) => r.stationId === id);
            const left = mine.reduce((s, r) => s + r.remaining, 0);
            return (
              <Col key={id} xs={24} lg={12}>
                <Card
                  size="small"
                  title={name}
                  extra={left ? <span style={{ color: '#cf1322' }}>尚缺 {left} 家</span> : <span style={{ color: '#389e0d' }}>已完成</span>}
                  data-testid={`coverage-${name}`}
                >
                  <StationChart rows={mine} />
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
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
        { title: '范围', key: 'place', width: 100, render: (_, r) => placeOf(r) },
        { title: '应检', dataIndex: 'required', width: 60 },
        { title: '现有', dataIndex: 'available', width: 60 },
        { title: '已检', dataIndex: 'done', width: 60 },
        { title: '尚缺', dataIndex: 'remaining', width: 60, render: (v, r) => (r.shortfall ? `${v}（对象不足 ${r.shortfall}）` : v) },
      ]}
    />
  );
}

/** Many stations: one row each (sorted by what remains), the station's chart when a row is opened. */
function StationTable({ planId, totals }: { planId: number; totals: StationCoverageDto[] }) {
  const [q, setQ] = useState('');
  const shown = q ? totals.filter((t) => t.name.includes(q)) : totals;
  const progress = (t: StationCoverageDto) => (t.required ? t.done / t.required : 1);
  return (
    <Card
      size="small"
      title={`各监管所完成情况（${totals.length} 个）`}
      extra={<Input.Search allowClear placeholder="监管所名称" onSearch={(v) => setQ(v.trim())} style={{ width: 200 }} />}
    >
      <Table<StationCoverageDto>
        rowKey="stationId"
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 个` }}
        expandable={{ expandedRowRender: (t) => <StationRows planId={planId} stationId={Number(t.stationId)} /> }}
        columns={[
          { title: '监管所', dataIndex: 'name' },
          { title: '应检', dataIndex: 'required', width: 90, sorter: (a, b) => a.required - b.required },
          { title: '已检', dataIndex: 'done', width: 90, sorter: (a, b) => a.done - b.done },
          {
            title: '尚缺',
            dataIndex: 'remaining',
            width: 90,
            defaultSortOrder: 'descend',
            sorter: (a, b) => a.remaining - b.remaining,
            render: (v: number) => (v ? <span style={{ color: '#cf1322' }}>{v}</span> : 0),
          },
          { title: '未完成指标', dataIndex: 'rulesOpen', width: 110, sorter: (a, b) => a.rulesOpen - b.rulesOpen },
          {
            title: '进度',
            key: 'progress',
            width: 180,
            sorter: (a, b) => progress(a) - progress(b),
            render: (_, t) => <Progress percent={Math.floor(progress(t) * 100)} size="small" />,
          },
        ]}
      />
    </Card>
  );
}

/** One station's rows, fetched when its table row is opened. */
function StationRows({ planId, stationId }: { planId: number; stationId: number }) {
  const q = useQuery({
    queryKey: ['plan-coverage', planId, 'station', stationId],
    queryFn: () => plansApi.coverage(planId, { stationId }),
  });
  if (!q.data)
    return (
      <Card loading={q.isLoading} variant="borderless">
        {q.error?.message}
      </Card>
    );
  return <StationChart rows={q.data.rows} />;
}
