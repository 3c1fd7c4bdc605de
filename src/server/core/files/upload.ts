import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { DOCUMENT_MAX_BYTES, IMAGE_MAX_BYTES, type FileKind } from '../../../contracts/files.js';
import type { Tx } from '../../../db/client.js';
import { fileAttachments, files } from '../../../db/schema/index.js';
import type { Ctx } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { FILE_TYPES, IMAGE_TYPES, receiveFile, tooLarge, type FileType, type Upload } from '../uploads.js';
import { inspectImage, thumbnail, type ImageInfo } from './images.js';
import { RECORD_TYPE } from './owners.js';
import type { FileStore } from './store.js';

export const DOCUMENT_TYPES: FileType[] = ['pdf', 'docx', 'xlsx'];
export const EVIDENCE_TYPES: FileType[] = [...IMAGE_TYPES, ...DOCUMENT_TYPES];

const kindOf = (type: FileType): FileKind | null =>
  IMAGE_TYPES.includes(type) ? 'image' : DOCUMENT_TYPES.includes(type) ? 'document' : null;
const limitOf = (kind: FileKind) => (kind === 'image' ? IMAGE_MAX_BYTES : DOCUMENT_MAX_BYTES);
const whatOf = (kind: FileKind) => (kind === 'image' ? '照片' : '文件');

/**
 * Receive one evidence file on a module's upload route (multipart, field `file`): type by content
 * (JPG/PNG/WebP photos, PDF/Word/Excel documents, or only those of `kinds`), photos up to 20 MB,
 * documents up to 30 MB (reading stops at the larger limit of the allowed kinds: 413).
 */
export async function receiveEvidence(req: FastifyRequest, opts: { kinds?: readonly FileKind[] } = {}): Promise<Upload> {
  const kinds = opts.kinds ?? (['image', 'document'] as const);
  const types = EVIDENCE_TYPES.filter((t) => kinds.includes(kindOf(t)!));
  const what = kinds.length === 1 ? whatOf(kinds[0]) : '文件';
  const upload = await receiveFile(req, { maxBytes: Math.max(...kinds.map(limitOf)), types, what });
  checkUpload(upload);
  return upload;
}

/** The kind of an upload, refusing types and sizes the store does not keep (415/413). */
function checkUpload(upload: Pick<Upload, 'data' | 'type'>): FileKind {
  const kind = kindOf(upload.type);
  // The type is trusted only when the content says so (uploads.ts sniffs it; callers outside a route too).
  if (!kind || !FILE_TYPES[upload.type].is(upload.data)) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', `只能上传 ${EVIDENCE_TYPES.map((t) => FILE_TYPES[t].label).join('、')} 格式的文件`, 415);
  }
  if (upload.data.length === 0) throw invalid(`${whatOf(kind)}为空`);
  if (upload.data.length > limitOf(kind)) throw tooLarge(whatOf(kind), limitOf(kind));
  return kind;
}

/** An upload whose bytes (and thumbnail) are durably in the store but not yet named by any row. */
export interface StagedUpload {
  sha256: string;
  thumbnailSha256: string | null;
  size: number;
  mime: string;
  kind: FileKind;
  name: string;
  image: ImageInfo | null;
  /** The bytes, kept to write them again should a concurrent rollback of the same content remove them first. */
  data: Buffer;
  thumbnail: Buffer | null;
}

/** Where a file belongs: the record it was uploaded for (its module's record type and id) and that record's area. */
export interface AttachmentLink {
  recordType: string;
  recordId: number;
  jurisdictionId: number;
}

export type FileRow = typeof files.$inferSelect;

function storeOf(ctx: Ctx): FileStore {
  if (!ctx.files) throw new Error('no file store in this context (ctxOf(req) gives the app’s)');
  return ctx.files;
}

/**
 * Check, read and write an upload's bytes before its transaction: refusals (415, 413, unreadable
 * image) happen here, before anything is written. The bytes are fsynced before this resolves.
 */
export async function stageUpload(
  ctx: Ctx,
  upload: Pick<Upload, 'data' | 'type' | 'fileName'>,
  opts: { derive?: boolean } = {},
): Promise<StagedUpload> {
  const store = storeOf(ctx);
  const kind = checkUpload(upload);
  // `derive: false` (drawn signatures: small PNGs made by the app's own pad) skips decoding, EXIF and the thumbnail.
  const derive = opts.derive !== false && kind === 'image';
  const image = derive ? await inspectImage(upload.data) : null;
  const thumb = derive ? await thumbnail(upload.data) : null;
  const sha256 = await store.put(upload.data);
  const thumbnailSha256 = thumb ? await store.put(thumb) : null;
  return {
    sha256,
    thumbnailSha256,
    size: upload.data.length,
    mime: FILE_TYPES[upload.type].mime,
    kind,
    name: upload.fileName.slice(-100) || 'file',
    image,
    data: upload.data,
    thumbnail: thumb,
  };
}

/**
 * Serialise, per content, the rows naming it and the removal of unnamed bytes (`releaseStaged`):
 * a transaction-scoped advisory lock per sha256, taken in sorted order (no deadlock).
 */
async function lockContent(tx: Tx, shas: (string | null)[]) {
  const keys = [...new Set(shas.filter((s): s is string => !!s))].sort().map((sha) => parseInt(sha.slice(0, 8), 16) | 0);
  if (!keys.length) return;
  // One statement, locks taken in the sorted order of the hashes. 0x66696c65 = 'file': this kit's
  // lock space; the key is the first 32 bits of the hash.
  await tx.execute(
    sql`select pg_advisory_xact_lock(${0x66696c65}::int, k) from unnest(${`{${keys.join(',')}}`}::int[]) with ordinality as t(k, n) order by n`,
  );
}

/**
 * Inside the module's transaction: name the staged bytes with a `files` row and attach it to the
 * record. Under the content lock the bytes are checked again (a concurrent rollback of the same
 * content may have removed them) and written again if gone, so a committed row always has its bytes.
 */
export async function attachStaged(tx: Tx, ctx: Ctx, staged: StagedUpload, link: AttachmentLink): Promise<FileRow> {
  return (await attachStagedMany(tx, ctx, [staged], link))[0];
}

/**
 * `attachStaged` for several uploads of one record (an inspection's signatures) in three statements
 * whatever their number: one lock, one insert of the rows (returned in the order given), one of the links.
 */
export async function attachStagedMany(tx: Tx, ctx: Ctx, list: StagedUpload[], link: AttachmentLink): Promise<FileRow[]> {
  if (!list.length) return [];
  const store = storeOf(ctx);
  checkLink(link);
  await lockContent(
    tx,
    list.flatMap((s) => [s.sha256, s.thumbnailSha256]),
  );
  for (const staged of list) {
    if (!(await store.has(staged.sha256))) await store.put(staged.data);
    if (staged.thumbnail && !(await store.has(staged.thumbnailSha256!))) await store.put(staged.thumbnail);
  }
  const inserted = await tx
    .insert(files)
    .values(
      list.map((staged) => ({
        sha256: staged.sha256,
        size: staged.size,
        mime: staged.mime,
        kind: staged.kind,
        width: staged.image?.width ?? null,
        height: staged.image?.height ?? null,
        takenAt: staged.image?.takenAt ?? null,
        gpsLat: staged.image?.lat ?? null,
        gpsLng: staged.image?.lng ?? null,
        thumbnailSha256: staged.thumbnailSha256,
        originalName: staged.name,
        uploadedBy: ctx.actor.id,
        jurisdictionId: link.jurisdictionId,
      })),
    )
    .returning();
  // Ids come from one sequence in insertion order: sorting restores the order given.
  const rows = [...inserted].sort((a, b) => a.id - b.id);
  await tx
    .insert(fileAttachments)
    .values(
      rows.map((row) => ({ fileId: row.id, recordType: link.recordType, recordId: link.recordId, jurisdictionId: link.jurisdictionId })),
    )
    .onConflictDoNothing();
  return rows;
}

/** Attach an already stored file to one more record (the same photo as evidence of two records). */
export async function attachFile(tx: Tx, fileId: number, link: AttachmentLink) {
  checkLink(link);
  await tx
    .insert(fileAttachments)
    .values({ fileId, recordType: link.recordType, recordId: link.recordId, jurisdictionId: link.jurisdictionId })
    .onConflictDoNothing();
}

function checkLink(link: AttachmentLink) {
  if (!RECORD_TYPE.test(link.recordType)) throw new Error(`record type ${link.recordType} is not a registered kind of name`);
}

/**
 * After a transaction that did not name the staged bytes (rolled back, or never attached them):
 * remove each of them that no row names, under the content lock (see attachStaged).
 */
export async function releaseStaged(ctx: Ctx, staged: StagedUpload) {
  const store = storeOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await lockContent(tx, [staged.sha256, staged.thumbnailSha256]);
    for (const sha of [staged.sha256, staged.thumbnailSha256]) {
      if (!sha) continue;
      const named = (await tx.execute(
        sql`select 1 from ${files} where ${files.sha256} = ${sha} or ${files.thumbnailSha256} = ${sha} limit 1`,
      )) as unknown as { rows: unknown[] };
      if (!named.rows.length) await store.delete(sha);
    }
  });
}

/**
 * Store an upload for a record, the one way modules do it:
 *
 *     const file = await storeUpload(ctx, upload, async (tx, attach) => {
 *       const rec = … lock and check the record …;
 *       const f = await attach({ recordType: 'inspection', recordId: rec.id, jurisdictionId: rec.jurisdictionId });
 *       await audit(tx, ctx, { … after: { fileId: f.id, … } });
 *       return f;
 *     });
 *
 * Order (chosen so that no acknowledged write is lost and no refusal leaves anything): check type
 * and size, read EXIF and make the thumbnail (refusals stop here, nothing written); write the bytes
 * durably; then the transaction with the rows and the module's audit. If the transaction fails (or
 * commits without attaching), bytes that no row names are removed again (`releaseStaged`); a crash
 * between the write and the commit leaves unnamed bytes on disk, never a row without bytes.
 */
export async function storeUpload<T>(
  ctx: Ctx,
  upload: Pick<Upload, 'data' | 'type' | 'fileName'>,
  work: (tx: Tx, attach: (link: AttachmentLink) => Promise<FileRow>) => Promise<T>,
): Promise<T> {
  const staged = await stageUpload(ctx, upload);
  let attached = false;
  let result: T;
  try {
    result = await ctx.db.transaction((tx) =>
      work(tx, async (link) => {
        const row = await attachStaged(tx, ctx, staged, link);
        attached = true;
        return row;
      }),
    );
  } catch (e) {
    await releaseStaged(ctx, staged).catch(() => {
      /* the refusal is what the caller needs; unnamed bytes are harmless */
    });
    throw e;
  }
  if (!attached) await releaseStaged(ctx, staged);
  return result;
}
