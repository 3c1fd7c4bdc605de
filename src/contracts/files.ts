import { z } from 'zod';

/** Evidence files (photos and documents) kept by the file store kit (server/core/files). */
export const FILE_KINDS = ['image', 'document'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export const FILE_KIND_LABELS: Record<FileKind, string> = { image: '照片', document: '文件' };

/** Size limits, checked while the upload is read (413 beyond them) and again before storing. */
export const IMAGE_MAX_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_MAX_BYTES = 30 * 1024 * 1024;
/** Longest side of a list thumbnail (JPEG, upright), in pixels. */
export const THUMBNAIL_SIZE = 320;

/** A stored file as presented to clients; `url`/`thumbnailUrl` serve it to those who may read a record it belongs to. */
export const storedFile = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(FILE_KINDS),
  mime: z.string(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** When the photo was taken (EXIF), as an ISO timestamp, or null. */
  takenAt: z.string().nullable(),
  /** Where the photo was taken (EXIF GPS, WGS-84 degrees), or null. */
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  uploadedBy: z.number(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof storedFile>;
