import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TIP_ACTIONS, TIP_STATUSES } from './tips.js';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditValueLabel } from './audit.js';
import { CAMPAIGN_STATUSES, TASK_STATUSES } from './campaigns.js';
import { INSPECTION_STATUSES, PLAN_STATUSES } from './plans.js';

const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/**
 * `audit()` accepts only labelled actions (its type), so a new action without a Chinese name does not
 * compile. This test covers what the type cannot: rows written in bulk outside `audit()`, and actions
 * built from a code (`tip.${action}`, `plan.task.${action}`).
 */
describe('audit labels', () => {
  const text = sources(server)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  it('every action the server writes has a Chinese label', () => {
    const literal = [...text.matchAll(/\baction: '([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1]!);
    const built = [...TIP_ACTIONS.map((a) => `tip.${a}`), ...['add', 'remove', 'reassign'].map((a) => `plan.task.${a}`)];
    expect(literal.length).toBeGreaterThan(30);
    const missing = [...new Set([...literal, ...built])].filter((a) => !(a in AUDIT_ACTION_LABELS));
    expect(missing).toEqual([]);
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fa5（）]+$/);
  });

  it('every record type the server writes has a Chinese label', () => {
    const types = [...text.matchAll(/\bentityType: '([a-z_]+)'/g)].map((m) => m[1]!);
    expect(types.length).toBeGreaterThan(20);
    expect([...new Set(types)].filter((t) => !(t in AUDIT_ENTITY_LABELS))).toEqual([]);
  });

  it('names every state of every stateful record', () => {
    const states: [string, readonly string[]][] = [
      ['tip', TIP_STATUSES],
      ['plan', Object.keys(PLAN_STATUSES)],
      ['inspection', Object.keys(INSPECTION_STATUSES)],
      ['campaign', [...Object.keys(CAMPAIGN_STATUSES), ...Object.keys(TASK_STATUSES)]],
    ];
    for (const [type, codes] of states)
      for (const code of codes) expect(auditValueLabel(type, 'status', code), `${type} ${code}`).toMatch(/[\u4e00-\u9fa5]/);
    expect(auditValueLabel('tip', 'status', 'accepted')).toBe('已受理');
    expect(auditValueLabel('user', 'role', 'inspector')).toMatch(/检查员/);
  });
});
