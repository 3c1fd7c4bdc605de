import { Alert, Button, Card, Checkbox, Collapse, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { describeRule, type DeadlineRule } from '../../../contracts/deadline-rules.js';
import {
  applyProposals,
  DRAFT_MAX_CHARS,
  DRAFT_SECTIONS,
  type Draft,
  type DraftProposal,
  type DraftSection,
} from '../../../contracts/draft/index.js';
import type { QuotaTarget } from '../../../contracts/quota-rules.js';
import { api } from '../../lib/api.js';
import { definitionValueText } from './value-text.js';

const FIELD_LABELS: Record<string, string> = {
  name: '行动名称',
  docNo: '文号',
  issuer: '发文单位',
  issuedOn: '印发日期',
  period: '行动期间',
  'period.reportingUntil': '报送截止',
  'focus.products': '重点产品',
  'focus.areas': '重点区域',
  'focus.objects': '重点对象',
  'focus.channels': '排查渠道',
};
const SECTION_ITEM: Partial<Record<DraftSection, string>> = { obligations: '报送要求', quotas: '检查指标', tables: '统计报表' };

function fieldLabel(p: DraftProposal): string {
  if (FIELD_LABELS[p.path]) return FIELD_LABELS[p.path];
  if (p.path.startsWith('phases.')) return '工作阶段';
  return SECTION_ITEM[p.section] ?? p.path;
}

function targetText(t: QuotaTarget): string {
  if (t.type === 'all') return '全覆盖';
  if (t.type === 'share') return `不低于${Math.round(t.min * 100)}%`;
  const groups = new Map<number, string[]>();
  for (const [st, n] of Object.entries(t.byStation ?? {})) groups.set(n, [...(groups.get(n) ?? []), st]);
  const by = [...groups].map(([n, sts]) => `${sts.join('、')}：${n}家`).join('；');
  return `不低于${t.min}家${by ? `（${by}）` : ''}`;
}

/** The proposed value in words. */
function valueText(p: DraftProposal): string {
  const v = p.value as any;
  if (typeof v === 'string' || Array.isArray(v)) return definitionValueText(p.path, v);
  if (p.path === 'period' || p.path.startsWith('phases.')) return `${v.name ? `${v.name}：` : ''}${v.from} 至 ${v.to}`;
  if (p.section === 'obligations')
    return `${v.label}：${describeRule(v.rule as DeadlineRule)}；报送 ${v.submitters.join('、') || '（原文未写明）'} → ${v.recipient ?? '（原文未写明）'}`;
  if (p.section === 'quotas') return `${v.label}：${targetText(v.target)}${v.times ? `，至少${v.times}次` : ''}`;
  if (p.section === 'tables') return `${v.label}：${v.measures.map((m: { label: string }) => m.label).join('、')}`;
  return definitionValueText(p.path, v);
}

/** The sentence with the words the value was read from marked. */
function Source({ p }: { p: DraftProposal }) {
  const s = p.source;
  const q = p.quote && p.quote.start >= s.start && p.quote.end <= s.end ? p.quote : null;
  const text = s.text.length > 400 && !q ? `${s.text.slice(0, 400)}…` : s.text;
  return (
    <div style={{ background: '#fafafa', borderLeft: '3px solid #d9d9d9', padding: '4px 8px', fontSize: 13, overflowWrap: 'anywhere' }}>
      {q ? (
        <>
          {s.text.slice(0, q.start - s.start)}
          <mark>{s.text.slice(q.start - s.start, q.end - s.start)}</mark>
          {s.text.slice(q.end - s.start)}
        </>
      ) : (
        <mark>{text}</mark>
      )}
    </div>
  );
}

/**
 * 起草助手: paste the text of a notice, review each proposal beside the sentence it came from, and
 * fill the editor with the ones accepted. Values the text does not give stay empty (方案未定).
 */
export function DraftAssistant({ onAdopt }: { onAdopt: (definition: Record<string, unknown>) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [rejected, setRejected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!open)
    return (
      <div style={{ marginBottom: 12 }}>
        <Button data-testid="draft-open" onClick={() => setOpen(true)}>
          起草助手（粘贴方案原文）
        </Button>
      </div>
    );

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setDraft(await api<Draft>('/api/campaigns/draft', { body: { text } }));
      setRejected(new Set());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const accepted = draft ? draft.proposals.filter((p) => !rejected.has(p.path)) : [];
  const toggle = (path: string, on: boolean) =>
    setRejected((r) => {
      const n = new Set(r);
      if (on) n.delete(path);
      else n.add(path);
      return n;
    });

  return (
    <Card
      size="small"
      title="起草助手"
      style={{ width: '100%', marginBottom: 12 }}
      extra={<Button onClick={() => setOpen(false)}>收起</Button>}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        把方案文件（PDF、Word）的文字复制粘贴到下面，表格请保留为制表符分隔的行。助手逐项给出建议并标出原句，只采用原文中写明的内容；原文未写的（如未定星期几）留作“方案未定”。
      </Typography.Paragraph>
      <Input.TextArea
        data-testid="draft-text"
        rows={8}
        value={text}
        maxLength={DRAFT_MAX_CHARS}
        showCount
        onChange={(e) => setText(e.target.value)}
        placeholder="粘贴方案全文"
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Button type="primary" loading={busy} disabled={!text.trim()} onClick={run} data-testid="draft-run">
          生成草稿
        </Button>
      </Space>
      {error && <Alert type="error" title={error} style={{ marginTop: 8 }} />}
      {draft && (
        <div data-testid="draft-proposals" style={{ marginTop: 12 }}>
          {draft.proposals.length === 0 && <Alert type="info" title="未能从原文中识别出可采用的内容" />}
          {(Object.keys(DRAFT_SECTIONS) as DraftSection[]).map((section) => {
            const list = draft.proposals.filter((p) => p.section === section);
            if (!list.length) return null;
            return (
              <div key={section} style={{ marginBottom: 12 }}>
                <Typography.Title level={5} style={{ marginBottom: 4 }}>
                  {DRAFT_SECTIONS[section]}（{list.length}）
                </Typography.Title>
                {list.map((p) => (
                  <div key={p.path} style={{ borderBottom: '1px solid #f0f0f0', padding: '6px 0' }}>
                    <Checkbox checked={!rejected.has(p.path)} onChange={(e) => toggle(p.path, e.target.checked)}>
                      <Tag>{fieldLabel(p)}</Tag>
                      <span style={{ overflowWrap: 'anywhere' }}>{valueText(p)}</span>
                    </Checkbox>
                    {p.notes.map((n, i) => (
                      <div key={i}>
                        <Typography.Text type="warning">{n}</Typography.Text>
                      </div>
                    ))}
                    <Source p={p} />
                  </div>
                ))}
              </div>
            );
          })}
          {draft.unparsed.length > 0 && (
            <Collapse
              size="small"
              items={[
                {
                  key: 'u',
                  label: `未能识别的句子（${draft.unparsed.length}），请对照原文手工填写`,
                  children: draft.unparsed.map((u, i) => (
                    <div key={i} style={{ overflowWrap: 'anywhere', fontSize: 13, marginBottom: 4 }}>
                      {u.text.length > 300 ? `${u.text.slice(0, 300)}…` : u.text}
                    </div>
                  )),
                },
              ]}
            />
          )}
          <Space wrap style={{ marginTop: 12 }}>
            <Button
              type="primary"
              data-testid="draft-adopt"
              disabled={!accepted.length}
              onClick={() => onAdopt(applyProposals(accepted) as Record<string, unknown>)}
            >
              采用所选（{accepted.length}项）
            </Button>
            <Typography.Text type="secondary">采用后在下方表单中补全组织领导、报送单位等其余内容</Typography.Text>
          </Space>
        </div>
      )}
    </Card>
  );
}
