import type { SourceSpan } from './text.js';

export interface TableHit {
  label?: string;
  columns: { label: string; unit?: string }[];
  rows: string[];
  /** From the title line (or the header line) to the last row. */
  source: SourceSpan;
}

/**
 * Report tables pasted as tab-separated lines: a header line (two or more named cells) followed by
 * blank form rows (a row label, empty cells). The line above the header that names a 表 is its title.
 * A header followed by filled rows is a data table (任务分工表), not a report form: left out.
 */
export function readTables(text: string): TableHit[] {
  const lines: SourceSpan[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw, start: at, end: at + raw.length });
    at += raw.length + 1;
  }
  const cells = (l: string) => l.split('\t').map((c) => c.trim());
  const out: TableHit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const c = cells(lines[i].text);
    if (c.length < 3 || c.filter(Boolean).length < 3 || c.some((x) => /^\d+$/.test(x))) continue;
    const rows: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j].text.includes('\t'); j++) {
      const r = cells(lines[j].text);
      if (r.slice(1).some(Boolean)) break;
      if (r[0]) rows.push(r[0]);
    }
    if (!rows.length) continue;
    let label: string | undefined;
    let first = i;
    for (let k = i - 1; k >= Math.max(0, i - 8); k--) {
      const t = lines[k].text.replace(/^#+\s*/, '').replace(/\s+/g, '');
      if (/表$/.test(t)) {
        label = t;
        first = k;
        break;
      }
    }
    const columns = c
      .slice(1)
      .filter(Boolean)
      .map((h) => {
        const m = /^(.*?)\s*[（(]([^）)]{1,4})[）)]$/.exec(h);
        return m ? { label: m[1].trim(), unit: m[2] } : { label: h };
      });
    // The span runs from the title to the last row: every value of the table is in it.
    const start = lines[first].start;
    const end = lines[j - 1].start + lines[j - 1].text.trimEnd().length;
    out.push({ label, columns, rows, source: { text: text.slice(start, end), start, end } });
    i = j - 1;
  }
  return out;
}
