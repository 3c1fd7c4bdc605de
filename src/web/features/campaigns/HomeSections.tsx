import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Descriptions, Form, Input, Modal, Progress, Select, Space, Table, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { type CampaignDefinition } from '../../../contracts/campaigns.js';
import { TASK_STATUSES } from '../../../contracts/campaign-labels.js';
import { ENTITY_KIND_LABELS, ENTITY_TAGS, SECTORS, type EntityKind } from '../../../contracts/entity-kinds.js';
import { api, download } from '../../lib/api.js';
import { pickFields, staleCurrent, useConflict, type ConflictField } from '../../lib/conflict.js';
import { ItemList } from '../../lib/ItemList.js';
import { useMobile } from '../../lib/screens.js';

const STATUS_COLOR: Record<string, string> = { todo: 'default', doing: 'processing', done: 'success', blocked: 'error' };

export function FocusLists({ def }: { def: CampaignDefinition }) {
  const f = def.focus;
  // Kinds and worded objects may name the same thing (个体诊所): show each once.
  const tags = (xs: string[]) =>
    xs.length
      ? [...new Set(xs)].map((x) => (
          <Tag key={x} style={{ marginBottom: 4 }}>
            {x}
          </Tag>
        ))
      : '—';
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="重点产品">{tags(f.products)}</Descriptions.Item>
      <Descriptions.Item label="重点对象">
        {tags([...f.entityKinds.map((k) => ENTITY_KIND_LABELS[k as EntityKind]), ...f.objects])}
      </Descriptions.Item>
      <Descriptions.Item label="重点区域">{tags(f.areas)}</Descriptions.Item>
      <Descriptions.Item label="对象标签">{tags(f.tags.map((t) => ENTITY_TAGS[t as keyof typeof ENTITY_TAGS]))}</Descriptions.Item>
      <Descriptions.Item label="排查渠道">{tags(f.channels)}</Descriptions.Item>
      {f.violations.map((v, i) => (
        <Descriptions.Item key={i} label={`${SECTORS[v.sector as keyof typeof SECTORS]}${v.area ? '·' + v.area : ''}`}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {v.items.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

const who = (p?: { name?: string; title: string; unit?: string }) =>
  p ? `${p.name ?? ''}${p.name ? '（' : ''}${p.title}${p.unit ? '，' + p.unit : ''}${p.name ? '）' : ''}` : '—';

export function OrgChart({ def }: { def: CampaignDefinition }) {
  const o = {
    ...def.organisation,
    leadingGroup: def.organisation.leadingGroup ?? {
      name: '（方案未设领导小组）',
      leader: undefined,
      deputies: [],
      members: [],
      memberUnits: [],
      duties: [],
    },
  };
  const box = { border: '1px solid #d9d9d9', borderRadius: 6, padding: 10, background: '#fff' } as const;
  return (
    <div data-testid="org-chart">
      <div style={{ ...box, borderColor: '#1677ff' }}>
        <b>{o.leadingGroup.name}</b>
        <div>组长：{who(o.leadingGroup.leader)}</div>
        {o.leadingGroup.deputies.length > 0 && <div>副组长：{o.leadingGroup.deputies.map(who).join('、')}</div>}
        {o.leadingGroup.members.length > 0 && <div>成员：{o.leadingGroup.members.map(who).join('、')}</div>}
        {o.leadingGroup.memberUnits.length > 0 && <div>成员单位：{o.leadingGroup.memberUnits.join('、')}</div>}
        {o.leadingGroup.duties.map((d) => (
          <div key={d} style={{ color: '#666', fontSize: 12 }}>
            · {d}
          </div>
        ))}
      </div>
      <div style={{ borderLeft: '2px solid #d9d9d9', height: 12, marginLeft: 20 }} />
      <div style={box}>
        <b>领导小组办公室</b>（设在{o.office.unit}）{o.office.director && <span>　主任：{who(o.office.director)}</span>}
        {o.office.duties.map((d) => (
          <div key={d} style={{ color: '#666', fontSize: 12 }}>
            · {d}
          </div>
        ))}
      </div>
      {o.workingGroups.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }}>
          {o.workingGroups.map((g) => (
            <div key={g.key} style={{ ...box, flex: '1 1 220px' }}>
              <b>{g.name}</b>
              {g.leader && <div>组长：{who(g.leader)}</div>}
              {g.units.length > 0 && <div>单位：{g.units.join('、')}</div>}
              {g.liaison && <div>联络员：{who(g.liaison)}</div>}
              {g.duties.map((d) => (
                <div key={d} style={{ color: '#666', fontSize: 12 }}>
                  · {d}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export function TaskBreakdown({
  campaignId,
  tasks,
  canManage,
  refresh,
}: {
  campaignId: number;
  tasks: any[];
  canManage: boolean;
  refresh: () => void;
}) {
  const [edit, setEdit] = useState<{ task: any; p: any } | null>(null);
  const mobile = useMobile();
  const unitTags = (t: any) => {
    const done = t.progress.filter((p: any) => p.status === 'done').length;
    return (
      <>
        <Progress
          percent={t.progress.length ? Math.round((done / t.progress.length) * 100) : 0}
          size="small"
          format={() => `${done}/${t.progress.length}`}
        />
        {t.progressFrom && <div style={{ fontSize: 12, color: '#888' }}>按检查计划完成情况自动计算（已检/应检）</div>}
        <Space size={[4, 4]} wrap>
          {t.progress.map((p: any) =>
            p.live ? (
              // Measured from the current plan's coverage: nothing to fill in.
              <Tag
                key={p.orgUnitId}
                color={STATUS_COLOR[p.status]}
                title={`${TASK_STATUSES[p.status as keyof typeof TASK_STATUSES]}：已检 ${p.live.done} / 应检 ${p.live.required}`}
              >
                {p.unitName} {p.live.done}/{p.live.required}
              </Tag>
            ) : (
              <Tag
                key={p.orgUnitId}
                color={STATUS_COLOR[p.status]}
                style={{ cursor: p.mine || canManage ? 'pointer' : 'default' }}
                title={`${TASK_STATUSES[p.status as keyof typeof TASK_STATUSES]}${p.note ? '：' + p.note : ''}${p.evidence.length ? `（证明材料${p.evidence.length}份）` : ''}`}
                onClick={() => (p.mine || canManage) && setEdit({ task: t, p })}
              >
                {p.unitName}
                {p.evidence.length > 0 && ` 📎${p.evidence.length}`}
              </Tag>
            ),
          )}
        </Space>
      </>
    );
  };
  const modal = edit && <ProgressModal campaignId={campaignId} task={edit.task} p={edit.p} onClose={() => (setEdit(null), refresh())} />;
  if (mobile)
    return (
      <>
        <ItemList
          items={tasks}
          rowKey={(t: any) => t.no}
          renderItem={(t: any) => (
            <ItemList.Row>
              <div style={{ width: '100%' }}>
                <div>
                  <b>
                    {t.no}. {t.target}
                  </b>
                </div>
                <div style={{ fontSize: 12, color: '#888' }}>{t.task}</div>
                {unitTags(t)}
              </div>
            </ItemList.Row>
          )}
        />
        {modal}
      </>
    );
  return (
    <>
      <Table
        rowKey="no"
        size="small"
        pagination={false}
        scroll={{ x: 800 }}
        dataSource={tasks}
        columns={[
          { title: '工作任务', dataIndex: 'task', width: 130 },
          { title: '序号', dataIndex: 'no', width: 50 },
          { title: '目标任务', dataIndex: 'target', width: 180 },
          { title: '具体内容', dataIndex: 'content', ellipsis: true },
          {
            title: '责任单位进展',
            width: 300,
            render: (_, t) => unitTags(t),
          },
        ]}
      />
      {modal}
    </>
  );
}

const PROGRESS_FIELDS: ConflictField[] = [
  { name: 'status', label: '状态', format: (s) => TASK_STATUSES[s as keyof typeof TASK_STATUSES] ?? String(s) },
  { name: 'note', label: '进展说明' },
  { name: 'evidence', label: '证明材料', format: (xs) => (xs as { name: string }[]).map((x) => x.name).join('、') },
];

function ProgressModal({ campaignId, task, p, onClose }: { campaignId: number; task: any; p: any; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [evidence, setEvidence] = useState<any[]>(p.evidence);
  const conflict = useConflict();
  /** The progress as this form loaded it (version 0: no report yet); moves on when a conflict is resolved. */
  const [loaded, setLoaded] = useState<any>(p);
  const base = `/api/campaigns/${campaignId}/tasks/${task.no}/units/${p.orgUnitId}`;
  const save = async (v: Record<string, unknown>, from: any): Promise<void> => {
    try {
      await api(base, { method: 'PUT', body: { status: v.status, note: v.note, evidence: v.evidence, version: from.version } });
      message.success('已保存');
      onClose();
    } catch (e) {
      const now = staleCurrent<any>(e);
      if (!now) return void message.error((e as Error).message);
      const choice = await conflict.resolve({
        fields: PROGRESS_FIELDS,
        base: pickFields(PROGRESS_FIELDS, from),
        mine: v,
        theirs: pickFields(PROGRESS_FIELDS, now),
      });
      if (!choice) return;
      setLoaded(now);
      const next = choice.action === 'theirs' ? pickFields(PROGRESS_FIELDS, now) : choice.values;
      form.setFieldsValue({ status: next.status, note: next.note ?? '' });
      setEvidence((next.evidence as any[]) ?? []);
      if (choice.action === 'save') await save(next, now);
    }
  };
  return (
    <Modal
      open
      title={`任务${task.no}进展 · ${p.unitName}`}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        await save({ ...v, evidence }, loaded);
      }}
    >
      {conflict.dialog}
      <Form form={form} layout="vertical" initialValues={{ status: p.status, note: p.note ?? '' }}>
        <Form.Item name="status" label="状态">
          <Select options={Object.entries(TASK_STATUSES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="note" label="进展说明">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
      <div>证明材料：</div>
      <ul>
        {evidence.map((e, i) => (
          <li key={i}>
            {e.fileId ? (
              <a onClick={() => download(`/api/campaigns/${campaignId}/files/${e.fileId}`, e.name)}>{e.name}</a>
            ) : /^https?:\/\//i.test(e.url ?? '') ? (
              <a href={e.url} target="_blank" rel="noreferrer">
                {e.name}
              </a>
            ) : (
              e.name
            )}{' '}
            <a onClick={() => setEvidence(evidence.filter((_, k) => k !== i))}>删除</a>
          </li>
        ))}
      </ul>
      <Space wrap>
        <Upload
          showUploadList={false}
          customRequest={async ({ file, onSuccess, onError }) => {
            const fd = new FormData();
            fd.append('file', file as Blob);
            try {
              const f = await api<any>(`${base}/evidence`, { form: fd });
              setEvidence((xs) => [...xs, { name: f.name, fileId: f.fileId, size: f.size, mime: f.mime }]);
              onSuccess?.(f);
            } catch (e) {
              message.error((e as Error).message);
              onError?.(e as Error);
            }
          }}
        >
          <Button icon={<UploadOutlined />} size="small">
            上传文件
          </Button>
        </Upload>
        <Input.Search
          size="small"
          placeholder="或粘贴链接"
          enterButton="添加链接"
          onSearch={(url) => url && setEvidence((xs) => [...xs, { name: url, url }])}
          style={{ width: 260 }}
        />
      </Space>
    </Modal>
  );
}

const LIAISON_FIELDS = ['name', 'department', 'title', 'officePhone', 'mobile', 'email'];
const LIAISON_CONFLICT_FIELDS: ConflictField[] = [
  { name: 'name', label: '姓名' },
  { name: 'department', label: '所在部门' },
  { name: 'title', label: '职务' },
  { name: 'officePhone', label: '办公电话' },
  { name: 'mobile', label: '移动电话' },
  { name: 'email', label: '电子邮箱' },
];

export function LiaisonRegister({
  campaignId,
  name,
  rows,
  canManage,
}: {
  campaignId: number;
  name: string;
  rows: any[];
  canManage: boolean;
}) {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [edit, setEdit] = useState<any | null>(null);
  const [form] = Form.useForm();
  const conflict = useConflict();
  const mobile = useMobile();
  // The form is always mounted (forceRender), so its values are set once the row to edit is known.
  // Keyed on the unit: a resolved conflict moves `edit.liaison` on without resetting the merged values.
  useEffect(() => {
    if (edit) form.setFieldsValue(Object.fromEntries(LIAISON_FIELDS.map((k) => [k, edit.liaison?.[k] ?? ''])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [edit?.orgUnitId, form]);
  const fill = (r: any) =>
    (r.mine || canManage) && (
      <Button size="small" icon={<EditOutlined />} onClick={() => setEdit(r)}>
        填报
      </Button>
    );
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<DownloadOutlined />} onClick={() => download(`/api/campaigns/${campaignId}/liaisons.xlsx`, `${name}-联络员.xlsx`)}>
          导出 Excel
        </Button>
        <span style={{ color: '#888' }}>
          已填报 {rows.filter((r) => r.liaison).length}/{rows.length}
        </span>
      </Space>
      <Table
        rowKey="orgUnitId"
        size="small"
        pagination={false}
        scroll={mobile ? undefined : { x: 800 }}
        dataSource={rows}
        columns={
          mobile
            ? [
                {
                  title: '单位 / 联络员',
                  render: (_, r) => (
                    <div>
                      <div style={{ fontWeight: 600 }}>{r.unitName}</div>
                      {r.liaison ? (
                        <div style={{ fontSize: 12, color: '#666' }}>
                          {r.liaison.name}
                          {r.liaison.title && ` · ${r.liaison.title}`}
                          {r.liaison.mobile && (
                            <>
                              {' '}
                              · <a href={`tel:${r.liaison.mobile}`}>{r.liaison.mobile}</a>
                            </>
                          )}
                          {!r.liaison.mobile && r.liaison.officePhone && ` · ${r.liaison.officePhone}`}
                        </div>
                      ) : (
                        <Tag>未填报</Tag>
                      )}
                    </div>
                  ),
                },
                { title: '', width: 76, render: (_, r) => fill(r) },
              ]
            : [
                { title: '单位名称', dataIndex: 'unitName', width: 180 },
                { title: '姓名', render: (_, r) => r.liaison?.name ?? <Tag>未填报</Tag> },
                { title: '所在部门', render: (_, r) => r.liaison?.department },
                { title: '职务', render: (_, r) => r.liaison?.title },
                { title: '办公电话', render: (_, r) => r.liaison?.officePhone },
                { title: '移动电话', render: (_, r) => r.liaison?.mobile },
                { title: '电子邮箱', render: (_, r) => r.liaison?.email },
                {
                  title: '',
                  width: 70,
                  render: (_, r) => fill(r),
                },
              ]
        }
      />
      <Modal
        open={!!edit}
        forceRender
        title={`联络员报名表 · ${edit?.unitName ?? ''}`}
        onCancel={() => setEdit(null)}
        onOk={async () => {
          const v = await form.validateFields();
          // Version 0: the unit had not filled it in when the form opened.
          const save = async (values: Record<string, unknown>, from: any): Promise<void> => {
            try {
              await api(`/api/campaigns/${campaignId}/liaisons/${edit.orgUnitId}`, {
                method: 'PUT',
                body: { ...values, version: from?.version ?? 0 },
              });
              message.success('已保存');
              setEdit(null);
              await qc.invalidateQueries({ queryKey: ['campaign-home', campaignId] });
            } catch (e) {
              const handled = await conflict.handle<any>(e, {
                form,
                fields: LIAISON_CONFLICT_FIELDS,
                base: edit.liaison ?? { version: 0 },
                mine: values,
                values: (r) => Object.fromEntries(LIAISON_FIELDS.map((k) => [k, r?.[k] ?? ''])),
                setLoaded: (now) => setEdit({ ...edit, liaison: now }),
                retry: save,
              });
              if (!handled) message.error((e as Error).message);
            }
          };
          await save(v, edit.liaison);
        }}
      >
        {conflict.dialog}
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="department" label="所在部门">
            <Input />
          </Form.Item>
          <Form.Item name="title" label="职务">
            <Input />
          </Form.Item>
          <Form.Item name="officePhone" label="办公电话">
            <Input />
          </Form.Item>
          <Form.Item name="mobile" label="移动电话" rules={[{ pattern: /^(1\d{10})?$/, message: '手机号须为11位数字' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function StaffingProgress({ s, today }: { s: any; today: string }) {
  const short =
    (s.target.coordinatorPerTownship && s.townships.staffed < s.townships.total) ||
    (s.target.informantPerVillage && s.villages.staffed < s.villages.total);
  const part = (label: string, role: string, x: any, want: boolean) =>
    want && (
      <div style={{ marginBottom: 12 }}>
        <div>
          {label}配备{role}：{x.staffed}/{x.total}
        </div>
        <Progress percent={x.total ? Math.round((x.staffed / x.total) * 100) : 0} status={x.staffed === x.total ? 'success' : 'active'} />
        {x.missing.length > 0 && (
          <div style={{ fontSize: 12, color: '#888' }}>
            尚未配备：
            {x.missing
              .slice(0, 30)
              .map((m: any) => `${m.parent ?? ''}${m.name}`)
              .join('、')}
            {x.missing.length > 30 && ` 等${x.missing.length}个`}
          </div>
        )}
      </div>
    );
  return (
    <div data-testid="staffing">
      <div style={{ marginBottom: 8 }}>
        目标：{s.target.by} 前{s.target.coordinatorPerTownship && '每个乡镇（苏木）配备一名协管员'}
        {s.target.coordinatorPerTownship && s.target.informantPerVillage && '，'}
        {s.target.informantPerVillage && '每个村（嘎查）配备一名信息员'}
        {short && today > s.target.by && (
          <Tag color="red" style={{ marginLeft: 8 }}>
            已逾期未配齐
          </Tag>
        )}
      </div>
      {part('乡镇/街道/苏木', '协管员', s.townships, s.target.coordinatorPerTownship)}
      {part('村/社区/嘎查', '信息员', s.villages, s.target.informantPerVillage)}
    </div>
  );
}
