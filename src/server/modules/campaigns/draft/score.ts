import { provenanceOf, type CampaignDefinition, type CampaignDefinitionInput } from '../../../../contracts/campaigns.js';
import type { QuotaRule } from '../../../../contracts/quota-rules.js';

/**
 * How much of a seed definition a draft gets exactly right: the seed's quoted dates (issue date,
 * period, phases), deadlines (every field of each obligation's rule) and quota numbers (target type,
 * share, count, per-station counts, times). Values the seed marks inferred or unset are not counted:
 * the draft must not produce them. Items are paired one to one (obligations, phases, quotas: the
 * pairs that agree on most fields first), since a draft names its items o1, q1 … rather than by the
 * seed's keys.
 */
export type FactGroup = 'dates' | 'deadlines' | 'quotas';

interface Fact {
  /** Seed path, e.g. obligations.weekly.rule.weekday. */
  path: string;
  /** Path inside the item (rule.weekday), for pairing with a draft item. */
  leaf: string;
  group: FactGroup;
  value: unknown;
}

export interface DraftScore {
  total: number;
  right: number;
  /** right / total (1 when the seed has no such values). */
  share: number;
  groups: Record<FactGroup, { total: number; right: number }>;
  /** Seed paths the draft misses or gets wrong. */
  missed: string[];
}

/** Flatten a value into leaf paths: {rule: {within: {from}}} → rule.within.from. */
function leaves(v: unknown, prefix: string, out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v))
    for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
  else if (v !== undefined) out.set(prefix, v);
  return out;
}

const flatQuotas = (rs: QuotaRule[] = [], prefix = 'quotas'): { path: string; rule: QuotaRule }[] =>
  rs.flatMap((r) => [{ path: `${prefix}.${r.id}`, rule: r }, ...flatQuotas(r.children, `${prefix}.${r.id}.children`)]);

const quotaLeaves = (r: QuotaRule) => leaves({ target: r.target, ...(r.times ? { times: r.times } : {}) }, '');

/** Pair seed items with draft items one to one, most agreeing fields first; returns seed index → draft index. */
function pair(seed: Map<string, unknown>[], draft: Map<string, unknown>[]): Map<number, number> {
  const pairs: [number, number, number][] = [];
  seed.forEach((s, i) =>
    draft.forEach((d, j) => {
      let n = 0;
      for (const [k, v] of s) if (d.get(k) === v) n++;
      if (n) pairs.push([n, i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const [, i, j] of pairs) {
    if (out.has(i) || used.has(j)) continue;
    out.set(i, j);
    used.add(j);
  }
  return out;
}

export function scoreDraft(seed: CampaignDefinition, draft: CampaignDefinitionInput): DraftScore {
  const quoted = (path: string) => provenanceOf(seed, path)?.kind === 'quoted';
  const facts: { fact: Fact; got: unknown }[] = [];
  const d = draft as Partial<CampaignDefinition>;
  const doc = (path: string, seedValue: unknown, got: unknown) => {
    if (seedValue !== undefined && quoted(path)) facts.push({ fact: { path, leaf: path, group: 'dates', value: seedValue }, got });
  };
  doc('issuedOn', seed.issuedOn, d.issuedOn);
  doc('period.from', seed.period?.from, d.period?.from);
  doc('period.to', seed.period?.to, d.period?.to);
  doc('period.reportingUntil', seed.period?.reportingUntil, d.period?.reportingUntil);

  const items = <T>(
    group: FactGroup,
    seedItems: { path: string; item: T }[],
    draftItems: T[],
    leavesOf: (x: T) => Map<string, unknown>,
  ) => {
    const s = seedItems.map((x) => {
      const all = leavesOf(x.item);
      return new Map([...all].filter(([k]) => quoted(`${x.path}.${k}`)));
    });
    const dl = draftItems.map(leavesOf);
    const paired = pair(s, dl);
    s.forEach((m, i) => {
      const j = paired.get(i);
      for (const [leaf, value] of m)
        facts.push({
          fact: { path: `${seedItems[i].path}.${leaf}`, leaf, group, value },
          got: j === undefined ? undefined : dl[j].get(leaf),
        });
    });
  };
  items(
    'dates',
    seed.phases.map((p) => ({ path: `phases.${p.key}`, item: p })),
    d.phases ?? [],
    (p) => leaves({ from: p.from, to: p.to }, ''),
  );
  items(
    'deadlines',
    seed.obligations.map((o) => ({ path: `obligations.${o.key}`, item: o.rule })),
    (d.obligations ?? []).map((o) => o.rule),
    (r) => leaves({ rule: r }, ''),
  );
  items(
    'quotas',
    flatQuotas(seed.quotas).map((q) => ({ path: q.path, item: q.rule })),
    flatQuotas(d.quotas).map((q) => q.rule),
    quotaLeaves,
  );

  const groups: DraftScore['groups'] = { dates: { total: 0, right: 0 }, deadlines: { total: 0, right: 0 }, quotas: { total: 0, right: 0 } };
  const missed: string[] = [];
  for (const { fact, got } of facts) {
    groups[fact.group].total++;
    if (got === fact.value) groups[fact.group].right++;
    else missed.push(fact.path);
  }
  const total = facts.length;
  const right = total - missed.length;
  return { total, right, share: total ? right / total : 1, groups, missed };
}
