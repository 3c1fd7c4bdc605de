import { sql } from 'drizzle-orm';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jurisdictions } from '../../../db/schema/index.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { multipartFile } from '../../../test/multipart.js';
import { systemActor, type Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { ctxOf, idParams } from '../http.js';
import { pathInScope } from '../scope.js';
import type { ModuleDefinition } from '../extensions.js';
import { attachFile, attachStaged, presentFile, receiveEvidence, releaseStaged, stageUpload, storeUpload } from './index.js';
import { exifTime } from './images.js';
import type { DiskFileStore } from './store.js';
import { eq } from 'drizzle-orm';

/**
 * The file kit end to end, on a real database (PGlite and PostgreSQL) and a real folder. A test-only
 * record type stands in for the coming modules: a "test record" is a jurisdiction, readable by
 * whoever's area contains it; its test-only module (upload route, owner) is built the way a module's will be.
 */
const mayRead = async (ctx: Ctx, id: number) => {
  const [j] = await ctx.db.select({ path: jurisdictions.path }).from(jurisdictions).where(eq(jurisdictions.id, id));
  return !!j && pathInScope(ctx.actor, j.path);
};

let t: TestApp;
let app: FastifyInstance;
let admin: Client, xl: Client, cx: Client;
let xlRecord: number, cxRecord: number;

beforeAll(async () => {
  const testRecords: ModuleDefinition = {
    name: 'test-records',
    contributes: { attachmentOwners: [{ key: 'test-record', mayRead }] },
    routes: async (a) => {
      a.post(
        '/api/test-records/:id/files',
        { config: { access: 'authenticated' }, schema: { params: idParams, consumes: ['multipart/form-data'] } },
        async (req: any) => {
          const ctx = ctxOf(req);
          const id = z.coerce.number().parse(req.params.id);
          if (!(await mayRead(ctx, id))) throw notFound('记录');
          const upload = await receiveEvidence(req);
          return storeUpload(ctx, upload, async (_tx, attach) => {
            const f = await attach({ recordType: 'test-record', recordId: id, jurisdictionId: id });
            if (req.headers['x-test-fail']) throw new AppError('TEST_FAIL', '测试：事务失败', 409);
            return presentFile(f);
          });
        },
      );
    },
  };
  t = await createTestApp({ modules: [testRecords] });
  app = t.app;
  [admin, xl, cx] = await Promise.all(['admin', 'inspector_xl', 'inspector_cx'].map((u) => t.as(u)));
  xlRecord = t.org.stations['兴隆'].jurisdictionId;
  cxRecord = t.org.stations['创新'].jurisdictionId;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const store = () => app.files as DiskFileStore;
const count = async (table: 'files' | 'file_attachments') =>
  Number(((await t.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)) as any).rows[0].n);
async function onDisk(): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(store().root, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  return out.sort();
}
const upload = (
  c: Client,
  record: number,
  name: string,
  data: Buffer,
  type = 'application/octet-stream',
  headers: Record<string, string> = {},
) => {
  const m = multipartFile('file', name, data, type);
  return c.request({ method: 'POST', url: `/api/test-records/${record}/files`, payload: m.payload, headers: { ...m.headers, ...headers } });
};
async function adminCtx(): Promise<Ctx> {
  const [u] = ((await t.database.db.execute(sql`select id from users where username = 'admin'`)) as any).rows;
  return { db: t.database.db, actor: { ...systemActor(), id: u.id }, files: app.files, ext: app.ext };
}

/** A 400×200 camera JPEG shown rotated (EXIF orientation 6), taken 2026-11-03 09:15:30 (no offset: Beijing) at 41.125 N, 122.0701 E. */
const cameraJpeg = () =>
  sharp({ create: { width: 400, height: 200, channels: 3, background: '#2a6' } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD2: { DateTimeOriginal: '2026:11:03 09:15:30' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 7/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '122/1 4/1 1234/100' },
      },
    })
    .toBuffer();
const png = (w: number, h: number, background = '#c33') =>
  sharp({ create: { width: w, height: h, channels: 4, background } })
    .png()
    .toBuffer();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2048, 0x41)]);

describe('storing evidence files', () => {
  it('stores a camera photo with its EXIF time and place, upright size and an upright 320 px thumbnail', async () => {
    const jpeg = await cameraJpeg();
    const res = await upload(xl, xlRecord, '现场照片.jpg', jpeg, 'image/jpeg');
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({ name: '现场照片.jpg', kind: 'image', mime: 'image/jpeg', size: jpeg.length, width: 200, height: 400 });
    expect(f.takenAt).toBe('2026-11-03T01:15:30.000Z');
    expect(f.lat).toBeCloseTo(41.125, 6);
    expect(f.lng).toBeCloseTo(122 + 4 / 60 + 12.34 / 3600, 6);

    const got = await xl.get(f.url);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(jpeg)).toBe(true);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(got.headers['content-disposition']).toMatch(/^inline; filename\*=UTF-8''/);
    const again = await xl.request({ method: 'GET', url: f.url, headers: { 'if-none-match': String(got.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);

    const th = await xl.get(f.thumbnailUrl);
    expect(th.statusCode).toBe(200);
    expect(th.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(th.rawPayload).metadata();
    // Upright: portrait like the photo as shown, with no orientation left to apply, and no GPS kept.
    expect([meta.format, meta.width, meta.height, meta.orientation ?? 1]).toEqual(['jpeg', 160, 320, 1]);
    expect(meta.exif).toBeUndefined();
  });

  it('makes thumbnails at most 320 px on the longest side, never enlarged', async () => {
    const big = await (await upload(xl, xlRecord, 'wide.png', await png(1000, 600), 'image/png')).json();
    expect([big.width, big.height]).toEqual([1000, 600]);
    const m1 = await sharp((await xl.get(big.thumbnailUrl)).rawPayload).metadata();
    expect([m1.width, m1.height]).toEqual([320, 192]);
    const small = await (await upload(xl, xlRecord, 'small.png', await png(100, 50, '#00f'), 'image/png')).json();
    const m2 = await sharp((await xl.get(small.thumbnailUrl)).rawPayload).metadata();
    expect([m2.width, m2.height]).toEqual([100, 50]);
    expect(small.takenAt).toBeNull();
    expect(small.lat).toBeNull();
  });

  it('keeps the same content once on disk however often it is uploaded', async () => {
    const data = await png(64, 64, '#123456');
    const before = await onDisk();
    const a = (await upload(xl, xlRecord, 'a.png', data, 'image/png')).json();
    const afterFirst = await onDisk();
    expect(afterFirst.length - before.length).toBe(2); // the photo and its thumbnail
    const b = (await upload(admin, cxRecord, 'b.png', data, 'image/png')).json();
    expect(b.id).not.toBe(a.id);
    expect(await onDisk()).toEqual(afterFirst);
    const [x, y] = (
      (await t.database.db.execute(sql`select sha256, thumbnail_sha256 from files where id in (${a.id}, ${b.id}) order by id`)) as any
    ).rows;
    expect(x).toEqual(y);
  });

  it('stores documents (PDF) without a thumbnail, served as a download', async () => {
    const f = (await upload(xl, xlRecord, '整改报告.pdf', PDF, 'application/pdf')).json();
    expect(f).toMatchObject({ kind: 'document', mime: 'application/pdf', width: null, thumbnailUrl: null });
    const got = await xl.get(f.url);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toMatch(/^attachment; /);
    expect((await xl.get(`${f.url}/thumbnail`)).statusCode).toBe(404);
  });
});

describe('refusals store nothing', () => {
  async function refused(res: { statusCode: number; json(): any }, status: number, message: RegExp) {
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toMatch(message);
  }
  it('a program renamed .jpg → 415 in Chinese; a damaged image → 415; a 50 MB photo → 413; a 21 MB photo → 413', async () => {
    const rows = [await count('files'), await count('file_attachments')];
    const disk = await onDisk();
    await refused(
      await upload(xl, xlRecord, 'photo.jpg', EXE, 'image/jpeg'),
      415,
      /^只能上传 JPG、PNG、WebP、PDF、Word（\.docx）、Excel（\.xlsx） 格式的文件$/,
    );
    const damaged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4096, 7)]);
    await refused(await upload(xl, xlRecord, 'broken.jpg', damaged, 'image/jpeg'), 415, /照片无法识别或已损坏/);
    const huge = Buffer.alloc(50 * 1024 * 1024, 0);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    await refused(await upload(xl, xlRecord, 'huge.jpg', huge, 'image/jpeg'), 413, /不能超过 30 MB/);
    await refused(await upload(xl, xlRecord, 'big.jpg', huge.subarray(0, 21 * 1024 * 1024), 'image/jpeg'), 413, /^照片不能超过 20 MB$/);
    expect([await count('files'), await count('file_attachments')]).toEqual(rows);
    expect(await onDisk()).toEqual(disk);
  });

  it('a transaction that fails after attaching leaves no row and no bytes', async () => {
    const rows = [await count('files'), await count('file_attachments')];
    const disk = await onDisk();
    const res = await upload(xl, xlRecord, 'rolled-back.png', await png(30, 40, '#abcdef'), 'image/png', { 'x-test-fail': '1' });
    expect(res.statusCode).toBe(409);
    expect([await count('files'), await count('file_attachments')]).toEqual(rows);
    expect(await onDisk()).toEqual(disk);
  });

  it('a failed transaction keeps bytes that another row names', async () => {
    const data = await png(33, 44, '#fedcba');
    const kept = (await upload(xl, xlRecord, 'kept.png', data, 'image/png')).json();
    const disk = await onDisk();
    expect((await upload(xl, xlRecord, 'again.png', data, 'image/png', { 'x-test-fail': '1' })).statusCode).toBe(409);
    expect(await onDisk()).toEqual(disk);
    expect((await xl.get(kept.url)).rawPayload.equals(data)).toBe(true);
  });

  it('bytes removed by a concurrent rollback of the same content are written again before the row commits', async () => {
    const ctx = await adminCtx();
    const data = await png(21, 22, '#010203');
    const up = { data, type: 'png' as const, fileName: 'same.png' };
    const a = await stageUpload(ctx, up);
    const b = await stageUpload(ctx, up); // same content: already there
    await releaseStaged(ctx, a); // A rolled back: no row names the bytes yet, they go
    expect(await app.files.has(b.sha256)).toBe(false);
    const row = await ctx.db.transaction((tx) =>
      attachStaged(tx, ctx, b, { recordType: 'test-record', recordId: xlRecord, jurisdictionId: xlRecord }),
    );
    expect((await app.files.get(row.sha256))!.equals(data)).toBe(true);
    expect(await app.files.has(row.thumbnailSha256!)).toBe(true);
    await releaseStaged(ctx, a); // a late release now finds the row and keeps the bytes
    expect(await app.files.has(row.sha256)).toBe(true);
  });
});

describe('serving checks the owning record', () => {
  it('a caller who may not read any record of the file gets 404, the same as for no file', async () => {
    const f = (await upload(xl, xlRecord, '兴隆所证据.png', await png(10, 10), 'image/png')).json();
    const none = await cx.get('/api/files/2147483647');
    for (const url of [f.url, f.thumbnailUrl]) {
      const res = await cx.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(none.body);
      expect(res.body).not.toContain('兴隆所证据');
    }
    expect((await admin.get(f.url)).statusCode).toBe(200);
    expect((await xl.get(f.url)).statusCode).toBe(200);
  });

  it('a file attached to a second record is served to readers of that record; a type without owner opens nothing', async () => {
    const f = (await upload(xl, xlRecord, 'shared.png', await png(12, 12, '#0f0'), 'image/png')).json();
    expect((await cx.get(f.url)).statusCode).toBe(404);
    await t.database.db.transaction((tx) =>
      attachFile(tx, f.id, { recordType: 'test-record', recordId: cxRecord, jurisdictionId: cxRecord }),
    );
    expect((await cx.get(f.url)).statusCode).toBe(200);

    const ctx = await adminCtx();
    const staged = await stageUpload(ctx, { data: PDF, type: 'pdf', fileName: 'orphan-type.pdf' });
    const row = await t.database.db.transaction((tx) =>
      attachStaged(tx, ctx, staged, { recordType: 'unregistered', recordId: xlRecord, jurisdictionId: xlRecord }),
    );
    expect((await admin.get(`/api/files/${row.id}`)).statusCode).toBe(404);
  });

  it('needs a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/files/1' })).statusCode).toBe(401);
  });
});

describe('EXIF time', () => {
  it('reads camera local time as Beijing time unless an offset is written, and drops impossible dates', () => {
    expect(exifTime('2026:11:03 09:15:30', undefined)?.toISOString()).toBe('2026-11-03T01:15:30.000Z');
    expect(exifTime('2026:11:03 09:15:30', '+00:00')?.toISOString()).toBe('2026-11-03T09:15:30.000Z');
    expect(exifTime('2026:02:30 09:15:30', undefined)).toBeNull();
    expect(exifTime('0000:00:00 00:00:00', undefined)).toBeNull();
    expect(exifTime(42, undefined)).toBeNull();
  });
});
