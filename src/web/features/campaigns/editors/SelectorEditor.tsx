import { Card, Col, Form, Row, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { CREDIT_GRADES, DEVICE_LEVELS, ENTITY_TAGS, MEDICAL_GRADES, RISK_LEVELS } from '../../../../contracts/entity-kinds.js';
import { KindSelect } from '../fields.js';
import { ListCard, type Path } from './common.js';

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
  { key: 'familyPlanning', label: '经营计划生育用品', input: () => <Switch />, checked: true },
];

function SelectorFields({ name }: { name: Path }) {
  return (
    <Row gutter={12}>
      {SELECTOR_FIELDS.map((f) => (
        <Col key={f.key} xs={24} md={f.wide ? 24 : f.checked ? 8 : 12}>
          <Form.Item name={[...name, f.key]} label={f.label} valuePropName={f.checked ? 'checked' : 'value'}>
            {f.input()}
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** Which units a rule covers, and the sub-populations left out (除外), each a selector of its own. */
export function SelectorEditor({ name }: { name: Path }) {
  return (
    <>
      <SelectorFields name={name} />
      <ListCard name={[...name, 'exclude']} title="除外" add={() => ({ kinds: [] })} cardTitle={(i) => `除外 ${i + 1}`}>
        {(f) => (
          <Card size="small" variant="borderless" styles={{ body: { padding: 0 } }}>
            <SelectorFields name={[f.name]} />
          </Card>
        )}
      </ListCard>
    </>
  );
}
