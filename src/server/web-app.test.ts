import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import { buildApp } from './app.js';

/** Serving the built web app: a "building" page until it exists, then precompressed, cached assets. */
let database: Database;
let app: FastifyInstance;
const dist = mkdtempSync(path.join(tmpdir(), 'yj-dist-'));
const webDir = path.join(dist, 'web');
beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ db: database.db, webDir });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('web app', () => {
  it('while the build runs, pages say so and refresh themselves; the API answers', async () => {
    mkdirSync(path.join(dist, '.web-build.lock'));
    writeFileSync(path.join(dist, '.web-build.lock', 'pid'), String(process.pid));
    const page = await app.inject({ url: '/entities' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('正在构建界面');
    expect(page.body).toContain('http-equiv="refresh"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/nothing' })).json().code).toBe('NOT_FOUND');
    rmSync(path.join(dist, '.web-build.lock'), { recursive: true });
  });

  it('a failed build is shown as such', async () => {
    writeFileSync(path.join(dist, 'web-build-error.txt'), 'failed');
    expect((await app.inject({ url: '/' })).body).toContain('界面构建失败');
    rmSync(path.join(dist, 'web-build-error.txt'));
  });

  it('serves hashed assets precompressed and immutable, index.html revalidated', async () => {
    const js = `console.log(${JSON.stringify('x'.repeat(4000))});`;
    mkdirSync(path.join(webDir, 'assets'), { recursive: true });
    writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), js);
    writeFileSync(path.join(webDir, 'assets', 'index-abc123.js.br'), brotliCompressSync(js));
    writeFileSync(path.join(webDir, 'assets', 'index-abc123.js.gz'), gzipSync(js));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>');

    const br = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(js.length / 10);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.body).toBe(js);

    for (const url of ['/', '/entities/12']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('index-abc123.js');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await app.inject({ url: '/assets/missing-1.js' })).statusCode).toBe(404);
  });
});
