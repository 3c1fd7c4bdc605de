import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AssessmentLine, AssessmentRuleDefinition, AssessmentRuleView, AssessmentView } from '../../../contracts/overview.js';
import { WEIGHT_TOTAL } from '../../../contracts/overview.js';
import { api, ApiError, qs } from '../../lib/api.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { ValuesAtMount } from '../../lib/ValuesAtMount.js';

type Unit = AssessmentView['units'][number];

const rawText = (l: AssessmentLine, ratio: boolean) =>
  l.raw === null ? '暂无数据' : ratio ? `${Math.round(l.raw * 1000) / 10}%` : String(l.raw);

/** 考核: each unit's score by the rule in force, ranked, with every indicator's raw value, score rate, weight and points. */
export function AssessmentPanel({ params, phone }: { params: { campaignId: number; from?: string; to?: string }; phone: boolean }) {
  const q = useQuery({ queryKey: ['assessment', params], queryFn: () => api<AssessmentView>(`/api/assessment${qs(params)}`) });
  const [editing, setEditing] = useState(false);
  const v = q.data;
  if (q.error) return <Alert type="error" showIcon title={(q.error as Error).message} />;
  if (!v) return <Spin />;
  const missing = v.indicators.filter((i) => !i.available);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="assessment">
      <Typography.Text type="secondary">
        {v.campaign.name} · 考核期间 {v.period.from} 至 {v.period.to} · {v.rule.name}（第{v.rule.version}版）
        {v.rule.inferred && (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            推定
          </Tag>
        )}
      </Typography.Text>
      {v.rule.inferred && v.rule.basis && <Alert type="warning" showIcon title="考核权重为推定值" description={v.rule.basis} />}
      {missing.length > 0 && (
        <Alert type="info" showIcon title={`${missing.map((i) => i.label).join('、')}暂无数据，不计分；得分满分为${v.maxScore}分。`} />
      )}
      <ResponsiveTable<Unit>
        rowKey="jurisdictionId"
        size="small"
        pagination={false}
        dataSource={v.units}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 60 },
          { title: '单位', dataIndex: 'name' },
          {
            title: `得分（满分${v.maxScore}）`,
            dataIndex: 'score',
            render: (s: number) => <Typography.Text strong>{s}</Typography.Text>,
          },
          ...v.indicators.map((ind, k) => ({
            title: `${ind.label}（${ind.weight}分）`,
            key: ind.key,
            render: (_: unknown, u: Unit) => {
              const l = u.lines[k];
              if (l.points === null) return <Typography.Text type="secondary">暂无数据</Typography.Text>;
              return (
                <span>
                  {l.points} 分
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    原始值 {rawText(l, ind.ratio)} · 得分率 {l.normalised}
                  </Typography.Text>
                </span>
              );
            },
          })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {v.indicators.map((i) => `${i.label}：${i.description}`).join(' ')} 得分 = 权重 × 得分率。
      </Typography.Paragraph>
      <RuleSection editing={editing} setEditing={setEditing} phone={phone} />
    </Space>
  );
}

function RuleSection({ editing, setEditing, phone }: { editing: boolean; setEditing: (b: boolean) => void; phone: boolean }) {
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<AssessmentRuleDefinition & { reason: string }>();
  const rule = useQuery({ queryKey: ['assessment-rule'], queryFn: () => api<AssessmentRuleView>('/api/assessment-rule') });
  const save = useMutation({
    mutationFn: (v: AssessmentRuleDefinition & { reason: string }) => {
      const { reason, ...definition } = v;
      return api<AssessmentRuleView>('/api/assessment-rule', {
        method: 'PUT',
        body: { definition: { ...definition, inferred: false }, reason, version: rule.data!.version },
      });
    },
    onSuccess: (r) => {
      message.success(`考核规则已保存为第${r.version}版`);
      qc.setQueryData(['assessment-rule'], r);
      void qc.invalidateQueries({ queryKey: ['assessment'] });
      setEditing(false);
    },
    onError: (e: Error) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        message.error('考核规则已被他人修订，已载入最新版本，请重新修改');
        void rule.refetch();
      } else message.error(e.message);
    },
  });
  const weights = Form.useWatch('items', form) as { weight?: number }[] | undefined;
  const sum = (weights ?? []).reduce((s, i) => s + (Number(i?.weight) || 0), 0);
  const r = rule.data;
  if (!r) return null;
  return (
    <>
      {r.actions.includes('edit') && (
        <Space wrap>
          <Button onClick={() => setEditing(true)}>修订考核指标与权重</Button>
          {r.version > 0 && (
            <Typography.Text type="secondary">
              现行第{r.version}版（{r.createdBy}，{r.reason}）
            </Typography.Text>
          )}
        </Space>
      )}
      <Modal
        open={editing}
        title="修订考核指标与权重"
        width={phone ? '100%' : 720}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
        okText="保存为新版本"
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ ...r.definition, reason: '' }}
          onFinish={(v) => save.mutate(v)}
        >
          <ValuesAtMount values={{ ...r.definition, reason: '' }} />
          <Form.Item name="name" label="规则名称" rules={[{ required: true, message: '请填写规则名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start" style={{ width: '100%' }}>
                    <Form.Item name={[f.name, 'indicator']} label="考核指标" rules={[{ required: true, message: '请选择指标' }]}>
                      <Select
                        style={{ width: phone ? 220 : 200 }}
                        options={r.indicators.map((i) => ({ value: i.key, label: i.available ? i.label : `${i.label}（暂无数据）` }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} label="权重（分）" rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber min={0} max={100} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']} label="依据">
                      <Input maxLength={300} style={{ width: phone ? 220 : 240 }} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label="删除指标" onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ weight: 0 })}>
                  添加指标
                </Button>
              </>
            )}
          </Form.List>
          <Typography.Paragraph type={Math.abs(sum - WEIGHT_TOTAL) < 1e-9 ? 'secondary' : 'danger'} style={{ marginTop: 8 }}>
            权重合计 {sum} 分（须为{WEIGHT_TOTAL}分）
          </Typography.Paragraph>
          <Form.Item name="reason" label="修订理由" rules={[{ required: true, whitespace: true, message: '请填写修订理由' }]}>
            <Input.TextArea maxLength={500} rows={2} placeholder="如：按本局年度药品安全考核细则调整" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
