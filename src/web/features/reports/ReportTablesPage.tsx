import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, DatePicker, Empty, Select, Space, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { CampaignDefinition, CampaignSummary } from '../../../contracts/campaigns.js';
import type { TableResult } from '../../../contracts/reports.js';
import { api, download, qs } from '../../lib/api.js';
import { DrillDrawer, type DrillTarget } from './DrillDrawer.js';
import { RollupView } from './RollupView.js';
import { StatTableView } from './StatTableView.js';

/**
 * 统计报表: a campaign's statistical tables live from the records — choose campaign, table, unit and
 * day; every computed number opens the records behind it; 汇总 shows the units below with ranking.
 */
export default function ReportTablesPage() {
  const { message } = App.useApp();
  const [campaignId, setCampaignId] = useState<number>();
  const [tableKey, setTableKey] = useState<string>();
  const [day, setDay] = useState<Dayjs>(dayjs());
  /** The units chosen from the roll-up, outermost first (empty = the caller's own area). */
  const [units, setUnits] = useState<{ id: number; name: string }[]>([]);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const date = day.format('YYYY-MM-DD');
  const jurisdictionId = units.length ? units[units.length - 1].id : undefined;

  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: () => api<CampaignSummary[]>('/api/campaigns') });
  useEffect(() => {
    if (campaignId === undefined && campaigns.data?.length) setCampaignId((campaigns.data.find((c) => c.status === 'active') ?? campaigns.data[0]).id);
  }, [campaigns.data, campaignId]);
  const detail = useQuery({
    enabled: campaignId !== undefined,
    queryKey: ['campaign', campaignId],
    queryFn: () => api<{ definition: CampaignDefinition }>(`/api/campaigns/${campaignId}`),
  });
  const tables = (detail.data?.definition.tables ?? []).filter((t) => t.rowMode !== 'free');
  useEffect(() => {
    if (tables.length && !tables.some((t) => t.key === tableKey)) setTableKey(tables[0].key);
  }, [tables, tableKey]);
  const params = { jurisdictionId, date };
  const base = campaignId !== undefined && tableKey ? `/api/reports/campaigns/${campaignId}/tables/${tableKey}` : null;
  const table = useQuery({ enabled: !!base, queryKey: ['report-table', base, params], queryFn: () => api<TableResult>(`${base}${qs(params)}`) });
  const t = table.data;

  return (
    <Card title="统计报表" styles={{ body: { padding: 12 } }}>
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Select
            style={{ width: 320, maxWidth: '100%' }}
            placeholder="专项行动"
            aria-label="专项行动"
            loading={campaigns.isLoading}
            value={campaignId}
            onChange={(v) => (setCampaignId(v), setTableKey(undefined), setUnits([]))}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          <Select
            style={{ width: 320, maxWidth: '100%' }}
            placeholder="统计表"
            aria-label="统计表"
            value={tableKey}
            onChange={setTableKey}
            options={tables.map((x) => ({ value: x.key, label: x.label }))}
          />
          <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} aria-label="日期" />
        </div>
        {units.length > 0 && (
          <Breadcrumb
            items={[
              { title: <a onClick={() => setUnits([])}>本单位</a> },
              ...units.map((u, i) => ({ title: i === units.length - 1 ? u.name : <a onClick={() => setUnits(units.slice(0, i + 1))}>{u.name}</a> })),
            ]}
          />
        )}
        {campaigns.data?.length === 0 && <Empty description="暂无专项行动" />}
        {detail.data && tables.length === 0 && <Empty description="该专项行动的方案没有统计表" />}
        {table.error && <Alert type="warning" showIcon title={(table.error as Error).message} />}
        {t && base && (
          <Tabs
            items={[
              {
                key: 'table',
                label: '统计表',
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }} size={8}>
                    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center' }}>
                      <Typography.Text style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                        <b>{t.label}</b>
                        <br />
                        <Typography.Text type="secondary">
                          填报单位：{t.jurisdiction.name}　时间：{t.period.label}
                        </Typography.Text>
                      </Typography.Text>
                      <Button
                        icon={<DownloadOutlined />}
                        onClick={() => download(`${base}/export${qs(params)}`, `${t.label}.xlsx`).catch((e) => message.error(e.message))}
                      >
                        导出Excel
                      </Button>
                    </div>
                    <StatTableView
                      t={t}
                      onDrill={(row, column) => setDrill({ campaignId: campaignId!, tableKey: tableKey!, row, column, jurisdictionId, date })}
                    />
                  </Space>
                ),
              },
              {
                key: 'rollup',
                label: '汇总',
                children: (
                  <RollupView
                    campaignId={campaignId!}
                    tableKey={tableKey!}
                    jurisdictionId={jurisdictionId}
                    date={date}
                    rows={t.rows.map((r) => ({ key: r.key, label: r.label }))}
                    onOpenUnit={(id, name) => setUnits([...units, { id, name }])}
                    onDrill={(row, column, id, own) =>
                      row &&
                      setDrill({ campaignId: campaignId!, tableKey: tableKey!, row, column, jurisdictionId: id, date, only: own ? 'own' : undefined })
                    }
                  />
                ),
              },
            ]}
          />
        )}
      </Space>
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}
