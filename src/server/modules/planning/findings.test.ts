import { describe, expect, it } from 'vitest';
import type { Plan, PlanCheck } from './engine/index.js';
import { FINDINGS_LIST_CAP, storedCheck, storedFindings } from './findings.js';

const problem = (i: number) => ({ taskId: String(i), entityId: String(i), problem: 'too_few' as const });

describe('stored findings', () => {
  it('caps long lists and keeps their full sizes', () => {
    const check: PlanCheck = {
      ok: false,
      violations: [],
      excess: [],
      outsideRules: ['1'],
      inspectorProblems: Array.from({ length: 5000 }, (_, i) => problem(i)),
      tasks: 5000,
      surplus: 0,
    };
    const stored = storedCheck(check);
    expect(stored.inspectorProblems).toHaveLength(FINDINGS_LIST_CAP);
    expect(stored.inspectorProblems[0]).toEqual(problem(0));
    expect(stored.counts).toEqual({ violations: 0, excess: 0, outsideRules: 1, inspectorProblems: 5000 });
    expect(stored.outsideRules).toEqual(['1']);
    const plan = {
      inspectorIssues: Array.from({ length: 300 }, (_, i) => ({
        entityId: String(i),
        stationId: 's',
        visit: 1,
        needed: 2,
        eligible: 0,
        reason: 'pool_too_small',
      })),
      shortfalls: [],
      warnings: ['w'],
    } as unknown as Plan;
    const f = storedFindings(plan, check);
    expect(f.inspectorIssues).toHaveLength(FINDINGS_LIST_CAP);
    expect(f.inspectorIssueCount).toBe(300);
    expect(f.warnings).toEqual(['w']);
  });
});
