import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Empty, Row, Select, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CampaignSummary } from '../../../contracts/campaigns.js';
import type { OverviewUnit, OverviewView } from '../../../contracts/overview.js';
import { api, qs } from '../../lib/api.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { AssessmentPanel } from './AssessmentPanel.js';
import { EChart, type ChartOption } from './EChart.js';
import { useMobile } from '../../lib/screens.js';

const pct = (p: { done: number; required: number } | null) => (p && p.required > 0 ? Math.round((p.done / p.required) * 1000) / 10 : null);
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
const wan = (yuan: number) => Math.round(yuan / 100) / 100;

/**
 * 工作概览（领导驾驶舱）: the caller's area on one screen — the chosen campaign's progress and each
 * unit's quota coverage, findings by violation type, cases and fines per month, and the units ranked;
 * the 考核 tab scores the units. Charts stack on a phone and follow their container's width.
 */
export default function OverviewPage() {
  const phone = useMobile();
  // ?campaignId= opens a given campaign (e.g. from a campaign's page); else the first active one.
  const [search] = useSearchParams();
  const [campaignId, setCampaignId] = useState<number | undefined>(() => Number(search.get('campaignId')) || undefined);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: () => api<CampaignSummary[]>('/api/campaigns') });
  useEffect(() => {
    if (campaignId === undefined && campaigns.data?.length)
      setCampaignId((campaigns.data.find((c) => c.status === 'active') ?? campaigns.data[0]).id);
  }, [campaigns.data, campaignId]);
  const campaign = campaigns.data?.find((c) => c.id === campaignId);
  const params = { campaignId, from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD') };
  const [tab, setTab] = useState('overview');

  return (
    <Card title="工作概览" size={phone ? 'small' : 'medium'} styles={{ body: { padding: phone ? 8 : 16 } }} data-testid="overview">
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Select
          aria-label="专项行动"
          placeholder="选择专项行动"
          allowClear
          value={campaignId}
          onChange={(v) => {
            setCampaignId(v);
            setRange(null);
          }}
          loading={campaigns.isLoading}
          options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          style={{ width: phone ? 'calc(100vw - 48px)' : 360, maxWidth: '100%' }}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
          placeholder={['开始日期', '结束日期']}
          disabledDate={(d) => !!campaign?.from && !!campaign.to && (d.isBefore(dayjs(campaign.from)) || d.isAfter(dayjs(campaign.to)))}
          style={{ width: phone ? 'calc(100vw - 48px)' : 260, maxWidth: '100%' }}
        />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'overview', label: '概览', children: <Figures params={params} phone={phone} /> },
          {
            key: 'assessment',
            label: '考核',
            children: campaignId ? (
              <AssessmentPanel params={{ ...params, campaignId }} phone={phone} />
            ) : (
              <Empty description="请先选择专项行动" />
            ),
          },
        ]}
      />
    </Card>
  );
}

function Figures({ params, phone }: { params: { campaignId?: number; from?: string; to?: string }; phone: boolean }) {
  const q = useQuery({ queryKey: ['overview', params], queryFn: () => api<OverviewView>(`/api/overview${qs(params)}`) });
  const v = q.data;
  const charts = useMemo(() => (v ? chartsOf(v, phone) : null), [v, phone]);
  if (q.error) return <Alert type="error" showIcon title={(q.error as Error).message} />;
  if (!v || !charts) return <Spin />;
  const total = v.units.reduce(
    (s, u) => ({ inspections: s.inspections + u.inspections, findings: s.findings + u.findings, cases: s.cases + u.cases }),
    { inspections: 0, findings: 0, cases: 0 },
  );
  const fines = v.months.reduce((s, m) => s + m.fines, 0);
  const ranked = [...v.units].sort((a, b) => b.inspections - a.inspections || b.findings - a.findings || b.cases - a.cases);
  const progress = v.campaign?.progress ?? null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {v.area.name} · 统计期间 {v.period.from} 至 {v.period.to}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {[
          { title: '检查指标完成率', value: pct(progress) ?? '—', suffix: pct(progress) === null ? '' : '%' },
          { title: '检查家次', value: total.inspections },
          { title: '发现问题', value: total.findings, suffix: '项' },
          { title: '立案查处', value: total.cases, suffix: '件' },
          { title: '近12个月罚没款', value: wan(fines), suffix: '万元' },
        ].map((s) => (
          <Col key={s.title} xs={12} sm={8} lg={4}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} suffix={s.suffix} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card size="small" title="专项行动进度" data-testid="chart-progress">
            {progress && progress.required > 0 ? (
              <>
                <EChart option={charts.progress} height={220} />
                <Typography.Text type="secondary">
                  {v.campaign?.planName}：应检 {progress.required} 家，已检 {progress.done} 家，尚缺 {progress.required - progress.done} 家
                </Typography.Text>
              </>
            ) : (
              <Empty description={v.campaign ? '该专项行动尚无已发布的检查计划' : '请选择专项行动'} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title="各单位检查指标完成情况" data-testid="chart-coverage">
            {v.units.some((u) => u.coverage) ? (
              <EChart option={charts.coverage} height={Math.max(180, v.units.length * 28 + 48)} />
            ) : (
              <Empty description="暂无数据" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="发现问题类型" data-testid="chart-findings">
            {v.findingsByType.length ? (
              <EChart option={charts.findings} height={Math.max(180, Math.min(v.findingsByType.length, 12) * 28 + 40)} />
            ) : (
              <Empty description="统计期间内未发现问题" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="近12个月检查、立案与罚没款" data-testid="chart-months">
            <EChart option={charts.months} height={260} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="各单位排名" data-testid="ranking">
        <ResponsiveTable<OverviewUnit & { rank: number }>
          rowKey="jurisdictionId"
          size="small"
          pagination={false}
          dataSource={ranked.map((u, i) => ({ ...u, rank: i + 1 }))}
          columns={[
            { title: '名次', dataIndex: 'rank', width: 60 },
            { title: '单位', dataIndex: 'name' },
            { title: '检查家次', dataIndex: 'inspections', sorter: (a, b) => a.inspections - b.inspections },
            { title: '发现问题', dataIndex: 'findings', sorter: (a, b) => a.findings - b.findings },
            { title: '立案查处', dataIndex: 'cases', sorter: (a, b) => a.cases - b.cases },
            {
              title: '检查指标完成率',
              key: 'coverage',
              render: (_, u) =>
                u.coverage && u.coverage.required > 0 ? `${pct(u.coverage)}%（${u.coverage.done}/${u.coverage.required}）` : '—',
            },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {v.definitions.map((d) => `${d.label}：${d.definition}`).join(' ')} 检查指标完成率按专项行动现行检查计划实时计算。
      </Typography.Paragraph>
    </Space>
  );
}

function chartsOf(v: OverviewView, phone: boolean): Record<'progress' | 'coverage' | 'findings' | 'months', ChartOption> {
  const p = v.campaign?.progress ?? { done: 0, required: 0 };
  const labelWidth = phone ? 96 : 180;
  const units = v.units.filter((u) => u.coverage);
  const types = v.findingsByType.slice(0, 12);
  return {
    progress: {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['50%', '75%'],
          center: ['50%', '45%'],
          label: { show: true, position: 'center', formatter: `${pct(p) ?? 0}%`, fontSize: 22, fontWeight: 'bold' },
          data: [
            { name: '已检', value: p.done, itemStyle: { color: '#52c41a' } },
            { name: '尚缺', value: Math.max(0, p.required - p.done), itemStyle: { color: '#d9d9d9' } },
          ],
        },
      ],
    },
    coverage: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: ['应检', '已检'], top: 0 },
      grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: units.map((u) => u.name),
        axisLabel: { fontSize: 11, interval: 0, width: labelWidth, overflow: 'truncate' },
      },
      series: [
        { name: '应检', type: 'bar', data: units.map((u) => u.coverage!.required), itemStyle: { color: '#d9d9d9' }, barGap: '-100%', z: 1 },
        {
          name: '已检',
          type: 'bar',
          data: units.map((u) => Math.min(u.coverage!.done, u.coverage!.required)),
          itemStyle: { color: '#52c41a' },
          z: 2,
          label: { show: true, position: 'right', formatter: (x: { dataIndex: number }) => `${pct(units[x.dataIndex].coverage) ?? 0}%` },
        },
      ],
    },
    findings: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: types.map((t) => short(t.label, phone ? 10 : 20)),
        axisLabel: { fontSize: 11, interval: 0, width: labelWidth, overflow: 'truncate' },
      },
      series: [
        {
          name: '问题数',
          type: 'bar',
          data: types.map((t) => t.count),
          itemStyle: { color: '#fa8c16' },
          label: { show: true, position: 'right' },
        },
      ],
    },
    months: {
      tooltip: { trigger: 'axis' },
      legend: { data: ['检查家次', '立案（件）', '罚没款（万元）'], top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: v.months.map((m) => `${Number(m.month.slice(5))}月`), axisLabel: { interval: phone ? 1 : 0 } },
      yAxis: [
        { type: 'value', minInterval: 1, name: phone ? '' : '家次/件' },
        { type: 'value', name: phone ? '' : '万元', splitLine: { show: false } },
      ],
      series: [
        { name: '检查家次', type: 'bar', data: v.months.map((m) => m.visits), itemStyle: { color: '#1677ff' } },
        { name: '立案（件）', type: 'bar', data: v.months.map((m) => m.casesFiled), itemStyle: { color: '#f5222d' } },
        { name: '罚没款（万元）', type: 'line', yAxisIndex: 1, data: v.months.map((m) => wan(m.fines)), itemStyle: { color: '#722ed1' } },
      ],
    },
  };
}
