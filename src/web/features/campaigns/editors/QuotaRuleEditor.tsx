import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography, type FormInstance } from 'antd';
import { CREDIT_GRADES } from '../../../../contracts/entity-kinds.js';
import { DEFAULT_MIN_GAP_DAYS, QUOTA_SCOPE_CODES } from '../../../../contracts/quota-rules.js';
import { MoveButtons, PercentInput, type Path } from './common.js';
import { at, nextKey, quotaIds } from './keys.js';
import { describeQuota, SCOPE_WORDS } from './quota-summary.js';
import { SelectorEditor } from './SelectorEditor.js';

export interface QuotaContext {
  form: FormInstance;
  /** Short names of the bureau's stations (byStation keys). */
  stations: string[];
  phases: { key: string; name: string }[];
}

const TARGET_TYPES = [
  { value: 'share', label: '比例' },
  { value: 'all', label: '全覆盖' },
  { value: 'count', label: '家数' },
];
const TARGET_DEFAULTS: Record<string, object> = {
  share: { type: 'share', min: 0.5 },
  all: { type: 'all' },
  count: { type: 'count', min: 1 },
};

/** A new rule with a generated id; a sub-quota starts from its parent's kinds and counts per parent. */
const newRule = (form: FormInstance, child: boolean, kinds: string[] = []) => ({
  id: nextKey('q', quotaIds(form.getFieldValue('quotas'))),
  label: '',
  population: kinds.length ? { kinds } : {},
  ...(child ? { target: { ...TARGET_DEFAULTS.count } } : { per: 'station', target: { ...TARGET_DEFAULTS.share } }),
});

/** Per-station overrides of a count (曙光所 → 5): a station from the bureau's org and a number. */
function StationCounts({
  value,
  onChange,
  stations,
}: {
  value?: Record<string, number>;
  onChange?: (v: Record<string, number> | undefined) => void;
  stations: string[];
}) {
  const rows = Object.entries(value ?? {});
  const set = (next: [string, number][]) => onChange?.(next.length ? Object.fromEntries(next) : undefined);
  const free = stations.filter((s) => !(s in (value ?? {})));
  return (
    <div data-testid="station-overrides">
      {rows.map(([s, n], i) => (
        <Space key={s} wrap style={{ display: 'flex', marginBottom: 4 }}>
          <Select
            aria-label="分所"
            style={{ width: 160 }}
            value={s}
            showSearch
            options={[s, ...free].map((x) => ({ value: x, label: x }))}
            onChange={(x: string) => set(rows.map((r, j) => (j === i ? [x, r[1]] : r)))}
          />
          <InputNumber
            aria-label={`${s}家数`}
            min={0}
            max={10_000_000}
            precision={0}
            value={n}
            addonAfter="家"
            onChange={(x) => set(rows.map((r, j) => (j === i ? [r[0], Number(x ?? 0)] : r)))}
          />
          <Button size="small" type="link" danger onClick={() => set(rows.filter((_, j) => j !== i))}>
            删除
          </Button>
        </Space>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} disabled={!free.length} onClick={() => set([...rows, [free[0], 1]])}>
        添加分所指标
      </Button>
    </div>
  );
}

/** Share and visits per credit grade (A级 30% ×1 …); rows only for the grades set. */
function CreditGrades({
  value,
  onChange,
}: {
  value?: Record<string, { share?: number; times?: number }>;
  onChange?: (v: Record<string, { share?: number; times?: number }> | undefined) => void;
}) {
  const rows = Object.entries(value ?? {});
  const set = (next: [string, { share?: number; times?: number }][]) => onChange?.(next.length ? Object.fromEntries(next) : undefined);
  const free = Object.keys(CREDIT_GRADES).filter((g) => !(g in (value ?? {})));
  return (
    <div>
      {rows.map(([g, v], i) => (
        <Space key={g} wrap style={{ display: 'flex', marginBottom: 4 }}>
          <span style={{ width: 110, display: 'inline-block' }}>{CREDIT_GRADES[g as keyof typeof CREDIT_GRADES] ?? g}</span>
          <PercentInput
            aria-label={`${g}级检查比例`}
            value={v.share}
            onChange={(share) => set(rows.map((r, j) => (j === i ? [g, { ...v, share }] : r)))}
          />
          <InputNumber
            aria-label={`${g}级每家次数`}
            min={1}
            max={52}
            precision={0}
            addonAfter="次"
            value={v.times}
            onChange={(t) => set(rows.map((r, j) => (j === i ? [g, { ...v, times: t ?? undefined }] : r)))}
          />
          <Button size="small" type="link" danger onClick={() => set(rows.filter((_, j) => j !== i))}>
            删除
          </Button>
        </Space>
      ))}
      <Select
        size="small"
        style={{ width: 180 }}
        placeholder="添加信用等级"
        value={null}
        disabled={!free.length}
        options={free.map((g) => ({ value: g, label: CREDIT_GRADES[g as keyof typeof CREDIT_GRADES] }))}
        onChange={(g: string) => set([...rows, [g, { share: 1 }]])}
      />
    </div>
  );
}

type Window = { phase?: string; from?: string; to?: string };
/** When inspections count: the whole campaign, one of its phases, or dates. */
function WindowInput({
  value,
  onChange,
  phases,
}: {
  value?: Window;
  onChange?: (v: Window | undefined) => void;
  phases: QuotaContext['phases'];
}) {
  const mode = value?.phase !== undefined ? 'phase' : value?.from !== undefined || value?.to !== undefined ? 'dates' : 'all';
  const dateError = (s?: string) => (s && !DATE_RE.test(s) ? 'error' : undefined);
  return (
    <Space wrap>
      <Radio.Group
        value={mode}
        onChange={(e) =>
          onChange?.(
            e.target.value === 'all' ? undefined : e.target.value === 'phase' ? { phase: phases[0]?.key ?? '' } : { from: '', to: '' },
          )
        }
        options={[
          { value: 'all', label: '整个行动期间' },
          { value: 'phase', label: '某一阶段' },
          { value: 'dates', label: '起止日期' },
        ]}
      />
      {mode === 'phase' && (
        <Select
          aria-label="阶段"
          style={{ width: 160 }}
          value={value?.phase || undefined}
          options={phases.filter((p) => p.key).map((p) => ({ value: p.key, label: p.name || p.key }))}
          onChange={(phase: string) => onChange?.({ phase })}
        />
      )}
      {mode === 'dates' && (
        <>
          <Input
            aria-label="开始日期"
            placeholder="YYYY-MM-DD"
            style={{ width: 130 }}
            status={dateError(value?.from)}
            value={value?.from}
            onChange={(e) => onChange?.({ ...value, from: e.target.value })}
          />
          <Input
            aria-label="结束日期"
            placeholder="YYYY-MM-DD"
            style={{ width: 130 }}
            status={dateError(value?.to)}
            value={value?.to}
            onChange={(e) => onChange?.({ ...value, to: e.target.value })}
          />
        </>
      )}
    </Space>
  );
}
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** One rule: who (population), how many (target), how often, when, and its sub-quotas. */
function QuotaRuleCard({
  name,
  abs,
  depth,
  ctx,
  index,
  count,
  move,
  remove,
}: {
  name: number;
  abs: Path;
  depth: number;
  ctx: QuotaContext;
  index: number;
  count: number;
  move: (a: number, b: number) => void;
  remove: () => void;
}) {
  const { form } = ctx;
  const rule = Form.useWatch((v) => at(v, abs), { form, preserve: true });
  const type = rule?.target?.type;
  const phaseName = (k: string) => ctx.phases.find((p) => p.key === k)?.name || k;
  return (
    <Card
      size="small"
      data-testid="quota-rule"
      style={{ marginBottom: 8, borderLeft: depth ? '3px solid #91caff' : undefined }}
      title={
        <span>
          {depth ? '子指标' : '指标规则'} {index + 1}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="rule-id">
            编号 {rule?.id}
          </Typography.Text>
        </span>
      }
      extra={<MoveButtons index={index} count={count} move={move} remove={remove} what={depth ? '子指标' : '指标规则'} />}
    >
      <Typography.Paragraph type="secondary" data-testid="quota-summary" style={{ marginBottom: 8 }}>
        {rule ? describeQuota(rule, phaseName, depth > 0) : ''}
      </Typography.Paragraph>
      <Form.Item name={[name, 'label']} label="规则说明（方案原文）" rules={[{ required: true, message: '请填写规则说明' }]}>
        <Input placeholder="如 零售药店检查比例不低于50%" />
      </Form.Item>
      <SelectorEditor name={[name, 'population']} abs={[...abs, 'population']} />
      <Row gutter={12}>
        {depth === 0 && (
          <Col xs={24} md={8}>
            <Form.Item name={[name, 'per']} label="计算范围">
              <Select aria-label="计算范围" options={QUOTA_SCOPE_CODES.map((value) => ({ value, label: SCOPE_WORDS[value] }))} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item label="指标类型" style={{ marginBottom: 8 }}>
            <Radio.Group
              optionType="button"
              aria-label="指标类型"
              value={type}
              options={TARGET_TYPES}
              onChange={(e) => form.setFieldValue([...abs, 'target'], { ...TARGET_DEFAULTS[e.target.value as string] })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {type === 'share' && (
            <Form.Item name={[name, 'target', 'min']} label="检查比例不低于" rules={[{ required: true, message: '请填写比例' }]}>
              <PercentInput aria-label="检查比例" />
            </Form.Item>
          )}
          {type === 'count' && (
            <Form.Item name={[name, 'target', 'min']} label="每所不少于（家）" rules={[{ required: true, message: '请填写家数' }]}>
              <InputNumber aria-label="检查家数" min={1} precision={0} />
            </Form.Item>
          )}
        </Col>
      </Row>
      {type === 'count' && (
        <Form.Item name={[name, 'target', 'byStation']} label="分所指标（与上面不同的所）">
          <StationCounts stations={ctx.stations} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'times']} label="每家检查次数">
            <InputNumber min={1} max={52} precision={0} placeholder="1" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'minGapDays']} label="两次间隔（天）">
            <InputNumber min={1} max={365} precision={0} placeholder={String(DEFAULT_MIN_GAP_DAYS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'window']} label="检查时段">
            <WindowInput phases={ctx.phases} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[name, 'byCreditGrade']} label="按信用等级确定比例与频次（可选）">
        <CreditGrades />
      </Form.Item>
      <QuotaRuleList name={[name, 'children']} abs={[...abs, 'children']} depth={depth + 1} ctx={ctx} kinds={rule?.population?.kinds} />
    </Card>
  );
}

function QuotaRuleList({ name, abs, depth, ctx, kinds }: { name: Path; abs: Path; depth: number; ctx: QuotaContext; kinds?: string[] }) {
  return (
    <Form.List name={name}>
      {(fields, ops) => (
        <div style={depth ? { paddingLeft: 8 } : undefined}>
          {fields.map((f) => (
            <QuotaRuleCard
              key={f.key}
              name={f.name}
              abs={[...abs, f.name]}
              depth={depth}
              ctx={ctx}
              index={f.name}
              count={fields.length}
              move={ops.move}
              remove={() => ops.remove(f.name)}
            />
          ))}
          <Button
            type="dashed"
            block={!depth}
            size={depth ? 'small' : undefined}
            icon={<PlusOutlined />}
            onClick={() => ops.add(newRule(ctx.form, depth > 0, depth ? (kinds ?? []) : []))}
          >
            {depth ? '添加子指标（其中…）' : '添加指标规则'}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** The campaign's quota rules (检查指标), edited as forms; rule ids are generated. */
export function QuotaRulesEditor(ctx: QuotaContext) {
  return <QuotaRuleList name={['quotas']} abs={['quotas']} depth={0} ctx={ctx} />;
}
