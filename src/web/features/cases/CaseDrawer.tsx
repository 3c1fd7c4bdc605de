import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Space, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CASE_PROCEDURES, type CaseStatus, type CaseView } from '../../../contracts/cases.js';
import { api, ApiError, download } from '../../lib/api.js';
import { CaseFactsModal } from './CaseFactsFields.js';
import { yuan, fmt, type Act } from './drawer/format.js';
import { ReferralBlock } from './drawer/ReferralBlock.js';
import { SimpleModal } from './drawer/SimpleModal.js';
import { PenaltyModal } from './drawer/PenaltyModal.js';
import { MarksModal } from './drawer/MarksModal.js';
import { useMobile } from '../../lib/screens.js';
import { useSubmit } from '../../lib/submit.js';

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

/** One case: parties, deadlines, allowed actions, the penalty with its range arithmetic, documents, referral. */
export function CaseDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const mobile = useMobile();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [act, setAct] = useState<Act | null>(null);
  const [editing, setEditing] = useState<'facts' | 'penalty' | 'refer' | 'typical' | 'marks' | null>(null);
  const { busy, run } = useSubmit({ onStale: () => (setAct(null), refresh()) });
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseView>(`/api/cases/${id}`), enabled: id !== null });
  const c = q.data;

  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['cases'] }), qc.invalidateQueries({ queryKey: ['case', id] })]);
  async function send(url: string, body: unknown, done: string, method?: string) {
    if ((await run(() => api(url, { body, method }))) === false) return false;
    message.success(done);
    await refresh();
    return true;
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
