import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { RISK_CATEGORIES, RISK_STATUSES, type CommonRiskInput, type CommonRiskView } from '../../../contracts/risks.js';
import { FINDING_SEVERITIES as FINDING_SEVERITY_LABELS } from '../../../contracts/inspections.js';
import { download, qs } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';
import { risksApi } from './api.js';
import { useSubmit } from '../../lib/submit.js';

/**
 * 共性风险隐患 (附件3 of seed 003): 普遍性、多发性问题 grouped from many risks, with the analysis, the
 * control measure and whether it is removed (是否排除隐患); the units concerned stay linked.
 */
export default function CommonRisksPage() {
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [params] = useSearchParams();
  const [removed, setRemoved] = useState<'true' | 'false' | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<CommonRiskView | 'new' | null>(null);
  const q = useQuery({ queryKey: ['common-risks', removed, page], queryFn: () => risksApi.commonList({ removed, page, pageSize: 20 }) });
  const focus = Number(params.get('id')) || null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title="共性风险隐患"
        extra={
          <Space wrap>
            {can('risks.manage') && (
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="common-risk-new">
                归并共性风险
              </Button>
            )}
            <Button
              size="small"
              icon={<DownloadOutlined />}
              onClick={() =>
                download(`/api/common-risks/export${qs({ removed })}`, '共性风险隐患.xlsx').catch((e) => message.error(e.message))
              }
            >
              导出
            </Button>
          </Space>
        }
      >
        <Select
          allowClear
          placeholder="是否排除隐患"
          style={{ width: 160 }}
          value={removed}
          onChange={(v) => {
            setRemoved(v);
            setPage(1);
          }}
          options={[
            { value: 'false', label: '未排除' },
            { value: 'true', label: '已排除' },
          ]}
          aria-label="是否排除隐患"
        />
      </Card>
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      <ItemList
        loading={q.isLoading}
        items={q.data?.items}
        rowKey={(c) => c.id}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' }}
        renderItem={(c) => (
          <Card
            size="small"
            data-testid="common-risk-card"
            style={{ marginBottom: 8, borderColor: focus === c.id ? '#1677ff' : undefined }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <span style={{ fontWeight: 600, wordBreak: 'break-all' }}>{c.title}</span>
              <Tag color={c.removed ? 'green' : 'orange'} style={{ marginRight: 0 }}>
                {c.removed ? '已排除' : '未排除'}
              </Tag>
            </div>
            <div style={{ fontSize: 13, color: '#666', margin: '4px 0' }}>
              {c.stationName} · {RISK_CATEGORIES[c.category]} · 涉及 {c.entities.length} 家单位
            </div>
            {c.analysis && <div style={{ fontSize: 13, wordBreak: 'break-all' }}>分析研判：{c.analysis}</div>}
            <div style={{ fontSize: 13, wordBreak: 'break-all' }}>管控措施：{c.controlMeasure}</div>
            {c.risks.length > 0 && (
              <div style={{ fontSize: 13, marginTop: 4, wordBreak: 'break-all' }}>
                风险隐患：
                {c.risks.map((r) => (
                  <Link key={r.id} to={`/risks?id=${r.id}`} style={{ marginRight: 8 }}>
                    {r.title}（{RISK_STATUSES[r.status]}）
                  </Link>
                ))}
              </div>
            )}
            {c.findings.length > 0 && (
              <div style={{ fontSize: 13, marginTop: 4, wordBreak: 'break-all' }} data-testid="common-risk-findings">
                检查问题：
                {c.findings.map((f) => (
                  <Link key={f.id} to={`/inspections/${f.inspectionId}`} style={{ marginRight: 8 }}>
                    {f.description}
                  </Link>
                ))}
              </div>
            )}
            {c.editable && (
              <Button size="small" style={{ marginTop: 6 }} onClick={() => setEditing(c)}>
                修改
              </Button>
            )}
          </Card>
        )}
      />
      <CommonRiskForm value={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}

function CommonRiskForm({ value, onClose }: { value: CommonRiskView | 'new' | null; onClose: () => void }) {
  const [form] = Form.useForm<CommonRiskInput>();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ predicate: (x) => ['common-risks', 'risks'].includes(String(x.queryKey[0])) });
  const { busy, run } = useSubmit({ form, onStale: () => (onClose(), refresh()) });
  const open = value !== null;
  const current = value && value !== 'new' ? value : null;
  const risks = useQuery({ queryKey: ['risks', 'for-common'], queryFn: () => risksApi.list({ pageSize: 200 }), enabled: open });
  const [findingQ, setFindingQ] = useState('');
  const findings = useQuery({
    queryKey: ['risks', 'finding-options', findingQ],
    queryFn: () => risksApi.findingOptions(findingQ),
    enabled: open,
    placeholderData: (prev) => prev,
  });
  // The findings already grouped stay selectable when the search no longer returns them.
  const findingOptions = new Map<number, string>();
  for (const f of current?.findings ?? []) findingOptions.set(f.id, f.description);
  for (const f of findings.data?.items ?? [])
    findingOptions.set(f.id, `${f.date} ${f.entityName}：${FINDING_SEVERITY_LABELS[f.severity]} ${f.description}`);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (current)
      form.setFieldsValue({
        title: current.title,
        category: current.category,
        analysis: current.analysis ?? '',
        controlMeasure: current.controlMeasure,
        removed: current.removed,
        riskIds: current.risks.map((r) => r.id),
        findingIds: current.findings.map((f) => f.id),
      });
  }, [open, current, form]);
  return (
    <Modal
      open={open}
      title={current ? '修改共性风险隐患' : '归并共性风险隐患'}
      okText="保存"
      cancelText="返回"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const saved = await run(() =>
          current ? risksApi.commonEdit(current.id, { ...v, version: current.version }) : risksApi.commonCreate(v),
        );
        if (saved === false) return;
        message.success('已保存');
        onClose();
        await refresh();
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ category: 'drug', removed: false }}>
        <Form.Item name="title" label="发现的共性风险隐患" rules={[{ required: true, message: '请填写共性风险隐患' }]}>
          <Input.TextArea rows={2} maxLength={200} placeholder="例：部分企业处方药未凭处方销售或未保留处方" />
        </Form.Item>
        <Form.Item name="category" label="产品类别">
          <Select options={Object.entries(RISK_CATEGORIES).map(([v, l]) => ({ value: v, label: l }))} aria-label="产品类别" />
        </Form.Item>
        <Form.Item name="riskIds" label="归并的风险隐患">
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={risks.isLoading}
            options={(risks.data?.items ?? []).map((r) => ({
              value: r.id,
              label: `${r.title}（${r.entities.map((e) => e.name).join('、') || r.stationName}）`,
            }))}
            aria-label="归并的风险隐患"
          />
        </Form.Item>
        <Form.Item name="findingIds" label="归并的检查问题" extra="本辖区已签名检查记录中发现的问题，可按问题或单位名称搜索">
          <Select
            mode="multiple"
            allowClear
            showSearch={{ filterOption: false, onSearch: setFindingQ }}
            onBlur={() => setFindingQ('')}
            loading={findings.isFetching}
            options={[...findingOptions].map(([value, label]) => ({ value, label }))}
            notFoundContent={findings.isFetching ? '正在查找…' : '没有符合的检查问题'}
            aria-label="归并的检查问题"
          />
        </Form.Item>
        <Form.Item name="analysis" label="分析研判">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="controlMeasure" label="管控措施" rules={[{ required: true, message: '请填写管控措施' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="removed" valuePropName="checked">
          <Checkbox>已排除隐患</Checkbox>
        </Form.Item>
        <Typography.Text type="secondary">涉及单位按所归并的风险隐患和检查问题自动关联。</Typography.Text>
      </Form>
    </Modal>
  );
}
