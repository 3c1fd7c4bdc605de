import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_GAP_DAYS, type QuotaRule } from '../../../../contracts/quota-rules.js';
import { toDay } from './dates.js';
import { generatePlan } from './plan.js';
import { spreadWindows } from './schedule.js';
import type { PlannerEntity } from './types.js';

/** Repeated visits of one unit (增加检查频次) are spread over the campaign, apart by a minimum gap. */
const stations = [{ id: 's1', shortName: '一所', inspectorPool: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }] }];
const units: PlannerEntity[] = Array.from({ length: 6 }, (_, i) => ({
  id: `u${i}`,
  kind: 'pharmacy_single',
  stationId: 's1',
  tags: i < 3 ? ['high_risk'] : [],
  status: 'operating',
}));
const rules = (extra: Partial<QuotaRule> = {}): QuotaRule[] => [
  { id: 'half', label: '药店不低于50%', population: { kinds: ['pharmacy_single'] }, target: { type: 'share', min: 0.5 } },
  { id: 'risk', label: '高风险单位增加检查频次', population: { tagsAny: ['high_risk'] }, target: { type: 'all' }, times: 2, ...extra },
];
const campaign = { from: '2022-04-01', to: '2022-11-30' };
const day = (iso: string | null) => toDay(iso!);

function repeated(extra: Partial<QuotaRule> = {}) {
  const plan = generatePlan({ entities: units, stations, rules: rules(extra), campaign }, 7);
  const byUnit = new Map<string, typeof plan.tasks>();
  for (const t of plan.tasks) byUnit.set(t.entityId, [...(byUnit.get(t.entityId) ?? []), t]);
  return [...byUnit.values()].filter((ts) => ts.length > 1);
}

describe('repeated visits', () => {
  it('fall in separate windows at least the default gap apart, inside the campaign', () => {
    const twice = repeated();
    expect(twice).toHaveLength(3);
    for (const [a, b] of twice) {
      expect(day(a.dueFrom)).toBe(day(campaign.from));
      expect(day(b.dueTo)).toBe(day(campaign.to));
      expect(day(b.dueFrom) - day(a.dueTo)).toBeGreaterThanOrEqual(DEFAULT_MIN_GAP_DAYS);
      // Both visits still serve the frequency rule.
      expect(a.rules.map((r) => r.ruleId)).toContain('risk');
      expect(b.rules.map((r) => r.ruleId)).toContain('risk');
    }
  });

  it('take the gap from the rule (data)', () => {
    for (const [a, b] of repeated({ minGapDays: 90 })) expect(day(b.dueFrom) - day(a.dueTo)).toBe(90);
  });

  it('narrow the gap when the window is too short, and leave open windows alone', () => {
    const w = { from: 100, to: 109 };
    const parts = spreadWindows(w, 3, 30);
    expect(parts).toHaveLength(3);
    for (let i = 1; i < 3; i++) expect(parts[i].from).toBeGreaterThan(parts[i - 1].to);
    expect(parts[0].from).toBe(100);
    expect(parts[2].to).toBe(109);
    expect(spreadWindows({ from: 100, to: 101 }, 3, 30)).toEqual([w, w, w].map(() => ({ from: 100, to: 101 })));
    expect(spreadWindows({ from: -1_000_000, to: 1_000_000 }, 2, 30)).toEqual([
      { from: -1_000_000, to: 1_000_000 },
      { from: -1_000_000, to: 1_000_000 },
    ]);
  });
});
