import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from './errors.js';

/** File types recognised by their content (the declared type and the name are not trusted). */
export const FILE_TYPES = {
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel（.xlsx）',
    is: (b: Buffer) => zip(b) && b.includes('xl/workbook'),
  },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word（.docx）',
    is: (b: Buffer) => zip(b) && b.includes('word/document'),
  },
  csv: { mime: 'text/csv', label: 'CSV', is: (b: Buffer) => isText(b) },
  pdf: { mime: 'application/pdf', label: 'PDF', is: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  jpeg: { mime: 'image/jpeg', label: 'JPG', is: (b: Buffer) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  png: {
    mime: 'image/png',
    label: 'PNG',
    is: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  webp: {
    mime: 'image/webp',
    label: 'WebP',
    is: (b: Buffer) => b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  },
} as const;
export type FileType = keyof typeof FILE_TYPES;
export const IMAGE_TYPES: FileType[] = ['jpeg', 'png', 'webp'];

function zip(b: Buffer) {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}
/** Text: a UTF-16 BOM, or no NUL byte in the first 8 KB (GBK and UTF-8 have none). */
function isText(b: Buffer) {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  return !b.subarray(0, 8192).includes(0);
}

/** The first listed type the content matches, else null. */
export function sniff(data: Buffer, allowed: readonly FileType[]): FileType | null {
  return allowed.find((t) => FILE_TYPES[t].is(data)) ?? null;
}

export interface Upload {
  data: Buffer;
  /** The name as uploaded, without path or control characters, at most 100 characters. */
  fileName: string;
  type: FileType;
  mime: string;
  /** Other (text) fields of the form. */
  fields: Record<string, string>;
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * Receive the one file of a multipart upload, the same way on every upload route: not multipart
 * → 415; no file → 400; larger than maxBytes → 413 (reading stops there); empty → 400; a type
 * not in `types` by its content → 415. Errors are `{code, message}` with a Chinese message.
 */
export async function receiveFile(
  req: FastifyRequest,
  opts: { maxBytes: number; types: readonly FileType[]; what?: string },
): Promise<Upload> {
  const what = opts.what ?? '文件';
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `请以 multipart/form-data 上传${what}`, 415);
  let upload: Omit<Upload, 'fields'> | undefined;
  const fields: Record<string, string> = {};
  for await (const part of req.parts({ limits: { fileSize: opts.maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 } })) {
    if (part.type !== 'file') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    let data: Buffer;
    try {
      data = await part.toBuffer();
    } catch (e: any) {
      if (e?.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(what, opts.maxBytes);
      throw e;
    }
    if (part.file.truncated) throw tooLarge(what, opts.maxBytes);
    if (data.length === 0) throw invalid(`${what}为空`);
    const type = sniff(data, opts.types);
    if (!type && data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
      throw new AppError('UNSUPPORTED_FILE_TYPE', '不支持旧版 Office 文件（.xls/.doc），请在 Office 中另存为 .xlsx/.docx 或 CSV', 415);
    if (!type)
      throw new AppError('UNSUPPORTED_FILE_TYPE', `只能上传 ${opts.types.map((t) => FILE_TYPES[t].label).join('、')} 格式的${what}`, 415);
    upload = { data, fileName: cleanFileName(part.filename), type, mime: FILE_TYPES[type].mime };
  }
  if (!upload) throw invalid(`请选择要上传的${what}`);
  return { ...upload, fields };
}

export const tooLarge = (what: string, max: number) => new AppError('FILE_TOO_LARGE', `${what}不能超过 ${mb(max)}`, 413);

export function cleanFileName(name: string | undefined) {
  let n = name ?? '';
  try {
    n = decodeURIComponent(n);
  } catch {
    /* keep as sent */
  }
  return (
    n
      .replace(/^.*[\\/]/, '')
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(-100) || 'file'
  );
}
