import { Button, Card, Col, Form, Row, Select, Switch } from 'antd';
import { useState, type ReactNode } from 'react';
import { CREDIT_GRADES, DEVICE_LEVELS, ENTITY_TAGS, MEDICAL_GRADES, RISK_LEVELS } from '../../../../contracts/entity-kinds.js';
import { PRODUCTS } from '../../../../contracts/products.js';
import { KindSelect } from '../fields.js';
import { ListCard, type Path } from './common.js';
import { at } from './keys.js';

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const multi = (o: Record<string, string>, placeholder: string) => (
  <Select mode="multiple" allowClear options={options(o)} placeholder={placeholder} optionFilterProp="label" />
);

/**
 * The fields of an entity selector (contracts/quota-rules.ts), one row per key: a new selector key
 * (e.g. 重点产品) is one more row here and in `describeSelector` (quota-summary.ts).
 */
export const SELECTOR_FIELDS: { key: string; label: string; input: () => ReactNode; checked?: boolean; wide?: boolean }[] = [
  { key: 'kinds', label: '对象类型', input: () => <KindSelect />, wide: true },
  { key: 'tagsAny', label: '对象标签（任一）', input: () => multi(ENTITY_TAGS, '如 高风险、城乡接合部') },
  { key: 'medicalGrades', label: '医疗机构级别', input: () => multi(MEDICAL_GRADES, '不限') },
  { key: 'deviceLevels', label: '器械经营监管级别', input: () => multi(DEVICE_LEVELS, '不限') },
  { key: 'riskLevels', label: '风险等级', input: () => multi(RISK_LEVELS, '不限') },
  { key: 'creditGrades', label: '信用等级', input: () => multi(CREDIT_GRADES, '不限') },
  { key: 'productsAny', label: '经营品种（任一）', input: () => multi(PRODUCTS, '如 感冒药、疫苗') },
  { key: 'familyPlanning', label: '经营计划生育用品', input: () => <Switch />, checked: true },
];

/** 对象类型 always; the other conditions when set or asked for (a phone shows seven selects otherwise). */
function SelectorFields({ name, abs }: { name: Path; abs: Path }) {
  const form = Form.useFormInstance();
  const value = Form.useWatch((v) => at(v, abs), { form, preserve: true }) as Record<string, unknown> | undefined;
  const [more, setMore] = useState(false);
  const set = (k: string) => {
    const v = value?.[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null;
  };
  const shown = SELECTOR_FIELDS.filter((f) => f.key === 'kinds' || more || set(f.key));
  return (
    <Row gutter={12}>
      {shown.map((f) => (
        <Col key={f.key} xs={24} md={f.wide ? 24 : f.checked ? 8 : 12}>
          <Form.Item name={[...name, f.key]} label={f.label} valuePropName={f.checked ? 'checked' : 'value'}>
            {f.input()}
          </Form.Item>
        </Col>
      ))}
      {shown.length < SELECTOR_FIELDS.length && (
        <Col span={24} style={{ marginTop: -8, marginBottom: 8 }}>
          <Button
            size="small"
            type="link"
            style={{ padding: 0, whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
            onClick={() => setMore(true)}
          >
            更多条件（标签、品种、风险、信用…）
          </Button>
        </Col>
      )}
    </Row>
  );
}

/** Which units a rule covers, and the sub-populations left out (除外), each a selector of its own. */
export function SelectorEditor({ name, abs }: { name: Path; abs: Path }) {
  return (
    <>
      <SelectorFields name={name} abs={abs} />
      <ListCard name={[...name, 'exclude']} title="除外" compact add={() => ({})} cardTitle={(i) => `除外 ${i + 1}`}>
        {(f) => (
          <Card size="small" variant="borderless" styles={{ body: { padding: 0 } }}>
            <SelectorFields name={[f.name]} abs={[...abs, 'exclude', f.name]} />
          </Card>
        )}
      </ListCard>
    </>
  );
}
