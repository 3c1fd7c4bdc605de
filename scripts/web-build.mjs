// Build the web app when its sources are newer than the last build. Used by `npm start` (in the
// background: `node scripts/web-build.mjs`) and by browser tests. Text assets are precompressed
// (brotli + gzip, served by @fastify/static `preCompressed`). A failed build leaves
// dist/web-build-error.txt, which the server shows instead of the app.
// Safe when several processes call it at once (parallel test files, `npm start` next to a test run):
// one builds under a lock while the others wait, and the build lands in a fresh directory that replaces
// dist/web in one rename, so a server never serves a half-written or emptied build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const webDir = path.join(root, 'dist/web');
const lockDir = path.join(root, 'dist/.web-build.lock');
const errorFile = path.join(root, 'dist/web-build-error.txt');
const STALE_LOCK_MS = 15 * 60_000;

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (/\.test\.tsx?$/.test(e.name)) continue; // tests are not part of the build
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Write name.br and name.gz beside every text asset worth compressing (what the server sends as is). */
function precompress(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      precompress(p);
      continue;
    }
    if (!/\.(js|mjs|css|html|svg|json|txt|map)$/.test(e.name)) continue;
    const raw = readFileSync(p);
    if (raw.length < 1024) continue;
    writeFileSync(
      `${p}.br`,
      brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    );
    writeFileSync(`${p}.gz`, gzipSync(raw, { level: 9 }));
  }
}

export function webBuildNeeded() {
  return !upToDate();
}

function upToDate() {
  const built = path.join(webDir, 'index.html');
  const sources = Math.max(
    newest(path.join(root, 'src/web')),
    newest(path.join(root, 'src/contracts')),
    statSync(path.join(root, 'vite.config.ts')).mtimeMs,
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
  );
  return existsSync(built) && statSync(built).mtimeMs >= sources;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Take the build lock (a directory: mkdir is atomic); a lock left by a dead process is taken over. */
function lock() {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let owner = 0;
    let since = Date.now();
    try {
      since = statSync(lockDir).mtimeMs;
      owner = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
      // Just created (no pid yet) or just released: look again.
    }
    if ((owner && !alive(owner)) || Date.now() - since > STALE_LOCK_MS) rmSync(lockDir, { recursive: true, force: true });
    else Atomics.wait(sleeper, 0, 0, 200);
  }
}

export function ensureWebBuild() {
  if (upToDate()) return;
  lock();
  try {
    if (upToDate()) return; // another process built it while we waited
    console.log('building web app ...');
    const out = path.join(root, `dist/web.build-${process.pid}`);
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', out, '--emptyOutDir'],
      // Always a production build: run from a test (NODE_ENV=test) or a shell with NODE_ENV=development,
      // Vite would otherwise keep that value and bundle React's development build (twice the script,
      // several times slower) — which `npm start` would then serve, the build being up to date.
      { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
    );
    if (r.status !== 0) {
      rmSync(out, { recursive: true, force: true });
      writeFileSync(errorFile, `web build failed (vite exit ${r.status ?? r.signal}); run \`npm run build:web\` to see why\n`);
      throw new Error('web build failed');
    }
    precompress(out);
    rmSync(errorFile, { force: true });
    const old = path.join(root, `dist/web.old-${process.pid}`);
    if (existsSync(webDir)) renameSync(webDir, old);
    renameSync(out, webDir);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

// `node scripts/web-build.mjs`: build now if stale (npm start runs this in the background).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureWebBuild();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
