import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client.js';
import { AppError } from './core/errors.js';
import { JobRunner, type RunnerOptions } from './core/jobs/runner.js';
import { installGuard } from './core/guard.js';
import { modules } from './modules/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Background jobs: modules register their handlers in their plugin (`app.jobs.register`). */
    jobs: JobRunner;
    settings: { loginRateLimit: number };
    /** Every API route with its declared access, for the guard test and docs. */
    routeTable: { method: string; url: string; access: string }[];
  }
}

export interface AppOptions {
  db: Db;
  logger?: boolean;
  /** Folder with the built web app; served with SPA fallback when present. */
  webDir?: string;
  /** Login attempts per minute per (ip, username). */
  loginRateLimit?: number;
  /** Job runner options; `false` registers handlers but never claims jobs (tools that only read). */
  jobs?: RunnerOptions | false;
}

const PG_MESSAGES: Record<string, [number, string, string]> = {
  '23505': [409, 'CONFLICT', '数据重复：已存在相同记录'],
  '23503': [409, 'REFERENCE', '关联数据不存在或仍被引用'],
  '23514': [400, 'VALIDATION', '数据不符合约束条件'],
  '22001': [400, 'VALIDATION', '字段内容过长'],
  '22P02': [400, 'VALIDATION', '字段格式错误'],
};

function pgError(err: unknown): { code?: string; constraint?: string } | undefined {
  let e: any = err;
  for (let i = 0; e && i < 4; i++, e = e.cause) if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  return undefined;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('db', opts.db);
  const runner = new JobRunner(opts.db, opts.jobs || {});
  app.decorate('jobs', runner);
  // Jobs run once every module has registered its handlers, and stop before the database closes.
  if (opts.jobs !== false) {
    app.addHook('onReady', async () => runner.start());
    app.addHook('onClose', async () => runner.stop());
  }
  app.decorate('settings', { loginRateLimit: opts.loginRateLimit ?? 10 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '药监通 API', description: '药品安全专项行动监管平台接口', version: '0.1.0' },
      components: {
        securitySchemes: {
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'yj_session' },
          bearerAuth: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ cookieAuth: [] }, { bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorate('routeTable', []);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) return;
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeTable.push({ method, url: r.url, access: String((r.config as any)?.access ?? '') });
    }
  });
  installGuard(app);

  app.setErrorHandler((err: any, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ code: err.code, message: err.message, details: err.details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v: any) => ({
        path: `${err.validationContext ?? ''}${v.instancePath || ''}`,
        message: v.message,
      }));
      const where = issues.map((i: any) => i.path).filter(Boolean).join('、');
      return reply.status(400).send({ code: 'VALIDATION', message: `请求参数有误${where ? '：' + where : ''}`, details: issues });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      return reply.status(413).send({ code: 'BODY_TOO_LARGE', message: '请求内容过大' });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return reply.status(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求格式' });
    }
    if (err.statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    }
    const pgErr = pgError(err);
    if (pgErr?.code && PG_MESSAGES[pgErr.code]) {
      const [status, code, message] = PG_MESSAGES[pgErr.code];
      return reply.status(status).send({ code, message, details: { constraint: pgErr.constraint } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ code: 'BAD_REQUEST', message: '请求格式错误' });
    }
    req.log.error(err);
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误' });
  });

  for (const mod of modules) await app.register(mod);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  if (opts.webDir && existsSync(path.join(opts.webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webDir, wildcard: true });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET') {
        return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_req, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' }));
  }
  return app;
}
