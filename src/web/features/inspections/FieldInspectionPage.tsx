import { App as AntApp, Alert, Button, Card, Result, Spin, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../lib/auth.js';
import { drafts, flushOutbox, isOffline, passwords, sendDraft, type FieldDraft } from './drafts.js';
import { BasicSection } from './field/BasicSection.js';
import { ChecklistSection } from './field/ChecklistSection.js';
import { DraftList } from './field/DraftList.js';
import { MeasuresSection } from './field/MeasuresSection.js';
import { openDraft } from './field/open-draft.js';
import { PhotoStrip } from './field/PhotoStrip.js';
import { draftProblems } from './field/problems.js';
import { RecheckSection } from './field/RecheckSection.js';
import { SignaturesSection } from './field/SignaturesSection.js';
import { useOnline } from './useOnline.js';

/**
 * 现场检查: the inspector's phone form for one unit — 基本信息, 检查表 (符合/不符合/不适用, note,
 * photos; 不符合 opens a finding), 处置措施, 签名 — saved on the phone as it is typed and sent
 * when there is a network (待发送 until then).
 */
export default function FieldInspectionPage() {
  const [params, setParams] = useSearchParams();
  const draftId = params.get('draft');
  const taskId = Number(params.get('taskId')) || undefined;
  const entityId = Number(params.get('entityId')) || undefined;
  const recheckOf = Number(params.get('recheckOf')) || undefined;
  const [draft, setDraft] = useState<FieldDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  /** The draft as stored now; once it has become a record (sent from the outbox), that record's page. */
  const reload = useCallback(
    async (clientId: string) => {
      const d = await drafts.get(clientId);
      if (d) return setDraft(d);
      const id = await drafts.sentAs(clientId);
      if (id) {
        message.success('检查记录已发送');
        navigate(`/inspections/${id}`, { replace: true });
      } else setError('本机未找到该草稿');
    },
    [message, navigate],
  );

  // The draft on screen: when the address takes its id (after it was opened), it is not read back
  // from the phone again, which would drop what was typed meanwhile.
  const current = useRef<string | null>(null);
  current.current = draft?.clientId ?? null;

  useEffect(() => {
    if (draftId && current.current === draftId) return;
    let live = true;
    setError(null);
    (async () => {
      if (draftId) {
        const d = await drafts.get(draftId);
        const id = d ? undefined : await drafts.sentAs(draftId);
        if (id) {
          navigate(`/inspections/${id}`, { replace: true });
          return null;
        }
        if (!d) throw new Error('本机未找到该草稿（可能已发送）');
        return d;
      }
      if (!taskId && !entityId && !recheckOf) return null;
      return openDraft({ taskId, entityId, recheckOf }, () => message.info('已恢复本机保存的草稿'));
    })()
      .then((d) => {
        if (!live) return;
        setDraft(d);
        if (d && !draftId) setParams({ draft: d.clientId }, { replace: true });
      })
      .catch((e) => live && setError(isOffline(e) ? '当前无网络，无法开始新的检查；本机保存的草稿可继续填写' : (e as Error).message));
    return () => {
      live = false;
    };
  }, [draftId, taskId, entityId, recheckOf, message, setParams, navigate]);

  // Every change is written to the phone at once, in order.
  const queue = useRef(Promise.resolve());
  const update = useCallback((f: (d: FieldDraft) => FieldDraft) => {
    setDraft((d) => {
      if (!d) return d;
      const next = f(d);
      queue.current = queue.current.then(() => drafts.save(next)).then(() => setSavedAt(Date.now()));
      return next;
    });
  }, []);

  if (error) return <Result status="warning" title={error} extra={<DraftList />} />;
  if (!draftId && !taskId && !entityId && !recheckOf) return <DraftList standalone />;
  if (!draft) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  return <FieldForm draft={draft} update={update} savedAt={savedAt} reload={reload} />;
}

/** The form of one draft: its sections (field/), saved on the phone as typed, and the submit. */
function FieldForm({
  draft,
  update,
  savedAt,
  reload,
}: {
  draft: FieldDraft;
  update: (f: (d: FieldDraft) => FieldDraft) => void;
  savedAt: number | null;
  reload: (clientId: string) => Promise<void>;
}) {
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const locked = draft.state !== 'editing';
  const set = (patch: Partial<FieldDraft['values']>) => update((d) => ({ ...d, values: { ...d.values, ...patch } }));
  const photoUrls = useMemo(() => new Map(draft.photos.map((p) => [p.id, URL.createObjectURL(p.blob)])), [draft.photos]);
  useEffect(() => () => photoUrls.forEach((u) => URL.revokeObjectURL(u)), [photoUrls]);

  // A queued record goes out as soon as the network is back (the outbox also runs from the layout).
  useEffect(() => {
    if (online && me && draft.state !== 'editing') void flushOutbox(me.id).then(() => reload(draft.clientId));
  }, [online, me, draft.state, draft.clientId, reload]);
  // Another inspector's password stays in memory (drafts.ts `passwords`), never in the stored draft.
  const [pw, setPw] = useState<Record<number, string>>(() => passwords.get(draft.clientId) ?? {});
  const putPassword = (uid: number, value: string) => {
    const next = { ...pw, [uid]: value };
    passwords.set(draft.clientId, next);
    setPw(next);
  };

  const submit = async () => {
    const p = draftProblems(draft, me?.id, pw);
    if (p.length) return void message.error(p[0]);
    setBusy(true);
    try {
      await drafts.save({ ...draft, state: 'queued', error: undefined });
      const id = online && me ? await sendDraft(draft.clientId, me.id) : null;
      if (id) {
        message.success('检查记录已提交');
        await qc.invalidateQueries({
          predicate: (q) =>
            ['my-tasks', 'dashboard', 'inspections', 'rectifications'].includes(String(q.queryKey[0])) ||
            String(q.queryKey[0]).startsWith('plan'),
        });
        navigate(`/inspections/${id}`, { replace: true });
      } else {
        message.warning('当前无网络：检查记录已保存在本机，网络恢复后自动发送');
        await reload(draft.clientId);
      }
    } catch (e) {
      message.error((e as Error).message);
      await reload(draft.clientId);
    } finally {
      setBusy(false);
    }
  };

  const photoStrip = (itemKey?: string) => <PhotoStrip draft={draft} update={update} locked={locked} urls={photoUrls} itemKey={itemKey} />;
  const sectionProps = { draft, set, locked };

  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }} data-testid="field-inspection">
      <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: 12 } }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
          <Typography.Title level={5} style={{ margin: 0, wordBreak: 'break-all' }}>
            现场检查：{draft.entityName}
          </Typography.Title>
          {draft.state === 'editing' ? <Tag color="blue">草稿</Tag> : <Tag color="orange">待发送</Tag>}
        </div>
        <div style={{ fontSize: 12, color: '#888', marginTop: 4 }} data-testid="draft-status">
          {online ? '' : <Tag color="red">离线</Tag>}
          {savedAt ? `已保存在本机 ${dayjs(savedAt).format('HH:mm:ss')}` : '填写内容随时保存在本机'}
        </div>
        {draft.error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={draft.error} />}
        {locked && (
          <Alert
            style={{ marginTop: 8 }}
            type="warning"
            showIcon
            title={draft.inspectionId ? '检查记录已提交，现场照片待上传' : '检查记录待发送'}
            description={online ? '正在发送…' : '网络恢复后自动发送，请勿清除浏览器数据。'}
          />
        )}
      </Card>

      <BasicSection {...sectionProps} photos={photoStrip(undefined)} />
      <RecheckSection {...sectionProps} />
      <ChecklistSection {...sectionProps} online={online} photoStrip={photoStrip} />
      <MeasuresSection {...sectionProps} />
      <SignaturesSection {...sectionProps} passwords={pw} putPassword={putPassword} />

      {!locked && (
        <Button type="primary" size="large" block loading={busy} onClick={submit} style={{ marginBottom: 24 }}>
          {online ? '提交检查记录' : '保存待发送（当前离线）'}
        </Button>
      )}
    </div>
  );
}
