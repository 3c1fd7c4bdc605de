import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { SignalInputRow, SignalRow } from './compute.js';

/**
 * CSV in and out for the `signals` command. Input: UTF-8 (a BOM is allowed), a header line naming
 * `report_id,drug,event` (other columns are ignored), one row per drug and event on a report, RFC 4180
 * quoting; values are taken exactly as written. Output: one row per pair with numbers written so they
 * read back to the same double (JavaScript's shortest round-trip form), Infinity as `Inf`/`-Inf`, NaN as `NaN`.
 */

export const OUTPUT_COLUMNS = ['drug', 'event', 'N', 'E', 'PRR', 'ROR', 'ROR_lower95', 'IC', 'IC025', 'EBGM', 'EB05', 'EB95'] as const;
const INPUT_COLUMNS = ['report_id', 'drug', 'event'] as const;

export async function readReportsCsv(path: string): Promise<SignalInputRow[]> {
  const rows: SignalInputRow[] = [];
  const parser = createReadStream(path).pipe(parse({ bom: true, columns: true, skip_empty_lines: true, relax_column_count: false }));
  let line = 1;
  for await (const rec of parser as AsyncIterable<Record<string, string>>) {
    line++;
    if (line === 2) {
      const missing = INPUT_COLUMNS.filter((c) => !(c in rec));
      if (missing.length) throw new Error(`${path}: missing column(s) ${missing.join(', ')} (need a header line report_id,drug,event)`);
    }
    const reportId = rec.report_id;
    const drug = rec.drug;
    const event = rec.event;
    if (!reportId || !drug || !event) throw new Error(`${path}: record ${line - 1}: report_id, drug and event must not be empty`);
    rows.push({ reportId, drug, event });
  }
  return rows;
}

/** A number as it round-trips: String(x) for finite values, `Inf`, `-Inf`, `NaN` otherwise. */
export function formatNumber(x: number): string {
  if (Number.isFinite(x)) return String(x);
  if (Number.isNaN(x)) return 'NaN';
  return x > 0 ? 'Inf' : '-Inf';
}

function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatSignalsCsv(pairs: readonly SignalRow[]): string {
  const out = [OUTPUT_COLUMNS.join(',')];
  for (const p of pairs) {
    out.push(
      [
        field(p.drug),
        field(p.event),
        ...OUTPUT_COLUMNS.slice(2).map((c) => formatNumber(p[c as Exclude<(typeof OUTPUT_COLUMNS)[number], 'drug' | 'event'>])),
      ].join(','),
    );
  }
  return out.join('\n') + '\n';
}
