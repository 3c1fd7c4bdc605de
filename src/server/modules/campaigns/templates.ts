import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkDefinition, type CampaignDefinition } from '../../../contracts/campaigns.js';

/** The five seed plans, shipped as YAML definitions and offered as templates. */
const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seeds');

export interface Template {
  code: string;
  definition: CampaignDefinition;
}

let cache: Template[] | undefined;

/** Parse and validate every template; a broken template is a programming error. */
export function loadTemplates(): Template[] {
  if (cache) return cache;
  cache = readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const code = f.replace(/\.yaml$/, '');
      const r = checkDefinition(parse(readFileSync(path.join(DIR, f), 'utf8'), { merge: true }));
      if (!r.ok) throw new Error(`template ${code}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      return { code, definition: r.definition };
    });
  return cache;
}

export function getTemplate(code: string): Template | undefined {
  return loadTemplates().find((t) => t.code === code);
}

/** The raw YAML text of a template (for the advanced editor). */
export function templateYaml(code: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(code)) return undefined;
  try {
    return readFileSync(path.join(DIR, `${code}.yaml`), 'utf8');
  } catch {
    return undefined;
  }
}
