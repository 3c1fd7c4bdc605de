/**
 * Durability of the embedded PGlite: the real server process is killed (SIGKILL) in the middle
 * of a burst of concurrent writes, restarted on the same data folder, and every write it had
 * acknowledged must still be there. Repeated, so recovery itself is also recovered from.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { rootDir } from './config.js';
import { ADMIN_PASSWORD } from './demo/org-data.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yj-durability-'));
let server: ChildProcess | undefined;
let output = '';

afterAll(() => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as any).port as number;
      s.close(() => resolve(port));
    });
  });
}

async function start() {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG: '0', PORT: String(port), HOST: '127.0.0.1', DEMO: '1' };
  delete env.DATABASE_URL;
  output = '';
  server = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'src/server/main.ts')], {
    cwd: rootDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 40_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}) on start:\n${output}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return base;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${output}`);
}

async function kill() {
  const s = server!;
  if (s.exitCode !== null) return;
  const exited = new Promise((r) => s.once('exit', r));
  s.kill('SIGKILL');
  await exited;
}

/** The demo admin must replace the published password at first sign-in; later rounds use the new one. */
let adminPassword = ADMIN_PASSWORD;
async function loginAdmin(base: string) {
  // The server listens before the first start's demo data is loaded and answers 503 STARTING
  // (with Retry-After) until then; a client waits as the web app does.
  let res: Response;
  for (let i = 0; ; i++) {
    res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: adminPassword, bearer: true }),
    });
    if (res.status !== 503 || i >= 600) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(res.status).toBe(200);
  const body = (await res.json()) as { token: string; user: { mustChangePassword: boolean } };
  if (body.user.mustChangePassword) {
    const next = 'Durab1lity-Kill-Test';
    const changed = await fetch(`${base}/api/auth/change-password`, {
      method: 'POST',
      headers: { authorization: `Bearer ${body.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ oldPassword: adminPassword, newPassword: next }),
    });
    expect(changed.status).toBe(200);
    adminPassword = next;
  }
  return body.token;
}

async function call(base: string, token: string, url: string, body?: unknown) {
  return fetch(`${base}${url}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The demo city (盘锦市): the parent under which the burst creates counties. */
async function cityId(base: string, token: string) {
  const roots = (await (await call(base, token, '/api/jurisdictions')).json()) as { id: number }[];
  const cities = (await (await call(base, token, `/api/jurisdictions?parentId=${roots[0].id}`)).json()) as { id: number }[];
  return cities[0].id;
}

it('keeps every acknowledged write across SIGKILL in the middle of a write burst', async () => {
  const acknowledged = new Map<string, number>();
  for (let round = 1; round <= 3; round++) {
    const base = await start();
    const token = await loginAdmin(base);
    const parentId = await cityId(base, token);

    // Everything acknowledged before (including in earlier rounds) survived the last kill.
    const children = (await (await call(base, token, `/api/jurisdictions?parentId=${parentId}`)).json()) as { id: number; name: string }[];
    const present = new Map(children.map((c) => [c.name, c.id]));
    for (const [name, id] of acknowledged) expect(present.get(name), `acknowledged ${name} lost after kill`).toBe(id);
    if (round === 3) break;

    // A burst: 6 writers in flight at once; kill the server once enough writes were acknowledged.
    let seq = 0;
    let killed = false;
    let ackedThisRound = 0;
    let cutOff = 0;
    const writer = async (w: number) => {
      while (!killed) {
        const name = `压测${round}-${w}-${seq++}区`;
        try {
          const res = await call(base, token, '/api/jurisdictions', { parentId, name });
          if (res.status === 200) {
            const body = (await res.json()) as { id: number; name: string };
            acknowledged.set(body.name, body.id);
            ackedThisRound++;
          }
        } catch {
          // The connection died with the server: not acknowledged.
          cutOff++;
        }
      }
    };
    const killer = (async () => {
      const until = Date.now() + 20_000;
      while (ackedThisRound < 15 + round * 5 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      await kill();
      killed = true;
    })();
    await Promise.all([killer, ...Array.from({ length: 6 }, (_, w) => writer(w))]);
    expect(ackedThisRound).toBeGreaterThan(0);
    // The kill really hit requests in flight.
    expect(cutOff).toBeGreaterThan(0);
  }
  expect(acknowledged.size).toBeGreaterThanOrEqual(40);
  await kill();
}, 90_000);
