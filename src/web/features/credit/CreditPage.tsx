import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Empty, Input, Pagination, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { RUN_STATUSES, type CreditGrade, type CreditRun, type CreditUnitItem } from '../../../contracts/credit.js';
import { api, download, qs } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';
import { GradeTag, SHORT_GRADES } from './grades.js';
import { OverrideList } from './OverrideList.js';
import { RuleEditor } from './RuleEditor.js';

type GradeFilter = CreditGrade | 'none' | 'all';

/**
 * 信用分级: the graded units of the caller's area by grade (worst first) with counts, Excel export,
 * re-grading the area; the override requests awaiting approval; the scoring rule.
 */
export default function CreditPage() {
  const { can } = useAuth();
  const [tab, setTab] = useState('units');
  return (
    <Card title="信用分级分类监管" styles={{ body: { padding: 12 } }}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'units', label: '分级名单', children: <UnitList /> },
          { key: 'overrides', label: '等级调整', children: <OverrideList /> },
          { key: 'rule', label: '评价规则', children: <RuleEditor editable={can('credit.manage')} /> },
        ]}
      />
    </Card>
  );
}

function UnitList() {
  const { can } = useAuth();
  const nav = useNavigate();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [grade, setGrade] = useState<GradeFilter>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const filters = { grades: grade === 'all' ? undefined : grade, q };
  const list = useQuery({
    queryKey: ['credit-units', grade, q, page],
    queryFn: () =>
      api<{ items: CreditUnitItem[]; total: number; counts: Record<string, number> }>(
        `/api/credit-units${qs({ ...filters, page, pageSize: 20 })}`,
      ),
  });
  const runs = useQuery({
    queryKey: ['credit-runs'],
    queryFn: () => api<{ items: CreditRun[] }>('/api/credit-runs'),
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 2000 : false),
  });
  const lastRun = runs.data?.items[0];
  const rerun = useMutation({
    mutationFn: () => api<CreditRun>('/api/credit-runs', { method: 'POST' }),
    onSuccess: () => {
      message.success('已开始重新评定，完成后名单自动更新');
      void qc.invalidateQueries({ queryKey: ['credit-runs'] });
    },
    onError: (e: Error) => message.error(e.message),
  });
  if (lastRun?.status === 'done' && list.data && list.dataUpdatedAt < Date.parse(lastRun.finishedAt ?? '')) void list.refetch();
  const counts = list.data?.counts ?? {};
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        {can('credit.manage') && (
          <Button icon={<ReloadOutlined />} loading={rerun.isPending} onClick={() => rerun.mutate()} data-testid="credit-rerun">
            重新评定本辖区
          </Button>
        )}
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download(`/api/credit-units/export${qs(filters)}`, '信用分级名单.xlsx').catch((e: Error) => message.error(e.message))
          }
        >
          导出Excel
        </Button>
        {lastRun && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            最近评定：{lastRun.asOf} {RUN_STATUSES[lastRun.status]}
            {lastRun.status === 'done' ? `，${lastRun.unitCount} 家，等级变化 ${lastRun.changedCount} 家` : ''}
            {lastRun.message ? `（${lastRun.message}）` : ''}
          </Typography.Text>
        )}
      </Space>
      <div style={{ overflowX: 'auto' }}>
        <Segmented
          value={grade}
          onChange={(v) => {
            setGrade(v as GradeFilter);
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            ...(['A', 'B', 'C', 'D'] as CreditGrade[]).map((g) => ({ value: g, label: `${SHORT_GRADES[g]} ${counts[g] ?? ''}` })),
            { value: 'none', label: `未评定 ${counts.none ?? ''}` },
          ]}
        />
      </div>
      <Input.Search
        allowClear
        placeholder="搜索单位名称"
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
      />
      <ItemList<CreditUnitItem>
        loading={list.isLoading}
        items={list.data?.items}
        rowKey={(u) => u.entityId}
        empty={<Empty description={q ? `没有与“${q}”相符的单位` : '暂无单位'} />}
        renderItem={(u) => (
          <div
            data-testid="credit-unit"
            onClick={() => nav(`/credit/units/${u.entityId}`)}
            style={{
              cursor: 'pointer',
              padding: '10px 4px',
              display: 'flex',
              justifyContent: 'space-between',
              gap: 8,
              alignItems: 'center',
            }}
          >
            <div style={{ minWidth: 0 }}>
              <div style={{ overflowWrap: 'anywhere' }}>{u.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {u.kindLabel} · {u.stationName ?? ''}
                {u.score != null ? ` · ${Math.round(u.score * 10) / 10} 分` : ''}
              </Typography.Text>
            </div>
            <Space size={4}>
              {u.overridden && <Tag color="purple">人工调整</Tag>}
              <GradeTag grade={u.grade} />
            </Space>
          </div>
        )}
      />
      {(list.data?.total ?? 0) > 20 && (
        <Pagination simple current={page} total={list.data?.total} pageSize={20} onChange={setPage} style={{ textAlign: 'center' }} />
      )}
    </Space>
  );
}
