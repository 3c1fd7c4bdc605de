/**
 * What other code may use of adr. Its records enter risks and clues through their public.ts
 * (openRisk / openClue, source type 'adr' = a cluster alert). Signal statistics read `adr_reactions`
 * joined with `adr_report_drugs` (one row per report × term, per report × suspected drug).
 *  - `insertReports(tx, prepared, meta)` and `detectClusters(tx, ctx, reportIds)`: write validated
 *    reports and run the cluster check over them (demo seeding, bulk loaders), in the caller's transaction.
 *  - `runSignals(argv)`: the `signals` command of the CLI (CSV in, disproportionality measures out; no database).
 */
export { insertReports, type PreparedReport } from './report-rows.js';
export { detectClusters } from './clusters.js';
export { runSignals } from './signals/run-signals.js';
