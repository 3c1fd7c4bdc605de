import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CreditRuleDefinition, CreditRuleView } from '../../../contracts/credit.js';
import { ENTITY_KINDS } from '../../../contracts/entity-kinds.js';
import { api, ApiError } from '../../lib/api.js';

/** 评价规则: the rule in force (indicators, points, window, thresholds, 推定 marks) and, with credit.manage, its editor. */
export function RuleEditor({ editable }: { editable: boolean }) {
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<CreditRuleDefinition & { reason: string }>();
  const rule = useQuery({ queryKey: ['credit-rule'], queryFn: () => api<CreditRuleView>('/api/credit-rule') });
  const save = useMutation({
    mutationFn: (v: CreditRuleDefinition & { reason: string }) => {
      const { reason, ...definition } = v;
      return api<CreditRuleView>('/api/credit-rule', {
        method: 'PUT',
        body: { definition: { ...definition, inferred: false }, reason, version: rule.data!.version },
      });
    },
    onSuccess: (r) => {
      message.success(`已保存为第${r.version}版；重新评定后按新规则定级`);
      qc.setQueryData(['credit-rule'], r);
      setEditing(false);
    },
    onError: (e: Error) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        message.error('规则已被他人修订，已载入最新版本，请重新修改');
        void rule.refetch();
      } else message.error(e.message);
    },
  });
  const r = rule.data;
  if (!r) return null;
  const label = (key: string) => r.indicators.find((i) => i.key === key);
  const d = r.definition;
  if (editing)
    return (
      <Form form={form} layout="vertical" initialValues={{ ...d, reason: '' }} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 720 }}>
        <Form.Item name="name" label="规则名称" rules={[{ required: true, message: '请填写规则名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="entityKinds" label="适用监管对象" rules={[{ required: true, message: '至少选择一类监管对象' }]}>
          <Select mode="multiple" options={ENTITY_KINDS.map((k) => ({ value: k.code, label: k.label }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="windowMonths" label="评价周期（月）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={120} precision={0} />
          </Form.Item>
          <Form.Item name="baseScore" label="基础分" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
          {(['A', 'B', 'C'] as const).map((g) => (
            <Form.Item key={g} name={['thresholds', g]} label={`${g}级最低分`} rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
          ))}
        </Space>
        <Typography.Paragraph type="secondary">低于C级最低分为D级；分级线须从高到低排列。</Typography.Paragraph>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" style={{ width: '100%' }}>
                  <Form.Item name={[f.name, 'indicator']} label="评价指标" rules={[{ required: true, message: '请选择指标' }]}>
                    <Select style={{ width: 200 }} options={r.indicators.map((i) => ({ value: i.key, label: i.label }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'pointsEach']} label="每次扣分" rules={[{ required: true, message: '请填写' }]}>
                    <InputNumber min={0.1} max={1000} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'cap']} label="最多扣分">
                    <InputNumber min={0.1} max={1000} placeholder="不限" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']} label="依据">
                    <Input maxLength={300} style={{ width: 200 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label="删除指标"
                    onClick={() => remove(f.name)}
                    style={{ marginTop: 30 }}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ pointsEach: 1 })} style={{ marginBottom: 16 }}>
                增加指标
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="basis" label="依据说明">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="reason" label="修订说明" rules={[{ required: true, message: '请填写修订说明' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存为新版本
          </Button>
          <Button onClick={() => setEditing(false)}>取消</Button>
        </Space>
      </Form>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {d.inferred && <Alert type="warning" showIcon title="推定规则" description={d.basis ?? '本规则的分值为推定，请按本地标准修订。'} />}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="规则">
          {d.name}（{r.version ? `第${r.version}版` : '系统默认'}）
        </Descriptions.Item>
        <Descriptions.Item label="评价周期">近 {d.windowMonths} 个月</Descriptions.Item>
        <Descriptions.Item label="适用对象">
          {d.entityKinds.map((k) => ENTITY_KINDS.find((x) => x.code === k)?.label ?? k).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label="分级线">
          基础分 {d.baseScore}：A级 ≥ {d.thresholds.A}，B级 ≥ {d.thresholds.B}，C级 ≥ {d.thresholds.C}，其余为D级
        </Descriptions.Item>
      </Descriptions>
      <div style={{ overflowX: 'auto' }}>
        <Table
          size="small"
          pagination={false}
          rowKey="indicator"
          dataSource={d.items}
          columns={[
            { title: '评价指标', dataIndex: 'indicator', render: (k: string) => label(k)?.label ?? k },
            { title: '每次扣分', dataIndex: 'pointsEach', render: (v: number, i) => `${v} 分/${label(i.indicator)?.unit ?? '次'}` },
            { title: '最多扣分', dataIndex: 'cap', render: (v: number | null) => v ?? '不限' },
            {
              title: '依据',
              dataIndex: 'note',
              responsive: ['md'],
              render: (v: string | null) => (v?.startsWith('推定') ? <Tag color="orange">推定</Tag> : v),
            },
          ]}
        />
      </div>
      {editable && (
        <Button type="primary" onClick={() => setEditing(true)}>
          修订规则
        </Button>
      )}
      {r.history.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          历次版本：
          {r.history.map((h) => `第${h.version}版 ${h.createdAt.slice(0, 10)} ${h.createdBy ?? ''}（${h.reason ?? ''}）`).join('；')}
        </Typography.Text>
      )}
    </Space>
  );
}
