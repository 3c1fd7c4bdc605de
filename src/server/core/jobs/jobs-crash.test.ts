/**
 * A job survives SIGKILL in the middle of its work, on PGlite and on PostgreSQL: a child process
 * runs a job that writes its effect and then blocks; it is killed with SIGKILL; a new process on
 * the same database resumes the job at start and it finishes — with its effect recorded exactly
 * once (the killed attempt's transaction is gone).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rootDir } from '../../config.js';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.ts');
const onPostgres = process.env.YJ_TEST_DB === 'postgres';
let dataDir = '';
let dbUrl = '';
let dbName = '';

beforeAll(async () => {
  if (onPostgres) {
    dbName = `yj_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
  } else dataDir = mkdtempSync(path.join(os.tmpdir(), 'yj-jobs-'));
});
afterAll(async () => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (dbName) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
});

/** Run the child until a line matching `until` appears; kill it with SIGKILL then, or wait for its exit. */
function run(env: Record<string, string>, until: RegExp, kill: boolean): Promise<string> {
  const e: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (onPostgres) e.DATABASE_URL = dbUrl;
  else {
    delete e.DATABASE_URL;
    e.DATA_DIR = dataDir;
  }
  const p = spawn(process.execPath, ['--import', 'tsx', child], { cwd: rootDir, env: e, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`child timed out:\n${out}`));
    }, 200_000);
    const onData = (d: Buffer) => {
      out += d;
      if (kill && until.test(out)) p.kill('SIGKILL');
    };
    p.stdout.on('data', onData);
    p.stderr.on('data', onData);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!until.test(out)) reject(new Error(`child exited (${code ?? signal}) without ${until}:\n${out}`));
      else resolve(out);
    });
  });
}

async function query(q: string) {
  if (onPostgres) {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    try {
      return (await c.query(q)).rows;
    } finally {
      await c.end();
    }
  }
  const { openDatabase } = await import('../../../db/client.js');
  const { sql } = await import('drizzle-orm');
  const d = await openDatabase({ dataDir });
  try {
    return (await d.db.execute(sql.raw(q))).rows as any[];
  } finally {
    await d.close();
  }
}

it('a job killed with SIGKILL mid-work is resumed at restart and takes effect exactly once', async () => {
  const first = await run({ ENQUEUE: '1', BLOCK: '1' }, /BLOCKING \d+/, true);
  const id = Number(/QUEUED (\d+)/.exec(first)![1]);
  expect(first).toContain(`BLOCKING ${id}`);
  const [left] = await query(`select status, attempts from jobs where id = ${id}`);
  expect(left).toMatchObject({ status: 'running', attempts: 1 });
  const second = await run({}, /DONE \d+ \w+/, false);
  expect(second).toContain(`DONE ${id} done`);
  const [job] = await query(`select status, attempts, result from jobs where id = ${id}`);
  expect(job).toMatchObject({ status: 'done', attempts: 2, result: { effect: true } });
  const effects = await query(`select count(*)::int as n from job_effects where job_id = ${id}`);
  expect(effects[0].n).toBe(1);
}, 300_000);
