import { DatePicker, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import type { SectionProps } from './helpers.js';
import { Section } from './layout.js';

/** 复查: for each open rectification of the original inspection, 销号 or 延期 with a new deadline, and a note. */
export function RecheckSection({ draft, set, locked }: SectionProps) {
  const v = draft.values;
  if (!draft.openRectifications.length) return null;
  return (
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
  );
}
