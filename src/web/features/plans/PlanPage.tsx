import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Descriptions, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { INSPECTOR_PROBLEMS, PLAN_STATUSES, type PlanCheckResult } from '../../../contracts/plans.js';
import { ApiError, download, qs } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { placeOf, plansApi } from './api.js';
import { CoverageTab } from './CoverageTab.js';
import { MissingTab } from './MissingTab.js';
import { TasksTab } from './TasksTab.js';
import { useMobile } from '../../lib/screens.js';

/** One plan: summary, shortfalls, last re-check, tasks, live coverage and what is missing. */
export default function PlanPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message, modal } = AntApp.useApp();
  const mobile = useMobile();
  const [tab, setTab] = useState('tasks');
  const [lastCheck, setLastCheck] = useState<PlanCheckResult | null>(null);
  const [chosenStation, setChosenStation] = useState<number | undefined | null>(null);
  const q = useQuery({ queryKey: ['plan', id], queryFn: () => plansApi.get(id) });
  if (!q.data) return <Card loading={q.isLoading}>{q.error?.message}</Card>;
  const p = q.data;
  // A station's own people see their station; otherwise all until one is chosen.
  const stationId = chosenStation === null ? (p.stations.length === 1 ? p.stations[0].id : undefined) : chosenStation;
  const chosenName = stationId === undefined ? '' : `（${p.stations.find((s) => s.id === stationId)?.shortName ?? ''}）`;
  const check = lastCheck ?? p.check;
  const publish = async (overlap?: 'supersede' | 'keep') => {
    try {
      await plansApi.publish(id, overlap);
      message.success(overlap === 'supersede' ? '计划已发布并替代原计划，原计划的待检查任务已作废' : '计划已发布，任务已下达各所');
      await qc.invalidateQueries({ predicate: (x) => String(x.queryKey[0]).startsWith('plan') });
    } catch (e) {
      // Another plan of the campaign still has open inspections of the same units: the user decides.
      if (e instanceof ApiError && e.code === 'PLAN_OVERLAP') {
        const m = modal.confirm({
          title: '与现行计划重复',
          content: e.message,
          width: 520,
          okText: '替代原计划',
          cancelText: '暂不发布',
          onOk: () => publish('supersede'),
          footer: (_, { OkBtn, CancelBtn }) => (
            <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
              <CancelBtn />
              <Button onClick={() => (m.destroy(), publish('keep'))}>同时保留</Button>
              <OkBtn />
            </Space>
          ),
        });
        return;
      }
      message.error((e as Error).message);
    }
  };
  // On a phone the buttons go below the title: beside it they squeezed the title into one column.
  const actionBar = (
    <Space wrap>
      <Button
        onClick={() =>
          download(`/api/plans/${id}/export${qs({ stationId })}`, `${p.name}${chosenName}.xlsx`).catch((e) => message.error(e.message))
        }
      >
        导出Excel{chosenName}
      </Button>
      <Button onClick={() => window.open(`/api/plans/${id}/print${qs({ stationId })}`, '_blank')}>打印{chosenName}</Button>
      {can('plans.manage') && p.status === 'draft' && (
        <Popconfirm title="发布后任务下达各所，开始计入完成情况。" onConfirm={() => publish()}>
          <Button type="primary">发布计划</Button>
        </Popconfirm>
      )}
    </Space>
  );
  const stationName = (sid: string | null) => p.stations.find((s) => String(s.id) === sid)?.shortName ?? '全区';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card title={<span style={{ whiteSpace: 'normal' }}>{p.name}</span>} extra={mobile ? undefined : actionBar}>
        {mobile && <div style={{ marginBottom: 12 }}>{actionBar}</div>}
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label="专项行动">{p.campaignName}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={p.status === 'published' ? 'green' : 'default'}>{PLAN_STATUSES[p.status]}</Tag>
            {p.current && <Tag color="blue">当前方案</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="抽取编号">
            <Typography.Text copyable data-testid="plan-seed">
              {p.seed}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="任务">
            {p.taskCount} 项（最少检查量 {p.minimum} 项{p.optimal ? '，已是最少' : ''}）
          </Descriptions.Item>
          {p.counted > 0 && (
            <Descriptions.Item label="已有检查">{p.counted} 家单位已检或已有待检查任务，计入指标，不再重复安排</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {p.status === 'superseded' && (
        <Alert
          type="warning"
          showIcon
          title="本计划已被替代，其待检查任务已作废；已完成的检查照常计入完成情况。"
          action={p.supersededBy ? <Link to={`/plans/${p.supersededBy}`}>查看当前方案</Link> : undefined}
        />
      )}
      {p.shortfalls.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`${p.shortfalls.length} 项指标因对象不足无法完成（已按现有对象全部安排）`}
          description={
            <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开全部' }} style={{ marginBottom: 0 }}>
              {p.shortfalls
                .map(
                  (s) =>
                    `${placeOf(s)}：${s.label}${s.grade ? `（${s.grade}级）` : ''} 应检 ${s.required} 家，现有 ${s.available} 家，缺 ${s.missing} 家`,
                )
                .join('；')}
            </Typography.Paragraph>
          }
        />
      )}
      {!check.ok && <Alert type="warning" showIcon title="复核：计划不再满足全部规则" description={checkSummary(check, stationName)} />}
      {check.ok && lastCheck && <Alert type="success" showIcon title="复核通过：计划满足全部规则" />}
      {p.warnings.length > 0 && p.warnings.length <= 3 && p.warnings.map((w) => <Alert key={w} type="info" showIcon title={w} />)}
      {p.warnings.length > 3 && (
        <Alert
          type="info"
          showIcon
          title={`生成计划时有 ${p.warnings.length} 条提示`}
          description={
            <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开全部' }} style={{ marginBottom: 0 }}>
              {p.warnings.join('；')}
            </Typography.Paragraph>
          }
        />
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'tasks',
              label: '检查任务',
              children: <TasksTab plan={p} onChecked={setLastCheck} stationId={stationId} onStationChange={setChosenStation} />,
            },
            { key: 'coverage', label: '完成情况', children: <CoverageTab planId={id} stationCount={p.stations.length} /> },
            { key: 'missing', label: '尚缺清单', children: <MissingTab planId={id} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

/** The re-check's problems in a few lines: the first of each list, then how many there are in all. */
function checkSummary(check: PlanCheckResult, stationName: (id: string | null) => string) {
  const SHOWN = 10;
  const counts = check.counts ?? {
    violations: check.violations.length,
    excess: check.excess.length,
    outsideRules: check.outsideRules.length,
    inspectorProblems: check.inspectorProblems.length,
  };
  const more = (shown: number, total: number, what: string) => (total > shown ? [`……共 ${total} 项${what}`] : []);
  return [
    ...check.violations
      .slice(0, SHOWN)
      .map((v) => `${stationName(v.stationId)}「${v.label}」应检 ${v.required}，计划 ${v.planned}，差 ${v.missing}`),
    ...more(Math.min(SHOWN, check.violations.length), counts.violations, '指标不足'),
    ...check.excess.slice(0, SHOWN).map((e) => `单位 #${e.entityId} 安排 ${e.visits} 次，超过规定的 ${e.needed} 次`),
    ...more(Math.min(SHOWN, check.excess.length), counts.excess, '重复检查'),
    ...[...new Set(check.inspectorProblems.map((x) => (INSPECTOR_PROBLEMS as Record<string, string>)[x.problem]))].map(
      (m) => `检查人员：${m}`,
    ),
    ...(counts.inspectorProblems > 0 ? [`（共 ${counts.inspectorProblems} 项人员问题）`] : []),
  ].join('；');
}
