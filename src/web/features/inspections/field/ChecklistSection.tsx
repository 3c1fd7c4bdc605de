import { Alert, Button, Input, Radio, Select } from 'antd';
import type { ReactNode } from 'react';
import { ANSWER_RESULTS, FINDING_SEVERITIES } from '../../../../contracts/inspections.js';
import { checklistProgress, basisOf, type SectionProps } from './helpers.js';
import { Section, Field } from './layout.js';

/** 检查表: each item 符合/不符合/不适用 with a note and photos; 不符合 opens a finding (severity, type, basis, description). */
export function ChecklistSection({
  draft,
  set,
  locked,
  online,
  photoStrip,
}: SectionProps & { online: boolean; photoStrip: (itemKey: string) => ReactNode }) {
  const v = draft.values;
  const { items, answered } = checklistProgress(draft);
  return (
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
  );
}
