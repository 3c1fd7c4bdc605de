import iconv from 'iconv-lite';
import type { Client } from '../../../test/app.js';
import { IMPORT_COLUMNS } from '../../../contracts/entities.js';

/** multipart/form-data body with one file (and optional fields), as a browser sends it. */
export function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----yjtest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(client: Client, fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const m = multipart(fileName, content, fields);
  return client.request({ method: 'POST', url: '/api/entity-imports', payload: m.payload, headers: m.headers });
}

/** A CSV in the template's columns from rows keyed by header. */
export function csv(rows: Record<string, string>[], headers = IMPORT_COLUMNS.map((c) => c.header), encoding: 'utf8' | 'gbk' = 'utf8') {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const text = [headers.join(','), ...rows.map((r) => headers.map((h) => esc(r[h] ?? '')).join(','))].join('\r\n') + '\r\n';
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}
