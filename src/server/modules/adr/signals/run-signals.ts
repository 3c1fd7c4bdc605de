import { writeFile } from 'node:fs/promises';
import { computeSignals, type SignalResult } from './compute.js';
import { formatNumber, formatSignalsCsv, readReportsCsv } from './csv.js';

/**
 * `npm run cli -- signals --in reports.csv --out signals.csv`: reads reports, writes one row per
 * observed pair, and returns the summary lines (fitted hyperparameters) for stdout. Needs no database.
 */
export async function runSignals(input: string, output: string): Promise<{ result: SignalResult; summary: string[] }> {
  const rows = await readReportsCsv(input);
  const result = computeSignals(rows);
  await writeFile(output, formatSignalsCsv(result.pairs), 'utf8');
  const h = result.hyper;
  const summary = [
    `reports: ${result.totals.reports}, pairs: ${result.pairs.length}`,
    `prior (gamma mixture, maximum likelihood): alpha1=${formatNumber(h.alpha1)} beta1=${formatNumber(h.beta1)} alpha2=${formatNumber(h.alpha2)} beta2=${formatNumber(h.beta2)} P=${formatNumber(h.P)}`,
    `logLik=${formatNumber(h.logLik)} converged=${h.converged} (starts converged: ${h.starts})`,
    `written: ${output}`,
  ];
  return { result, summary };
}
