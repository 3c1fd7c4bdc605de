import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf, errorResponses, idParams } from '../http.js';
import { notFound } from '../errors.js';
import { readFile } from './read-file.js';

const tags = ['文件'];

/**
 * Serving stored files. Access is decided per file by the modules owning the records it is attached
 * to (owners.ts), so the route itself is open to every signed-in person and answers 404 otherwise.
 * Content never changes under an id: cached privately (the browser only) for a year, ETag = hash.
 */
export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/files/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '查看或下载文件（须有权查看其所属记录）', params: idParams, response: { 404: errorResponses[404] } },
    },
    async (req, reply) => {
      const f = await readFile(ctxOf(req), req.params.id);
      return send(req, reply, f.sha256, f.mime, f.kind === 'image' ? 'inline' : 'attachment', f.originalName);
    },
  );
  app.get(
    '/api/files/:id/thumbnail',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '照片缩略图（JPEG，最长边 320 像素）', params: idParams, response: { 404: errorResponses[404] } },
    },
    async (req, reply) => {
      const f = await readFile(ctxOf(req), req.params.id);
      if (!f.thumbnailSha256) throw notFound('缩略图');
      return send(req, reply, f.thumbnailSha256, 'image/jpeg', 'inline', f.originalName.replace(/\.[^.]*$/, '') + '-缩略图.jpg');
    },
  );
};

async function send(
  req: FastifyRequest,
  reply: FastifyReply,
  sha: string,
  mime: string,
  disposition: 'inline' | 'attachment',
  name: string,
) {
  const etag = `"${sha}"`;
  reply.header('cache-control', 'private, max-age=31536000, immutable').header('etag', etag).header('x-content-type-options', 'nosniff');
  const sent = req.headers['if-none-match'];
  if (typeof sent === 'string' && sent.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.status(304).send();
  const body = await req.server.files.stream(sha);
  // A row without its bytes is a fault of the store, not of the request.
  if (!body) throw new Error(`file ${sha} is missing from the store`);
  return reply
    .header('content-type', mime)
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(body);
}
