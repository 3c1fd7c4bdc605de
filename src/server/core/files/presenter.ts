import { asc, eq, and, inArray } from 'drizzle-orm';
import type { StoredFile } from '../../../contracts/files.js';
import type { DbOrTx } from '../../../db/client.js';
import { fileAttachments, files } from '../../../db/schema/index.js';
import type { FileRow } from './upload.js';

/** A file as clients see it (never its sha256 or uploader's area). */
export function presentFile(f: FileRow): StoredFile {
  return {
    id: f.id,
    name: f.originalName,
    kind: f.kind as StoredFile['kind'],
    mime: f.mime,
    size: f.size,
    width: f.width,
    height: f.height,
    takenAt: f.takenAt ? f.takenAt.toISOString() : null,
    lat: f.gpsLat,
    lng: f.gpsLng,
    url: `/api/files/${f.id}`,
    thumbnailUrl: f.thumbnailSha256 ? `/api/files/${f.id}/thumbnail` : null,
    uploadedBy: f.uploadedBy,
    createdAt: f.createdAt.toISOString(),
  };
}

/** The files attached to each of some records of one type (for a module's presenter), oldest first. */
export async function filesOf(db: DbOrTx, recordType: string, recordIds: number[]): Promise<Map<number, StoredFile[]>> {
  const out = new Map<number, StoredFile[]>();
  if (!recordIds.length) return out;
  const rows = await db
    .select({ recordId: fileAttachments.recordId, file: files })
    .from(fileAttachments)
    .innerJoin(files, eq(files.id, fileAttachments.fileId))
    .where(and(eq(fileAttachments.recordType, recordType), inArray(fileAttachments.recordId, recordIds)))
    .orderBy(asc(files.id));
  for (const r of rows) out.set(r.recordId, [...(out.get(r.recordId) ?? []), presentFile(r.file)]);
  return out;
}
