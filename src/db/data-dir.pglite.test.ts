import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataDir, openDatabase } from './client.js';

/** DATA_DIR on disk: start on an empty folder or one with harmless files; say clearly what is wrong otherwise. */
const base = mkdtempSync(path.join(tmpdir(), 'yj-data-dir-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function openAndQuery(dir: string) {
  const database = await openDatabase({ dataDir: dir });
  try {
    const r = await database.db.execute('select 41 + 1 as x' as any);
    return (r as any).rows[0].x;
  } finally {
    await database.close();
  }
}

describe('DATA_DIR', () => {
  it('creates the database in a folder that does not exist yet, and opens it again', async () => {
    const dir = path.join(base, 'new/nested');
    expect(await openAndQuery(dir)).toBe(42);
    expect(await openAndQuery(dir)).toBe(42);
  }, 300_000);

  it('creates the database in an existing folder holding a .gitkeep and a log file, keeping them', async () => {
    const dir = path.join(base, 'with-files');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '.gitkeep'), '');
    writeFileSync(path.join(dir, 'server.log'), 'started\n');
    expect(await openAndQuery(dir)).toBe(42);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['.gitkeep', 'server.log', 'PG_VERSION']));
    expect(readdirSync(dir).filter((f) => f.startsWith('.init-'))).toEqual([]);
    expect(await openAndQuery(dir)).toBe(42);
  }, 300_000);

  it("refuses a folder holding another program's files, naming them, in Chinese and English", async () => {
    const dir = path.join(base, 'foreign');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'orders.db'), 'x');
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/DATA_DIR=.*不是空的.*orders\.db[\s\S]*not empty/);
    expect(readdirSync(dir)).toEqual(['orders.db']);
  });

  it('refuses a file, and PostgreSQL data of another version, saying so', () => {
    const file = path.join(base, 'a-file');
    writeFileSync(file, '');
    expect(() => checkDataDir(file)).toThrow(/不是文件夹[\s\S]*not a folder/);
    const old = path.join(base, 'pg16');
    mkdirSync(old);
    writeFileSync(path.join(old, 'PG_VERSION'), '16\n');
    expect(() => checkDataDir(old)).toThrow(/PostgreSQL 16[\s\S]*PostgreSQL 16 data/);
  });
});
