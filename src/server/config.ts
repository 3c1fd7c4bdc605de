import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runtime settings from the environment. Without DATABASE_URL the embedded PGlite is used, in demo mode. */
export function loadConfig(env = process.env) {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(rootDir, 'data')),
    demo: env.DEMO ? env.DEMO === '1' : !databaseUrl,
    webDir: path.join(rootDir, 'dist', 'web'),
    logger: env.LOG !== '0',
  };
}
