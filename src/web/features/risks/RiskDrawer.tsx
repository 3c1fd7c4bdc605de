import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Descriptions, Drawer, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  RISK_ACTIONS,
  RISK_CATEGORIES,
  RISK_CHANNELS,
  RISK_GRADES,
  RISK_PRODUCT_TAGS,
  RISK_STATUSES,
  type RiskAction,
  type RiskProductTag,
  type RiskTransitionInput,
} from '../../../contracts/risks.js';
import { GRADE_COLORS, risksApi, STATUS_COLORS } from './api.js';
import { RiskForm } from './RiskForm.js';
import { useMobile } from '../../lib/screens.js';
import { useSubmit } from '../../lib/submit.js';

const NOTE_REQUIRED: RiskAction[] = ['refuse_closure', 'reopen'];
const NOTE_LABEL: Partial<Record<RiskAction, string>> = {
  control: '管控情况（可选）',
  request_closure: '销号说明（可选）',
  close: '验收意见（可选）',
  refuse_closure: '退回原因',
  reopen: '重新打开原因',
};

/** A risk's detail with its evidence and history links; buttons only from the actions the server returns. */
export function RiskDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const mobile = useMobile();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const q = useQuery({ queryKey: ['risks', 'detail', id], queryFn: () => risksApi.get(id!), enabled: !!id });
  const [acting, setActing] = useState<RiskAction | null>(null);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileNote, setFileNote] = useState('');
  const { busy, run } = useSubmit({ onStale: () => (setActing(null), refresh()) });
  const [editing, setEditing] = useState(false);
  const r = q.data;
  const refresh = () => qc.invalidateQueries({ predicate: (x) => ['risks', 'common-risks', 'dashboard'].includes(String(x.queryKey[0])) });
  const act = async (action: RiskAction) => {
    const done = await run(() =>
      risksApi.transition(r!.id, { action: action as RiskTransitionInput['action'], note: note.trim() || undefined, version: r!.version }),
    );
    if (done !== false) {
      message.success(`${RISK_ACTIONS[action]}：已完成`);
      setActing(null);
      setNote('');
      await refresh();
    }
  };
  const upload = async () => {
    if ((await run(() => risksApi.addFile(r!.id, file!, fileNote.trim()))) === false) return;
    message.success('证明材料已上传');
    setFile(null);
    setFileNote('');
    await refresh();
  };
  return (
    <Drawer open={!!id} onClose={onClose} size={mobile ? '100%' : 560} title={r ? r.title : '风险隐患'} destroyOnHidden>
      {q.isLoading && <Spin />}
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      {r && (
        <Space orientation="vertical" style={{ width: '100%' }} size={12} data-testid="risk-drawer">
          <Space wrap size={4}>
            <Tag color={STATUS_COLORS[r.status]} data-testid="risk-status">
              {RISK_STATUSES[r.status]}
            </Tag>
            <Tag color={GRADE_COLORS[r.level]}>{RISK_GRADES[r.level]}风险</Tag>
            {r.overdue && <Tag color="red">逾期 {r.daysOverdue} 天</Tag>}
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="所属单位">{r.stationName}</Descriptions.Item>
            <Descriptions.Item label="发现渠道">
              {RISK_CHANNELS[r.channel]}（{r.foundOn}）
              {r.source && <div style={{ fontSize: 12, color: '#666' }}>来源：{r.source.label}</div>}
            </Descriptions.Item>
            <Descriptions.Item label="产品类别">
              {RISK_CATEGORIES[r.category]}
              {r.productTags.length > 0 && ` · ${r.productTags.map((t) => RISK_PRODUCT_TAGS[t as RiskProductTag] ?? t).join('、')}`}
            </Descriptions.Item>
            <Descriptions.Item label="风险描述">
              <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{r.description}</div>
            </Descriptions.Item>
            <Descriptions.Item label="涉及单位">
              {r.entities.length
                ? r.entities.map((e) => (
                    <div key={e.id}>
                      <Link to={`/entities/${e.id}`}>{e.name}</Link>
                    </div>
                  ))
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="管控措施">{r.controlMeasure ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="责任人">{r.owner.name}</Descriptions.Item>
            <Descriptions.Item label="管控期限">{r.deadline}</Descriptions.Item>
            {r.closureNote && <Descriptions.Item label="销号说明">{r.closureNote}</Descriptions.Item>}
            {r.closedBy && (
              <Descriptions.Item label="验收销号">
                {r.closedBy.name}（{r.closedOn}）
              </Descriptions.Item>
            )}
          </Descriptions>

          <div>
            <Typography.Text strong>证明材料（{r.evidence.length}）</Typography.Text>
            {r.evidence.map((f) => (
              <div key={f.id} style={{ padding: '4px 0', wordBreak: 'break-all' }} data-testid="risk-evidence">
                <a href={f.url} target="_blank" rel="noreferrer">
                  {f.name}
                </a>
              </div>
            ))}
            {r.actions.includes('edit') && (
              <Space orientation="vertical" style={{ width: '100%', marginTop: 6 }}>
                <input
                  type="file"
                  accept="image/*,.pdf,.docx,.xlsx"
                  aria-label="证明材料文件"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                  style={{ maxWidth: '100%' }}
                />
                <Input
                  value={fileNote}
                  onChange={(e) => setFileNote(e.target.value)}
                  maxLength={500}
                  placeholder="材料说明（可选）"
                  aria-label="材料说明"
                />
                <Button size="small" disabled={!file} loading={busy} onClick={upload}>
                  上传证明材料
                </Button>
              </Space>
            )}
          </div>

          {(r.commonRisks.length > 0 || r.consultations.length > 0) && (
            <div>
              {r.commonRisks.map((c) => (
                <div key={c.id}>
                  共性风险：<Link to={`/common-risks?id=${c.id}`}>{c.title}</Link>
                </div>
              ))}
              {r.consultations.map((c) => (
                <div key={`${c.id}-${c.topic}`} style={{ wordBreak: 'break-all' }}>
                  风险会商（{c.heldOn}）：{c.topic}
                  {c.decision && `——${c.decision}`}
                </div>
              ))}
            </div>
          )}

          <Space wrap>
            {r.actions.includes('edit') && <Button onClick={() => setEditing(true)}>修改</Button>}
            {r.actions
              .filter((a) => a !== 'edit')
              .map((a) => (
                <Button
                  key={a}
                  type={a === 'close' || a === 'request_closure' ? 'primary' : 'default'}
                  onClick={() => setActing(a)}
                  data-testid={`risk-action-${a}`}
                >
                  {RISK_ACTIONS[a]}
                </Button>
              ))}
          </Space>
          {r.status === 'controlling' && r.evidence.length === 0 && (
            <Typography.Text type="secondary">申请销号前须上传管控到位的证明材料；验收销号须由责任人以外的人员进行。</Typography.Text>
          )}
        </Space>
      )}
      <Modal
        open={!!acting}
        title={acting ? RISK_ACTIONS[acting] : ''}
        okText="确定"
        cancelText="返回"
        confirmLoading={busy}
        okButtonProps={{ disabled: !!acting && NOTE_REQUIRED.includes(acting) && !note.trim() }}
        onOk={() => act(acting!)}
        onCancel={() => setActing(null)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={acting ? NOTE_LABEL[acting] : ''}
          aria-label="说明"
        />
      </Modal>
      <RiskForm
        open={editing}
        risk={r}
        onClose={() => setEditing(false)}
        onSaved={async () => {
          setEditing(false);
          await refresh();
        }}
      />
    </Drawer>
  );
}
