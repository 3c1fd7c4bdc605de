import type { QuotaRule } from '../../../contracts/quota-rules.js';

/** Rule id → label over a rule tree. */
export function ruleLabels(rules: QuotaRule[]): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (rs: QuotaRule[]) => rs.forEach((r) => (m.set(r.id, r.label), walk(r.children ?? [])));
  walk(rules);
  return m;
}
