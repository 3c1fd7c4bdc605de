import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Checkbox, DatePicker, Drawer, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { SIGNAL_SORTS, type AdrReport, type AdrSignalRow, type AdrSignals, type SignalSort } from '../../../contracts/adr.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { adrApi, type SignalFilters } from './api.js';
import { FunnelChart, TrendChart } from './SignalChart.js';
import { useMobile } from '../../lib/screens.js';

const fmt = (r: AdrSignalRow, m: keyof AdrSignalRow, digits = 2) => {
  const v = r[m];
  if (typeof v === 'number') return v.toFixed(digits);
  const why = r.nonFinite[m as string];
  return why === 'Infinity' ? '∞' : why === '-Infinity' ? '−∞' : '—';
};

/** 信号检测: reports per month, drug–reaction disproportionality (PRR/ROR/IC/EBGM), the county funnel plot; a pair's reports. */
export function SignalsTab() {
  const [f, setF] = useState<SignalFilters>({ page: 1, pageSize: 20, sort: 'N' });
  const [pair, setPair] = useState<{ drug: string; event: string } | null>(null);
  const [year, setYear] = useState(dayjs().year());
  const put = (patch: Partial<SignalFilters>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const period = { from: f.from, to: f.to };
  const signals = useQuery({ queryKey: ['adr', 'signals', f], queryFn: () => adrApi.signals(f) });
  const trend = useQuery({ queryKey: ['adr', 'trend', period], queryFn: () => adrApi.trend(period) });
  const funnel = useQuery({ queryKey: ['adr', 'funnel', year], queryFn: () => adrApi.funnel(year) });
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() - i);
  const d = signals.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker.RangePicker
          aria-label="报告日期"
          style={{ maxWidth: '100%' }}
          onChange={(v) => put({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        />
        <Input.Search allowClear placeholder="药品通用名称" style={{ width: 180 }} onSearch={(v) => put({ drug: v.trim() || undefined })} />
        <Input.Search
          allowClear
          placeholder="不良反应名称"
          style={{ width: 180 }}
          onSearch={(v) => put({ event: v.trim() || undefined })}
        />
        <Select<SignalSort>
          value={f.sort}
          style={{ width: 140 }}
          aria-label="排序"
          options={Object.entries(SIGNAL_SORTS).map(([value, label]) => ({ value: value as SignalSort, label: `按${label}排序` }))}
          onChange={(sort) => put({ sort })}
        />
        <Checkbox checked={f.onlySignals === 'true'} onChange={(e) => put({ onlySignals: e.target.checked ? 'true' : undefined })}>
          只看信号
        </Checkbox>
      </Space>
      <Card size="small" title="每月报告数">
        {trend.data && trend.data.length > 0 ? (
          <TrendChart data={trend.data} />
        ) : (
          <Typography.Text type="secondary">期间内无报告</Typography.Text>
        )}
      </Card>
      <Card size="small" title="药品—不良反应信号">
        {d && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            报告 {d.totals.reports} 份，药品—不良反应组合 {d.totals.pairs} 个，其中信号 {d.totals.signals} 个。{d.rule}。
            点击一行查看相应报告。
            {d.totals.pairs > 0 && <PriorNote hyper={d.hyper} />}
          </Typography.Paragraph>
        )}
        {d?.hyper.boundary && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            title="EBGM 先验拟合落在参数边界：N/E 较大的组合，其 EBGM、EB05、EB95 随计算细节变化较大，请以 PRR、ROR、IC 为主判断。"
          />
        )}
        <ResponsiveTable<AdrSignalRow>
          rowKey={(r) => `${r.drug}\u0000${r.event}`}
          size="small"
          loading={signals.isLoading}
          dataSource={d?.items ?? []}
          onRow={(r) => ({ onClick: () => setPair({ drug: r.drug, event: r.event }), style: { cursor: 'pointer' } })}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: d?.total ?? 0,
            onChange: (page, pageSize) => put({ page, pageSize }),
          }}
          columns={[
            { title: '药品', dataIndex: 'drug', key: 'drug' },
            { title: '不良反应', dataIndex: 'event', key: 'event' },
            { title: '报告数 N', dataIndex: 'N', key: 'N' },
            { title: '期望数 E', key: 'E', render: (_, r) => fmt(r, 'E') },
            { title: 'PRR（χ²）', key: 'PRR', render: (_, r) => `${fmt(r, 'PRR')}（${fmt(r, 'PRR_chi2', 1)}）` },
            { title: 'ROR（下限）', key: 'ROR', render: (_, r) => `${fmt(r, 'ROR')}（${fmt(r, 'ROR_lower95')}）` },
            { title: 'IC025', key: 'IC025', render: (_, r) => fmt(r, 'IC025') },
            { title: 'EBGM（EB05）', key: 'EB', render: (_, r) => `${fmt(r, 'EBGM')}（${fmt(r, 'EB05')}）` },
            { title: '信号', key: 'signal', render: (_, r) => (r.signal ? <Tag color="red">信号</Tag> : <Tag>否</Tag>) },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="各县（区）报告率漏斗图"
        extra={
          <Select value={year} style={{ width: 100 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} onChange={setYear} />
        }
      >
        {funnel.data && (
          <>
            {funnel.data.limits.length > 0 ? (
              <FunnelChart data={funnel.data} />
            ) : (
              <Typography.Paragraph type="secondary">尚无人口数或报告，无法绘制（请在“目标”页填写人口数）。</Typography.Paragraph>
            )}
            <Typography.Text type="secondary">
              全辖区每百万人口 {funnel.data.overallPerMillion ?? '—'} 份（药品不良反应）。{funnel.data.formula}
              {funnel.data.points
                .filter((p) => p.outside)
                .map((p) => `；${p.countyName}${p.outside === 'high' ? '高于上限' : '低于下限'}`)
                .join('')}
            </Typography.Text>
          </>
        )}
      </Card>
      <PairReports pair={pair} period={period} onClose={() => setPair(null)} />
    </Space>
  );
}

/** The reports behind one drug–reaction pair, in a drawer. */
function PairReports({
  pair,
  period,
  onClose,
}: {
  pair: { drug: string; event: string } | null;
  period: { from?: string; to?: string };
  onClose: () => void;
}) {
  const mobile = useMobile();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['adr', 'signal-reports', pair, period, page],
    queryFn: () => adrApi.signalReports({ ...pair!, ...period, page, pageSize: 20 }),
    enabled: !!pair,
  });
  return (
    <Drawer
      open={!!pair}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size={mobile ? '100%' : 640}
      title={pair ? `${pair.drug} — ${pair.event}：相关报告` : '相关报告'}
      destroyOnHidden
    >
      <ResponsiveTable<AdrReport>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '报告编码', dataIndex: 'reportCode', key: 'code' },
          { title: '报告日期', dataIndex: 'reportedOn', key: 'reported' },
          { title: '报告单位', dataIndex: 'reporterName', key: 'reporter' },
          { title: '辖区', dataIndex: 'jurisdictionName', key: 'area' },
          {
            title: '严重程度',
            key: 'sev',
            render: (_, r) => (r.seriousness === 'serious' ? <Tag color="volcano">严重</Tag> : <Tag>一般</Tag>),
          },
          { title: '怀疑药品', key: 'drugs', render: (_, r) => r.drugs.map((x) => x.genericName).join('；') },
          { title: '不良反应', key: 'reactions', render: (_, r) => r.reactions.join('、') },
        ]}
      />
    </Drawer>
  );
}

/** Where the EBGM prior in use came from: fitted by this request, or a stored fit of the same counts. */
function PriorNote({ hyper }: { hyper: AdrSignals['hyper'] }) {
  const at = dayjs(hyper.fittedAt).format('YYYY-MM-DD HH:mm');
  return (
    <>
      <br />
      EBGM 先验：
      {hyper.reused ? `沿用 ${at} 的拟合（期间内报告未变，未重新拟合）` : `本次拟合（用时 ${hyper.fitMs} 毫秒）`}。
    </>
  );
}
