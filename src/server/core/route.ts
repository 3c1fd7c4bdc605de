import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Ctx } from './context.js';
import { ctxOf, errorResponses, type RouteAccess } from './http.js';

/**
 * The route helper: method, path, access, schemas and handler in a few lines; the standard error
 * responses (400/401/403/404/409 as `{code, message}`), the OpenAPI tags and the use-case context
 * are built in.
 *
 *     const r = router(app, ['监督检查']);
 *     r.get('/api/inspections/:id', { access: 'inspections.read', summary: '检查记录', params: idParams, response: inspection },
 *       ({ ctx, params }) => getInspection(ctx, params.id));
 */
type Schema = z.ZodTypeAny | undefined;
type Out<S extends Schema> = S extends z.ZodTypeAny ? z.output<S> : undefined;

export interface RouteDef<P extends Schema, Q extends Schema, B extends Schema, R extends Schema> {
  access: RouteAccess;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The 200 answer; absent for files and HTML (the handler sends them). */
  response?: R;
  /** Routes a session with a temporary password may call. */
  withTemporaryPassword?: boolean;
  /** Extra route options (rate limits, multipart consumes …). */
  config?: Record<string, unknown>;
  consumes?: string[];
}

export interface RouteInput<P extends Schema, Q extends Schema, B extends Schema> {
  /** The signed-in caller's use-case context (throws 401 on a public route without a session). */
  readonly ctx: Ctx;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  req: FastifyRequest;
  reply: FastifyReply;
}

type Handler<P extends Schema, Q extends Schema, B extends Schema, R extends Schema> = (
  input: RouteInput<P, Q, B>,
) => Promise<R extends z.ZodTypeAny ? z.input<R> : unknown> | (R extends z.ZodTypeAny ? z.input<R> : unknown);

export function router(app: FastifyInstance, tags: string[]) {
  const add =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') =>
    <P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined, R extends Schema = undefined>(
      url: string,
      def: RouteDef<P, Q, B, R>,
      handler: Handler<P, Q, B, R>,
    ) => {
      const schema: Record<string, unknown> = { tags, summary: def.summary };
      if (def.description) schema.description = def.description;
      if (def.params) schema.params = def.params;
      if (def.query) schema.querystring = def.query;
      if (def.body) schema.body = def.body;
      if (def.consumes) schema.consumes = def.consumes;
      schema.response = def.response ? { 200: def.response, ...errorResponses } : { ...errorResponses };
      app.route({
        method,
        url,
        config: { ...def.config, access: def.access, ...(def.withTemporaryPassword ? { withTemporaryPassword: true } : {}) },
        schema,
        handler: async (req, reply) => {
          let ctx: Ctx | undefined;
          const input = {
            get ctx() {
              return (ctx ??= ctxOf(req));
            },
            params: req.params,
            query: req.query,
            body: req.body,
            req,
            reply,
          } as RouteInput<P, Q, B>;
          return handler(input);
        },
      });
    };
  return { get: add('GET'), post: add('POST'), put: add('PUT'), patch: add('PATCH'), delete: add('DELETE') };
}
