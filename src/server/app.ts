import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
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
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { AppError, fromCalendarError, fromDatabaseError } from './core/errors.js';
import { fileRoutes } from './core/files/routes.js';
import { temporaryFileStore, type FileStore } from './core/files/store.js';
import { JobRunner, type RunnerOptions } from './core/jobs/runner.js';
import { installGuard } from './core/guard.js';
import { authSessions } from './modules/auth/public.js';
import { installInputGuard } from './core/input-guard.js';
import { installSecurityHeaders } from './core/security-headers.js';
import { MODULES, registry } from './modules/index.js';
import { ensureSummaries } from './core/measure-summaries.js';
import { buildRegistry, type ModuleDefinition, type Registry } from './core/extensions.js';
import { serveWebApp } from './web-app.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Background jobs: modules register their handlers in their plugin (`app.jobs.register`). */
    jobs: JobRunner;
    /** Evidence file bytes (core/files): `DATA_DIR/files` in main.ts. */
    files: FileStore;
    /** The modules' contributions to each other (core/extensions.ts). */
    ext: Registry;
    settings: { loginRateLimit: number; loginIpRateLimit: number };
    /** Every API route with its declared access (and whether it takes an upload), for the guard and corpus tests. */
    routeTable: { method: string; url: string; access: string; multipart: boolean }[];
  }
}

export interface AppOptions {
  db: Db;
  logger?: boolean;
  /** Folder of the built web app (`dist/web`): served with SPA fallback, or a "building" page until it exists. */
  webDir?: string;
  /** Sign-in attempts per minute per user name (default 10). */
  loginRateLimit?: number;
  /** Sign-in attempts per minute per client address (default 60: an office behind one NAT address). */
  loginIpRateLimit?: number;
  /**
   * Which proxies may set the client address (X-Forwarded-For): false (default: none, the socket's
   * address counts), true (any: only behind a proxy that overwrites the header), a hop count, or
   * a comma-separated list of addresses/CIDRs. From TRUST_PROXY (see config.ts).
   */
  trustProxy?: boolean | number | string;
  /** Job runner options; `false` registers handlers but never claims jobs (tools that only read). */
  jobs?: RunnerOptions | false;
  /** Where evidence files are kept (main.ts: `DATA_DIR/files`); default a temporary folder removed on close (tests, tools). */
  files?: FileStore;
  /** Modules added after `MODULES` (tests: stand-ins for modules still to come, e.g. an owner of attached files). */
  modules?: readonly ModuleDefinition[];
}

// Validation messages of zod's own checks (type, enum, range) in Chinese, like every other message.
z.config(z.locales.zhCN());

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: 1024 * 1024,
    // Start-up work runs in onReady hooks before the server answers: at province scale building the
    // report summaries after an upgrade takes minutes (README, scale), beyond Fastify's 10 s default.
    pluginTimeout: 15 * 60_000,
    // A hop count is supported at run time (fastify's types omit it).
    trustProxy: (opts.trustProxy ?? false) as boolean | string,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('db', opts.db);
  const runner = new JobRunner(opts.db, opts.jobs || {});
  app.decorate('jobs', runner);
  app.decorate('ext', opts.modules ? buildRegistry([...MODULES, ...opts.modules]) : registry());
  for (const job of app.ext.jobs) runner.register(job);
  // Jobs run once every module has registered its handlers, and stop before the database closes.
  if (opts.jobs !== false) {
    app.addHook('onReady', async () => runner.start());
    app.addHook('onClose', async () => runner.stop());
  }
  // Report measures' summaries are built (or rebuilt after an upgrade) before the server answers.
  app.addHook('onReady', async () => ensureSummaries(opts.db, app.ext.measureSummaries));
  if (opts.files) app.decorate('files', opts.files);
  else {
    const store = await temporaryFileStore();
    app.decorate('files', store);
    app.addHook('onClose', async () => store.dispose());
  }
  app.decorate('settings', { loginRateLimit: opts.loginRateLimit ?? 10, loginIpRateLimit: opts.loginIpRateLimit ?? 60 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await installSecurityHeaders(app);
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
  // Swagger UI loads only its own scripts, so it runs under the app's CSP; no outside validator badge.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });

  app.decorate('routeTable', []);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) return;
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      const multipart = !!(r.schema as any)?.consumes?.includes('multipart/form-data');
      app.routeTable.push({ method, url: r.url, access: String((r.config as any)?.access ?? ''), multipart });
    }
  });
  installGuard(app, authSessions);
  installInputGuard(app);

  app.setErrorHandler((err: any, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ code: err.code, message: err.message, details: err.details });
    }
    const calendarErr = fromCalendarError(err);
    if (calendarErr)
      return reply.status(calendarErr.status).send({ code: calendarErr.code, message: calendarErr.message, details: calendarErr.details });
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v: any) => ({
        path: `${err.validationContext ?? ''}${v.instancePath || ''}`,
        message: v.message,
      }));
      const where = issues
        .map((i: any) => i.path)
        .filter(Boolean)
        .join('、');
      // One problem: say what it is (e.g. 日期不存在); several: name where they are.
      const what = issues.length === 1 && issues[0].message ? `（${issues[0].message}）` : '';
      return reply.status(400).send({ code: 'VALIDATION', message: `请求参数有误${where ? '：' + where : ''}${what}`, details: issues });
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
    // Database errors caused by input: a Chinese message, never the SQL or a constraint name.
    const dbErr = fromDatabaseError(err);
    if (dbErr) {
      req.log.info({ err }, 'database refused the input');
      return reply.status(dbErr.status).send({ code: dbErr.code, message: dbErr.message });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ code: 'BAD_REQUEST', message: '请求格式错误' });
    }
    req.log.error(err);
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误' });
  });

  for (const mod of MODULES) await app.register(mod.routes);
  for (const mod of opts.modules ?? []) await app.register(mod.routes);
  await app.register(fileRoutes);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  if (opts.webDir) await serveWebApp(app, opts.webDir);
  else app.setNotFoundHandler((_req, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' }));
  return app;
}
