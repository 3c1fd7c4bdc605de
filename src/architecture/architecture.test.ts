import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';

/**
 * Rules of ARCHITECTURE.md that are checked, not hoped for. Each check reads the running app's
 * OpenAPI document or the source tree, so a new route or use case is covered the moment it is added.
 * (Writes guarded by read permissions: security/privilege.test.ts; versions on edits: core/versions.test.ts.)
 *
 * Ratchet: what the tree broke when a rule was introduced is listed as DEBT (to be paid off by the
 * kits issue). A new violation fails, and so does a debt entry that has been paid off but is still
 * listed, so the list only shrinks.
 */
const DEBT = {
  untyped: new Set<string>([
    'GET /api/audit 200 $.items[].before',
    'GET /api/audit 200 $.items[].after',
    'GET /api/campaign-templates/{code} 200 $.definition',
    'GET /api/campaigns/{id} 200 $.definition',
    'GET /api/campaigns/{id}/versions/{version} 200 $',
    'GET /api/campaigns/{id}/home 200 $',
    'PUT /api/campaigns/{id}/liaisons/{orgUnitId} 200 $',
    'PUT /api/campaigns/{id}/tasks/{no}/units/{orgUnitId} 200 $',
  ]),
  useCases: new Set<string>([
    'src/server/modules/audit/use-cases/list-audit.ts: auditVisible, listAudit',
    'src/server/modules/auth/use-cases/login.ts: usernameKey, lockMinutes, clearLoginFailures, login',
    'src/server/modules/campaigns/use-cases/confirm-value.ts: confirmValue, chooseReading',
    'src/server/modules/campaigns/use-cases/list-campaigns.ts: listCampaigns, getCampaign',
    'src/server/modules/campaigns/use-cases/list-versions.ts: diffSummary, listVersions, getVersion',
    'src/server/modules/campaigns/use-cases/update-task-progress.ts: updateTaskProgress, uploadEvidence, getEvidenceFile',
    'src/server/modules/campaigns/use-cases/validate-definition.ts: owningJurisdiction, definitionIssues, validDefinition, validateCampaignDefinition',
    'src/server/modules/entities/use-cases/create-entity.ts: checkEntityInput, writeLicences, createEntity',
    'src/server/modules/entities/use-cases/list-entities.ts: orderBy, entityWhere, listEntities',
    'src/server/modules/org/use-cases/create-person.ts: preparePerson, createPerson',
    'src/server/modules/org/use-cases/import-people.ts: importTemplate, importPeople',
    'src/server/modules/org/use-cases/list-jurisdictions.ts: listJurisdictions, jurisdictionChain',
    // The pure builders planWorkbook/printHtml (exports speed work) belong in their own files: next to move.
    'src/server/modules/planning/use-cases/export-plan.ts: planTasksForOutput, exportPlan, planWorkbook',
    'src/server/modules/planning/use-cases/print-plan.ts: printPlan, printHtml',
    'src/server/modules/planning/use-cases/get-coverage.ts: getCoverage, coverageOfPlan, stationTotals',
    'src/server/modules/planning/use-cases/list-plan-tasks.ts: taskRowsSql, listPlanTasks',
    'src/server/modules/tips/use-cases/add-tip-photo.ts: sniffImage, photoTooLarge, addTipPhoto',
  ]),
};
function ratchet(found: string[], debt: Set<string>) {
  expect(
    found.filter((f) => !debt.has(f)),
    'new violations',
  ).toEqual([]);
  expect(
    [...debt].filter((d) => !found.includes(d)),
    'paid-off debt still listed: remove it from DEBT',
  ).toEqual([]);
}
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** JSON-schema paths that accept anything (`{}`: what z.any()/z.unknown() become). */
export function untypedPaths(schema: unknown, at = '$'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const keys = Object.keys(s).filter((k) => k !== 'description' && k !== 'title');
  if (keys.length === 0) return [at];
  const out: string[] = [];
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push(...untypedPaths(v, `${at}.${k}`));
  if (s.items) out.push(...untypedPaths(s.items, `${at}[]`));
  for (const alt of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const [i, v] of ((s[alt] as unknown[]) ?? []).entries()) out.push(...untypedPaths(v, `${at}<${alt}${i}>`));
  }
  // A record of JSON values (an audit snapshot) is declared as such: `{type: object, additionalProperties: {}}`.
  const extra = s.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(extra).length > 0) out.push(...untypedPaths(extra, `${at}{*}`));
  return out;
}

const USE_CASE_DIRS = (root: string) =>
  readdirSync(path.join(root, 'src/server/modules'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(root, 'src/server/modules', d.name, 'use-cases'))
    .filter((d) => {
      try {
        return readdirSync(d).length > 0;
      } catch {
        return false;
      }
    });

/** Exported functions of a use-case file: one use case per file, plus nothing else callable. */
export function exportedFunctions(source: string): string[] {
  const re = /^export\s+(?:async\s+)?function\s+(\w+)|^export\s+const\s+(\w+)\s*=\s*(?:async\s*)?\(/gm;
  return [...source.matchAll(re)].map((m) => m[1] ?? m[2]);
}

/** Write routes guarded by a read permission (or by nothing more than being signed in). */
export function writesGuardedByRead(routes: { method: string; url: string; access: string }[], allowed: ReadonlySet<string>): string[] {
  return routes
    .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
    .filter(
      (r) =>
        r.access.endsWith('.read') || ((r.access === 'authenticated' || r.access === 'public') && !allowed.has(`${r.method} ${r.url}`)),
    )
    .map((r) => `${r.method} ${r.url} (${r.access})`);
}

/** Writes any signed-in person (or anyone) may make, each with its reason. */
const OPEN_WRITES = new Set([
  'POST /api/auth/login', // signing in
  'POST /api/auth/logout', // one's own session
  'POST /api/auth/change-password', // one's own password
  'POST /api/me/password', // one's own password
]);

describe('architecture', () => {
  it('no write is guarded by a read permission', () => {
    expect(writesGuardedByRead(t.app.routeTable, OPEN_WRITES)).toEqual([]);
    // planted
    expect(writesGuardedByRead([{ method: 'POST', url: '/api/x', access: 'campaigns.read' }], OPEN_WRITES)).toEqual([
      'POST /api/x (campaigns.read)',
    ]);
    expect(writesGuardedByRead([{ method: 'PUT', url: '/api/y', access: 'authenticated' }], OPEN_WRITES)).toEqual([
      'PUT /api/y (authenticated)',
    ]);
  });

  it('no response is untyped (z.any / z.unknown)', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const bad: string[] = [];
    for (const [url, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        for (const [status, res] of Object.entries<any>(op.responses ?? {})) {
          if (!/^2/.test(status)) continue;
          const schema = res.content?.['application/json']?.schema;
          if (!schema) continue; // files and empty bodies
          for (const p of untypedPaths(schema)) bad.push(`${method.toUpperCase()} ${url} ${status} ${p}`);
        }
      }
    }
    ratchet(bad, DEBT.untyped);
    // planted
    expect(untypedPaths({ type: 'object', properties: { definition: {} } })).toEqual(['$.definition']);
  });

  it('one use case per file', () => {
    const root = process.cwd();
    const bad: string[] = [];
    for (const dir of USE_CASE_DIRS(root)) {
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
        const fns = exportedFunctions(readFileSync(path.join(dir, f), 'utf8'));
        if (fns.length !== 1) bad.push(`${path.relative(root, path.join(dir, f))}: ${fns.join(', ') || 'none'}`);
      }
    }
    ratchet(bad, DEBT.useCases);
    // planted
    expect(exportedFunctions('export async function a() {}\nexport function b() {}\n')).toEqual(['a', 'b']);
  });
});
