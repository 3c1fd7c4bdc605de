import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  CREDIT_GRADES,
  DEVICE_LEVELS,
  ENTITY_KINDS,
  ENTITY_STATUSES,
  ENTITY_TAGS,
  MEDICAL_GRADES,
  RISK_LEVELS,
} from '../../../contracts/entity-kinds.js';
import { isValidCreditCode } from '../../../contracts/credit-code.js';
import { DEFAULT_LICENCE, LICENCE_KINDS, type EntityDetail } from '../../../contracts/entities.js';
import type { Jurisdiction, OrgUnit } from '../../../contracts/org.js';
import { PRODUCTS } from '../../../contracts/products.js';
import { api, ApiError, qs } from '../../lib/api.js';
import { pickFields, staleCurrent, useConflict, type ConflictField } from '../../lib/conflict.js';
import { options } from './labels.js';

const label = (labels: Record<string, string>) => (v: unknown) =>
  (Array.isArray(v) ? v : [v]).map((x) => labels[String(x)] ?? String(x)).join('、');
const KIND_LABELS = Object.fromEntries(ENTITY_KINDS.map((k) => [k.code, k.label]));
/** The form's fields, for the "已被他人修改" comparison. */
const FIELDS: ConflictField[] = [
  { name: 'name', label: '单位名称' },
  { name: 'creditCode', label: '统一社会信用代码' },
  { name: 'kind', label: '主体类型', format: label(KIND_LABELS) },
  { name: 'status', label: '经营状态', format: label(ENTITY_STATUSES) },
  { name: 'medicalGrade', label: '医疗机构等级', format: label(MEDICAL_GRADES) },
  { name: 'deviceLevel', label: '医疗器械监管级别', format: label(DEVICE_LEVELS) },
  { name: 'familyPlanning', label: '经营计划生育类产品' },
  { name: 'riskLevel', label: '风险等级', format: label(RISK_LEVELS) },
  { name: 'creditGrade', label: '信用等级', format: label(CREDIT_GRADES) },
  { name: 'tags', label: '标签', format: label(ENTITY_TAGS) },
  { name: 'products', label: '经营品种', format: label(PRODUCTS) },
  { name: 'address', label: '地址' },
  { name: 'legalRepresentative', label: '法定代表人' },
  { name: 'personInCharge', label: '负责人' },
  { name: 'qualityManager', label: '质量负责人/执业药师' },
  { name: 'phone', label: '联系电话' },
];
const formValues = (e: EntityDetail) => pickFields(FIELDS, e);

/**
 * Register a unit (no `entity`) or edit one. Editing keeps licences and placement as they are;
 * a re-import changes them in bulk. An edit saves against the version it loaded; when someone
 * else saved in between, the conflict dialog shows both and saves the merge against the new one.
 */
export function EntityEditDrawer({ entity, open, onClose }: { entity?: EntityDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const nav = useNavigate();
  const { message } = App.useApp();
  const conflict = useConflict();
  /** The record as this form loaded it (values and version); moves on when a conflict is resolved. */
  const [loaded, setLoaded] = useState(entity);
  const kind = Form.useWatch('kind', form) ?? entity?.kind;
  const station = Form.useWatch('jurisdictionId', form);
  const stations = useQuery({
    queryKey: ['org-units', 'stations'],
    queryFn: () => api<OrgUnit[]>('/api/org-units'),
    select: (units) => units.filter((u) => u.kind === 'station'),
    enabled: !entity,
  });
  const townships = useQuery({
    queryKey: ['jurisdictions', String(station)],
    queryFn: () => api<Jurisdiction[]>(`/api/jurisdictions${qs({ parentId: station })}`),
    enabled: !entity && !!station,
  });
  async function save(v: Record<string, unknown>, base = loaded) {
    const { licenceNumber, licenceValidTo, ...rest } = v as Record<string, any>;
    const body = Object.fromEntries(Object.entries(rest).map(([k, x]) => [k, x === '' || x === undefined ? null : x]));
    Object.assign(body, { tags: v.tags ?? [], products: v.products ?? [], familyPlanning: !!v.familyPlanning });
    try {
      if (!entity) {
        const licences = licenceNumber
          ? [
              {
                kind: DEFAULT_LICENCE[v.kind as keyof typeof DEFAULT_LICENCE],
                number: licenceNumber,
                validTo: licenceValidTo ? (licenceValidTo as Dayjs).format('YYYY-MM-DD') : null,
              },
            ]
          : [];
        const created = await api<EntityDetail>('/api/entities', {
          body: { ...body, licences, riskLevel: body.riskLevel ?? 'low', status: body.status ?? 'operating' },
        });
        await qc.invalidateQueries({ queryKey: ['entities'] });
        message.success('已登记');
        onClose();
        nav(`/entities/${created.id}`);
        return;
      }
      const next = await api<EntityDetail>(`/api/entities/${entity.id}`, { method: 'PATCH', body: { ...body, version: base!.version } });
      qc.setQueryData(['entity', String(entity.id)], next);
      await qc.invalidateQueries({ queryKey: ['entity', String(entity.id), 'timeline'] });
      await qc.invalidateQueries({ queryKey: ['entities'] });
      message.success('已保存');
      onClose();
    } catch (e) {
      const current = staleCurrent<EntityDetail>(e);
      if (current) qc.setQueryData(['entity', String(current.id)], current);
      if (await conflict.handle<EntityDetail>(e, { form, fields: FIELDS, base, mine: v, values: formValues, setLoaded, retry: save }))
        return;
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }
  const half = { xs: 24, sm: 12 };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={entity ? '修改监管对象' : '新增监管对象'}
      width={560}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      {conflict.dialog}
      <Form
        form={form}
        layout="vertical"
        initialValues={entity ?? { status: 'operating', riskLevel: 'low', tags: [], products: [] }}
        onFinish={(v) => save(v)}
      >
        <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请输入单位名称' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          rules={[
            {
              validator: async (_, v) => (!v || isValidCreditCode(v) ? undefined : Promise.reject(new Error('统一社会信用代码校验不通过'))),
            },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="kind" label="主体类型" rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={ENTITY_KINDS.map((k) => ({ value: k.code, label: k.label }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="status" label="经营状态">
              <Select options={options(ENTITY_STATUSES)} />
            </Form.Item>
          </Col>
          {kind === 'medical_institution' && (
            <Col {...half}>
              <Form.Item name="medicalGrade" label="医疗机构等级">
                <Select allowClear options={options(MEDICAL_GRADES)} />
              </Form.Item>
            </Col>
          )}
          {kind === 'device_dealer' && (
            <>
              <Col {...half}>
                <Form.Item name="deviceLevel" label="医疗器械监管级别">
                  <Select allowClear options={options(DEVICE_LEVELS)} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="familyPlanning" label="经营计划生育类产品" valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            </>
          )}
          <Col {...half}>
            <Form.Item name="riskLevel" label="风险等级">
              <Select options={options(RISK_LEVELS)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="creditGrade" label="信用等级">
              <Select allowClear options={options(CREDIT_GRADES)} />
            </Form.Item>
          </Col>
        </Row>
        {!entity && (
          <Row gutter={12}>
            <Col {...half}>
              <Form.Item name="jurisdictionId" label="所属监管所" rules={[{ required: true, message: '请选择监管所' }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={stations.isLoading}
                  options={(stations.data ?? []).map((s) => ({ value: s.jurisdictionId, label: s.shortName ?? s.name }))}
                  onChange={() => form.setFieldValue('townshipId', undefined)}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="townshipId" label="乡镇（街道）">
                <Select allowClear options={(townships.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="licenceNumber"
                label={kind ? `${LICENCE_KINDS[DEFAULT_LICENCE[kind as keyof typeof DEFAULT_LICENCE]]}编号` : '许可证编号'}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="licenceValidTo" label="许可证有效期至">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="tags" label="标签">
          <Select mode="multiple" options={options(ENTITY_TAGS)} />
        </Form.Item>
        <Form.Item name="products" label="经营品种">
          <Select mode="multiple" allowClear options={options(PRODUCTS)} optionFilterProp="label" placeholder="如 感冒药、疫苗" />
        </Form.Item>
        <Form.Item name="address" label="地址" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="legalRepresentative" label="法定代表人">
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="personInCharge" label="负责人">
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="qualityManager" label="质量负责人/执业药师">
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label="联系电话" rules={[{ pattern: /^[0-9+\-()（）、,，/ ]*$/, message: '电话格式错误' }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
