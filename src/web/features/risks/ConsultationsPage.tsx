import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  type FormInstance,
  type FormProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  CONSULTATION_KINDS,
  CONSULTATION_LEVELS,
  type ConsultationInput,
  type ConsultationKind,
  type ConsultationView,
} from '../../../contracts/risks.js';
import { staleCurrent } from '../../lib/conflict.js';
import { download, qs } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { ItemList } from '../../lib/ItemList.js';
import { ValuesAtMount } from '../../lib/ValuesAtMount.js';
import { risksApi, useRiskPeople } from './api.js';

/** 风险会商 / 案件会商: meetings with the items discussed, decisions and follow-up; counted at the own level and below (附件3). */
export default function ConsultationsPage() {
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<ConsultationKind | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ConsultationView | 'new' | null>(null);
  const q = useQuery({ queryKey: ['consultations', kind, page], queryFn: () => risksApi.consultations({ kind, page, pageSize: 20 }) });
  const yearStart = `${dayjs().year()}-01-01`;
  const today = dayjs().format('YYYY-MM-DD');
  const stats = useQuery({
    queryKey: ['risks', 'stats', yearStart, today],
    queryFn: () => risksApi.stats(yearStart, today),
    staleTime: 60_000,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title="风险会商"
        extra={
          <Space wrap>
            {can('risks.manage') && (
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="consultation-new">
                记录会商
              </Button>
            )}
            <Button
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => download(`/api/consultations/export${qs({ kind })}`, '会商记录.xlsx').catch((e) => message.error(e.message))}
            >
              导出
            </Button>
          </Space>
        }
      >
        <Space wrap>
          <Select
            allowClear
            placeholder="会商类型"
            style={{ width: 140 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={Object.entries(CONSULTATION_KINDS).map(([value, label]) => ({ value, label }))}
            aria-label="会商类型"
          />
          {stats.data && (
            <span data-testid="consultation-stats">
              <Tag>
                本年本级召开风险会商 {stats.data.consultations.own.held} 次，研究事项 {stats.data.consultations.own.items} 个
              </Tag>
              <Tag>
                所辖下级共召开 {stats.data.consultations.below.held} 次，研究事项 {stats.data.consultations.below.items} 个
              </Tag>
            </span>
          )}
        </Space>
      </Card>
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      <ItemList
        loading={q.isLoading}
        items={q.data?.items}
        rowKey={(c) => c.id}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' }}
        renderItem={(c) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="consultation-card">
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
              <b>
                {c.heldOn} {CONSULTATION_KINDS[c.kind]}
              </b>
              <Tag style={{ marginRight: 0 }}>
                {c.jurisdictionName} · {CONSULTATION_LEVELS[c.level]}
              </Tag>
            </div>
            <div style={{ fontSize: 13, color: '#666', margin: '4px 0', wordBreak: 'break-all' }}>
              主持人：{c.host}
              {c.participants.length > 0 && ` · 参会：${c.participants.join('、')}`}
            </div>
            {c.items.map((i, n) => (
              <div key={i.id} style={{ fontSize: 13, padding: '4px 0', borderTop: '1px solid #f0f0f0', wordBreak: 'break-all' }}>
                {n + 1}. {i.topic}
                {i.links.map((l) =>
                  l.type === 'risk' ? (
                    <Link key={`${l.type}${l.id}`} to={`/risks?id=${l.id}`} style={{ marginLeft: 6 }}>
                      [{l.label}：{l.title}]
                    </Link>
                  ) : (
                    <span key={`${l.type}${l.id}`} style={{ marginLeft: 6 }}>
                      [{l.label}：{l.title}]
                    </span>
                  ),
                )}
                {i.decision && <div>会商意见：{i.decision}</div>}
                {i.followUp && <div style={{ color: '#666' }}>跟进：{i.followUp.name}</div>}
              </div>
            ))}
            {c.editable && (
              <Button size="small" style={{ marginTop: 6 }} onClick={() => setEditing(c)} data-testid="consultation-edit">
                修改
              </Button>
            )}
          </Card>
        )}
      />
      <ConsultationForm value={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}

type Values = Omit<ConsultationInput, 'heldOn' | 'items'> & {
  heldOn: Dayjs;
  reason?: string;
  items: { topic: string; decision?: string; followUpUserId?: number; riskIds?: number[]; otherLinks?: { type: string; id: number }[] }[];
};

/** The form's values of a meeting as recorded: risk links in the picker, links of other kinds (cases) kept as they are. */
function valuesOf(c: ConsultationView): Values {
  return {
    kind: c.kind,
    heldOn: dayjs(c.heldOn),
    host: c.host,
    participants: c.participants,
    note: c.note ?? undefined,
    items: c.items.map((i) => ({
      topic: i.topic,
      decision: i.decision ?? undefined,
      followUpUserId: i.followUp?.id,
      riskIds: i.links.filter((l) => l.type === 'risk').map((l) => l.id),
      otherLinks: i.links.filter((l) => l.type !== 'risk').map(({ type, id }) => ({ type, id })),
    })),
  };
}

/** 记录会商 (new) or 修改会商记录 (with a reason, against the version loaded; a newer version is loaded back in). */
function ConsultationForm({ value, onClose }: { value: ConsultationView | 'new' | null; onClose: () => void }) {
  // A fresh form (and store) per record and version: a shared instance keeps the last dialog's values,
  // which a new mount's initialValues do not override.
  const formRef = useRef<FormInstance<Values> | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const open = value !== null;
  // The record being corrected: as opened, or the newer version a 409 brought back.
  const [newer, setNewer] = useState<ConsultationView | null>(null);
  useEffect(() => setNewer(null), [value]);
  const current = newer ?? (value && value !== 'new' ? value : null);
  const formKey = current ? `${current.id}-${current.version}` : value === null ? 'closed' : 'new';
  const people = useRiskPeople(open);
  const risks = useQuery({ queryKey: ['risks', 'for-consultation'], queryFn: () => risksApi.list({ pageSize: 200 }), enabled: open });
  const riskOptions = (risks.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }));
  // A linked risk not among the 200 listed still shows its title.
  for (const i of current?.items ?? [])
    for (const l of i.links)
      if (l.type === 'risk' && !riskOptions.some((o) => o.value === l.id)) riskOptions.push({ value: l.id, label: l.title });
  return (
    <Modal
      open={open}
      title={current ? '修改会商记录' : '记录会商'}
      okText="保存"
      cancelText="返回"
      confirmLoading={busy}
      destroyOnHidden
      width={640}
      onCancel={onClose}
      onOk={async () => {
        const form = formRef.current!;
        const v = await form.validateFields();
        setBusy(true);
        // Links of other kinds have no field of their own: read from the form's store (whole items move with Form.List).
        const stored = (form.getFieldsValue(true) as Values).items;
        const items = v.items.map(({ riskIds, ...i }, k) => ({
          ...i,
          links: [...(stored[k]?.otherLinks ?? []), ...(riskIds ?? []).map((id) => ({ type: 'risk', id }))],
        }));
        try {
          if (current)
            await risksApi.consultationEdit(current.id, {
              heldOn: v.heldOn.format('YYYY-MM-DD'),
              host: v.host,
              participants: v.participants,
              note: v.note,
              items,
              reason: v.reason ?? '',
              version: current.version,
            });
          else await risksApi.consultationCreate({ ...v, heldOn: v.heldOn.format('YYYY-MM-DD'), items });
          message.success('已保存');
          form.resetFields();
          onClose();
          await qc.invalidateQueries({ predicate: (x) => ['consultations', 'risks'].includes(String(x.queryKey[0])) });
        } catch (e) {
          const now = staleCurrent<ConsultationView>(e);
          if (now) {
            setNewer(now);
            message.warning('该会商记录已被他人修改，已载入最新内容，请核对后重新填写并保存');
          } else message.error((e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      {/* Mounted afresh with the record's values (and again when a newer version is loaded in). */}
      <FreshForm
        key={formKey}
        formRef={formRef}
        layout="vertical"
        initialValues={current ? valuesOf(current) : { kind: 'risk', heldOn: dayjs(), items: [{ topic: '' }] }}
        preserve={false}
      >
        <Space wrap>
          <Form.Item name="kind" label="会商类型">
            <Select
              disabled={!!current}
              style={{ width: 130 }}
              options={Object.entries(CONSULTATION_KINDS).map(([value, label]) => ({ value, label }))}
              aria-label="会商类型"
            />
          </Form.Item>
          <Form.Item name="heldOn" label="会商日期" rules={[{ required: true }]}>
            <DatePicker inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} aria-label="会商日期" />
          </Form.Item>
          <Form.Item name="host" label="主持人" rules={[{ required: true, message: '请填写主持人' }]}>
            <Input maxLength={50} style={{ width: 150 }} aria-label="主持人" />
          </Form.Item>
        </Space>
        <Form.Item name="participants" label="参会人员">
          <Select mode="tags" tokenSeparators={['、', ',', '，']} placeholder="输入姓名后回车" aria-label="参会人员" />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, n) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={`会商事项 ${n + 1}`}
                  extra={fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除事项" />}
                >
                  <Form.Item name={[field.name, 'topic']} label="事项" rules={[{ required: true, message: '请填写会商事项' }]}>
                    <Input maxLength={500} aria-label={`会商事项${n + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'riskIds']} label="关联风险隐患">
                    <Select
                      mode="multiple"
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      options={riskOptions}
                      aria-label={`关联风险隐患${n + 1}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'decision']} label="会商意见">
                    <Input.TextArea rows={2} maxLength={2000} aria-label={`会商意见${n + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'followUpUserId']} label="跟进人">
                    <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={people} aria-label={`跟进人${n + 1}`} />
                  </Form.Item>
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ topic: '' })}>
                增加会商事项
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label="备注" style={{ marginTop: 8 }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {current && (
          <Form.Item name="reason" label="修改原因" rules={[{ required: true, whitespace: true, message: '请填写修改原因' }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder="例：补记会商意见" aria-label="修改原因" />
          </Form.Item>
        )}
      </FreshForm>
    </Modal>
  );
}

/** A Form with its own instance, handed to the dialog through `formRef` (mount it with a key to start afresh). */
function FreshForm({
  formRef,
  children,
  ...props
}: Omit<FormProps<Values>, 'children'> & { children: ReactNode; formRef: React.MutableRefObject<FormInstance<Values> | null> }) {
  const [form] = Form.useForm<Values>();
  formRef.current = form;
  return (
    <Form<Values> form={form} {...props}>
      <ValuesAtMount values={props.initialValues as Partial<Values> | undefined} />
      {children}
    </Form>
  );
}
