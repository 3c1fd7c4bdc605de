import { DownloadOutlined, MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  articlesForViolation,
  banLabel,
  CASE_PROCEDURES,
  SUPERVISION_LEVELS,
  penaltyIssues,
  type CaseStatus,
  type CaseView,
  type Penalty,
  type ReferralView,
} from '../../../contracts/cases.js';
import { DEFAULT_VIOLATION_TYPES } from '../../../contracts/checklists/index.js';
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
  type PenaltyArticle,
  type PenaltyArticleKey,
  type TierKey,
} from '../../../contracts/penalty-articles.js';
import { api, ApiError, download } from '../../lib/api.js';
import { staleCurrent } from '../../lib/conflict.js';
import { CaseFactsModal } from './CaseFactsFields.js';

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  proposed: 'gold',
  investigating: 'blue',
  reviewing: 'cyan',
  reviewed: 'geekblue',
  notified: 'purple',
  decided: 'volcano',
  executed: 'green',
  closed: 'default',
  not_filed: 'default',
  not_penalised: 'default',
  revoked: 'default',
};

type Deadline = { date: string; daysLeft: number; overdue: boolean };

/** A due date as a tag: red when late, orange within 7 days. */
export function DeadlineTag({ d, what }: { d: Deadline; what: string }) {
  if (d.overdue)
    return (
      <Tag color="red" style={{ marginInlineStart: 6 }}>
        {what}超期{-d.daysLeft}天
      </Tag>
    );
  if (d.daysLeft <= 7)
    return (
      <Tag color="orange" style={{ marginInlineStart: 6 }}>
        {what}剩{d.daysLeft}天
      </Tag>
    );
  return null;
}

const DOCUMENTS = [
  { key: 'filing', label: '立案审批表', when: (c: CaseView) => !!c.filedOn || c.status === 'proposed' },
  { key: 'decision', label: '行政处罚决定书', when: (c: CaseView) => !!c.penalty },
  { key: 'referral', label: '涉嫌犯罪案件移送书', when: (c: CaseView) => !!c.referral },
  { key: 'typical', label: '典型案例', when: (c: CaseView) => !!c.typical },
] as const;

/** Actions whose form asks for the day of the act. */
const DATED = new Set(['notify', 'decide', 'execute']);
const art = (k: PenaltyArticleKey): PenaltyArticle => PENALTY_ARTICLES[k];
const yuan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
const fmt = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

type Act = { kind: 'case' | 'referral'; action: string; via: string; label: string; noteRequired: boolean };

/** One case: parties, deadlines, allowed actions, the penalty with its range arithmetic, documents, referral. */
export function CaseDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const mobile = !Grid.useBreakpoint().md;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [act, setAct] = useState<Act | null>(null);
  const [editing, setEditing] = useState<'facts' | 'penalty' | 'refer' | 'typical' | 'marks' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseView>(`/api/cases/${id}`), enabled: id !== null });
  const c = q.data;

  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['cases'] }), qc.invalidateQueries({ queryKey: ['case', id] })]);
  async function send(url: string, body: unknown, done: string, method?: string) {
    setBusy(true);
    try {
      await api(url, { body, method });
      message.success(done);
      await refresh();
      return true;
    } catch (e) {
      if (staleCurrent(e)) {
        message.warning('案件已被他人更新，已载入最新情况，请核对后重新操作');
        await refresh();
      } else message.error(e instanceof ApiError ? e.message : '操作失败');
      return false;
    } finally {
      setBusy(false);
    }
  }
  async function doAct() {
    if (!c || !act) return;
    const v = await form.validateFields();
    const ok =
      act.kind === 'case'
        ? await send(
            `/api/cases/${c.id}/${act.via}`,
            { action: act.action, version: c.version, note: v.note?.trim() || undefined, date: fmt(v.date), extendTo: fmt(v.extendTo) },
            `已${act.label}`,
          )
        : await send(
            `/api/referrals/${c.referral!.id}/${act.via}`,
            {
              action: act.action,
              version: c.referral!.version,
              note: v.note?.trim() || undefined,
              policeUnit: v.policeUnit?.trim() || undefined,
            },
            `已${act.label}`,
          );
    if (ok) setAct(null);
  }
  const upload = async (file: File) => {
    if (!c) return false;
    const f = new FormData();
    f.append('file', file, file.name);
    try {
      await api(`/api/cases/${c.id}/files`, { form: f });
      message.success('已上传');
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上传失败');
    }
    return false;
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={c ? `${c.entityName}${c.caseNo ? `（${c.caseNo}）` : ''}` : '案件'}
      size={mobile ? '100%' : 640}
      destroyOnHidden
    >
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      {c && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Space wrap>
            <Tag>{CASE_PROCEDURES[c.procedure]}</Tag>
            <Tag color={CASE_STATUS_COLORS[c.status]} data-testid="case-status">
              {c.statusLabel}
            </Tag>
            {c.supervision && <Tag color="volcano">{c.supervision.levelLabel}挂牌督办</Tag>}
            {c.seriousList && <Tag color="red">严重违法失信名单</Tag>}
          </Space>
          {c.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} />
          ))}
          {(c.actions.length > 0 || Object.values(c.can).some(Boolean)) && (
            <Space wrap>
              {c.actions.map((a) => (
                <Button
                  key={a.action}
                  type={['reject_filing', 'revoke', 'no_penalty', 'return_review'].includes(a.action) ? 'default' : 'primary'}
                  danger={['reject_filing', 'revoke'].includes(a.action)}
                  onClick={() => setAct({ kind: 'case', ...a })}
                >
                  {a.label}
                </Button>
              ))}
              {c.can.editFacts && <Button onClick={() => setEditing('facts')}>修改案情</Button>}
              {c.can.editPenalty && <Button onClick={() => setEditing('penalty')}>{c.penalty ? '修改处罚内容' : '拟定处罚内容'}</Button>}
              {c.can.refer && <Button onClick={() => setEditing('refer')}>提请移送公安</Button>}
              {c.can.marks && <Button onClick={() => setEditing('marks')}>督办、失信与公示登记</Button>}
              {c.can.typical && <Button onClick={() => setEditing('typical')}>{c.typical ? '修改典型案例' : '编写典型案例'}</Button>}
            </Space>
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="案件编号">
              <span data-testid="case-no">{c.caseNo ?? '待批准立案后编号'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="当事人">
              <Link to={`/entities/${c.entityId}`} title="查看监管对象档案">
                {c.entityName}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label="承办单位">{c.stationName}</Descriptions.Item>
            <Descriptions.Item label="违法类型">{c.violationLabel}</Descriptions.Item>
            {c.source && <Descriptions.Item label="案源">{c.source.typeLabel}</Descriptions.Item>}
            <Descriptions.Item label="责任人">
              {c.persons.length ? c.persons.map((p) => `${p.name}（${p.role}）`).join('、') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="货值金额 / 违法所得">{`${yuan(c.goodsValue)} / ${yuan(c.illegalIncome)}`}</Descriptions.Item>
            <Descriptions.Item label="违法行为日期 / 发现日期">{`${c.violationDate} / ${c.discoveredOn}`}</Descriptions.Item>
            <Descriptions.Item label="追责时效">
              {`${c.limitation.years}年，至${c.limitation.expiresOn}`}
              {c.healthHarm && <Tag style={{ marginInlineStart: 6 }}>危害生命健康</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="立案日期">{c.filedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="办案期限">
              {c.decisionDue ? c.decisionDue.date : '—'}
              {c.extension && `（已延长：${c.extension.reason}）`}
              {c.decisionDue && !c.decidedOn && <DeadlineTag d={c.decisionDue} what="" />}
            </Descriptions.Item>
            {c.notifiedOn && <Descriptions.Item label="事先告知送达">{c.notifiedOn}</Descriptions.Item>}
            {c.decidedOn && (
              <Descriptions.Item label="处罚决定">{`${c.decidedOn}${c.decisionNo ? `（${c.decisionNo}）` : ''}`}</Descriptions.Item>
            )}
            {c.publicationDue && (
              <Descriptions.Item label="公示期限">
                {c.publishedOn ? `已于${c.publishedOn}公示` : c.publicationDue.date}
                {!c.publishedOn && <DeadlineTag d={c.publicationDue} what="公示" />}
              </Descriptions.Item>
            )}
            {c.executedOn && <Descriptions.Item label="执行完毕">{c.executedOn}</Descriptions.Item>}
            {c.closedOn && (
              <Descriptions.Item label="结案">{`${c.closedOn}${c.closeReason ? `：${c.closeReason}` : ''}`}</Descriptions.Item>
            )}
            <Descriptions.Item label="案件事实">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.facts}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          {c.legalBasis && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>处罚内容</Typography.Text>
              <Typography.Text>处罚依据：{c.legalBasis}</Typography.Text>
              {c.fine !== null && <Typography.Text>罚款：{yuan(c.fine)}</Typography.Text>}
              {c.rangeLines.map((l) => (
                <Typography.Text key={l} type="secondary" style={{ fontSize: 13 }}>
                  {l}
                </Typography.Text>
              ))}
            </Space>
          )}
          {c.referral && <ReferralBlock r={c.referral} onAct={(a) => setAct({ kind: 'referral', ...a })} />}
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>文书</Typography.Text>
            <Space wrap>
              {DOCUMENTS.filter((d) => d.when(c)).map((d) => (
                <Button
                  key={d.key}
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    download(`/api/cases/${c.id}/documents/${d.key}`, `${d.label}.docx`).catch((e) => message.error(e.message))
                  }
                >
                  {d.label}
                </Button>
              ))}
            </Space>
          </Space>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>证据材料（{c.files.length}）</Typography.Text>
            {c.files.map((f) => (
              <a key={f.id} href={f.url}>
                {f.name}
              </a>
            ))}
            {c.can.addFile && (
              <Upload showUploadList={false} beforeUpload={upload}>
                <Button icon={<UploadOutlined />}>上传证据材料</Button>
              </Upload>
            )}
          </Space>
        </Space>
      )}
      <Modal
        open={act !== null}
        title={act ? `确认${act.label}？` : ''}
        okText={act?.label ?? '确定'}
        cancelText="取消"
        confirmLoading={busy}
        onOk={doAct}
        onCancel={() => setAct(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {act?.kind === 'case' && DATED.has(act.action) && (
            <Form.Item name="date" label="日期（默认今天）">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
          {act?.action === 'extend' && (
            <Form.Item name="extendTo" label="延长至" rules={[{ required: true, message: '请选择延长后的办案期限' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          )}
          {act?.kind === 'referral' && ['send', 'receive', 'police_file', 'police_decline'].includes(act.action) && (
            <Form.Item name="policeUnit" label="公安机关" initialValue={c?.referral?.policeUnit ?? undefined}>
              <Input maxLength={100} />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={act?.noteRequired ? '理由' : '说明（可不填）'}
            rules={act?.noteRequired ? [{ required: true, whitespace: true, message: '请填写理由' }] : []}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      {c && editing === 'penalty' && <PenaltyModal c={c} busy={busy} onClose={() => setEditing(null)} send={send} />}
      {c && editing === 'refer' && (
        <SimpleModal
          title="提请移送公安机关"
          busy={busy}
          onClose={() => setEditing(null)}
          onSave={(v) => send(`/api/cases/${c.id}/referral`, { version: c.version, reason: v.reason }, '已提请移送，待负责人3日内审批')}
        >
          <Form.Item name="reason" label="涉嫌犯罪的事实和理由" rules={[{ required: true, whitespace: true, message: '请填写移送理由' }]}>
            <Input.TextArea rows={5} maxLength={2000} />
          </Form.Item>
        </SimpleModal>
      )}
      {c && editing === 'facts' && <CaseFactsModal c={c} busy={busy} onClose={() => setEditing(null)} send={send} />}
      {c && editing === 'marks' && <MarksModal c={c} busy={busy} onClose={() => setEditing(null)} send={send} />}
      {c && editing === 'typical' && (
        <SimpleModal
          title="典型案例"
          busy={busy}
          initial={c.typical ?? { title: `${c.entityName}${c.violationLabel}案` }}
          onClose={() => setEditing(null)}
          onSave={(v) =>
            send(
              `/api/cases/${c.id}/typical`,
              { ...v, productControl: v.productControl?.trim() || undefined, version: c.version },
              '典型案例已保存',
              'PUT',
            )
          }
        >
          {(
            [
              ['title', '标题', 1, true],
              ['violation', '违法行为', 4, true],
              ['investigation', '调查过程', 4, true],
              ['productControl', '产品控制情况', 3, false],
              ['result', '查办结果', 3, true],
            ] as const
          ).map(([name, label, rows, required]) => (
            <Form.Item
              key={name}
              name={name}
              label={label}
              rules={required ? [{ required, whitespace: true, message: `请填写${label}` }] : []}
            >
              {rows === 1 ? <Input maxLength={200} /> : <Input.TextArea rows={rows} maxLength={3000} />}
            </Form.Item>
          ))}
        </SimpleModal>
      )}
    </Drawer>
  );
}

function ReferralBlock({ r, onAct }: { r: ReferralView; onAct(a: Omit<Act, 'kind'>): void }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>移送公安</Typography.Text>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="状态">
          <Tag>{r.statusLabel}</Tag>
          {r.due && (
            <Tag color={r.due.overdue ? 'red' : 'orange'}>{`${r.due.step}${r.due.overdue ? '已超时' : '时限'} ${when(r.due.at)}`}</Tag>
          )}
        </Descriptions.Item>
        {r.number && <Descriptions.Item label="移送书编号">{r.number}</Descriptions.Item>}
        <Descriptions.Item label="移送理由">{r.reason}</Descriptions.Item>
        <Descriptions.Item label="提请时间">{when(r.proposedAt)}</Descriptions.Item>
        {r.approvedAt && <Descriptions.Item label="批准时间">{when(r.approvedAt)}</Descriptions.Item>}
        {r.sentAt && <Descriptions.Item label="移送时间">{when(r.sentAt)}</Descriptions.Item>}
        {r.policeUnit && <Descriptions.Item label="公安机关">{r.policeUnit}</Descriptions.Item>}
        {r.receivedAt && <Descriptions.Item label="接收时间">{when(r.receivedAt)}</Descriptions.Item>}
        {r.policeDecidedAt && <Descriptions.Item label="公安决定时间">{when(r.policeDecidedAt)}</Descriptions.Item>}
        {r.followUps.length > 0 && (
          <Descriptions.Item label="跟进情况">
            {r.followUps.map((f) => (
              <div key={f.at}>{`${when(f.at)} ${f.by}：${f.note}`}</div>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      {r.actions.length > 0 && (
        <Space wrap>
          {r.actions.map((a) => (
            <Button key={a.action} danger={a.action === 'reject'} onClick={() => onAct(a)}>
              {a.label}
            </Button>
          ))}
        </Space>
      )}
    </Space>
  );
}

function SimpleModal(props: {
  title: string;
  busy: boolean;
  initial?: object;
  onClose(): void;
  onSave(v: Record<string, string | undefined>): Promise<boolean>;
  children: React.ReactNode;
}) {
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={props.title}
      okText="保存"
      cancelText="取消"
      confirmLoading={props.busy}
      destroyOnHidden
      onCancel={props.onClose}
      onOk={async () => {
        const v = await form.validateFields();
        if (await props.onSave(v)) props.onClose();
      }}
    >
      <Form form={form} layout="vertical" initialValues={props.initial}>
        {props.children}
      </Form>
    </Modal>
  );
}

type PenaltyForm = Omit<Penalty, 'mitigation'> & { mitigationKind?: MitigationKind; mitigationReason?: string; mitigationNote?: string };

/** The penalty form: legal basis from the article table, the range arithmetic live, issues shown before saving. */
function PenaltyModal(props: {
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

const dj = (d: string | null | undefined) => (d ? dayjs(d) : undefined);

/** 挂牌督办, 提级查办, 严重违法失信名单 and the publication day (the whole set is saved at once). */
function MarksModal(props: {
  c: CaseView;
  busy: boolean;
  onClose(): void;
  send(url: string, body: unknown, done: string, method?: string): Promise<boolean>;
}) {
  const { c } = props;
  const [form] = Form.useForm();
  const supervised = Form.useWatch('supervised', form) as boolean | undefined;
  const listed = Form.useWatch('listed', form) as boolean | undefined;
  const decided = !!c.decidedOn;
  return (
    <Modal
      open
      title="督办、失信与公示登记"
      okText="保存"
      cancelText="取消"
      confirmLoading={props.busy}
      destroyOnHidden
      onCancel={props.onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const body = {
          version: c.version,
          supervision: v.supervised
            ? { level: v.level, since: fmt(v.since), deadline: fmt(v.deadline), note: v.supNote?.trim() || undefined }
            : null,
          escalatedTo: v.escalatedTo ?? null,
          seriousList: v.listed ? { listedOn: fmt(v.listedOn), until: fmt(v.until), note: v.listNote?.trim() || undefined } : null,
          publishedOn: fmt(v.publishedOn) ?? null,
        };
        if (await props.send(`/api/cases/${c.id}/marks`, body, '已保存', 'PUT')) props.onClose();
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          supervised: !!c.supervision,
          level: c.supervision?.level,
          since: dj(c.supervision?.since),
          deadline: dj(c.supervision?.deadline),
          supNote: c.supervision?.note ?? undefined,
          escalatedTo: c.escalatedTo ?? undefined,
          listed: !!c.seriousList,
          listedOn: dj(c.seriousList?.listedOn),
          until: dj(c.seriousList?.until),
          listNote: c.seriousList?.note ?? undefined,
          publishedOn: dj(c.publishedOn),
        }}
      >
        <Form.Item name="supervised" valuePropName="checked" noStyle>
          <Checkbox>挂牌督办</Checkbox>
        </Form.Item>
        {supervised && (
          <Space wrap style={{ marginTop: 8 }}>
            <Form.Item name="level" label="督办层级" rules={[{ required: true, message: '请选择' }]}>
              <Select style={{ width: 120 }} options={Object.entries(SUPERVISION_LEVELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="since" label="督办日期" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="deadline" label="督办期限" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="supNote" label="督办说明">
              <Input maxLength={500} style={{ width: 240 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="escalatedTo" label="提级查办" style={{ marginTop: 12 }}>
          <Select
            allowClear
            placeholder="未提级"
            style={{ width: 160 }}
            options={Object.entries(SUPERVISION_LEVELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="listed" valuePropName="checked" noStyle>
          <Checkbox disabled={!decided && !c.seriousList}>列入严重违法失信名单{decided ? '' : '（作出处罚决定后）'}</Checkbox>
        </Form.Item>
        {listed && (
          <Space wrap style={{ marginTop: 8 }}>
            <Form.Item name="listedOn" label="列入日期" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="until" label="移出日期">
              <DatePicker style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="listNote" label="说明">
              <Input maxLength={500} style={{ width: 240 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="publishedOn" label="处罚信息公示日期" style={{ marginTop: 12 }}>
          <DatePicker style={{ width: 160 }} disabled={!decided} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
