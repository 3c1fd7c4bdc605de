import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { articlesForViolation, banLabel, penaltyIssues, type CaseView, type Penalty } from '../../../../contracts/cases.js';
import { DEFAULT_VIOLATION_TYPES } from '../../../../contracts/checklists/index.js';
import {
  citePenaltyArticle,
  fineRange,
  MITIGATION_KINDS,
  MITIGATION_REASONS,
  PENALTY_ARTICLE_KEYS,
  PENALTY_ARTICLES,
  personRange,
  TIER_LABELS,
  type MitigationKind,
  type PenaltyArticleKey,
  type TierKey,
} from '../../../../contracts/penalty-articles.js';
import { art } from './format.js';

type PenaltyForm = Omit<Penalty, 'mitigation'> & { mitigationKind?: MitigationKind; mitigationReason?: string; mitigationNote?: string };

/** The penalty form: legal basis from the article table, the range arithmetic live, issues shown before saving. */
export function PenaltyModal(props: {
  c: CaseView;
  busy: boolean;
  onClose(): void;
  send(url: string, body: unknown, done: string, method?: string): Promise<boolean>;
}) {
  const { c } = props;
  const [form] = Form.useForm<PenaltyForm>();
  const p = c.penalty as Penalty | null;
  const suggested = articlesForViolation(DEFAULT_VIOLATION_TYPES.find((v) => v.key === c.violationType)?.articles);
  const initial: Partial<PenaltyForm> = p
    ? {
        ...p,
        mitigationKind: p.mitigation?.kind,
        mitigationReason: p.mitigation?.reason,
        mitigationNote: p.mitigation?.note ?? undefined,
      }
    : {
        article: suggested[0],
        tier: 'base',
        fine: 0,
        confiscatedIncome: c.illegalIncome,
        facts: c.facts,
        persons: c.persons.map((x) => ({ name: x.name, role: x.role, income: 0, incomeConfiscated: 0, fine: 0, banYears: 0 })),
      };
  const v = (Form.useWatch([], form) ?? initial) as Partial<PenaltyForm>;
  const article = v.article as PenaltyArticleKey | undefined;
  const tiers = article ? PENALTY_ARTICLES[article].tiers.map((t) => t.key as TierKey) : [];
  const penalty: Penalty | null =
    article && v.tier
      ? {
          article,
          tier: v.tier,
          warning: !!v.warning,
          fine: v.fine ?? 0,
          confiscateGoods: !!v.confiscateGoods,
          confiscatedIncome: v.confiscatedIncome ?? 0,
          suspend: !!v.suspend,
          revokeLicence: !!v.revokeLicence,
          mitigation:
            v.mitigationKind && v.mitigationReason
              ? {
                  kind: v.mitigationKind,
                  reason: v.mitigationReason as keyof typeof MITIGATION_REASONS,
                  note: v.mitigationNote?.trim() || undefined,
                }
              : null,
          persons: (v.persons ?? [])
            .filter((x) => x && x.name)
            .map((x) => ({
              name: x.name,
              role: x.role ?? '',
              income: x.income ?? 0,
              incomeConfiscated: x.incomeConfiscated ?? 0,
              fine: x.fine ?? 0,
              banYears: x.banYears ?? 0,
            })),
          facts: v.facts?.trim() || undefined,
        }
      : null;
  const range = article && v.tier ? fineRange(article, v.tier, c.goodsValue) : null;
  const issues = penalty ? penaltyIssues(penalty, { goodsValue: c.goodsValue, procedure: c.procedure }) : [];
  const needMitigation = !!range?.applies && (v.fine ?? 0) < range.min && (v.fine ?? 0) > 0;
  const tierKinds = new Set<string>(article && v.tier ? (PENALTY_ARTICLES[article].tiers.find((t) => t.key === v.tier)?.kinds ?? []) : []);
  const articleOptions = (keys: readonly PenaltyArticleKey[]): { value: string; label: string }[] =>
    keys.map((k) => ({
      value: k,
      label: `${citePenaltyArticle(k)} ${PENALTY_ARTICLES[k].violation}${art(k).pending ? '（待核）' : ''}`,
    }));
  const others = PENALTY_ARTICLE_KEYS.filter((k) => !suggested.includes(k));

  return (
    <Modal
      open
      width={720}
      title="拟定处罚内容"
      okText="保存"
      cancelText="取消"
      confirmLoading={props.busy}
      okButtonProps={{ disabled: !penalty || issues.length > 0 }}
      destroyOnHidden
      onCancel={props.onClose}
      onOk={async () => {
        await form.validateFields();
        if (!penalty) return;
        if (await props.send(`/api/cases/${c.id}/penalty`, { ...penalty, version: c.version }, '处罚内容已保存', 'PUT')) props.onClose();
      }}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="article" label="处罚依据（罚则条款）" rules={[{ required: true, message: '请选择处罚依据' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            onChange={() => form.setFieldValue('tier', 'base')}
            options={[
              ...(suggested.length ? [{ label: '本违法类型适用', options: articleOptions(suggested) }] : []),
              { label: suggested.length ? '其他罚则' : '全部罚则', options: articleOptions(others) },
            ]}
          />
        </Form.Item>
        {article && art(article).pending && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`待核：${art(article).pending}`} />
        )}
        <Form.Item name="tier" label="情形" rules={[{ required: true, message: '请选择情形' }]}>
          <Select options={tiers.map((t) => ({ value: t, label: TIER_LABELS[t] }))} />
        </Form.Item>
        {range && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title="罚款幅度计算"
            description={range.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          />
        )}
        <Space wrap>
          {(
            [
              ['warning', 'warning', '警告'],
              ['confiscateGoods', 'confiscate_goods', '没收违法生产经营的产品'],
              ['suspend', 'suspend', '责令停产停业'],
              ['revokeLicence', 'revoke', '吊销许可证件'],
            ] as const
          ).map(([name, kind, label]) => (
            <Form.Item key={name} name={name} valuePropName="checked" noStyle>
              <Checkbox disabled={!tierKinds.has(kind) && !v[name]}>{label}</Checkbox>
            </Form.Item>
          ))}
        </Space>
        <Space wrap style={{ marginTop: 12 }}>
          <Form.Item name="fine" label="罚款（元）">
            <InputNumber min={0} precision={2} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="confiscatedIncome" label="没收违法所得（元）">
            <InputNumber min={0} precision={2} style={{ width: 170 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item
            name="mitigationKind"
            label="裁量情形"
            rules={needMitigation ? [{ required: true, message: '罚款低于法定下限，须选择减轻处罚' }] : []}
          >
            <Select
              allowClear
              style={{ width: 150 }}
              onChange={() => form.setFieldValue('mitigationReason', undefined)}
              options={Object.entries(MITIGATION_KINDS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item
            name="mitigationReason"
            label="裁量理由"
            style={{ minWidth: 220, flex: 1 }}
            rules={v.mitigationKind ? [{ required: true, message: '请选择裁量理由' }] : []}
          >
            <Select
              allowClear
              disabled={!v.mitigationKind}
              style={{ width: '100%', maxWidth: 420 }}
              options={Object.entries(MITIGATION_REASONS)
                .filter(([, r]) => !v.mitigationKind || (r.kinds as readonly string[]).includes(v.mitigationKind))
                .map(([value, r]) => ({ value, label: `${r.text}（${r.basis}）` }))}
            />
          </Form.Item>
        </Space>
        {v.mitigationKind && (
          <Form.Item name="mitigationNote" label="裁量说明">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        <Typography.Text strong>处罚到人</Typography.Text>
        <Form.List name="persons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const x = v.persons?.[f.name];
                const r = article && v.tier ? personRange(article, v.tier, x?.income ?? 0) : null;
                return (
                  <div key={f.key} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
                    <Space wrap align="start">
                      <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, message: '请填写姓名' }]}>
                        <Input placeholder="姓名" maxLength={50} style={{ width: 100 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'role']} noStyle rules={[{ required: true, message: '请填写职务' }]}>
                        <Input placeholder="职务" maxLength={50} style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'income']} noStyle>
                        <InputNumber min={0} precision={2} placeholder="所获收入（元）" prefix="所获收入" style={{ width: 150 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'incomeConfiscated']} noStyle>
                        <InputNumber min={0} precision={2} placeholder="没收收入（元）" prefix="没收收入" style={{ width: 150 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'fine']} noStyle>
                        <InputNumber min={0} precision={2} placeholder="罚款（元）" prefix="罚款" style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'banYears']} noStyle>
                        <Select
                          style={{ width: 130 }}
                          options={[0, 1, 2, 3, 5, 10, 99].map((n) => ({ value: n, label: n ? `从业禁止${banLabel(n)}` : '不禁止从业' }))}
                        />
                      </Form.Item>
                      <MinusCircleOutlined aria-label="删除" onClick={() => remove(f.name)} style={{ marginTop: 8 }} />
                    </Space>
                    {r && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                        {r.lines.join('；')}
                      </Typography.Text>
                    )}
                  </div>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                style={{ marginTop: 8 }}
                onClick={() => add({ income: 0, fine: 0, banYears: 0 })}
              >
                添加责任人
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="facts" label="违法事实（决定书表述）" style={{ marginTop: 12 }}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        {issues.length > 0 && (
          <Alert
            type="error"
            showIcon
            title="尚不能保存"
            description={issues.map((i) => (
              <div key={i.path + i.message}>{i.message}</div>
            ))}
          />
        )}
      </Form>
    </Modal>
  );
}
