import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Permission } from '../../contracts/permissions.js';
import type { Actor, Ctx } from './context.js';
import { unauthenticated } from './errors.js';
import { idParam } from '../../contracts/fields.js';

/** Who may call a route: a permission, any signed-in person, or anyone. */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * The few routes a session with a temporary password may call (who am I, change password,
     * sign out); every other route answers 403 PASSWORD_CHANGE_REQUIRED until it is changed.
     */
    withTemporaryPassword?: boolean;
  }
  interface FastifyRequest {
    actor?: Actor;
    sessionId?: string;
    /** True when the caller authenticated with the session cookie (CSRF applies). */
    viaCookie?: boolean;
  }
}

/** The use-case context of an authenticated request. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw unauthenticated();
  return { db: req.server.db, actor: req.actor, ip: req.ip, jobs: req.server.jobs, ext: req.server.ext, files: req.server.files };
}

export const errorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export const okSchema = z.object({ ok: z.literal(true) });
export const idParams = z.object({ id: idParam });
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export function paged<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

/** OpenAPI description of every update of an editable record (contracts/versions.ts). */
export const VERSIONED_UPDATE =
  'Optimistic concurrency: the body must carry `version`, the version of the record as it was read (GET/list). ' +
  'If someone else changed the record since, the answer is 409 `STALE_VERSION` (已被他人修改) with the record as it is now in `details.current`; ' +
  'merge and send again with `details.current.version`. A body without `version` is refused (400).';

/** Standard error responses documented on every route. */
export const errorResponses = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export function sendFile(reply: FastifyReply, buf: Buffer, filename: string, type: string) {
  return reply
    .header('content-type', type)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(buf);
}
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
