import { CameraOutlined, CloudUploadOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  InputNumber,
  Radio,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  ANSWER_RESULTS,
  FINDING_SEVERITIES,
  INSPECTION_KINDS,
  MEASURE_KINDS,
  PENALTY_PARTIES,
  type Inspection,
  type InspectionKind,
  type MeasureKind,
} from '../../../contracts/inspections.js';
import type { EntityDetail } from '../../../contracts/entities.js';
import type { MyTask } from '../../../contracts/plans.js';
import { api } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { inspectionsApi } from './api.js';
import { drafts, flushOutbox, isOffline, passwords, sendDraft, type FieldDraft } from './drafts.js';
import { useOnline } from './useOnline.js';
import { SignaturePad } from './SignaturePad.js';

const today = () => dayjs().format('YYYY-MM-DD');
const AD_HOC_KINDS = (Object.keys(INSPECTION_KINDS) as InspectionKind[]).filter((k) => k !== 'plan' && k !== 'recheck');

/** Build a new draft for a plan task, a unit, or a 复查 of an inspection (needs the network once). */
async function newDraft(p: { taskId?: number; entityId?: number; recheckOf?: number }): Promise<FieldDraft> {
  let entityId: number;
  let entityName: string;
  let planTaskId: number | undefined;
  let campaignId: number | undefined;
  let pool: { id: number; name: string }[] = [];
  let inspectorIds: number[] = [];
  let kind: InspectionKind = 'special';
  let openRectifications: FieldDraft['openRectifications'] = [];
  let stationId: number;
  if (p.taskId) {
    const mine = await api<{ items: MyTask[] }>('/api/my-tasks');
    const t = mine.items.find((x) => x.id === p.taskId);
    if (!t) throw new Error('未找到该检查任务（可能已完成或已改派）');
    ({ entityId, entityName } = t);
    planTaskId = t.id;
    kind = 'plan';
    inspectorIds = t.inspectors.map((i) => i.id);
    pool = t.inspectors;
    stationId = t.stationId;
    campaignId = await api<{ campaignId: number }>(`/api/plans/${t.planId}`)
      .then((x) => x.campaignId)
      .catch(() => undefined);
  } else {
    let orig: Inspection | undefined;
    if (p.recheckOf) {
      orig = await inspectionsApi.get(p.recheckOf);
      openRectifications = orig.rectifications.filter((r) => r.status !== 'closed').map((r) => ({ id: r.id, deadline: r.deadline }));
      kind = 'recheck';
      campaignId = orig.campaignId ?? undefined;
      inspectorIds = orig.inspectors.map((i) => i.id);
      pool = orig.inspectors;
    }
    const e = await api<EntityDetail>(`/api/entities/${orig?.entityId ?? p.entityId}`);
    entityId = e.id;
    entityName = e.name;
    stationId = e.jurisdictionId;
  }
  // The station's inspectors may stand in for those drawn (illness, recusal on site).
  const people = await api<{ items: { id: number; displayName: string; role: string; active?: boolean }[] }>(
    `/api/people?jurisdictionId=${stationId}&pageSize=200`,
  ).catch(() => ({ items: [] }));
  pool = [
    ...pool,
    ...people.items
      .filter((x) => (x.role === 'inspector' || x.role === 'station_head') && x.active !== false)
      .map((x) => ({ id: x.id, name: x.displayName })),
  ];
  const sheet = await inspectionsApi.checklist(entityId, campaignId).catch(() => undefined);
  return {
    clientId: crypto.randomUUID(),
    planTaskId,
    entityId,
    entityName,
    campaignId,
    recheckOf: p.recheckOf,
    openRectifications,
    pool: [...new Map(pool.map((x) => [x.id, x])).values()],
    sheet,
    values: {
      kind,
      date: today(),
      startedAt: dayjs().format('HH:mm'),
      inspectorIds,
      staffCount: inspectorIds.length || undefined,
      jointDepartments: [],
      answers: {},
      findings: {},
      measures: [],
      rectificationResults: {},
      inspectorSignatures: {},
    },
    photos: [],
    state: 'editing',
    updatedAt: Date.now(),
  };
}

/** Drafts being opened, by target: a second open of the same target (a re-render) waits for the first. */
const opening = new Map<string, Promise<FieldDraft>>();

/** The unsent draft of the same task / unit / 复查 if this phone has one, else a new one (saved at once). */
function openDraft(p: { taskId?: number; entityId?: number; recheckOf?: number }, resumed: () => void): Promise<FieldDraft> {
  const k = JSON.stringify(p);
  let run = opening.get(k);
  if (!run) {
    run = (async () => {
      const mine = (await drafts.list()).find(
        (d) =>
          d.state === 'editing' &&
          (p.taskId
            ? d.planTaskId === p.taskId
            : !d.planTaskId && (p.recheckOf ? d.recheckOf === p.recheckOf : d.entityId === p.entityId && !d.recheckOf)),
      );
      if (mine) {
        resumed();
        return mine;
      }
      const d = await newDraft(p);
      await drafts.save(d);
      return d;
    })().finally(() => opening.delete(k));
    opening.set(k, run);
  }
  return run;
}

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 12 }} styles={{ body: { padding: 12 } }}>
      {children}
    </Card>
  );
}

function Field({ label, children, required }: { label: string; children: ReactNode; required?: boolean }) {
  return (
    <label style={{ display: 'block', marginBottom: 10 }}>
      <div style={{ fontSize: 13, color: '#555', marginBottom: 4 }}>
        {required && <span style={{ color: '#ff4d4f' }}>* </span>}
        {label}
      </div>
      {children}
    </label>
  );
}

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

/** The drafts and 待发送 records kept on this phone. */
function DraftList({ standalone }: { standalone?: boolean }) {
  const { me } = useAuth();
  const [list, setList] = useState<FieldDraft[] | null>(null);
  const online = useOnline();
  const load = useCallback(() => void drafts.list().then(setList), []);
  useEffect(load, [load, online]);
  const STATE = {
    editing: <Tag color="blue">草稿</Tag>,
    queued: <Tag color="orange">待发送</Tag>,
    uploading: <Tag color="orange">照片待上传</Tag>,
  };
  return (
    <Card size="small" title="本机保存的现场检查" style={{ textAlign: 'left', maxWidth: 720, margin: '0 auto' }} data-testid="draft-list">
      {standalone && (
        <Typography.Paragraph type="secondary">
          从“我的任务”或单位档案开始现场检查；填写内容随时保存在本机，断网、刷新不会丢失。
        </Typography.Paragraph>
      )}
      {list?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本机没有未提交的检查" />}
      {list?.map((d) => (
        <div
          key={d.clientId}
          style={{
            padding: '8px 0',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            justifyContent: 'space-between',
            gap: 8,
            alignItems: 'center',
          }}
        >
          <div style={{ minWidth: 0 }}>
            <div style={{ fontWeight: 600, wordBreak: 'break-all' }}>{d.entityName}</div>
            <div style={{ fontSize: 12, color: '#888' }}>
              {STATE[d.state]} {INSPECTION_KINDS[d.values.kind]} · {dayjs(d.updatedAt).format('MM-DD HH:mm')} 保存
            </div>
            {d.error && <div style={{ fontSize: 12, color: '#ff4d4f' }}>{d.error}</div>}
          </div>
          <Link to={`/inspections/new?draft=${d.clientId}`}>
            <Button size="small">{d.state === 'editing' ? '继续填写' : '查看'}</Button>
          </Link>
        </div>
      ))}
      {!!list?.some((d) => d.state !== 'editing') && (
        <Button
          style={{ marginTop: 8 }}
          icon={<CloudUploadOutlined />}
          disabled={!online}
          onClick={() => me && flushOutbox(me.id).then(load)}
        >
          立即发送
        </Button>
      )}
    </Card>
  );
}

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
  const v = draft.values;
  const locked = draft.state !== 'editing';
  const set = (patch: Partial<FieldDraft['values']>) => update((d) => ({ ...d, values: { ...d.values, ...patch } }));
  const items = useMemo(() => draft.sheet?.checklist.sections.flatMap((s) => s.items) ?? [], [draft.sheet]);
  const answered = items.filter((i) => v.answers[i.key]?.result).length;
  const poolName = (id: number) => draft.pool.find((p) => p.id === id)?.name ?? `检查人员`;
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

  const problems = (): string[] => {
    const out: string[] = [];
    if (new Set(v.inspectorIds).size < 2) out.push('现场检查人员不得少于2人');
    if (v.kind === 'joint' && !v.jointDepartments.length) out.push('联合检查须写明参加的其他部门');
    if (draft.sheet && answered < items.length) out.push(`检查表还有 ${items.length - answered} 项未填写`);
    for (const i of items)
      if (v.answers[i.key]?.result === 'fail' && !v.findings[i.key]?.description?.trim())
        out.push(`“${i.text.slice(0, 12)}…”不符合，请填写问题描述`);
    for (const m of v.measures) {
      if (m.kind === 'rectify' && !m.deadline) out.push('责令限期整改须填写整改期限');
      if (m.kind === 'on_site_penalty' && (m.amount == null || !m.party)) out.push('当场处罚须填写罚款金额和被处罚人类别');
    }
    for (const r of draft.openRectifications) if (!v.rectificationResults[r.id]) out.push('请确定每项整改是销号还是延期');
    if (v.unitSignature?.image && !v.unitSignature.name.trim()) out.push('请填写被检查单位签名人姓名');
    for (const uid of v.inspectorIds) {
      const s = v.inspectorSignatures[uid];
      if (uid === me?.id || !s) continue;
      if (!pw[uid]) out.push(`请输入${poolName(uid)}的密码，或选择“在其本人账号签名”`);
      else if (!s.image) out.push(`请${poolName(uid)}签名`);
    }
    return out;
  };

  const submit = async () => {
    const p = problems();
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

  const addPhoto = (itemKey: string | undefined, files: FileList | null) => {
    if (!files?.length) return;
    const added = [...files].map((f) => ({ id: crypto.randomUUID(), itemKey, name: f.name || 'photo.jpg', blob: f as Blob }));
    update((d) => ({ ...d, photos: [...d.photos, ...added] }));
  };
  const photoStrip = (itemKey?: string) => {
    const list = draft.photos.filter((p) => p.itemKey === itemKey);
    return (
      <Space wrap size={6} style={{ marginTop: 6 }}>
        {list.map((p) => (
          <span key={p.id} style={{ position: 'relative', display: 'inline-block' }}>
            <img
              src={photoUrls.get(p.id)}
              alt="现场照片"
              data-testid="draft-photo"
              style={{ width: 56, height: 56, objectFit: 'cover', borderRadius: 4, border: '1px solid #eee' }}
            />
            {!locked && (
              <Button
                size="small"
                type="text"
                danger
                aria-label="删除照片"
                icon={<DeleteOutlined />}
                style={{ position: 'absolute', top: -6, right: -6, background: '#fff' }}
                onClick={() => update((d) => ({ ...d, photos: d.photos.filter((x) => x.id !== p.id) }))}
              />
            )}
          </span>
        ))}
        {!locked && (
          <label
            style={{
              display: 'inline-flex',
              alignItems: 'center',
              gap: 4,
              border: '1px dashed #bbb',
              borderRadius: 4,
              padding: '4px 8px',
              cursor: 'pointer',
              fontSize: 13,
            }}
          >
            <CameraOutlined /> 拍照
            <input
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              aria-label="添加现场照片"
              style={{ display: 'none' }}
              onChange={(e) => (addPhoto(itemKey, e.target.files), (e.target.value = ''))}
            />
          </label>
        )}
      </Space>
    );
  };

  const setMeasure = (i: number, patch: Partial<FieldDraft['values']['measures'][number]>) =>
    set({ measures: v.measures.map((m, j) => (j === i ? { ...m, ...patch } : m)) });

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

      <Section title="基本信息">
        <Field label="检查方式" required>
          <Select
            style={{ width: '100%' }}
            value={v.kind}
            disabled={locked || v.kind === 'plan' || v.kind === 'recheck'}
            onChange={(kind) => set({ kind })}
            options={(v.kind === 'plan' || v.kind === 'recheck' ? [v.kind] : AD_HOC_KINDS).map((k) => ({
              value: k,
              label: INSPECTION_KINDS[k],
            }))}
            aria-label="检查方式"
          />
        </Field>
        <Field label="检查日期" required>
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly
            allowClear={false}
            disabled={locked}
            value={dayjs(v.date)}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => d && set({ date: d.format('YYYY-MM-DD') })}
          />
        </Field>
        <div style={{ display: 'flex', gap: 8 }}>
          <div style={{ flex: 1 }}>
            <Field label="开始时间">
              <TimePicker
                style={{ width: '100%' }}
                format="HH:mm"
                inputReadOnly
                disabled={locked}
                value={v.startedAt ? dayjs(v.startedAt, 'HH:mm') : null}
                onChange={(t) => set({ startedAt: t?.format('HH:mm') })}
              />
            </Field>
          </div>
          <div style={{ flex: 1 }}>
            <Field label="结束时间">
              <TimePicker
                style={{ width: '100%' }}
                format="HH:mm"
                inputReadOnly
                disabled={locked}
                value={v.endedAt ? dayjs(v.endedAt, 'HH:mm') : null}
                onChange={(t) => set({ endedAt: t?.format('HH:mm') })}
              />
            </Field>
          </div>
        </div>
        <Field label="检查人员（不少于2人）" required>
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            optionFilterProp="label"
            disabled={locked}
            value={v.inspectorIds}
            onChange={(ids) => set({ inspectorIds: ids })}
            options={draft.pool.map((p) => ({ value: p.id, label: p.name }))}
            aria-label="检查人员"
          />
        </Field>
        <Field label="出动执法人员（人次）">
          <InputNumber
            style={{ width: '100%' }}
            min={1}
            max={500}
            precision={0}
            disabled={locked}
            value={v.staffCount}
            onChange={(n) => set({ staffCount: n ?? undefined })}
          />
        </Field>
        {v.kind === 'joint' && (
          <Field label="参加的其他部门" required>
            <Select
              mode="tags"
              style={{ width: '100%' }}
              disabled={locked}
              value={v.jointDepartments}
              onChange={(x) => set({ jointDepartments: x.slice(0, 10) })}
              placeholder="如：卫生健康局、公安局"
              tokenSeparators={['，', ',', '、']}
              open={false}
            />
          </Field>
        )}
        <Field label="检查情况">
          <Input.TextArea
            rows={3}
            maxLength={2000}
            disabled={locked}
            value={v.note}
            onChange={(e) => set({ note: e.target.value })}
            aria-label="检查情况"
            placeholder="现场检查的总体情况"
          />
        </Field>
        {photoStrip(undefined)}
      </Section>

      {draft.openRectifications.length > 0 && (
        <Section title="复查：原整改事项">
          {draft.openRectifications.map((r, idx) => {
            const res = v.rectificationResults[r.id];
            const put = (x: Partial<NonNullable<typeof res>>) =>
              set({ rectificationResults: { ...v.rectificationResults, [r.id]: { ...(res ?? { result: 'closed' as const }), ...x } } });
            return (
              <div key={r.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="recheck-rectification">
                <div>
                  整改事项 {idx + 1}（原期限 {r.deadline}）
                </div>
                <Radio.Group
                  disabled={locked}
                  value={res?.result}
                  onChange={(e) => put({ result: e.target.value })}
                  optionType="button"
                  buttonStyle="solid"
                  size="small"
                  style={{ marginTop: 4 }}
                >
                  <Radio.Button value="closed">已整改，销号</Radio.Button>
                  <Radio.Button value="extended">未完成，延期</Radio.Button>
                </Radio.Group>
                {res?.result === 'extended' && (
                  <DatePicker
                    style={{ width: '100%', marginTop: 6 }}
                    inputReadOnly
                    placeholder="新的整改期限"
                    disabled={locked}
                    value={res.deadline ? dayjs(res.deadline) : null}
                    disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                    onChange={(d) => put({ deadline: d?.format('YYYY-MM-DD') })}
                  />
                )}
                <Input
                  style={{ marginTop: 6 }}
                  placeholder="复查情况说明"
                  maxLength={500}
                  disabled={locked}
                  value={res?.note}
                  onChange={(e) => put({ note: e.target.value })}
                />
              </div>
            );
          })}
        </Section>
      )}

      <Section
        title={draft.sheet ? `检查表：${draft.sheet.checklist.label}` : '检查表'}
        extra={
          draft.sheet && (
            <span style={{ fontSize: 12, color: '#888' }}>
              已查 {answered}/{items.length}
            </span>
          )
        }
      >
        {!draft.sheet && <Alert type="info" showIcon title={online ? '该单位暂无适用的检查表' : '联网后加载检查表'} />}
        {draft.sheet && !locked && answered < items.length && (
          <Button
            size="small"
            style={{ marginBottom: 8 }}
            onClick={() =>
              set({
                answers: Object.fromEntries(
                  items.map((i) => [i.key, v.answers[i.key]?.result ? v.answers[i.key] : { ...v.answers[i.key], result: 'pass' as const }]),
                ),
              })
            }
          >
            其余未填项均为“符合”
          </Button>
        )}
        {draft.sheet?.checklist.sections.map((s) => (
          <div key={s.title} style={{ marginBottom: 8 }}>
            <div style={{ fontWeight: 600, margin: '8px 0 4px' }}>{s.title}</div>
            {s.items.map((it) => {
              const a = v.answers[it.key] ?? {};
              const f = v.findings[it.key];
              const setFinding = (patch: Partial<NonNullable<typeof f>>) =>
                set({
                  findings: {
                    ...v.findings,
                    [it.key]: { ...(f ?? { severity: 'general' as const, description: '', legalBasis: basisOf(it) }), ...patch },
                  },
                });
              return (
                <div key={it.key} data-testid="checklist-item" style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <div style={{ fontSize: 14, wordBreak: 'break-all' }}>{it.text}</div>
                  <Radio.Group
                    disabled={locked}
                    value={a.result}
                    optionType="button"
                    buttonStyle="solid"
                    size="small"
                    style={{ marginTop: 6 }}
                    onChange={(e) => {
                      const result = e.target.value as 'pass' | 'fail' | 'na';
                      set({
                        answers: { ...v.answers, [it.key]: { ...a, result } },
                        ...(result === 'fail' && !f
                          ? { findings: { ...v.findings, [it.key]: { severity: 'general', description: '', legalBasis: basisOf(it) } } }
                          : {}),
                      });
                    }}
                  >
                    {(Object.keys(ANSWER_RESULTS) as (keyof typeof ANSWER_RESULTS)[]).map((r) => (
                      <Radio.Button key={r} value={r}>
                        {ANSWER_RESULTS[r]}
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                  <Input
                    size="small"
                    style={{ marginTop: 6 }}
                    placeholder="备注"
                    maxLength={500}
                    disabled={locked}
                    value={a.note}
                    onChange={(e) => set({ answers: { ...v.answers, [it.key]: { ...a, note: e.target.value } } })}
                    aria-label="检查项备注"
                  />
                  {a.result === 'fail' && (
                    <div
                      style={{ background: '#fff2f0', border: '1px solid #ffccc7', borderRadius: 6, padding: 8, marginTop: 6 }}
                      data-testid="finding"
                    >
                      <div style={{ fontWeight: 600, marginBottom: 6, color: '#cf1322' }}>发现问题</div>
                      <Field label="严重程度" required>
                        <Radio.Group
                          disabled={locked}
                          value={f?.severity ?? 'general'}
                          onChange={(e) => setFinding({ severity: e.target.value })}
                          optionType="button"
                          size="small"
                        >
                          {(Object.keys(FINDING_SEVERITIES) as (keyof typeof FINDING_SEVERITIES)[]).map((k) => (
                            <Radio.Button key={k} value={k}>
                              {FINDING_SEVERITIES[k]}
                            </Radio.Button>
                          ))}
                        </Radio.Group>
                      </Field>
                      {!!draft.sheet?.violationTypes.length && (
                        <Field label="违法违规类型">
                          <Select
                            style={{ width: '100%' }}
                            allowClear
                            disabled={locked}
                            value={f?.violationType}
                            onChange={(x) => setFinding({ violationType: x })}
                            options={draft.sheet.violationTypes.map((t) => ({ value: t.key, label: t.label }))}
                            aria-label="违法违规类型"
                          />
                        </Field>
                      )}
                      <Field label="法律依据">
                        <Input
                          maxLength={300}
                          disabled={locked}
                          value={f?.legalBasis}
                          onChange={(e) => setFinding({ legalBasis: e.target.value })}
                          aria-label="法律依据"
                        />
                      </Field>
                      <Field label="问题描述" required>
                        <Input.TextArea
                          rows={2}
                          maxLength={1000}
                          disabled={locked}
                          value={f?.description}
                          onChange={(e) => setFinding({ description: e.target.value })}
                          aria-label="问题描述"
                        />
                      </Field>
                    </div>
                  )}
                  {photoStrip(it.key)}
                </div>
              );
            })}
          </div>
        ))}
      </Section>

      <Section title="处置措施">
        {v.measures.length === 0 && <Typography.Text type="secondary">未采取处置措施</Typography.Text>}
        {v.measures.map((m, i) => (
          <div key={i} data-testid="measure" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, marginBottom: 8 }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
              <b>{MEASURE_KINDS[m.kind]}</b>
              {!locked && (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除措施"
                  onClick={() => set({ measures: v.measures.filter((_, j) => j !== i) })}
                />
              )}
            </div>
            {m.kind === 'rectify' && (
              <Field label="整改期限" required>
                <DatePicker
                  style={{ width: '100%' }}
                  inputReadOnly
                  disabled={locked}
                  value={m.deadline ? dayjs(m.deadline) : null}
                  disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(366, 'day'))}
                  onChange={(d) => setMeasure(i, { deadline: d?.format('YYYY-MM-DD') })}
                  aria-label="整改期限"
                />
              </Field>
            )}
            {m.kind === 'on_site_penalty' && (
              <>
                <Field label="被处罚人" required>
                  <Radio.Group
                    disabled={locked}
                    value={m.party}
                    onChange={(e) => setMeasure(i, { party: e.target.value })}
                    optionType="button"
                    size="small"
                  >
                    {(Object.keys(PENALTY_PARTIES) as (keyof typeof PENALTY_PARTIES)[]).map((k) => (
                      <Radio.Button key={k} value={k}>
                        {PENALTY_PARTIES[k]}
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                </Field>
                <Field label="罚款金额（元）" required>
                  <InputNumber
                    style={{ width: '100%' }}
                    min={0}
                    max={100_000_000}
                    disabled={locked}
                    value={m.amount}
                    onChange={(n) => setMeasure(i, { amount: n ?? undefined })}
                  />
                </Field>
              </>
            )}
            <Input
              placeholder="说明"
              maxLength={1000}
              disabled={locked}
              value={m.note}
              onChange={(e) => setMeasure(i, { note: e.target.value })}
            />
          </div>
        ))}
        {!locked && (
          <Select<MeasureKind>
            style={{ width: '100%' }}
            placeholder={
              <span>
                <PlusOutlined /> 添加处置措施
              </span>
            }
            value={null as unknown as MeasureKind}
            onChange={(kind) =>
              set({
                measures: [...v.measures, kind === 'rectify' ? { kind, deadline: dayjs().add(15, 'day').format('YYYY-MM-DD') } : { kind }],
              })
            }
            options={(Object.keys(MEASURE_KINDS) as MeasureKind[]).map((k) => ({ value: k, label: MEASURE_KINDS[k] }))}
            aria-label="添加处置措施"
          />
        )}
      </Section>

      <Section title="签名">
        {v.inspectorIds.map((uid) => {
          const s = v.inspectorSignatures[uid];
          const mine = uid === me?.id;
          const put = (x: Partial<{ image: string }> | null) =>
            set({
              inspectorSignatures:
                x === null ? omit(v.inspectorSignatures, uid) : { ...v.inspectorSignatures, [uid]: { ...(s ?? { image: '' }), ...x } },
            });
          const later = !mine && !s;
          return (
            <div
              key={uid}
              data-testid="inspector-signature"
              style={{ marginBottom: 12, paddingBottom: 8, borderBottom: '1px solid #f0f0f0' }}
            >
              <div style={{ fontWeight: 600, marginBottom: 4 }}>
                检查人员：{mine ? me?.name : poolName(uid)}
                {mine && '（本人）'}
              </div>
              {!mine && (
                <Radio.Group
                  size="small"
                  disabled={locked}
                  value={later ? 'later' : 'here'}
                  onChange={(e) => put(e.target.value === 'later' ? null : { image: '' })}
                  style={{ marginBottom: 6, display: 'flex', flexWrap: 'wrap', rowGap: 4 }}
                >
                  <Radio value="here">在本机输入密码签名</Radio>
                  <Radio value="later">在其本人账号签名</Radio>
                </Radio.Group>
              )}
              {!mine && s && (
                <Input.Password
                  style={{ marginBottom: 6 }}
                  placeholder={`${poolName(uid)}的登录密码`}
                  autoComplete="off"
                  disabled={locked}
                  value={pw[uid]}
                  onChange={(e) => putPassword(uid, e.target.value)}
                  aria-label={`${poolName(uid)}的密码`}
                />
              )}
              {later ? (
                <div style={{ fontSize: 13, color: '#888' }}>提交后由其在本人账号中“签名确认”</div>
              ) : !locked || s?.image ? (
                <SignaturePad
                  label={mine ? (me?.name ?? '') : poolName(uid)}
                  value={s?.image || undefined}
                  onChange={(image) => (image ? put({ image }) : mine ? put(null) : put({ image: '' }))}
                />
              ) : null}
            </div>
          );
        })}
        <div data-testid="unit-signature">
          <div style={{ fontWeight: 600, marginBottom: 4 }}>被检查单位在场人员</div>
          <div style={{ display: 'flex', gap: 8 }}>
            <Input
              placeholder="姓名"
              maxLength={50}
              disabled={locked}
              value={v.unitSignature?.name}
              onChange={(e) => set({ unitSignature: { ...v.unitSignature, name: e.target.value } })}
              aria-label="单位签名人姓名"
            />
            <Input
              placeholder="职务"
              maxLength={50}
              disabled={locked}
              value={v.unitSignature?.title}
              onChange={(e) => set({ unitSignature: { name: '', ...v.unitSignature, title: e.target.value } })}
              aria-label="单位签名人职务"
            />
          </div>
          <div style={{ marginTop: 6 }}>
            {(!locked || v.unitSignature?.image) && (
              <SignaturePad
                label="被检查单位"
                value={v.unitSignature?.image}
                onChange={(image) => set({ unitSignature: { name: '', ...v.unitSignature, image } })}
              />
            )}
          </div>
        </div>
      </Section>

      {!locked && (
        <Button type="primary" size="large" block loading={busy} onClick={submit} style={{ marginBottom: 24 }}>
          {online ? '提交检查记录' : '保存待发送（当前离线）'}
        </Button>
      )}
    </div>
  );
}

function basisOf(it: { articles?: string[] | string; basis?: string }) {
  if (it.basis) return it.basis;
  return Array.isArray(it.articles) ? it.articles.join('；') : it.articles;
}

function omit<T>(o: Record<number, T>, k: number): Record<number, T> {
  const { [k]: _, ...rest } = o;
  return rest;
}
