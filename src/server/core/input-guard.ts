import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CONTROL_CHARACTERS } from '../../contracts/fields.js';
import { AppError } from './errors.js';

/**
 * The one place where control characters are refused: NUL and the C0 controls other than tab,
 * line feed and carriage return, in every JSON body (values and keys, at any depth), query string,
 * path parameter and multipart part (field names, values and file names). The request is answered
 * 400 before validation, so nothing reaches a use case or the database.
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    check(req.params, 'params');
    check(req.query, 'querystring');
    if (req.body !== undefined && !Buffer.isBuffer(req.body)) check(req.body, 'body');
    if (req.isMultipart?.()) guardMultipart(req);
  });
}

function refuse(path: string): never {
  throw new AppError('VALIDATION', `请求内容含有不可见的控制字符（如 NUL），请删除后重试：${path}`, 400, [
    { path, message: '不能包含控制字符' },
  ]);
}

const MAX_DEPTH = 64;

function check(value: unknown, path: string, depth = 0): void {
  if (typeof value === 'string') {
    if (CONTROL_CHARACTERS.test(value)) refuse(path);
    return;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => check(v, `${path}/${i}`, depth + 1));
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (CONTROL_CHARACTERS.test(k)) refuse(path);
    check(v, `${path}/${k}`, depth + 1);
  }
}

interface Part {
  type?: string;
  fieldname?: string;
  filename?: string;
  value?: unknown;
  fields?: Record<string, unknown>;
}

function checkPart(p: Part | undefined) {
  if (!p) return p;
  if (p.fieldname && CONTROL_CHARACTERS.test(p.fieldname)) refuse('body');
  if (p.filename && CONTROL_CHARACTERS.test(p.filename)) refuse(`body/${p.fieldname ?? 'file'}`);
  if (p.type === 'field') check(p.value, `body/${p.fieldname}`);
  // Fields sent before a file come with it.
  for (const f of Object.values(p.fields ?? {})) for (const x of [f].flat() as Part[]) if (x && x !== p && x.type === 'field') checkPart(x);
  return p;
}

/** Every way a route reads multipart parts (`file()`, `files()`, `parts()`) checks each part as it arrives. */
function guardMultipart(req: FastifyRequest) {
  const r = req as any;
  const file = r.file;
  const parts = r.parts;
  const files = r.files;
  r.file = async (...a: unknown[]) => checkPart(await file.apply(req, a));
  r.parts = async function* (...a: unknown[]) {
    for await (const p of parts.apply(req, a)) yield checkPart(p);
  };
  r.files = async function* (...a: unknown[]) {
    for await (const p of files.apply(req, a)) yield checkPart(p);
  };
}
