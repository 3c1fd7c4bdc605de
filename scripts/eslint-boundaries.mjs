// Import-boundary rule for ESLint (flat config plugin `yj`), checked in `npm run lint`.
// The layers it keeps (see ARCHITECTURE.md, "Rules the code keeps"):
//   1. src/server/core never imports a feature module or the demo data;
//   2. production code never imports src/server/demo (entry points main.ts and cli.ts wire it in);
//   3. a module reaches another module only through that module's public.ts
//      (the module list src/server/modules/index.ts wires each module.ts; tests and scripts may reach further);
//   4. src/contracts is shared by server and web: it imports neither;
//   5. src/web never imports the server or the database layer.
import path from 'node:path';

const ROOT = process.cwd();
const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');

function target(fromFile, spec) {
  if (!spec.startsWith('.')) return null; // packages
  const abs = path.resolve(path.dirname(fromFile), spec).replace(/\.(m?js|jsx)$/, '');
  return rel(abs);
}

// Tests, the test harnesses, benchmarks and developer scripts may reach further than production code.
const isTest = (f) =>
  /\.test\.tsx?$/.test(f) ||
  f.startsWith('src/test/') ||
  f.startsWith('bench/') ||
  f.startsWith('scripts/') ||
  f === 'src/server/security/harness.ts';
const moduleOf = (f) => /^src\/server\/modules\/([^/]+)\//.exec(f)?.[1];

/** The boundary broken by importing `to` from `from` (repo-relative paths), or null. */
export function violation(from, to) {
  if (to == null) return null;
  if (from.startsWith('src/server/core/') && (to.startsWith('src/server/modules/') || to.startsWith('src/server/demo/'))) {
    return 'core 不得引用业务模块或演示数据 (core must not import a module or demo/)';
  }
  const entry = from === 'src/server/main.ts' || from === 'src/server/cli.ts';
  if (to.startsWith('src/server/demo/') && !from.startsWith('src/server/demo/') && !entry && !isTest(from)) {
    return '生产代码不得引用演示数据 (production code must not import demo/)';
  }
  if (from.startsWith('src/contracts/') && /^src\/(server|db|web)\//.test(to)) {
    return 'contracts 由前后端共用，不得引用 server/db/web (contracts import neither side)';
  }
  if (from.startsWith('src/web/') && /^src\/(server|db)\//.test(to) && !isTest(from)) {
    return '前端不得引用服务端或数据库代码 (web must not import server/db)';
  }
  const a = moduleOf(from);
  const b = moduleOf(to);
  if (b && a !== b && !isTest(from)) {
    const publicFile = `src/server/modules/${b}/public`;
    const registry = from === 'src/server/modules/index.ts' && to === `src/server/modules/${b}/module`;
    if (to !== publicFile && !registry) {
      return `模块之间只能通过 ${b}/public.ts 引用 (modules reach each other only through public.ts)`;
    }
  }
  return null;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'layer and module import boundaries' }, schema: [] },
  create(context) {
    const from = rel(context.filename);
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const why = violation(from, target(context.filename, source.value));
      if (why) context.report({ node: source, message: `${why}: ${source.value}` });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => check(n, n.source),
    };
  },
};

export default { meta: { name: 'yj' }, rules: { boundaries: rule } };
