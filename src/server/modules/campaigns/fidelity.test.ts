import { describe, expect, it } from 'vitest';
import { provenanceOf } from '../../../contracts/campaigns.js';
import { getAtPath } from '../../../contracts/definition-paths.js';
import { FIDELITY } from './fidelity.js';
import { getTemplate } from './templates.js';

for (const [code, rows] of Object.entries(FIDELITY)) {
  describe(`${code} against its plan`, () => {
    const d = getTemplate(code)!.definition;
    for (const r of rows) {
      if (r.kind === 'missing') continue;
      it(`${r.id} ${r.kind} ${r.path}`, () => {
        const at = getAtPath(d, r.path);
        const p = provenanceOf(d, r.path);
        if (r.kind === 'exact') {
          if (r.check) expect(r.check(d)).toBe(true);
          else expect(at.value, r.path).toEqual(r.value);
          // A value the plan states is shown as the plan's: quoted (or confirmed by the bureau).
          expect(p?.kind, `${r.path} provenance`).toMatch(/^(quoted|bureau)$/);
          if (p?.kind === 'quoted') expect(p.source).toBeTruthy();
        } else {
          const kind = r.kind === 'none' ? 'unset' : r.kind;
          expect(p, `${r.path} provenance`).toMatchObject({ kind, reason: expect.stringMatching(/\S{4,}/) });
          if (r.kind === 'unset') expect(at.found, `${r.path} must be left out`).toBe(false);
          else if (r.kind === 'none') {
            // Exact: the plan has no such value and the template gives none (an empty list for phases).
            expect(at.found && !(Array.isArray(at.value) && at.value.length === 0), `${r.path} must be left out`).toBe(false);
            expect(p?.path, `${r.path} marked 方案未定 itself`).toBe(r.path);
            expect(p?.source, `${r.path}: the plan's section`).toBeTruthy();
          } else expect(at.found, r.path).toBe(true);
        }
      });
    }
  });
}

it('lists each audited row once', () => {
  const ids = Object.values(FIDELITY)
    .flat()
    .map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
});
