import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftDefinition, type Draft } from '../../../../contracts/draft/index.js';
import { loadTemplates } from '../templates.js';
import { scoreDraft, type DraftScore } from './score.js';

/** The seed notices' text as pasted (public government notices), beside their definitions. */
const TEXT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'seeds', 'text');

export const seedText = (code: string) => readFileSync(path.join(TEXT_DIR, `${code}.txt`), 'utf8');

/** Draft each seed from its text and score it against the seed's hand-made definition. */
export function scoreSeeds(): { code: string; draft: Draft; score: DraftScore }[] {
  return loadTemplates().map((t) => {
    const draft = draftDefinition(seedText(t.code));
    return { code: t.code, draft, score: scoreDraft(t.definition, draft.definition) };
  });
}

/** The scores as a printed table. */
export function scoreTable(rows: { code: string; score: DraftScore }[]): string {
  const pct = (r: number, t: number) => (t ? `${r}/${t}` : '–').padStart(7);
  const out = [
    'seed       dates  deadlines  quotas   all       share',
    ...rows.map(
      ({ code, score: s }) =>
        `${code.padEnd(9)} ${pct(s.groups.dates.right, s.groups.dates.total)} ${pct(s.groups.deadlines.right, s.groups.deadlines.total)}    ${pct(s.groups.quotas.right, s.groups.quotas.total)} ${pct(s.right, s.total)}  ${(s.share * 100).toFixed(1).padStart(6)}%`,
    ),
  ];
  return out.join('\n');
}
