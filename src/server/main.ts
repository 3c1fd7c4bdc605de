import path from 'node:path';
import { DataDirError, openDatabase, type Database } from '../db/client.js';
import { buildApp } from './app.js';
import { DiskFileStore } from './core/files/store.js';
import { loadConfig } from './config.js';
import { seedDemo } from './demo/index.js';

const config = loadConfig();
let database: Database;
try {
  database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
} catch (e) {
  if (!(e instanceof DataDirError)) throw e;
  console.error(e.message);
  process.exit(1);
}
await database.migrate();

const app = await buildApp({
  db: database.db,
  logger: config.logger,
  webDir: config.webDir,
  trustProxy: config.trustProxy,
  jobs: { exclusive: database.kind === 'pglite' },
  files: new DiskFileStore(path.join(config.dataDir, 'files')),
});
// The server listens as soon as the schema is there; demo data (first start only) loads afterwards.
// Meanwhile the health check answers at once, and other API requests wait for the demo data (up to
// 60 s, so a first sign-in simply takes longer) before a clear 503 STARTING with Retry-After.
let loadingDemo = config.demo;
let demoLoaded: () => void = () => {};
const demoReady = new Promise<void>((resolve) => (demoLoaded = resolve));
app.addHook('onRequest', async (req, reply) => {
  if (!loadingDemo || !req.url.startsWith('/api/') || req.url.startsWith('/api/health')) return;
  await Promise.race([demoReady, new Promise((r) => setTimeout(r, 60_000).unref())]);
  if (!loadingDemo) return;
  return reply.status(503).header('retry-after', '5').send({ code: 'STARTING', message: '系统正在载入演示数据，请稍候再试' });
});
await app.listen({ port: config.port, host: config.host });
const cpu = process.cpuUsage();
console.log(
  `药监通 running on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'}; ` +
    `listening ${process.uptime().toFixed(1)} s after start, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`,
);
if (config.demo) {
  try {
    if (await seedDemo(database.db)) console.log('已载入演示数据 (demo data loaded)');
  } finally {
    loadingDemo = false;
    demoLoaded();
  }
}

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  });
}
