import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { MEASURE_KINDS, PENALTY_PARTIES, type MeasureKind } from '../../../../contracts/inspections.js';
import type { FieldDraft } from '../drafts.js';
import type { SectionProps } from './helpers.js';
import { Section, Field } from './layout.js';

/** 处置措施: 责令限期整改 (deadline), 当场处罚 (party, amount) and the other measures, each with a note. */
export function MeasuresSection({ draft, set, locked }: SectionProps) {
  const v = draft.values;
  const setMeasure = (i: number, patch: Partial<FieldDraft['values']['measures'][number]>) =>
    set({ measures: v.measures.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  return (
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
  );
}
