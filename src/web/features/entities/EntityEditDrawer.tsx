import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Drawer, Form, Input, Row, Select, Switch } from 'antd';
import { CREDIT_GRADES, DEVICE_LEVELS, ENTITY_KINDS, ENTITY_STATUSES, ENTITY_TAGS, MEDICAL_GRADES, RISK_LEVELS } from '../../../contracts/entity-kinds.js';
import { isValidCreditCode } from '../../../contracts/credit-code.js';
import type { EntityDetail } from '../../../contracts/entities.js';
import { api, ApiError } from '../../lib/api.js';
import { options } from './labels.js';

/** Edit a unit's attributes (licences and placement stay as they are; re-import changes them in bulk). */
export function EntityEditDrawer({ entity, open, onClose }: { entity: EntityDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form) ?? entity.kind;
  async function save(v: Record<string, unknown>) {
    const body = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' || x === undefined ? null : x]));
    try {
      const next = await api<EntityDetail>(`/api/entities/${entity.id}`, { method: 'PATCH', body: { ...body, tags: v.tags ?? [], familyPlanning: !!v.familyPlanning } });
      qc.setQueryData(['entity', String(entity.id)], next);
      await qc.invalidateQueries({ queryKey: ['entity', String(entity.id), 'timeline'] });
      await qc.invalidateQueries({ queryKey: ['entities'] });
      message.success('已保存');
      onClose();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }
  const half = { xs: 24, sm: 12 };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title="修改监管对象"
      width={560}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      <Form form={form} layout="vertical" initialValues={entity} onFinish={save}>
        <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请输入单位名称' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          rules={[{ validator: async (_, v) => (!v || isValidCreditCode(v) ? undefined : Promise.reject(new Error('统一社会信用代码校验不通过'))) }]}
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
        <Form.Item name="tags" label="标签">
          <Select mode="multiple" options={options(ENTITY_TAGS)} />
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
