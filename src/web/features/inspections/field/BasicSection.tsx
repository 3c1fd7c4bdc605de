import { DatePicker, Input, InputNumber, Select, TimePicker } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { INSPECTION_KINDS } from '../../../../contracts/inspections.js';
import { AD_HOC_KINDS, type SectionProps } from './helpers.js';
import { Section, Field } from './layout.js';

/** 基本信息: kind, date and times, the inspectors (at least two), staff count, joint departments, the overall note and photos. */
export function BasicSection({ draft, set, locked, photos }: SectionProps & { photos: ReactNode }) {
  const v = draft.values;
  return (
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
      {photos}
    </Section>
  );
}
