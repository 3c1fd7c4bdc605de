import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Select, Space, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { parse, stringify } from 'yaml';
import { checkDefinition, type CampaignDetail, type DefinitionIssue, type DefinitionWarning } from '../../../contracts/campaigns.js';
import type { OrgUnit } from '../../../contracts/org.js';
import { api } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { staleCurrent, useConflict, type ConflictField } from '../../lib/conflict.js';
import { blankDefinition, campaignsApi, clean, issuesOf } from './api.js';
import { DefinitionForm } from './DefinitionForm.js';
import { DraftAssistant } from './DraftAssistant.js';

/** Parts of a definition, for the "已被他人修改" comparison (unknown parts show their key). */
const PART_LABELS: Record<string, string> = {
  name: '行动名称',
  docNo: '文号',
  issuer: '发文单位',
  summary: '概述',
  period: '时间范围',
  phases: '阶段',
  subActions: '子行动',
  focus: '工作重点',
  quotas: '检查指标',
  tables: '报表',
  obligations: '报送任务',
  checklists: '检查表',
  violationTypes: '违法违规类型',
  organisation: '组织领导',
  tasks: '任务分工',
  liaisons: '联络员',
  staffing: '基层队伍',
  events: '重要节点',
};
/** Leaf fields a warning can point at, in words (the rest show their key). */
const FIELD_LABELS: Record<string, string> = {
  once: '报送日期',
  rule: '报送时限',
  from: '开始日期',
  to: '结束日期',
  reportingUntil: '报送截止',
  issuedOn: '印发日期',
};

/** `obligations.2.rule.once` → “报送任务第3项（月报）· 报送日期”: where a warning points, as the form names it. */
function placeOf(path: string, def: Record<string, unknown>): string {
  const [part, index, ...rest] = path.split('.');
  if (!part) return '方案';
  let place = PART_LABELS[part] ?? part;
  if (index !== undefined && /^\d+$/.test(index)) {
    const item = (def[part] as { label?: string; name?: string }[] | undefined)?.[Number(index)];
    const title = item?.label || item?.name;
    place += `第${Number(index) + 1}项${title ? `（${title}）` : ''}`;
  } else if (index !== undefined) rest.unshift(index);
  const leaf = rest.filter((x) => !/^\d+$/.test(x)).pop();
  return leaf ? `${place} · ${FIELD_LABELS[leaf] ?? leaf}` : place;
}

const showPart = (v: unknown) =>
  typeof v === 'object' ? (
    <pre style={{ maxHeight: 160, overflow: 'auto', whiteSpace: 'pre-wrap', fontSize: 12, margin: '4px 0' }}>{stringify(v)}</pre>
  ) : (
    String(v)
  );
function partFields(...defs: object[]): ConflictField[] {
  const keys = [...new Set(defs.flatMap((d) => Object.keys(d ?? {})))];
  return keys.map((k) => ({ name: k, label: PART_LABELS[k] ?? k, format: showPart }));
}

/** Create (from a seed template or blank) or amend a campaign: forms, or raw YAML/JSON. */
export default function CampaignEditorPage() {
  const { id } = useParams();
  const campaignId = id ? Number(id) : undefined;
  const nav = useNavigate();
  const qc = useQueryClient();
  const { me } = useAuth();
  const { message, notification } = AntApp.useApp();
  const [form] = Form.useForm();
  const [issues, setIssues] = useState<DefinitionIssue[]>([]);
  /** What the server keeps but flags (validate / create / amend); shown, never blocking a save. */
  const [warnings, setWarnings] = useState<DefinitionWarning[]>([]);
  const [tab, setTab] = useState('form');
  const [raw, setRaw] = useState('');
  const [rawError, setRawError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  const conflict = useConflict();
  /** The campaign as the editor loaded it (definition and version); moves on when a conflict is resolved. */
  const [base, setBase] = useState<CampaignDetail | null>(null);
  const templates = useQuery({ queryKey: ['campaign-templates'], queryFn: campaignsApi.templates, enabled: !campaignId });
  const existing = useQuery({ queryKey: ['campaign', campaignId], queryFn: () => campaignsApi.get(campaignId!), enabled: !!campaignId });
  const jurisdictionId = existing.data?.jurisdictionId ?? me?.jurisdictionId;
  const units = useQuery({
    queryKey: ['org-units', jurisdictionId],
    queryFn: () => api<OrgUnit[]>(`/api/org-units?jurisdictionId=${jurisdictionId}`),
    enabled: !!jurisdictionId,
  });

  const load = (def: unknown) => {
    form.resetFields();
    form.setFieldsValue(def as object);
    setIssues([]);
    setWarnings([]);
    setLoaded(true);
  };
  useEffect(() => {
    if (existing.data && !loaded) {
      load(existing.data.definition);
      setBase(existing.data);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [existing.data]);

  const current = () => clean(form.getFieldsValue(true));

  /** The nearest field the form has for each issue's path (`quotas.0.target.min` → that field, else its closest parent). */
  const fieldsOf = (list: DefinitionIssue[]) => {
    const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
    const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
    for (const i of list) {
      const parts = i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      for (let n = parts.length; n > 0; n--) {
        const name = parts.slice(0, n);
        const k = JSON.stringify(name);
        if (registered.has(k)) {
          const e = byField.get(k) ?? { name, errors: [] };
          e.errors.push(i.message);
          byField.set(k, e);
          break;
        }
      }
    }
    return byField;
  };

  /** Put each issue on the nearest field the form has; all are listed above the form too. */
  const showIssues = (list: DefinitionIssue[]) => {
    setIssues(list);
    form.setFields([...fieldsOf(list).values()]);
  };

  /**
   * Live validation while the person types: the contracts' own check at once in the browser, and when
   * that passes the server's (`/api/campaigns/validate`: unit names of this bureau). Errors go next
   * to the fields already touched (a blank form is not painted red); the list above, once shown by
   * 校验 or 保存, follows along.
   */
  const live = useRef<{ timer?: ReturnType<typeof setTimeout>; seq: number; marked: Map<string, (string | number)[]> }>({
    seq: 0,
    marked: new Map(),
  });
  const runLive = async () => {
    const seq = ++live.current.seq;
    const def = current();
    const local = checkDefinition(def);
    let list = local.ok ? [] : local.issues;
    if (local.ok) {
      const r = await campaignsApi.validate(def).catch(() => null);
      if (!r || seq !== live.current.seq) return;
      list = r.issues;
      setWarnings(r.warnings ?? []);
    }
    const found = fieldsOf(list);
    const marked = live.current.marked;
    const updates = [...found].filter(([k, f]) => marked.has(k) || form.isFieldTouched(f.name)).map(([, f]) => f);
    const cleared = [...marked].filter(([k]) => !found.has(k)).map(([, name]) => ({ name, errors: [] as string[] }));
    live.current.marked = new Map(updates.map((f) => [JSON.stringify(f.name), f.name]));
    form.setFields([...cleared, ...updates]);
    setIssues((shown) => (shown.length ? list : shown));
  };
  const onValuesChange = () => {
    clearTimeout(live.current.timer);
    live.current.timer = setTimeout(() => void runLive(), 500);
  };
  useEffect(() => () => clearTimeout(live.current.timer), []);

  const save = async () => {
    let def: unknown;
    if (tab === 'raw') {
      try {
        def = parse(raw);
      } catch (e) {
        setRawError(`YAML/JSON 格式有误：${(e as Error).message}`);
        return;
      }
    } else def = current();
    return saveDefinition(def, base);
  };

  /** Put a definition into whichever editor is open. */
  const show = (def: object) => {
    form.resetFields();
    form.setFieldsValue(def);
    if (tab === 'raw') setRaw(stringify(def));
  };

  const saveDefinition = async (def: unknown, from: CampaignDetail | null): Promise<void> => {
    setSaving(true);
    try {
      const saved = campaignId ? await campaignsApi.amend(campaignId, def, note, from!.version) : await campaignsApi.create(def);
      message.success(campaignId ? `已保存为第${saved.version}版` : '已创建');
      if (saved.warnings?.length) {
        setWarnings(saved.warnings);
        notification.warning({
          title: `已保存，但有 ${saved.warnings.length} 处请再核对`,
          description: (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {saved.warnings.map((w, k) => (
                <li key={k}>
                  {placeOf(w.path, def as Record<string, unknown>)}：{w.message}
                </li>
              ))}
            </ul>
          ),
          duration: 0,
        });
      }
      await qc.invalidateQueries({ queryKey: ['campaigns'] });
      await qc.invalidateQueries({ queryKey: ['campaign', saved.id] });
      await qc.invalidateQueries({ queryKey: ['campaign-home', saved.id] });
      nav(`/campaigns/${saved.id}`);
    } catch (e) {
      const now = staleCurrent<CampaignDetail>(e);
      if (now && from) {
        // Someone saved a newer version meanwhile: compare part by part, then save the merge on top of it.
        setSaving(false);
        const mine = def as Record<string, unknown>;
        const choice = await conflict.resolve({
          fields: partFields(mine, now.definition, from.definition),
          base: from.definition,
          mine,
          theirs: now.definition,
        });
        if (!choice) return;
        setBase(now);
        if (choice.action === 'theirs') {
          show(now.definition);
          message.info(`已采用对方保存的第${now.version}版`);
          return;
        }
        const merged = Object.fromEntries(Object.entries(choice.values).filter(([, v]) => v !== undefined && v !== null));
        show(merged);
        return saveDefinition(merged, now);
      }
      const list = issuesOf(e);
      if (tab === 'raw' && list.length) {
        setTab('form');
        form.setFieldsValue(def as object);
      }
      if (list.length) setTimeout(() => showIssues(list), 0);
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const unitNames = (units.data ?? []).filter((u) => u.kind !== 'upper').map((u) => u.shortName ?? u.name);
  const stationNames = (units.data ?? []).filter((u) => u.kind === 'station' && u.active).map((u) => u.shortName ?? u.name);
  const ready = campaignId ? loaded : loaded;
  return (
    <Card title={campaignId ? `修订专项行动：${existing.data?.name ?? ''}` : '新建专项行动'}>
      {conflict.dialog}
      {!campaignId && (
        <Space wrap style={{ marginBottom: 12 }}>
          <span>从模板开始：</span>
          <Select
            data-testid="template-select"
            style={{ minWidth: 280 }}
            placeholder="选择方案模板"
            options={(templates.data ?? []).map((t) => ({ value: t.code, label: `${t.name}（${t.issuer}）` }))}
            onChange={async (code: string) => {
              const def = (await campaignsApi.template(code)).definition;
              load(def);
              // Show at once which parts (usually unit names) do not fit this bureau.
              const r = await campaignsApi.validate(def).catch(() => null);
              setWarnings(r?.warnings ?? []);
              if (r && !r.ok) setTimeout(() => showIssues(r.issues), 0);
            }}
          />
          <Button onClick={() => load(blankDefinition())}>空白方案</Button>
        </Space>
      )}
      {!campaignId && (
        <DraftAssistant
          onAdopt={async (draft) => {
            // The draft over an empty form: no period or phases unless the text gave them.
            const blank = blankDefinition();
            const def = { ...blank, period: undefined, phases: [], ...draft, focus: { ...blank.focus, ...(draft.focus as object) } };
            load(def);
            const r = await campaignsApi.validate(def).catch(() => null);
            if (r && !r.ok) setTimeout(() => showIssues(r.issues), 0);
          }}
        />
      )}
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`方案有 ${issues.length} 处需要修改`}
          description={
            <ul data-testid="definition-issues" style={{ margin: 0, paddingLeft: 18 }}>
              {issues.map((i, k) => (
                <li key={k}>
                  <Typography.Text code>{i.path || '（根）'}</Typography.Text> {i.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${warnings.length} 处请再核对（不影响保存）`}
          description={
            <ul data-testid="definition-warnings" style={{ margin: 0, paddingLeft: 18 }}>
              {warnings.map((w, k) => (
                <li key={k}>
                  <Typography.Text strong>{placeOf(w.path, current())}</Typography.Text>：{w.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {ready && (
        <>
          <Tabs
            activeKey={tab}
            onChange={(k) => {
              if (k === 'raw') {
                setRaw(stringify(current()));
                setRawError(null);
              }
              if (k === 'form' && tab === 'raw') {
                try {
                  form.setFieldsValue(parse(raw));
                } catch (e) {
                  setRawError(`YAML/JSON 格式有误：${(e as Error).message}`);
                  return;
                }
              }
              setTab(k);
            }}
            items={[
              {
                key: 'form',
                label: '表单编辑',
                children: (
                  <Form form={form} layout="vertical" size="small" onValuesChange={onValuesChange}>
                    <DefinitionForm form={form} units={unitNames} stations={stationNames} />
                  </Form>
                ),
              },
              {
                key: 'raw',
                label: '高级（YAML/JSON）',
                children: (
                  <>
                    <Input.TextArea
                      data-testid="raw-definition"
                      rows={24}
                      value={raw}
                      onChange={(e) => setRaw(e.target.value)}
                      style={{ fontFamily: 'monospace', fontSize: 12 }}
                    />
                    {rawError && <Alert type="error" title={rawError} style={{ marginTop: 8 }} />}
                  </>
                ),
              },
            ]}
          />
          <Space wrap style={{ marginTop: 12 }}>
            {campaignId && (
              <Input style={{ width: 280 }} placeholder="修订说明（必填）" value={note} onChange={(e) => setNote(e.target.value)} />
            )}
            <Button
              onClick={async () => {
                const r = await campaignsApi
                  .validate(tab === 'raw' ? parse(raw) : current())
                  .catch((e) => ({ ok: false, issues: issuesOf(e) }));
                setWarnings('warnings' in r ? (r.warnings ?? []) : []);
                if (r.ok) {
                  setIssues([]);
                  message.success('校验通过');
                } else showIssues(r.issues);
              }}
            >
              校验
            </Button>
            <Button type="primary" loading={saving} onClick={save} disabled={!!campaignId && !note.trim()}>
              {campaignId ? '保存为新版本' : '创建'}
            </Button>
            <Button onClick={() => nav(campaignId ? `/campaigns/${campaignId}` : '/campaigns')}>取消</Button>
          </Space>
        </>
      )}
    </Card>
  );
}
