import { UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Progress, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { TASK_STATUSES } from '../../../contracts/campaign-labels.js';
import { api, download } from '../../lib/api.js';
import { pickFields, staleCurrent, useConflict, type ConflictField } from '../../lib/conflict.js';
import { ItemList } from '../../lib/ItemList.js';
import { useMobile } from '../../lib/screens.js';

const STATUS_COLOR: Record<string, string> = { todo: 'default', doing: 'processing', done: 'success', blocked: 'error' };

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
