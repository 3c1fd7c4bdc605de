import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Collapse, Empty, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DUE_STATUSES, type ObligationCalendar } from '../../../contracts/submissions.js';
import { useAuth } from '../../lib/auth.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { campaignsApi } from '../campaigns/api.js';
import { DUE_STATUS_COLORS, submissionsApi } from './SubmissionApi.js';
import { SubmissionDrawer } from './SubmissionDrawer.js';

type Unit = ObligationCalendar['units'][number];
type Entry = Unit['entries'][number];
const hm = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

/** 报送日历: each submitting unit's due dates with their status; one's own unit drafts from here; leaders see the units below. */
export default function ObligationCalendarPage() {
  const { can, me } = useAuth();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: () => campaignsApi.list() });
  const active = (campaigns.data ?? []).filter((c) => c.status === 'active');
  const campaignId = Number(params.get('campaign')) || active[0]?.id;
  const cal = useQuery({
    queryKey: ['obligation-calendar', campaignId],
    queryFn: () => submissionsApi.calendar(campaignId!),
    enabled: !!campaignId,
  });
  const [open, setOpen] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const labels = new Map((cal.data?.obligations ?? []).map((o) => [o.key, o]));
  const draft = async (obligationKey: string, dueDate?: string) => {
    setBusy(`${obligationKey}|${dueDate ?? ''}`);
    try {
      const s = await submissionsApi.create({ campaignId: campaignId!, obligationKey, ...(dueDate ? { dueDate } : {}) });
      await qc.invalidateQueries({ queryKey: ['obligation-calendar'] });
      setOpen(s.id);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const mine = (u: Unit) => can('reports.submit') && u.orgUnitId === me?.orgUnitId;

  const entries = (u: Unit) => (
    <ResponsiveTable<Entry>
      rowKey={(e) => `${e.obligationKey}|${e.dueDate}`}
      size="small"
      pagination={false}
      dataSource={u.entries}
      columns={[
        { title: '报送事项', key: 'o', render: (_, e) => labels.get(e.obligationKey)?.label ?? e.obligationKey },
        { title: '报送时限', key: 'at', render: (_, e) => `${hm(e.dueAt)} 前` },
        {
          title: '状态',
          key: 's',
          render: (_, e) => (
            <Space size={4}>
              <Tag color={DUE_STATUS_COLORS[e.status]}>{DUE_STATUSES[e.status]}</Tag>
              {e.hoursLate ? <span style={{ color: '#ad6800' }}>{e.status === 'missing' ? `已过${Math.ceil(e.hoursLate / 24)}天` : `晚${e.hoursLate}小时`}</span> : null}
            </Space>
          ),
        },
        {
          title: '',
          key: 'act',
          render: (_, e) =>
            e.submissionId ? (
              <Button size="small" onClick={() => setOpen(e.submissionId)}>
                查看
              </Button>
            ) : mine(u) ? (
              <Button
                size="small"
                type="primary"
                loading={busy === `${e.obligationKey}|${e.dueDate}`}
                onClick={() => draft(e.obligationKey, e.dueDate!)}
                data-testid={`draft-${e.obligationKey}-${e.dueDate}`}
              >
                起草
              </Button>
            ) : null,
        },
      ]}
    />
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        报送日历
      </Typography.Title>
      <Select
        style={{ width: '100%', maxWidth: 480 }}
        value={campaignId}
        placeholder="选择专项行动"
        onChange={(v) => setParams({ campaign: String(v) }, { replace: true })}
        options={active.map((c) => ({ value: c.id, label: c.name }))}
        aria-label="专项行动"
      />
      {cal.isError && <Alert type="error" showIcon title={(cal.error as Error).message} />}
      {cal.data && !cal.data.units.length && <Empty description="本单位不是该专项行动的报送单位" />}
      {cal.data && cal.data.units.length > 0 && (
        <>
          <Card size="small" title="报送事项">
            {cal.data.obligations.map((o) => (
              <div key={o.key} style={{ padding: '2px 0' }}>
                <b>{o.label}</b>：{o.rule}
                {o.recipient ? `，报${o.recipient}` : ''}
                {o.missing && <Tag color="orange" style={{ marginLeft: 6 }}>{o.missing}</Tag>}
                {o.minCount && (
                  <span style={{ marginLeft: 6, color: 'rgba(0,0,0,0.45)' }}>
                    （每{o.minCount.per === 'quarter' ? '季度' : o.minCount.per === 'month' ? '月' : '行动期间'}不少于{o.minCount.count}个）
                  </span>
                )}
                {o.rule.startsWith('随时报送') && cal.data!.units.some(mine) && (
                  <Button size="small" style={{ marginLeft: 6 }} loading={busy === `${o.key}|`} onClick={() => draft(o.key)}>
                    新增
                  </Button>
                )}
              </div>
            ))}
          </Card>
          <Collapse
            defaultActiveKey={cal.data.units.length === 1 ? [String(cal.data.units[0].orgUnitId)] : []}
            items={cal.data.units.map((u) => ({
              key: String(u.orgUnitId),
              label: (
                <Space wrap size={4}>
                  <b>{u.name}</b>
                  <Tag color="success">按时 {u.totals.onTime}</Tag>
                  <Tag color="warning">逾期 {u.totals.late}</Tag>
                  <Tag color="error">未报 {u.totals.missing}</Tag>
                  <Tag>待报 {u.totals.pending}</Tag>
                  <span style={{ color: 'rgba(0,0,0,0.45)' }}>
                    完成率 {u.totals.due ? Math.round(((u.totals.onTime + u.totals.late) / u.totals.due) * 100) : 100}%
                  </span>
                </Space>
              ),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {u.counts.length > 0 && (
                    <div>
                      {u.counts.map((c) => (
                        <Tag key={`${c.obligationKey}${c.from}`} color={c.met ? 'success' : 'error'}>
                          {labels.get(c.obligationKey)?.label} {c.period}：{c.submitted}/{c.required}
                        </Tag>
                      ))}
                    </div>
                  )}
                  {entries(u)}
                </Space>
              ),
            }))}
          />
        </>
      )}
      <SubmissionDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
