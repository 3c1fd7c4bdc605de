import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries of ARCHITECTURE.md are an ESLint rule (scripts/eslint-boundaries.mjs) run by
 * `npm run lint` in CI. Here each boundary is planted once in a file that does not exist and linted
 * through the project's own config, so a rule that stops firing fails this test.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(file: string, code: string) {
  const [res] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return res.messages.filter((m) => m.ruleId === 'yj/boundaries').map((m) => m.message);
}

describe('import boundaries', () => {
  it('core never imports a module', async () => {
    expect(
      await boundaryErrors('src/server/core/planted.ts', "import { x } from '../modules/tips/queries.js';\nexport const y = x;\n"),
    ).toEqual([expect.stringContaining('core')]);
  });

  it('production code never imports the demo data', async () => {
    const code = "import { x } from '../../demo/tree.js';\nexport const y = x;\n";
    expect(await boundaryErrors('src/server/modules/org/planted.ts', code)).toEqual([expect.stringContaining('demo')]);
    // a test may use the demo data
    expect(await boundaryErrors('src/server/modules/org/planted.test.ts', code)).toEqual([]);
  });

  it('a module reaches another only through its public file', async () => {
    expect(
      await boundaryErrors('src/server/modules/dashboard/planted.ts', "import { x } from '../tips/queries.js';\nexport const y = x;\n"),
    ).toEqual([expect.stringContaining('public.ts')]);
    expect(
      await boundaryErrors('src/server/modules/dashboard/planted.ts', "import { x } from '../tips/public.js';\nexport const y = x;\n"),
    ).toEqual([]);
    // inside one module anything goes
    expect(await boundaryErrors('src/server/modules/tips/planted.ts', "import { x } from './queries.js';\nexport const y = x;\n")).toEqual(
      [],
    );
  });

  it('contracts import neither side, web never imports the server', async () => {
    expect(
      await boundaryErrors('src/contracts/planted.ts', "import { x } from '../server/core/audit.js';\nexport const y = x;\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors('src/web/features/tips/Planted.tsx', "import { x } from '../../../db/client.js';\nexport const y = x;\n"),
    ).toHaveLength(1);
  });
});
