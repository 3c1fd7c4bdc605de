import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import {
  OBLIGATION_EVENTS,
  WEEKDAY_LABELS,
  describeRule,
  dueDates,
  obligationWindow,
  type DeadlineRule,
} from '../../../../contracts/campaigns.js';
import { FORM_TYPES, REVIEW_STEPS, SUBMITTER_LEVELS } from '../../../../contracts/campaign-labels.js';
import { DATE, ListCard, dateInput, type Path } from './common.js';
import { at, nextKey } from './keys.js';

const TIME = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '时间格式须为 HH:mm（如 17:00）' };

/** The inputs of a deadline rule's fields, by field name. */
const RULE_FIELDS: Record<string, (name: Path) => ReactNode> = {
  once: (n) => (
    <Form.Item key="once" name={[...n, 'once']} label="报送日期" rules={[DATE, { required: true, message: '请填写日期' }]}>
      {dateInput}
    </Form.Item>
  ),
  weekday: (n) => (
    <Form.Item key="weekday" name={[...n, 'weekday']} label="星期">
      <Select
        style={{ width: 90 }}
        placeholder="方案未定"
        allowClear
        options={WEEKDAY_LABELS.slice(1).map((label, i) => ({ value: i + 1, label }))}
      />
    </Form.Item>
  ),
  monthOfQuarter: (n) => (
    <Form.Item key="monthOfQuarter" name={[...n, 'monthOfQuarter']} label="季度第几个月">
      <InputNumber min={1} max={3} precision={0} placeholder="1–3" />
    </Form.Item>
  ),
  day: (n) => (
    <Form.Item key="day" name={[...n, 'day']} label="日">
      <InputNumber min={1} max={31} precision={0} addonAfter="日" placeholder="方案未定" />
    </Form.Item>
  ),
  lastDayIfShort: (n) => (
    <Form.Item key="lastDayIfShort" name={[...n, 'lastDayIfShort']} label="短月取月末" valuePropName="checked">
      <Switch />
    </Form.Item>
  ),
  workdaysOnly: (n) => (
    <Form.Item key="workdaysOnly" name={[...n, 'workdaysOnly']} label="仅工作日" valuePropName="checked">
      <Switch />
    </Form.Item>
  ),
  time: (n) => (
    <Form.Item key="time" name={[...n, 'time']} label="时间（前）" rules={[TIME]}>
      <Input placeholder="23:59" style={{ width: 80 }} />
    </Form.Item>
  ),
  event: (n) => (
    <Form.Item key="event" name={[...n, 'event']} label="触发事件" rules={[{ required: true, message: '请选择触发事件' }]}>
      <Select
        aria-label="触发事件"
        style={{ minWidth: 220 }}
        options={Object.entries(OBLIGATION_EVENTS).map(([value, label]) => ({ value, label }))}
      />
    </Form.Item>
  ),
  withinHours: (n) => (
    <Form.Item key="withinHours" name={[...n, 'withinHours']} label="时限">
      <InputNumber aria-label="时限（小时）" min={1} max={8760} precision={0} addonAfter="小时内" placeholder="方案未定" />
    </Form.Item>
  ),
  within: (n) => (
    <Space key="within" wrap>
      <Form.Item name={[...n, 'within', 'from']} label="窗口开始" rules={[DATE]}>
        {dateInput}
      </Form.Item>
      <Form.Item name={[...n, 'within', 'to']} label="窗口结束" rules={[DATE]}>
        {dateInput}
      </Form.Item>
    </Space>
  ),
};

/**
 * Deadline rule types (contracts/deadline-rules.ts) with their Chinese names, how a rule is
 * recognised, a fresh rule of the type, and its fields: a new rule type is one more row.
 */
export const RULE_TYPES: { value: string; label: string; is: (r: DeadlineRule) => boolean; fresh: DeadlineRule; fields: string[] }[] = [
  {
    value: 'week',
    label: '每周（星期几、几点前）',
    is: (r) => r.every === 'week',
    fresh: { every: 'week', weekday: 5, time: '17:00' },
    fields: ['weekday', 'time', 'within'],
  },
  {
    value: 'month',
    label: '每月（几日前）',
    is: (r) => r.every === 'month',
    fresh: { every: 'month', day: 5 },
    fields: ['day', 'lastDayIfShort', 'time', 'within'],
  },
  {
    value: 'quarter',
    label: '每季度（第几个月几日前）',
    is: (r) => r.every === 'quarter',
    fresh: { every: 'quarter', monthOfQuarter: 1, day: 5 },
    fields: ['monthOfQuarter', 'day', 'time', 'within'],
  },
  {
    value: 'day',
    label: '每日（时间窗口内）',
    is: (r) => r.every === 'day',
    fresh: { every: 'day', time: '15:00' },
    fields: ['time', 'workdaysOnly', 'within'],
  },
  { value: 'once', label: '固定日期（一次）', is: (r) => !!r.once, fresh: { once: '' }, fields: ['once', 'time'] },
  { value: 'adHoc', label: '随时报送（无固定期限）', is: (r) => !!r.adHoc, fresh: { adHoc: true }, fields: [] },
  {
    value: 'event',
    label: '事件触发（发生后几小时内）',
    is: (r) => r.type === 'event',
    fresh: { type: 'event', event: 'serious_finding', withinHours: 24 },
    fields: ['event', 'withinHours'],
  },
];

/** The next three due dates from today (or the first three when all are past), by the shared `dueDates`. */
function DuePreview({
  value: rule,
  definition,
}: {
  value?: DeadlineRule;
  definition: { period?: { from: string; to: string; reportingUntil?: string }; issuedOn?: string };
}) {
  if (!rule) return null;
  const { window, missing } = obligationWindow(definition as never, rule);
  let text: string;
  if (rule.adHoc) text = '随时报送，不生成日期';
  else if (rule.type === 'event')
    text = rule.withinHours == null ? '方案未定：时限（小时）' : `不生成日期：每次事件发生后${rule.withinHours}小时内`;
  else if (!window) text = `方案未定：${missing.join('、')}`;
  else {
    try {
      const all = dueDates({ ...rule, workdaysOnly: undefined }, window);
      const today = shanghaiToday();
      const next = all.filter((d) => d.date >= today);
      const shown = (next.length ? next : all).slice(0, 3);
      text = shown.length
        ? `${next.length ? '接下来' : '前'}${shown.length}次：${shown.map((d) => `${d.date} ${d.time}`).join('，')}${rule.workdaysOnly ? '（节假日按日历顺延，保存后计算）' : ''}`
        : '行动期间内一次也不会发生';
    } catch {
      text = '规则尚未填写完整';
    }
  }
  return (
    <Typography.Text type="secondary" data-testid="due-preview">
      {describeRule(rule)}　{text}
    </Typography.Text>
  );
}

function ObligationFields({
  name,
  abs,
  form,
  units,
  tables,
}: {
  name: number;
  abs: Path;
  form: FormInstance;
  units: string[];
  tables: { value: string; label: string }[];
}) {
  const rule = Form.useWatch((v) => at(v, [...abs, 'rule']), { form, preserve: true }) as DeadlineRule | undefined;
  const def = Form.useWatch((v) => ({ period: v.period, issuedOn: v.issuedOn }), { form, preserve: true });
  const formType = Form.useWatch((v) => at(v, [...abs, 'form', 'type']), { form, preserve: true });
  const type = RULE_TYPES.find((t) => rule && t.is(rule));
  const unitOptions = units.map((u) => ({ value: u, label: u }));
  // Levels of the tree (every unit of that level submits on its own), then the bureau's named units.
  const submitterOptions = [
    {
      label: '按层级（每个单位各自报送）',
      options: Object.entries(SUBMITTER_LEVELS).map(([value, title]) => ({ value, label: value, title })),
    },
    { label: '本局单位', options: unitOptions.filter((o) => !(o.value in SUBMITTER_LEVELS)) },
  ];
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'label']} label="报送任务名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input placeholder="如 每月工作进展报送" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="报送时限">
            <Select
              aria-label="报送时限类型"
              value={type?.value}
              placeholder="选择时限类型"
              options={RULE_TYPES.map(({ value, label }) => ({ value, label }))}
              onChange={(v: string) => form.setFieldValue([...abs, 'rule'], { ...RULE_TYPES.find((t) => t.value === v)!.fresh })}
            />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap align="start">
        {(type?.fields ?? []).map((f) => RULE_FIELDS[f]([name, 'rule']))}
      </Space>
      <Form.Item name={[name, 'rule']} style={{ marginBottom: 8 }}>
        <DuePreview definition={def ?? {}} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'submitters']} label="报送单位" rules={[{ required: true, message: '请指定报送单位' }]}>
            <Select mode="tags" aria-label="报送单位" options={submitterOptions} placeholder="选择层级或本局单位" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[name, 'recipient']} label="接收单位（本局）">
            <Select showSearch allowClear options={unitOptions} placeholder="选择本局单位" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[name, 'externalRecipient']} label="或局外接收方">
            <Input placeholder="如 市局执法稽查局" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[name, 'form', 'type']} label="报送形式">
            <Select options={Object.entries(FORM_TYPES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        {(formType === 'table' || formType === 'risk_list') && (
          <Col xs={24} md={6}>
            <Form.Item name={[name, 'form', 'table']} label="统计表">
              <Select options={tables} placeholder="选择本方案的统计表" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'review']} label="审核环节">
            <Checkbox.Group options={Object.entries(REVIEW_STEPS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name={[name, 'stampedScan']} label="需盖章扫描件" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[name, 'note']} label="备注">
        <Input />
      </Form.Item>
    </>
  );
}

/** Report obligations (报送任务): deadline rule by type with the next due dates, who submits to whom, in what form. */
export function ObligationEditor({ form, units }: { form: FormInstance; units: string[] }) {
  const tables = (Form.useWatch('tables', { form, preserve: true }) ?? []) as { key?: string; label?: string }[];
  const tableOptions = tables.filter((t) => t?.key).map((t) => ({ value: t.key!, label: t.label || t.key! }));
  return (
    <ListCard
      name="obligations"
      title="报送任务"
      add={() => ({
        key: nextKey(
          'o',
          (form.getFieldValue('obligations') ?? []).map((o: { key?: string }) => o?.key),
        ),
        label: '',
        rule: { every: 'month', day: 5 },
        submitters: ['各市场监管所'],
        form: { type: 'narrative' },
      })}
    >
      {(f) => <ObligationFields name={f.name} abs={['obligations', f.name]} form={form} units={units} tables={tableOptions} />}
    </ListCard>
  );
}
