import { CameraOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { shanghaiToday } from '../../../contracts/calendar.js';
import {
  PRODUCT_CATEGORIES,
  PRODUCT_CATEGORY_KEYS,
  SAMPLING_LEVELS,
  type ProductCategory,
  type SamplingRecord,
} from '../../../contracts/sampling.js';
import { ApiError } from '../../lib/api.js';
import { pickFields, staleCurrent, useConflict, type ConflictField } from '../../lib/conflict.js';
import { applyServerErrors } from '../../lib/form-errors.js';
import { EntityPicker } from '../entities/EntityPicker.js';
import { samplingApi } from './api.js';

interface Values {
  entityId?: number;
  category: ProductCategory;
  planLineId?: number | null;
  productName: string;
  batchNo: string;
  manufacturer: string;
  specification?: string;
  quantity: number;
  quantityUnit: string;
  samplerIds: number[];
  sampledOn: string;
  note?: string;
  reason?: string;
}

const FIELDS: ConflictField[] = [
  { name: 'category', label: '产品类别', format: (c) => PRODUCT_CATEGORIES[c as ProductCategory] ?? String(c) },
  { name: 'planLineId', label: '计划品种' },
  { name: 'productName', label: '产品名称' },
  { name: 'batchNo', label: '批号' },
  { name: 'manufacturer', label: '标示生产企业' },
  { name: 'specification', label: '规格' },
  { name: 'quantity', label: '抽样数量' },
  { name: 'quantityUnit', label: '数量单位' },
  { name: 'samplerIds', label: '抽样人员' },
  { name: 'sampledOn', label: '抽样日期' },
  { name: 'note', label: '备注' },
];

/**
 * The phone-first sampling form (抽样记录): the unit, the product and batch, quantity, the two
 * samplers, the plan line it counts for, and seal photos. With an id it corrects a record before
 * its result is in (更正, with a reason).
 */
export default function SamplingRecordFormPage() {
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const editId = Number(useParams().id) || null;
  const existing = useQuery({ queryKey: ['sampling-record', editId], queryFn: () => samplingApi.get(editId!), enabled: editId !== null });
  const [loaded, setLoaded] = useState<SamplingRecord | null>(null);
  useEffect(() => {
    if (existing.data && !loaded) setLoaded(existing.data);
  }, [existing.data, loaded]);
  const [form] = Form.useForm<Values>();
  const conflict = useConflict();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const entityId = Form.useWatch('entityId', form) ?? loaded?.entityId;
  const category = Form.useWatch('category', form);
  const sampledOn = Form.useWatch('sampledOn', form);
  const year = Number((sampledOn ?? shanghaiToday()).slice(0, 4));
  const samplers = useQuery({
    queryKey: ['samplers', entityId],
    queryFn: () => samplingApi.samplers(entityId!),
    enabled: !!entityId,
  });
  const plans = useQuery({ queryKey: ['sampling-plans', year], queryFn: () => samplingApi.plans(year) });
  const lineOptions = (plans.data ?? []).flatMap((p) =>
    p.lines
      .filter((l) => !category || l.category === category)
      .map((l) => ({ value: l.id, label: `${SAMPLING_LEVELS[p.level]} · ${l.label}（已抽${l.sampled}/${l.planned}批次）` })),
  );

  async function save(v: Values, base = loaded): Promise<void> {
    setBusy(true);
    try {
      const { entityId: _e, reason, ...rest } = v;
      void _e;
      await samplingApi.edit(editId!, { ...rest, planLineId: v.planLineId ?? null, reason: reason ?? '', version: base!.version });
      message.success('已更正');
      await qc.invalidateQueries({ queryKey: ['sampling-record', editId] });
      nav(`/sampling/records/${editId}`);
    } catch (e) {
      if (staleCurrent(e)) setBusy(false);
      if (
        await conflict.handle<SamplingRecord>(e, {
          form,
          fields: FIELDS,
          base,
          mine: v as unknown as Record<string, unknown>,
          values: (r) => ({ ...pickFields(FIELDS, r), samplerIds: r.samplers.map((s) => s.id) }),
          setLoaded,
          retry: (values, current) => save({ ...(values as unknown as Values), reason: v.reason }, current),
        })
      )
        return;
      const msg = applyServerErrors(form, e);
      if (msg) message.error(msg);
    } finally {
      setBusy(false);
    }
  }

  async function submit(v: Values) {
    if (editId !== null) return save(v);
    setBusy(true);
    try {
      const rec = await samplingApi.create({ ...v, entityId: v.entityId!, planLineId: v.planLineId ?? null });
      let failed = 0;
      for (const f of files) {
        await samplingApi.upload(rec.id, 'seal', f.originFileObj as File, f.name).catch((e) => {
          failed++;
          message.error(`${f.name}：${e instanceof ApiError ? e.message : '照片上传失败'}`);
        });
      }
      message.success(failed ? `已录入 ${rec.number}，部分照片未上传` : `已录入 ${rec.number}`);
      await qc.invalidateQueries({ queryKey: ['sampling-records'] });
      nav(`/sampling/records/${rec.id}`);
    } catch (e) {
      const msg = applyServerErrors(form, e);
      if (msg) message.error(msg);
    } finally {
      setBusy(false);
    }
  }

  if (editId !== null && !(existing.data && loaded)) return <Card loading={existing.isLoading}>{existing.error?.message}</Card>;
  const r = editId !== null ? loaded : null;
  if (r && !r.actions.includes('edit')) return <Card title="更正抽样记录">已出检验结果或已撤销的抽样记录不能再更正。</Card>;
  const initial: Partial<Values> = r
    ? {
        entityId: r.entityId,
        category: r.category,
        planLineId: r.planLineId,
        productName: r.productName,
        batchNo: r.batchNo,
        manufacturer: r.manufacturer,
        specification: r.specification ?? undefined,
        quantity: r.quantity,
        quantityUnit: r.quantityUnit,
        samplerIds: r.samplers.map((s) => s.id),
        sampledOn: r.sampledOn,
        note: r.note ?? undefined,
      }
    : { category: 'drug', sampledOn: shanghaiToday(), quantityUnit: '盒', samplerIds: [] };

  return (
    <Card title={r ? `更正抽样记录 ${r.number}` : '录入抽样'} styles={{ body: { padding: 16 } }}>
      {conflict.dialog}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial} style={{ maxWidth: 560 }}>
        <Form.Item name="entityId" label="被抽样单位" rules={[{ required: !r, message: '请选择被抽样单位' }]}>
          {r ? (
            <Input value={r.entityName} disabled />
          ) : (
            <EntityPicker id="entityId" style={{ width: '100%' }} placeholder="输入单位名称搜索" />
          )}
        </Form.Item>
        <Form.Item name="category" label="产品类别" rules={[{ required: true, message: '请选择产品类别' }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            onChange={() => form.setFieldValue('planLineId', null)}
            options={PRODUCT_CATEGORY_KEYS.map((k) => ({ value: k, label: PRODUCT_CATEGORIES[k] }))}
          />
        </Form.Item>
        <Form.Item name="sampledOn" label="抽样日期" rules={[{ required: true, message: '请填写抽样日期' }]}>
          <Input type="date" max={shanghaiToday()} />
        </Form.Item>
        <Form.Item
          name="planLineId"
          label="计入抽检计划"
          extra={lineOptions.length ? undefined : '本年度暂无该类别的抽检计划，将记为计划外抽检'}
        >
          <Select allowClear placeholder="计划外" options={lineOptions} aria-label="计入抽检计划" />
        </Form.Item>
        <Form.Item
          name="productName"
          label="产品名称"
          rules={[{ required: true, whitespace: true, message: '请填写产品名称' }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="batchNo" label="批号" rules={[{ required: true, whitespace: true, message: '请填写批号' }, { max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="manufacturer"
          label="标示生产企业"
          rules={[{ required: true, whitespace: true, message: '请填写标示生产企业' }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="specification" label="规格" rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="quantity"
            label="抽样数量"
            style={{ flex: 1 }}
            rules={[
              { required: true, message: '请填写抽样数量' },
              { type: 'number', min: 1, message: '抽样数量须大于0' },
            ]}
          >
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item
            name="quantityUnit"
            label="单位"
            style={{ width: 100 }}
            rules={[{ required: true, whitespace: true, message: '请填写单位' }]}
          >
            <Input maxLength={10} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="samplerIds" label="抽样人员（不少于2人）" rules={[{ type: 'array', min: 2, message: '抽样人员不得少于2人' }]}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            placeholder={entityId ? '选择抽样人员' : '请先选择被抽样单位'}
            disabled={!entityId}
            options={(samplers.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}）` }))}
            aria-label="抽样人员"
          />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        {r ? (
          <Form.Item name="reason" label="更正原因" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }, { max: 200 }]}>
            <Input />
          </Form.Item>
        ) : (
          <Form.Item label="封样照片">
            <Upload
              listType="picture-card"
              accept="image/jpeg,image/png,image/webp"
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList.slice(0, 9))}
            >
              {files.length < 9 && (
                <div>
                  <CameraOutlined />
                  <div style={{ marginTop: 4 }}>拍照</div>
                </div>
              )}
            </Upload>
          </Form.Item>
        )}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy}>
            {r ? '保存更正' : '提交抽样记录'}
          </Button>
          <Button onClick={() => nav(-1)}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
