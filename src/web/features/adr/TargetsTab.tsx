import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AdrTargets } from '../../../contracts/adr.js';
import { ApiError } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { adrApi, type PopulationRow } from './api.js';

type Row = AdrTargets['rows'][number];

/** Per county: reports, per million against the target, share from medical institutions, silent institutions; population. */
export function TargetsTab() {
  const { can } = useAuth();
  const [year, setYear] = useState(dayjs().year());
  const q = useQuery({ queryKey: ['adr', 'targets', year], queryFn: () => adrApi.targets(year) });
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() - i);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select value={year} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} onChange={setYear} />
        {q.data && (
          <Typography.Text type="secondary">
            {q.data.sources.targetPerMillion}；{q.data.sources.medicalSharePct}
          </Typography.Text>
        )}
      </Space>
      <ResponsiveTable<Row>
        rowKey="countyId"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.rows ?? []}
        pagination={false}
        columns={[
          { title: '县（区）', dataIndex: 'countyName', key: 'county' },
          {
            title: '人口',
            key: 'pop',
            render: (_, r) =>
              r.population == null ? (
                <Tag color="orange">未填写</Tag>
              ) : (
                <Space size={4}>
                  {r.population.toLocaleString('zh-CN')}
                  {r.populationDemo && <Tag>演示数据</Tag>}
                </Space>
              ),
          },
          { title: '报告数（药品/器械）', key: 'n', render: (_, r) => `${r.reports}（${r.drugReports}/${r.deviceReports}）` },
          {
            title: '每百万人口（药品）',
            key: 'pm',
            render: (_, r) =>
              r.perMillion == null ? (
                '—'
              ) : (
                <Space size={4} wrap>
                  <span>{r.perMillion}</span>
                  <span>/ 目标 {r.targetPerMillion}</span>
                  {r.perMillion >= r.targetPerMillion ? <Tag color="green">达标</Tag> : <Tag color="red">尚差 {r.shortfall} 份</Tag>}
                </Space>
              ),
          },
          {
            title: '医疗机构报告比例',
            key: 'share',
            render: (_, r) =>
              r.medicalSharePct == null ? (
                '—'
              ) : (
                <Space size={4} wrap>
                  <span>{r.medicalSharePct}%</span>
                  <span>/ 目标 {r.targetMedicalSharePct}%</span>
                  {r.medicalSharePct >= r.targetMedicalSharePct ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>}
                </Space>
              ),
          },
          { title: '严重/迟报', key: 'sev', render: (_, r) => `${r.seriousReports} / ${r.lateReports}` },
        ]}
      />
      {(q.data?.rows ?? []).map((r) => (
        <Collapse
          key={r.countyId}
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'inst',
              label: `${r.countyName}：报告的医疗机构 ${r.institutions.length} 家，未报告的医疗机构 ${r.silentInstitutions.length} 家`,
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <List
                    size="small"
                    header="各医疗机构报告数"
                    dataSource={r.institutions}
                    renderItem={(i) => (
                      <List.Item>
                        {i.name}：{i.reports} 份
                      </List.Item>
                    )}
                  />
                  <List
                    size="small"
                    header="本年度未报告的医疗机构"
                    dataSource={r.silentInstitutions}
                    renderItem={(i) => (
                      <List.Item>
                        {i.name}（{i.jurisdictionName}）
                      </List.Item>
                    )}
                  />
                </Space>
              ),
            },
          ]}
        />
      ))}
      {can('adr.manage') && <PopulationCard year={year} />}
    </>
  );
}

/** Population per county for the year (adr.manage): one number each, saved against its version. */
function PopulationCard({ year }: { year: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['adr', 'population', year], queryFn: () => adrApi.population(year) });
  const [edits, setEdits] = useState<Record<number, number | null>>({});
  async function save(r: PopulationRow) {
    const population = edits[r.jurisdictionId];
    if (!population) return;
    try {
      await adrApi.savePopulation({ jurisdictionId: r.jurisdictionId, year, population, version: r.version });
      message.success('已保存');
      setEdits((e) => ({ ...e, [r.jurisdictionId]: null }));
      await qc.invalidateQueries({ queryKey: ['adr'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }
  return (
    <Card size="small" title={`${year}年人口数（用于计算每百万人口报告数）`} style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={q.data ?? []}
        renderItem={(r) => (
          <List.Item>
            <Space wrap>
              <span style={{ minWidth: 80, display: 'inline-block' }}>{r.jurisdictionName}</span>
              <InputNumber
                aria-label={`${r.jurisdictionName}人口数`}
                min={1}
                max={200_000_000}
                style={{ width: 160 }}
                placeholder={r.population == null ? '未填写' : undefined}
                value={edits[r.jurisdictionId] ?? r.population ?? undefined}
                onChange={(v) => setEdits((e) => ({ ...e, [r.jurisdictionId]: v }))}
              />
              {r.demo && <Tag>演示数据</Tag>}
              <Button size="small" disabled={!edits[r.jurisdictionId]} onClick={() => save(r)}>
                保存
              </Button>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
