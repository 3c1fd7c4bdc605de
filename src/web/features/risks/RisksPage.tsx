import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { RISK_CHANNELS, RISK_GRADES, RISK_STATUSES, type RiskListItem } from '../../../contracts/risks.js';
import { download, qs } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';
import { GRADE_COLORS, risksApi, STATUS_COLORS, type RiskFilters } from './api.js';
import { RiskDrawer } from './RiskDrawer.js';
import { RiskForm } from './RiskForm.js';
import { useMobile } from '../../lib/screens.js';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * 风险清单 (风险隐患排查台账): the area's risks with filters (station, grade, state, overdue), overdue
 * first; per station found/closed this year and open/overdue now; Excel; a drawer with the actions.
 */
export default function RisksPage() {
  const mobile = useMobile();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [f, setF] = useState<RiskFilters>({
    page: 1,
    pageSize: 20,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    stationId: Number(params.get('stationId')) || undefined,
  });
  const [creating, setCreating] = useState(false);
  const openId = Number(params.get('id')) || null;
  const put = (patch: Partial<RiskFilters>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q = useQuery({ queryKey: ['risks', f], queryFn: () => risksApi.list(f) });
  const yearStart = `${dayjs().year()}-01-01`;
  const today = dayjs().format('YYYY-MM-DD');
  const stats = useQuery({
    queryKey: ['risks', 'stats', yearStart, today],
    queryFn: () => risksApi.stats(yearStart, today),
    staleTime: 60_000,
  });
  const open = (id: number | null) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (id) n.set('id', String(id));
      else n.delete('id');
      return n;
    });
  const state = (r: RiskListItem) => (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[r.status]}>{RISK_STATUSES[r.status]}</Tag>
      {r.overdue && <Tag color="red">逾期 {r.daysOverdue} 天</Tag>}
    </Space>
  );
  const items = q.data?.items ?? [];
  const pagination = {
    current: f.page,
    pageSize: f.pageSize,
    total: q.data?.total ?? 0,
    showSizeChanger: false,
    size: 'small' as const,
    onChange: (page: number) => put({ page }),
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title="风险清单"
        extra={
          <Space wrap>
            {can('risks.manage') && (
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="risk-new">
                登记风险
              </Button>
            )}
            <Button
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => {
                const { page: _p, pageSize: _s, ...rest } = f;
                download(`/api/risks/export${qs({ ...rest })}`, '风险隐患排查台账.xlsx').catch((e) => message.error(e.message));
              }}
            >
              导出
            </Button>
          </Space>
        }
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Select
            allowClear
            placeholder="监管所"
            style={{ width: mobile ? '100%' : 180 }}
            value={f.stationId}
            onChange={(v) => put({ stationId: v })}
            options={(stats.data?.byStation ?? []).map((s) => ({ value: s.jurisdictionId, label: s.name }))}
            aria-label="监管所"
          />
          <Select
            allowClear
            placeholder="风险等级"
            style={{ width: mobile ? '47%' : 120 }}
            value={f.level}
            onChange={(v) => put({ level: v })}
            options={options(RISK_GRADES)}
            aria-label="风险等级"
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: mobile ? '47%' : 130 }}
            value={f.status}
            onChange={(v) => put({ status: v })}
            options={options(RISK_STATUSES)}
            aria-label="状态"
          />
          <Input.Search
            allowClear
            placeholder="风险隐患关键词"
            style={{ width: mobile ? '100%' : 200 }}
            onSearch={(v) => put({ q: v || undefined })}
            aria-label="关键词"
          />
          <Checkbox checked={f.overdue === 'true'} onChange={(e) => put({ overdue: e.target.checked ? 'true' : undefined })}>
            只看逾期
          </Checkbox>
        </div>
        {stats.data && (
          <div style={{ marginTop: 8 }} data-testid="risk-station-stats">
            <Tag>
              本年发现 {stats.data.found}，销号 {stats.data.closed}，共性风险 {stats.data.common}
            </Tag>
            {stats.data.byStation
              .filter((s) => s.open > 0)
              .map((s) => (
                <Tag
                  key={s.jurisdictionId}
                  color={s.overdue ? 'red' : undefined}
                  style={{ marginBottom: 4, cursor: 'pointer' }}
                  onClick={() => put({ stationId: s.jurisdictionId, overdue: s.overdue ? 'true' : undefined })}
                >
                  {s.name}：未销号 {s.open}
                  {s.overdue ? `，逾期 ${s.overdue}` : ''}
                </Tag>
              ))}
          </div>
        )}
      </Card>
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      {mobile ? (
        <ItemList
          loading={q.isLoading}
          items={items}
          rowKey={(r) => r.id}
          pagination={pagination}
          renderItem={(r) => (
            <Card
              size="small"
              data-testid="risk-card"
              style={{ marginBottom: 8, borderColor: r.overdue ? '#ff4d4f' : undefined }}
              onClick={() => open(r.id)}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <span style={{ fontWeight: 600, wordBreak: 'break-all' }}>{r.title}</span>
                <Tag color={GRADE_COLORS[r.level]} style={{ marginRight: 0 }}>
                  {RISK_GRADES[r.level]}
                </Tag>
              </div>
              <div style={{ fontSize: 13, color: '#666', margin: '4px 0', wordBreak: 'break-all' }}>
                {r.stationName} · {RISK_CHANNELS[r.channel]} · 责任人 {r.owner.name} · 期限 {r.deadline}
              </div>
              {r.entities.length > 0 && (
                <div style={{ fontSize: 13, wordBreak: 'break-all' }}>{r.entities.map((e) => e.name).join('、')}</div>
              )}
              {state(r)}
            </Card>
          )}
        />
      ) : (
        <Table<RiskListItem>
          size="small"
          rowKey="id"
          loading={q.isLoading}
          dataSource={items}
          pagination={pagination}
          onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '风险隐患', dataIndex: 'title', render: (v) => <a>{v}</a> },
            {
              title: '等级',
              dataIndex: 'level',
              width: 70,
              render: (v: RiskListItem['level']) => <Tag color={GRADE_COLORS[v]}>{RISK_GRADES[v]}</Tag>,
            },
            { title: '涉及单位', key: 'entities', ellipsis: true, render: (_, r) => r.entities.map((e) => e.name).join('、') },
            { title: '所属单位', dataIndex: 'stationName', width: 130 },
            { title: '渠道', dataIndex: 'channel', width: 100, render: (v: RiskListItem['channel']) => RISK_CHANNELS[v] },
            { title: '责任人', key: 'owner', width: 90, render: (_, r) => r.owner.name },
            { title: '管控期限', dataIndex: 'deadline', width: 110 },
            { title: '状态', key: 'state', width: 180, render: (_, r) => state(r) },
          ]}
        />
      )}
      <RiskDrawer id={openId} onClose={() => open(null)} />
      <RiskForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={async (r) => {
          setCreating(false);
          await qc.invalidateQueries({ queryKey: ['risks'] });
          open(r.id);
        }}
      />
    </Space>
  );
}
