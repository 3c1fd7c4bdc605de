import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { PLAN_STATUSES, type PlanSummary } from '../../../contracts/plans.js';
import { useAuth } from '../../lib/auth.js';
import { campaignsApi } from '../campaigns/api.js';
import { plansApi } from './api.js';

/** Plans list and the form that generates a plan for a campaign (seed shown and re-usable). */
export default function PlansPage() {
  const { can } = useAuth();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ campaignId: number; seed?: number }>();
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => plansApi.list() });
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: campaignsApi.list, enabled: can('plans.manage') });
  const generate = useMutation({
    mutationFn: (v: { campaignId: number; seed?: number }) => plansApi.generate(v.campaignId, v.seed ?? undefined),
    onSuccess: async (p) => {
      message.success(`已生成计划：${p.taskCount} 项任务`);
      await qc.invalidateQueries({ queryKey: ['plans'] });
      nav(`/plans/${p.id}`);
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {can('plans.manage') && (
        <Card title="生成检查计划" size="small">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            按专项行动的指标规则为各所生成计划：满足全部指标且检查次数最少；已完成和已下达待检查的检查计入指标，只安排尚缺部分；检查对象和检查人员随机抽取（高风险、多次被处罚、重点区域和重点对象优先），每次抽取有一个抽取编号，用同一编号可复现同一计划。
          </Typography.Paragraph>
          <Form form={form} layout="inline" onFinish={(v) => generate.mutate(v)} style={{ rowGap: 8 }}>
            <Form.Item name="campaignId" label="专项行动" rules={[{ required: true, message: '请选择专项行动' }]}>
              <Select
                style={{ minWidth: 280 }}
                placeholder="选择专项行动"
                loading={campaigns.isLoading}
                options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.jurisdictionName}）` }))}
              />
            </Form.Item>
            <Form.Item name="seed" label="抽取编号" tooltip="留空则随机生成；填写已记录的抽取编号可复现原计划">
              <InputNumber min={0} max={2147483647} style={{ width: 160 }} placeholder="自动" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={generate.isPending}>
                生成计划
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Card title="检查计划">
        <Table<PlanSummary>
          rowKey="id"
          size="small"
          loading={plans.isLoading}
          dataSource={plans.data}
          pagination={false}
          columns={[
            {
              title: '计划',
              dataIndex: 'name',
              render: (v, r) => (
                <Space size={4} wrap>
                  <Link to={`/plans/${r.id}`}>{v}</Link>
                  {r.current && <Tag color="blue">当前方案</Tag>}
                </Space>
              ),
            },
            // On a phone: plan, tasks and state only (no sideways scrolling); the rest from md up.
            { title: '专项行动', dataIndex: 'campaignName', responsive: ['md'] },
            { title: '任务', dataIndex: 'taskCount', width: 80, render: (v, r) => (v === r.minimum ? v : `${v}（最少 ${r.minimum}）`) },
            {
              title: '抽取编号',
              dataIndex: 'seed',
              width: 120,
              responsive: ['md'],
              render: (v) => <Typography.Text copyable>{v}</Typography.Text>,
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 80,
              render: (v: keyof typeof PLAN_STATUSES) => (
                <Tag color={v === 'published' ? 'green' : v === 'superseded' ? 'orange' : 'default'}>{PLAN_STATUSES[v]}</Tag>
              ),
            },
            {
              title: '生成时间',
              dataIndex: 'createdAt',
              width: 150,
              responsive: ['md'],
              render: (v: string) => v.slice(0, 16).replace('T', ' '),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
