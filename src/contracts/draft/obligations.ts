import type { Obligation } from '../campaigns.js';
import { deadlinesIn } from './deadlines.js';
import { sub, type SourceSpan } from './text.js';

export interface ObligationHit {
  obligation: Omit<Obligation, 'key'> & { key?: string };
  /** The sentence. */
  source: SourceSpan;
  /** The deadline phrase inside it. */
  phrase: SourceSpan;
  notes: string[];
}

const UNIT =
  /^(?:各|本|县局|区局|旗局|市局)?[\u4e00-\u9fa5（）()]{1,24}?(?:所|股|室|大队|中队|分局|局|科|中心|组)(?:[（(][^）)]{1,12}[）)])?$/;

/** The units a sentence starts with (各市场监管所、稽查大队和相关股室按照要求…), when every item is a unit. */
function submittersOf(s: string, at: number): string[] {
  // The nearest clause at or before the deadline that names its subject (…，执法大队牵头汇总…，于每月1日前报…).
  const cuts = [0, ...[...s.slice(0, at).matchAll(/[，,。；]/g)].map((m) => m.index! + 1)];
  for (let i = cuts.length - 1; i >= 0; i--) {
    const found = subjectOf(s.slice(cuts[i], i === cuts.length - 1 ? undefined : cuts[i + 1]));
    if (found) return found;
  }
  return [];
}

function subjectOf(s: string): string[] | null {
  const head =
    /^(?:[0-9一二三四五六七八九十]+[.．、]\s*|[（(][一二三四五六七八九十]+[）)]\s*)?([^，,。；]{2,80}?)(?:按照|要|应|于|将|可|经|每|负责|牵头|务必|须|请)/.exec(
      s,
    );
  if (!head) return null;
  const items = head[1].split(/[、和及与]/).map((x) => x.trim());
  return items.length && items.every((x) => UNIT.test(x)) ? items : null;
}

/** Who receives: 报送至县局药械股 / 报送给旗局药械股 / 报执法大队 (a unit, not an e-mail box). */
function recipientOf(s: string, from: number): string | undefined {
  const rest = s.slice(from);
  const m =
    /(?:报送|上报|报|发送|提交)[^，,。；;]{0,30}?(?:至|给|到)\s*([^，,。；;（(]{2,40})/.exec(rest) ??
    /(?:报送|上报|报)(?![送告])\s*([^，,。；;（(]{2,40})/.exec(rest);
  if (!m) return undefined;
  const r = m[1].trim();
  return UNIT.test(r) && !/邮箱/.test(r) ? r : undefined;
}

/** What is reported: the words after the reporting verb, else between 将 and the verb. */
function labelOf(s: string, from: number): string {
  const rest = s.slice(from);
  const m = /^[^。；]*?(?:报送|上报|报(?![送告]))(?![至给到])\s*([^，,。；;（(]{2,40})/.exec(rest);
  const obj = /将([^，,。；;（(]{2,40}?)(?:[，,][^。；]*?)?(?:报送|上报|报|发送)/.exec(rest);
  const label = (obj?.[1] ?? m?.[1] ?? '').replace(/^(?:相关|工作)?/, '').trim();
  // Else the clause itself: a label is always words of the text.
  return (
    label ||
    s
      .slice(s.lastIndexOf('，', from) + 1)
      .replace(/[，,。；;].*$/, '')
      .slice(0, 100)
  );
}

function formOf(label: string): Obligation['form'] {
  if (/典型案例/.test(label)) return { type: 'typical_case' };
  if (/清单/.test(label)) return { type: 'risk_list' };
  if (/联络/.test(label)) return { type: 'liaison' };
  if (/报表|统计|数据/.test(label)) return { type: 'table' };
  return { type: 'narrative' };
}

/**
 * Report obligations: one per deadline phrase of a reporting sentence, with the sentence's own
 * submitters, recipient and subject. “报表及典型案例” in one sentence is two obligations.
 */
export function obligationsIn(s: SourceSpan, docYear: number | null): ObligationHit[] {
  const out: ObligationHit[] = [];
  for (const d of deadlinesIn(s.text, docYear)) {
    const submitters = submittersOf(s.text, d.start);
    const recipient = recipientOf(s.text, d.start);
    const label = (d.rule as { type?: string }).type === 'event' ? /重大\S{2}/.exec(d.text)![0] : labelOf(s.text, d.end);
    const notes = [...d.notes];
    if (!submitters.length) notes.push('原文未写明报送单位：请选择');
    if (!recipient) notes.push('原文未写明接收单位（或为邮箱）：请选择');
    const base = { rule: d.rule, submitters, ...(recipient ? { recipient } : {}) };
    const phrase = sub(s, d.start, d.end);
    // 统计报表及典型案例 → a table and a typical case, same rule.
    const both = d.rule.every ? /([^、，,。；的]{0,14}报表)[及和](典型案例)/.exec(s.text) : null;
    if (both) {
      out.push({ obligation: { ...base, label: both[1], form: { type: 'table' } }, source: s, phrase, notes });
      out.push({ obligation: { ...base, label: both[2], form: { type: 'typical_case' } }, source: s, phrase, notes });
    } else out.push({ obligation: { ...base, label, form: formOf(label) }, source: s, phrase, notes });
  }
  return out;
}
