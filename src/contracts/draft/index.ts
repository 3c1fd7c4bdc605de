import { checkDefinition, type CampaignDefinitionInput, type DefinitionIssue } from '../campaigns.js';
import { documentYear } from './dates.js';
import { readFocus, type FocusList } from './focus.js';
import { readHeader } from './header.js';
import { obligationsIn } from './obligations.js';
import { readPeriod, readPhases } from './period.js';
import { quotasIn } from './quotas.js';
import { readTables } from './tables.js';
import { sentences, type SourceSpan } from './text.js';

export type { SourceSpan } from './text.js';

/** The sections a proposal belongs to (the review groups them). */
export const DRAFT_SECTIONS = {
  document: '文件信息',
  period: '行动期间与阶段',
  obligations: '报送要求',
  quotas: '检查指标',
  tables: '统计报表',
  focus: '重点',
} as const;
export type DraftSection = keyof typeof DRAFT_SECTIONS;

/** A proposed value: a text, a list of texts, or an object (a period, a phase, an obligation, a quota, a table). */
export type DraftValue = string | string[] | Record<string, unknown>;

/** One proposed value: where it goes in the definition, what it is, and the sentence it was read from. */
export interface DraftProposal {
  /** Definition path (contracts/definition-paths.ts): `issuedOn`, `obligations.o2`, `quotas.q3`, `focus.products`. */
  path: string;
  section: DraftSection;
  value: DraftValue;
  source: SourceSpan;
  /** The words inside the sentence the value was read from (每周四下班前), when narrower than the sentence. */
  quote?: { start: number; end: number };
  /** What the text leaves open (方案未定) or what the office must check. */
  notes: string[];
}

export interface Draft {
  /** The proposed definition (every proposal applied); values the text does not give are left out. */
  definition: CampaignDefinitionInput;
  proposals: DraftProposal[];
  /** Sentences that look like rules but were not read (dates or quotas the parser could not place). */
  unparsed: SourceSpan[];
  /** What still keeps the definition from being valid (missing organisation, unset table period …). */
  issues: DefinitionIssue[];
}

/** The longest text a draft reads (about 100 pages). */
export const DRAFT_MAX_CHARS = 200_000;
/** Longer than this is not a sentence of a plan (a paste without punctuation): not read for rules. */
const MAX_SENTENCE = 3_000;
/** At most this many proposals and unparsed sentences are returned. */
const MAX_PROPOSALS = 500;
const MAX_UNPARSED = 100;

/**
 * A proposed campaign definition from the text of a notice, each value with the sentence it came
 * from. Deterministic, no I/O; never a value the text does not hold: what the text leaves open is
 * left out and listed with a 方案未定 provenance, and nothing is inferred.
 */
export function draftDefinition(text: string): Draft {
  const t = text;
  const proposals: DraftProposal[] = [];
  const add = (p: DraftProposal) => proposals.length < MAX_PROPOSALS && proposals.push(p);
  const header = readHeader(t);
  for (const f of ['name', 'docNo', 'issuer', 'issuedOn'] as const) {
    const h = header[f];
    if (h) add({ path: f, section: 'document', value: h.value, source: h.source, notes: [] });
  }
  const year = documentYear(t, header.issuedOn?.value);
  const ss = sentences(t).filter((s) => s.text.length <= MAX_SENTENCE);
  const period = readPeriod(ss, year);
  if (period) add({ path: 'period', section: 'period', value: { from: period.from, to: period.to }, source: period.source, notes: [] });
  for (const p of readPhases(ss, year))
    add({ path: `phases.${p.phase.key}`, section: 'period', value: p.phase, source: p.source, notes: [] });

  let o = 0;
  const unparsed: SourceSpan[] = [];
  for (const s of ss) {
    const hits = obligationsIn(s, year);
    for (const h of hits) {
      const key = `o${++o}`;
      add({
        path: `obligations.${key}`,
        section: 'obligations',
        value: { key, ...h.obligation },
        source: h.source,
        quote: { start: h.phrase.start, end: h.phrase.end },
        notes: h.notes,
      });
    }
  }
  // A one-off date after the end of the period: final reports fall due after it (reportingUntil).
  if (period) {
    const last = proposals
      .filter((p) => p.section === 'obligations')
      .map((p) => ({ p, once: (p.value as { rule: { once?: string } }).rule.once }))
      .filter((x): x is { p: DraftProposal; once: string } => !!x.once && x.once > period.to)
      .sort((a, b) => (a.once < b.once ? 1 : -1))[0];
    if (last) add({ path: 'period.reportingUntil', section: 'period', value: last.once, source: last.p.source, notes: [] });
  }

  let q = 0;
  for (const line of lines(t)) {
    if (line.text.length > MAX_SENTENCE) continue;
    for (const h of quotasIn(line)) {
      const id = `q${++q}`;
      const value = { id, label: h.label, population: h.population, target: h.target, ...(h.times ? { times: h.times } : {}) };
      add({ path: `quotas.${id}`, section: 'quotas', value, source: h.source, notes: h.notes });
    }
  }
  readTables(t).forEach((tb, i) => {
    const key = `t${i + 1}`;
    const value = {
      key,
      label:
        tb.label ??
        tb.columns
          .map((c) => c.label)
          .join('、')
          .slice(0, 100),
      rowMode: 'fixed',
      rows: tb.rows.map((r, j) => ({ key: `r${j + 1}`, label: r })),
      measures: tb.columns.map((c, j) => ({ key: `c${j + 1}`, label: c.label, ...(c.unit ? { unit: c.unit } : {}), type: 'number' })),
    };
    add({ path: `tables.${key}`, section: 'tables', value, source: tb.source, notes: ['报表周期（日报/周报/月报…）请选择'] });
  });
  const focus: Partial<Record<FocusList, string[]>> = {};
  for (const f of readFocus(lines(t).filter((l) => l.text.length <= MAX_SENTENCE))) {
    if (focus[f.list]) continue; // the first list of each kind
    focus[f.list] = f.items;
    add({ path: `focus.${f.list}`, section: 'focus', value: f.items, source: f.source, notes: [] });
  }
  // Sentences that look like a rule but gave no proposal (spans sorted: one sweep).
  const spans = proposals.map((p) => p.source).sort((a, b) => a.start - b.start);
  let k = 0;
  for (const s of ss) {
    if (unparsed.length >= MAX_UNPARSED) break;
    while (k < spans.length && spans[k].end <= s.start) k++;
    if (k < spans.length && spans[k].start < s.end) continue;
    if (/每[周月日天]|每季度|[0-9一二三四五六七八九十]月[0-9一二三四五六七八九十]+日前|不低于|全覆盖/.test(s.text)) unparsed.push(s);
  }
  const definition = applyProposals(proposals);
  const r = checkDefinition(definition);
  return { definition, proposals, unparsed, issues: r.ok ? [] : r.issues };
}

/** Lines with their offsets (quota sentences run over a whole paragraph). */
function lines(t: string): SourceSpan[] {
  const out: SourceSpan[] = [];
  let at = 0;
  for (const l of t.split('\n')) {
    out.push({ text: l, start: at, end: at + l.length });
    at += l.length + 1;
  }
  return out;
}

/**
 * The definition the accepted proposals make: each proposal's value at its path; what none gives is
 * left out, and the period, phases and open deadline days say 方案未定 in the provenance.
 */
export function applyProposals(accepted: DraftProposal[]): CampaignDefinitionInput {
  const get = (path: string) => accepted.find((p) => p.path === path)?.value;
  const prefixed = (prefix: string) => accepted.filter((p) => p.path.startsWith(prefix)).map((p) => p.value);
  const provenance: Record<string, { kind: 'unset'; reason: string }> = {};
  const period = get('period') as { from: string; to: string } | undefined;
  const until = get('period.reportingUntil') as string | undefined;
  if (!period) provenance.period = { kind: 'unset', reason: '起草助手未在原文中找到行动起止日期' };
  const phases = prefixed('phases.');
  if (!phases.length) provenance.phases = { kind: 'unset', reason: '起草助手未在原文中找到工作阶段' };
  const obligations = prefixed('obligations.') as { key: string; rule: Record<string, unknown> }[];
  for (const ob of obligations) {
    const r = ob.rule;
    const where = `obligations.${ob.key}.rule`;
    if (r.every === 'week' && r.weekday == null) provenance[`${where}.weekday`] = { kind: 'unset', reason: '原文只写“每周”，未定星期几' };
    if ((r.every === 'month' || r.every === 'quarter') && r.day == null)
      provenance[`${where}.day`] = { kind: 'unset', reason: '原文只写“每月/每季度”，未定日期' };
  }
  const focus: Record<string, unknown> = {};
  for (const l of ['products', 'areas', 'objects', 'channels']) {
    const v = get(`focus.${l}`);
    if (v) focus[l] = v;
  }
  const def: Record<string, unknown> = { schemaVersion: 1 };
  for (const f of ['name', 'docNo', 'issuer', 'issuedOn'] as const) {
    const v = get(f);
    if (v !== undefined) def[f] = v;
  }
  if (period) def.period = { ...period, ...(until && until > period.to ? { reportingUntil: until } : {}) };
  def.phases = phases;
  def.focus = focus;
  def.quotas = prefixed('quotas.');
  def.tables = prefixed('tables.');
  def.obligations = obligations;
  def.provenance = provenance;
  return def as CampaignDefinitionInput;
}
