/** Where a proposed value was read: the sentence and its offsets in the pasted text. */
export interface SourceSpan {
  /** The sentence, exactly `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

/**
 * Split pasted text into sentences with exact offsets: at 。；;！？ and at line ends (a table row,
 * one line with tabs, is one sentence). Blanks around a sentence are left out of its span.
 */
export function sentences(text: string): SourceSpan[] {
  const out: SourceSpan[] = [];
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ text: text.slice(a, b), start: a, end: b });
  };
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(s, i);
      s = i + 1;
    } else if ('。；;！？'.includes(c)) {
      push(s, i + 1);
      s = i + 1;
    }
  }
  push(s, text.length);
  return out;
}

/** A part of a sentence as its own span (offsets into the whole text). */
export function sub(s: SourceSpan, from: number, to: number): SourceSpan {
  return { text: s.text.slice(from, to), start: s.start + from, end: s.start + to };
}

/** Enumerations: 创新所、兴隆所和振兴所 → [创新所, 兴隆所, 振兴所]. */
export function enumeration(s: string): string[] {
  return s
    .split(/以及|[、，,及和与]/)
    .map((x) => x.trim())
    .filter(Boolean);
}
