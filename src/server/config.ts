import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runtime settings from the environment. Without DATABASE_URL the embedded PGlite is used, in demo mode. */
export function loadConfig(env = process.env) {
  const databaseUrl = env.DATABASE_URL || undefined;
  const demo = env.DEMO ? env.DEMO === '1' : !databaseUrl;
  return {
    port: Number(env.PORT ?? 3000),
    // Demo mode has published passwords: only this machine may reach it unless HOST says otherwise.
    host: env.HOST || (demo ? 'localhost' : '0.0.0.0'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(rootDir, 'data')),
    demo,
    webDir: path.join(rootDir, 'dist', 'web'),
    logger: env.LOG !== '0',
  };
}

/**
 * TRUST_PROXY: unset/empty/"false" → no proxy is trusted (X-Forwarded-For is ignored, the socket's
 * address is the client's); "true" → any (only behind a proxy that overwrites the header);
 * a number → that many proxy hops; otherwise a comma-separated list of proxy addresses or CIDRs.
 */
export function parseTrustProxy(v: string | undefined): boolean | number | string {
  const s = (v ?? '').trim();
  if (!s || s === 'false' || s === '0') return false;
  if (s === 'true') return true;
  if (/^\d+$/.test(s)) return Number(s);
  return s;
}
