import { iso } from './dates.js';
import { parseNumeral } from './numerals.js';
import type { SourceSpan } from './text.js';

/** A document field read from one line. */
export interface HeaderHit<T> {
  value: T;
  source: SourceSpan;
}

export interface DocumentHeader {
  name?: HeaderHit<string>;
  docNo?: HeaderHit<string>;
  issuer?: HeaderHit<string>;
  issuedOn?: HeaderHit<string>;
}

const clean = (s: string) => s.replace(/^#+\s*/, '').replace(/\s+/g, '');
const ISSUER = /(?:局|办公室|政府|委员会|委|厅|中心)$/;

/**
 * The document's own lines: 文号 (a line that is only “…〔2023〕66号”), issuer (“X文件”, “X关于印发…”,
 * or the line above the signature date), date of issue (a line that is only a full date, or “…印发”),
 * title (the first line ending in 方案 that is not the covering notice).
 */
export function readHeader(text: string): DocumentHeader {
  const lines: SourceSpan[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) lines.push({ text: t, start: at + lead, end: at + lead + t.length });
    at += raw.length + 1;
  }
  const out: DocumentHeader = {};
  const head = lines.slice(0, 40);
  for (const l of head) {
    const m = /^(?:#+\s*)?([\u4e00-\u9fa5]{1,15}〔\d{4}〕\s*\d+\s*号)$/.exec(l.text);
    if (m) {
      out.docNo = { value: m[1].replace(/\s+/g, ''), source: l };
      break;
    }
  }
  for (const l of head) {
    const file = /^(?:#+\s*)?(\S+?)文件$/.exec(l.text);
    const notice = /^(?:#+\s*)?(\S{2,40}?)关于印发/.exec(l.text);
    const v = file?.[1] ?? notice?.[1];
    if (v && ISSUER.test(v)) {
      out.issuer = { value: v, source: l };
      break;
    }
    // The issuer on its own line above “关于印发…的通知”.
    const next = head[head.indexOf(l) + 1];
    if (ISSUER.test(clean(l.text)) && next && /^(?:#+\s*)?关于/.test(next.text) && !/[，。、：]/.test(l.text)) {
      out.issuer = { value: clean(l.text), source: l };
      break;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const m =
      /^(?:(\S{2,40}?)\s+)?(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*([0-9一二三四五六七八九十]{1,3})\s*日(?:印发)?$/.exec(
        l.text,
      );
    if (!m) continue;
    const [y, mo, d] = [parseNumeral(m[2]), parseNumeral(m[3]), parseNumeral(m[4])];
    if (!y || !mo || !d || mo > 12 || d > 31) continue;
    out.issuedOn = { value: iso(y, mo, d), source: l };
    const above = m[1] ? { ...l, text: l.text } : lines[i - 1];
    const who = m[1] ?? clean(lines[i - 1]?.text ?? '');
    if (!out.issuer && above && ISSUER.test(who) && who.length <= 40) out.issuer = { value: who, source: above };
    break;
  }
  for (const l of lines.slice(0, 80)) {
    const t = clean(l.text);
    if (/方案$/.test(t) && !/^关于|印发|通知/.test(t) && t.length <= 60) {
      out.name = { value: t, source: l };
      break;
    }
  }
  return out;
}
