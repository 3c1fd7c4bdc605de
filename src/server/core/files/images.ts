import exifr from 'exifr';
import sharp from 'sharp';
import { THUMBNAIL_SIZE } from '../../../contracts/files.js';
import { AppError } from '../errors.js';

/** What an uploaded photo tells about itself: upright size, and EXIF time and place when present. */
export interface ImageInfo {
  width: number;
  height: number;
  takenAt: Date | null;
  lat: number | null;
  lng: number | null;
}

/** Larger images (pixels) are refused before decoding: a small file may declare a huge canvas. */
export const MAX_IMAGE_PIXELS = 120_000_000;

const unreadable = () => new AppError('UNSUPPORTED_FILE_TYPE', '照片无法识别或已损坏，请重新拍摄或换一张', 415);

/** Size (as displayed, after the EXIF orientation), EXIF taken time and GPS. Unreadable image → 415. */
export async function inspectImage(data: Buffer): Promise<ImageInfo> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  } catch {
    throw unreadable();
  }
  const { width, height } = meta.autoOrient ?? meta;
  if (!width || !height) throw unreadable();
  if (width * height > MAX_IMAGE_PIXELS) throw new AppError('FILE_TOO_LARGE', '照片像素过大（超过 1.2 亿像素）', 413);
  // EXIF is optional and often damaged by editors: a part that cannot be read is left empty.
  const exif = await exifr
    .parse(data, {
      reviveValues: false,
      translateValues: false,
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTime'],
    })
    .catch(() => undefined);
  const gps = await exifr.gps(data).catch(() => undefined);
  const lat = finite(gps?.latitude, 90);
  const lng = finite(gps?.longitude, 180);
  return {
    width,
    height,
    takenAt: exifTime(exif?.DateTimeOriginal ?? exif?.CreateDate, exif?.OffsetTimeOriginal ?? exif?.OffsetTime),
    // (0, 0) is what cameras without a fix often write: not a place in China.
    lat: lat !== null && lng !== null && !(lat === 0 && lng === 0) ? lat : null,
    lng: lat !== null && lng !== null && !(lat === 0 && lng === 0) ? lng : null,
  };
}

function finite(v: unknown, max: number) {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= max ? v : null;
}

/**
 * EXIF "YYYY:MM:DD HH:MM:SS" is the camera's local time; with its offset tag when written, else
 * Beijing time (+08:00), the time of every device this system serves. Impossible dates → null.
 */
export function exifTime(value: unknown, offset: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const off = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '+08:00';
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${off}`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || Number(m[1]) < 1990) return null;
  // Date rolls 02-30 over to March: keep only dates that exist.
  const local = new Date(d.getTime() + (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4))) * 60_000);
  if (local.getUTCDate() !== Number(m[3]) || local.getUTCMonth() + 1 !== Number(m[2])) return null;
  return d;
}

/** The list thumbnail: upright (EXIF orientation applied), at most THUMBNAIL_SIZE on its longest side, JPEG without metadata. */
export async function thumbnail(data: Buffer): Promise<Buffer> {
  try {
    return await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate()
      .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
  } catch {
    throw unreadable();
  }
}
