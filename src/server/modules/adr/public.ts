/**
 * What other modules may use of adr: nothing yet. Its records enter risks and clues through their
 * public.ts (openRisk / openClue, source type 'adr' = a cluster alert). Signal statistics read
 * `adr_reactions` joined with `adr_report_drugs` (one row per report × term, per report × drug).
 */
export {};
