import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { html } from '../contracts/html.js';

/**
 * The built web app (`dist/web`, written by `scripts/web-build.mjs`). `npm start` runs the server at
 * once and builds the web app in the background when its sources changed; until the build lands,
 * pages answer "正在构建界面…" (200, refreshing itself, not cached) while the API already works.
 * Hashed assets are immutable for a year and sent precompressed (brotli/gzip files made at build);
 * index.html is revalidated on every visit so a new build is picked up at once.
 */
export type WebState = 'ready' | 'building' | 'failed' | 'missing';

export function webState(webDir: string): WebState {
  const dist = path.dirname(webDir);
  const lock = path.join(dist, '.web-build.lock');
  if (existsSync(lock)) {
    let pid = 0;
    try {
      pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
      if (pid) process.kill(pid, 0);
      return 'building';
    } catch (e) {
      if (!pid || (e as NodeJS.ErrnoException).code === 'EPERM') return 'building';
      // The builder died: fall through to what is on disk.
    }
  }
  if (existsSync(path.join(dist, 'web-build-error.txt'))) return 'failed';
  return existsSync(path.join(webDir, 'index.html')) ? 'ready' : 'missing';
}

const MESSAGES: Record<Exclude<WebState, 'ready'>, [string, string]> = {
  building: ['正在构建界面…首次启动约需一两分钟，本页会自动刷新。', 'Building the web interface… this page refreshes itself.'],
  failed: [
    '界面构建失败，请查看服务器日志（dist/web-build-error.txt）。',
    'The web build failed: see the server log (dist/web-build-error.txt).',
  ],
  missing: [
    '界面尚未构建：请用 npm start 启动，或先运行 npm run build:web。',
    'The web app is not built: start with npm start, or run npm run build:web first.',
  ],
};

function waitingPage(state: Exclude<WebState, 'ready'>) {
  const [zh, en] = MESSAGES[state];
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${state === 'building' ? html`<meta http-equiv="refresh" content="3">` : ''}
<title>药监通</title><style>body{font-family:sans-serif;margin:20vh auto;max-width:32em;padding:0 16px;color:#333;text-align:center}p{color:#888}</style>
</head><body><h2>${zh}</h2><p>${en}</p></body></html>`.toString();
}

export async function serveWebApp(app: FastifyInstance, webDir: string) {
  let ready = false;
  const isReady = () => (ready ||= webState(webDir) === 'ready');
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, file) => {
      const immutable = file.startsWith(path.join(webDir, 'assets') + path.sep);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
    }
    if (req.url.startsWith('/assets/')) return reply.status(404).header('cache-control', 'no-store').type('text/plain').send('not found');
    if (!isReady()) {
      const state = webState(webDir) as Exclude<WebState, 'ready'>;
      // While it builds, a person opening the address gets a readable page that refreshes itself (200);
      // a failed or missing build is an error (503).
      return reply
        .status(state === 'building' ? 200 : 503)
        .header('cache-control', 'no-store')
        .header('retry-after', '3')
        .type('text/html; charset=utf-8')
        .send(waitingPage(state));
    }
    // Client-side routes: the app's index.html, revalidated on every visit.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
