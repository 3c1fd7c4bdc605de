import { ResponsiveTable } from '../../lib/ResponsiveTable.js';
import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Progress, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { shanghaiToday } from '../../../contracts/calendar.js';
import {
  PRODUCT_CATEGORIES,
  PRODUCT_CATEGORY_KEYS,
  PRODUCT_SUBCATEGORIES,
  SAMPLING_LEVEL_KEYS,
  SAMPLING_LEVELS,
  type PlanLineInput,
  type ProductCategory,
  type SamplingLevel,
  type SamplingPlan,
} from '../../../contracts/sampling.js';
import { api } from '../../lib/api.js';
import { EntityPicker } from '../entities/EntityPicker.js';
import { ValuesAtMount } from '../../lib/ValuesAtMount.js';
import { useAuth } from '../../lib/auth.js';
import { samplingApi, type ProgressRow } from './api.js';
import { useMobile } from '../../lib/screens.js';
import { useSubmit } from '../../lib/submit.js';

const thisYear = Number(shanghaiToday().slice(0, 4));
const pct = (a: number, b: number) => (b > 0 ? Math.min(100, Math.round((a / b) * 100)) : 0);

interface PlanValues {
  level: SamplingLevel;
  year: number;
  name: string;
  issuer?: string;
  note?: string;
  lines: PlanLineInput[];
}

/** 抽检计划: the year's plans at the three levels (国家/省(市)/县(区)) with progress by level and category; the department makes and edits them. */
export default function SamplingPlansPage() {
  const mobile = useMobile();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear);
  const plans = useQuery({ queryKey: ['sampling-plans', year], queryFn: () => samplingApi.plans(year) });
  const progress = useQuery({ queryKey: ['sampling-progress', year], queryFn: () => samplingApi.progress(year) });
  const [editing, setEditing] = useState<SamplingPlan | 'new' | null>(null);
  const [form] = Form.useForm<PlanValues>();
  const { busy, run } = useSubmit({
    form,
    onStale: () => (setEditing(null), qc.invalidateQueries({ queryKey: ['sampling-plans'] })),
  });

  const [initial, setInitial] = useState<Partial<PlanValues>>({});
  // Names of the units a plan being edited already lists (the picker shows them as tags).
  const knownUnits = new Map<number, string>(
    editing && editing !== 'new' ? editing.lines.flatMap((l) => l.entities.map((e) => [e.id, e.name] as const)) : [],
  );
  // The dialog's form mounts when it opens: its values go in as initialValues.
  const openNew = () => {
    setInitial({ level: 'county', year, lines: [{ category: 'drug', subCategory: 'tcm_pieces', planned: 0 }] });
    setEditing('new');
  };
  const openEdit = (p: SamplingPlan) => {
    setInitial({
      level: p.level,
      year: p.year,
      name: p.name,
      issuer: p.issuer ?? undefined,
      note: p.note ?? undefined,
      lines: p.lines.map((l) => ({
        id: l.id,
        category: l.category,
        subCategory: l.subCategory,
        planned: l.planned,
        note: l.note,
        entityIds: l.entities.map((e) => e.id),
      })),
    });
    setEditing(p);
  };
  async function save() {
    const v = await form.validateFields();
    const saved = await run(async () => {
      if (editing === 'new') await samplingApi.createPlan({ ...v, lines: v.lines.map((l) => ({ ...l, entityIds: l.entityIds ?? [] })) });
      else if (editing)
        await samplingApi.updatePlan(editing.id, {
          name: v.name,
          issuer: v.issuer,
          note: v.note,
          lines: v.lines,
          version: editing.version,
        });
    });
    if (saved === false) return;
    message.success('已保存');
    setEditing(null);
    await Promise.all([qc.invalidateQueries({ queryKey: ['sampling-plans'] }), qc.invalidateQueries({ queryKey: ['sampling-progress'] })]);
  }

  const rows = progress.data?.rows ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title="抽检计划"
        extra={
          <Space wrap size={8}>
            <Select<number>
              value={year}
              onChange={setYear}
              style={{ width: 100 }}
              options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))}
              aria-label="年度"
            />
            {can('sampling.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={openNew}>
                制定计划
              </Button>
            )}
          </Space>
        }
      >
        <div style={{ color: '#666', fontSize: 13, marginBottom: 8 }}>
          国家、省（市）、县（区）三级抽检：计划批次、已抽样、已出结果、不合格。
        </div>
        {progress.isError && <Alert type="error" showIcon title={(progress.error as Error).message} />}
        <ResponsiveTable<ProgressRow>
          size="small"
          rowKey={(r) => `${r.level}-${r.category}`}
          loading={progress.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={mobile ? { x: 360 } : undefined}
          locale={{ emptyText: `${year}年度尚无抽检计划` }}
          columns={[
            { title: '层级', dataIndex: 'level', render: (l: SamplingLevel) => SAMPLING_LEVELS[l] },
            { title: '类别', dataIndex: 'category', render: (c: ProductCategory) => PRODUCT_CATEGORIES[c] },
            { title: '计划', dataIndex: 'planned', align: 'right' },
            { title: '已抽', dataIndex: 'sampled', align: 'right' },
            { title: '出结果', dataIndex: 'resultsIn', align: 'right' },
            { title: '不合格', dataIndex: 'unqualified', align: 'right', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
          ]}
        />
      </Card>
      {(plans.data ?? []).map((p) => (
        <Card
          key={p.id}
          size="small"
          title={
            <Space wrap size={4}>
              <Tag color="blue">{SAMPLING_LEVELS[p.level]}</Tag>
              <span style={{ whiteSpace: 'normal' }}>{p.name}</span>
            </Space>
          }
          extra={
            p.editable && (
              <Button size="small" icon={<EditOutlined />} onClick={() => openEdit(p)}>
                修改
              </Button>
            )
          }
        >
          <div style={{ fontSize: 13, color: '#666', marginBottom: 8 }}>
            {p.jurisdictionName}
            {p.issuer ? ` · 下达：${p.issuer}` : ''} · 合计 {p.total.sampled}/{p.total.planned} 批次 ·{' '}
            <Link to={`/sampling/records?planId=${p.id}`}>抽样记录</Link>
          </div>
          {p.lines.map((l) => (
            <div key={l.id} style={{ marginBottom: 8 }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 4 }}>
                <span>
                  {PRODUCT_CATEGORIES[l.category]}
                  {l.subCategory ? ` · ${l.label}` : ''}
                </span>
                <span style={{ fontSize: 13 }}>
                  已抽 {l.sampled}/{l.planned} · 出结果 {l.resultsIn}
                  {l.unqualified ? (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      不合格 {l.unqualified}
                    </Tag>
                  ) : null}
                </span>
              </div>
              <Progress percent={pct(l.sampled, l.planned)} success={{ percent: pct(l.resultsIn, l.planned) }} size="small" />
              {l.entities.length > 0 && (
                <div style={{ fontSize: 12, color: '#999' }}>抽样单位：{l.entities.map((e) => e.name).join('、')}</div>
              )}
            </div>
          ))}
        </Card>
      ))}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '制定抽检计划' : '修改抽检计划'}
        onCancel={() => setEditing(null)}
        onOk={save}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
          <ValuesAtMount values={initial} />
          <Space wrap>
            <Form.Item name="level" label="层级" rules={[{ required: true }]}>
              <Select
                disabled={editing !== 'new'}
                style={{ width: 150 }}
                options={SAMPLING_LEVEL_KEYS.map((k) => ({ value: k, label: SAMPLING_LEVELS[k] }))}
              />
            </Form.Item>
            <Form.Item name="year" label="年度" rules={[{ required: true }]}>
              <InputNumber disabled={editing !== 'new'} min={2000} max={2100} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="name" label="计划名称" rules={[{ required: true, whitespace: true, message: '请填写计划名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="issuer" label="下达单位">
            <Input maxLength={100} placeholder="如：市药品监督管理局" />
          </Form.Item>
          <Form.List
            name="lines"
            rules={[{ validator: async (_, v) => ((v?.length ?? 0) > 0 ? undefined : Promise.reject(new Error('至少一个品种类别'))) }]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f) => (
                  <LineFields key={f.key} name={f.name} form={form} onRemove={() => remove(f.name)} known={knownUnits} />
                ))}
                <Button icon={<PlusOutlined />} block onClick={() => add({ category: 'drug', planned: 0 })}>
                  添加品种类别
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
          <Form.Item name="note" label="说明" style={{ marginTop: 12 }}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function LineFields({
  name,
  form,
  onRemove,
  known,
}: {
  name: number;
  form: ReturnType<typeof Form.useForm<PlanValues>>[0];
  onRemove: () => void;
  known: Map<number, string>;
}) {
  const category = (Form.useWatch(['lines', name, 'category'], form) ?? 'drug') as ProductCategory;
  const subs = PRODUCT_SUBCATEGORIES[category] ?? {};
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start', marginBottom: 4 }}>
      <Form.Item name={[name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={[name, 'category']} style={{ marginBottom: 8 }}>
        <Select
          style={{ width: 110 }}
          onChange={() => form.setFieldValue(['lines', name, 'subCategory'], null)}
          options={PRODUCT_CATEGORY_KEYS.map((k) => ({ value: k, label: PRODUCT_CATEGORIES[k] }))}
          aria-label="产品类别"
        />
      </Form.Item>
      <Form.Item name={[name, 'subCategory']} style={{ marginBottom: 8 }}>
        <Select
          allowClear
          placeholder="子类别"
          style={{ width: 130 }}
          options={Object.entries(subs).map(([value, label]) => ({ value, label }))}
          aria-label="子类别"
        />
      </Form.Item>
      <Form.Item
        name={[name, 'planned']}
        style={{ marginBottom: 8 }}
        rules={[
          { required: true, message: '请填写计划批次' },
          { type: 'number', min: 0, message: '不能为负数' },
        ]}
      >
        <InputNumber min={0} max={100000} precision={0} addonAfter="批次" style={{ width: 140 }} aria-label="计划批次" />
      </Form.Item>
      <Button type="text" icon={<MinusCircleOutlined />} onClick={onRemove} aria-label="删除品种类别" />
      <Form.Item name={[name, 'entityIds']} style={{ marginBottom: 8, width: '100%' }}>
        <PlanUnits known={known} />
      </Form.Item>
    </div>
  );
}

/** 抽样单位 of a plan line: units of the registry chosen one by one (EntityPicker), shown as tags. */
function PlanUnits({ value, onChange, known }: { value?: number[]; onChange?: (ids: number[]) => void; known: Map<number, string> }) {
  const [names, setNames] = useState<Map<number, string>>(() => new Map(known));
  const ids = value ?? [];
  return (
    <div>
      <EntityPicker
        value={null}
        placeholder="抽样单位（可选）：搜索单位名称后选择"
        style={{ width: '100%', maxWidth: 420 }}
        onChange={async (id) => {
          if (!id || ids.includes(id) || ids.length >= 200) return;
          const e = await api<{ id: number; name: string }>(`/api/entities/${id}`).catch(() => null);
          if (!e) return;
          setNames((m) => new Map(m).set(e.id, e.name));
          onChange?.([...ids, e.id]);
        }}
      />
      {ids.length > 0 && (
        <div style={{ marginTop: 6 }} data-testid="plan-units">
          {ids.map((id) => (
            <Tag key={id} closable onClose={() => onChange?.(ids.filter((x) => x !== id))} style={{ marginBottom: 4 }}>
              {names.get(id) ?? known.get(id) ?? `单位 ${id}`}
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}
