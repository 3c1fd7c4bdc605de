import { eq } from 'drizzle-orm';
import { fileAttachments, files } from '../../../db/schema/index.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { mayReadRecord } from './owners.js';
import type { FileRow } from './upload.js';

/**
 * A file the caller may read: one attached to at least one record its module lets the caller read.
 * Otherwise 404, the same answer as for a file that does not exist.
 */
export async function readFile(ctx: Ctx, id: number): Promise<FileRow> {
  const [file] = await ctx.db.select().from(files).where(eq(files.id, id));
  if (!file) throw notFound('文件');
  const links = await ctx.db
    .select({ recordType: fileAttachments.recordType, recordId: fileAttachments.recordId })
    .from(fileAttachments)
    .where(eq(fileAttachments.fileId, id))
    .orderBy(fileAttachments.id);
  for (const l of links) if (await mayReadRecord(ctx, l.recordType, l.recordId)) return file;
  throw notFound('文件');
}
