import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { shanghaiToday } from '../contracts/calendar.js';
import { migrationsFolder, openDatabase, type Database } from '../db/client.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite (loaded from a migrated snapshot),
 * or (YJ_TEST_DB=postgres) a new database on the server in DATABASE_URL, dropped again on close.
 *
 * On PostgreSQL every test file's database is a copy of one template migrated once per set of
 * migrations (`create database … template`, a file copy) instead of running every migration again
 * per file; the template's name carries a hash of the migrations, so a changed migration makes a new one.
 */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.YJ_TEST_DB === 'postgres') {
    const base = process.env.DATABASE_URL;
    if (!base) throw new Error('YJ_TEST_DB=postgres needs DATABASE_URL');
    const name = `yj_test_${randomBytes(6).toString('hex')}`;
    const template = await migratedTemplate(base);
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      // 55006: the template is briefly in use (another copy starting): try again.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`create database ${name} template ${template}`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        }
      }
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ url: withDatabase(base, name) });
    // A no-op on the copy (every migration is recorded), kept so a test database is always checked.
    await database.migrate();
    const close = database.close;
    database.close = async () => {
      await close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
    return database;
  }
  const database = await openDatabase({ loadDataDir: await pgliteSnapshot() });
  // A no-op on the snapshot (every migration is recorded), kept so a test database is always checked.
  await database.migrate();
  return database;
}

/**
 * A fresh database holding what `seed` makes, for browser tests that all start from the full demo
 * data: on PGlite the seeded database is kept as a data-folder archive in the temporary folder, keyed
 * by the PGlite version, the Beijing date (demo dates are relative to today) and a hash of every
 * source file the seed can reach (server, contracts, db), so the first browser test file of a run
 * seeds and the others load the archive (seeding the demo costs ~10–30 s; loading ~2 s).
 * On PostgreSQL it seeds each time.
 */
export async function createSeededTestDatabase(name: string, seed: (db: Database['db']) => Promise<void>): Promise<Database> {
  if (process.env.YJ_TEST_DB === 'postgres') {
    const database = await createTestDatabase();
    await seed(database.db);
    return database;
  }
  const h = createHash('sha256').update(shanghaiToday()).update(migrationsHash());
  const root = path.resolve(migrationsFolder, '../..');
  for (const dir of ['server', 'contracts', 'db']) {
    for (const f of readdirSync(path.join(root, dir), { recursive: true }).map(String).sort()) {
      if (/\.(ts|mjs|json|yaml|sql)$/.test(f) && !f.endsWith('.test.ts')) h.update(f).update(readFileSync(path.join(root, dir, f)));
    }
  }
  const file = path.join(tmpdir(), `yj-pglite-${pgliteVersion()}-${name}-${h.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(file)) {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
    await database.migrate();
    return database;
  }
  const database = await createTestDatabase();
  await seed(database.db);
  const blob = (await (database.raw as PGlite).dumpDataDir('none')) as Blob;
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  renameSync(tmp, file);
  return database;
}

/** The installed PGlite's version (its package.json is not among its exports: read from the folder). */
function pgliteVersion() {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  let dir = path.dirname(entry);
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The embedded database freshly migrated, as a data-folder archive made once per set of migrations
 * and PGlite version and kept in the system's temporary folder: loading it takes about a quarter of
 * the CPU of migrating a new in-memory database, which every test file would otherwise do.
 * Written to a temporary name and renamed, so a parallel worker never reads half a file.
 */
async function pgliteSnapshot(): Promise<Blob> {
  const version = pgliteVersion();
  const file = path.join(tmpdir(), `yj-pglite-${version}-${migrationsHash()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const fresh = await openDatabase({});
  try {
    await fresh.migrate();
    const blob = (await (fresh.raw as PGlite).dumpDataDir('none')) as Blob;
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file);
    return blob;
  } finally {
    await fresh.close();
  }
}

function withDatabase(base: string, name: string) {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The migrations' content hash: the template's name. */
function migrationsHash() {
  const h = createHash('sha256');
  for (const f of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (f.endsWith('.sql') || f.endsWith('_journal.json')) h.update(f).update(readFileSync(path.join(migrationsFolder, f)));
  }
  return h.digest('hex').slice(0, 16);
}

let templateName: Promise<string> | undefined;

/**
 * The migrated template database for the current migrations, made once (test workers run in
 * parallel: a session advisory lock lets one make it while the others wait). Templates of other
 * migrations are left alone: another checkout may be using them.
 */
function migratedTemplate(base: string): Promise<string> {
  return (templateName ??= (async () => {
    const name = `yj_tpl_${migrationsHash()}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query('select pg_advisory_lock(7461, 1)');
      const { rows } = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
      if (!rows.length) {
        const building = `${name}_building`;
        await admin.query(`drop database if exists ${building} with (force)`);
        await admin.query(`create database ${building}`);
        const database = await openDatabase({ url: withDatabase(base, building) });
        try {
          await database.migrate();
        } finally {
          await database.close();
        }
        // Renamed only once complete: a crash mid-migration never leaves a half-made template.
        await admin.query(`alter database ${building} rename to ${name}`);
      }
      return name;
    } finally {
      await admin.query('select pg_advisory_unlock(7461, 1)').catch(() => undefined);
      await admin.end();
    }
  })());
}
