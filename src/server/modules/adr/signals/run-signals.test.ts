import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { OUTPUT_COLUMNS, formatNumber } from './csv.js';
import { runSignals } from './run-signals.js';

const dir = mkdtempSync(path.join(tmpdir(), 'adr-signals-'));

describe('signals command', () => {
  it('reads quoted UTF-8 CSV with duplicates, writes sorted round-trip numbers and prints the prior', async () => {
    const input = path.join(dir, 'reports.csv');
    const output = path.join(dir, 'signals.csv');
    writeFileSync(
      input,
      '\uFEFFreport_id,drug,event\n' +
        'R1,"阿莫西林, 胶囊",皮疹\n' +
        'R1,"阿莫西林, 胶囊",皮疹\n' +
        'R2,"阿莫西林, 胶囊",恶心\n' +
        'R2,"布洛芬 ""缓释""",恶心\n' +
        'R3,"布洛芬 ""缓释""",恶心\n' +
        'R4,头孢,皮疹\n',
    );
    const { result, summary } = await runSignals(input, output);
    const text = readFileSync(output, 'utf8');
    const recs = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(recs[0])).toEqual([...OUTPUT_COLUMNS]);
    expect(recs.map((r) => [r.drug, r.event, r.N])).toEqual([
      ['头孢', '皮疹', '1'], // U+5934 < U+5E03 < U+963F
      ['布洛芬 "缓释"', '恶心', '2'],
      ['阿莫西林, 胶囊', '恶心', '1'],
      ['阿莫西林, 胶囊', '皮疹', '1'],
    ]);
    // Every number reads back to the exact double computed.
    recs.forEach((r, i) => {
      const p = result.pairs[i];
      for (const c of OUTPUT_COLUMNS.slice(2)) expect(r[c], `${i} ${c}`).toBe(formatNumber(p[c as keyof typeof p] as number));
      expect(Number(r.E)).toBe(p.E);
      expect(Number(r.EB05)).toBe(p.EB05);
    });
    // 布洛芬–恶心: N_total 4, a=2 b=0 c=0 d=2 → ROR = 4/0 = Inf, ROR_lower95 undefined (zero cell).
    expect(recs[1].ROR).toBe('Inf');
    expect(recs[1].ROR_lower95).toBe('NaN');
    expect(summary[0]).toBe('reports: 4, pairs: 4');
    expect(summary[1]).toMatch(/^prior \(gamma mixture, maximum likelihood\): alpha1=\S+ beta1=\S+ alpha2=\S+ beta2=\S+ P=\S+$/);
  });

  it('refuses a file without the required columns or with an empty value', async () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'id,drug,event\n1,a,b\n');
    await expect(runSignals(bad, path.join(dir, 'x.csv'))).rejects.toThrow(/missing column\(s\) report_id/);
    writeFileSync(bad, 'report_id,drug,event\n1,a,b\n2,,b\n');
    await expect(runSignals(bad, path.join(dir, 'x.csv'))).rejects.toThrow(/record 2/);
  });
});
