import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { changePasswordInput, loginInput, loginResult, me } from '../../../contracts/auth.js';
import { sessions } from '../../../db/schema/index.js';
import { audit } from '../../core/audit.js';
import { ctxOf, errorResponses, okSchema } from '../../core/http.js';
import { changePassword } from './use-cases/change-password.js';
import { getMe } from './use-cases/get-me.js';
import { login, usernameKey } from './use-cases/login.js';
import { AppError } from '../../core/errors.js';
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_TTL_MS } from './session.js';

const tags = ['登录与账户'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Two limits, checked after the body is parsed: per user name (guessing one account from many
  // addresses) and per client address (one client trying many names). An office behind one NAT
  // address shares only the per-address limit, which is set high enough for a whole office.
  const perUser = app.createRateLimit({
    max: app.settings.loginRateLimit,
    timeWindow: '1 minute',
    keyGenerator: (req: any) => `login-user|${usernameKey(String(req.body?.username ?? ''))}`,
  });
  const perIp = app.createRateLimit({
    max: app.settings.loginIpRateLimit,
    timeWindow: '1 minute',
    keyGenerator: (req) => `login-ip|${req.ip}`,
  });
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      preHandler: async (req, reply) => {
        for (const limit of [perIp, perUser]) {
          const r = await limit(req);
          if (!r.isAllowed && r.isExceeded) {
            reply.header('retry-after', String(r.ttlInSeconds));
            throw new AppError('RATE_LIMITED', '登录尝试过于频繁，请稍后再试', 429);
          }
        }
      },
      schema: {
        tags,
        summary: '用户名密码登录（浏览器得到 Cookie；接口调用传 bearer: true 得到令牌）',
        body: loginInput,
        response: { 200: loginResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = await login(app.db, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      const user = await getMe(app.db, s.userId);
      // An API client that asked for a bearer token gets it and no cookies; a browser gets HttpOnly
      // cookies and only the CSRF token in the body (script on the page never sees the session token).
      if (req.body.bearer) return { user, token: s.token };
      const secure = req.protocol === 'https';
      const maxAge = SESSION_TTL_MS / 1000;
      reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
      reply.setCookie(CSRF_COOKIE, s.csrfToken, { path: '/', httpOnly: false, sameSite: 'lax', secure, maxAge });
      return { user, csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated', withTemporaryPassword: true },
      schema: { tags, summary: '退出登录', response: { 200: okSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await app.db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.id, req.sessionId!));
        await audit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.id, summary: '退出登录' });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated', withTemporaryPassword: true },
      schema: { tags, summary: '当前用户', response: { 200: me, ...errorResponses } },
    },
    async (req) => getMe(app.db, ctxOf(req).actor.id),
  );

  app.post(
    '/api/auth/change-password',
    {
      config: { access: 'authenticated', withTemporaryPassword: true },
      schema: { tags, summary: '修改本人密码', body: changePasswordInput, response: { 200: okSchema, ...errorResponses } },
    },
    async (req) => {
      await changePassword(ctxOf(req), req.sessionId!, req.body);
      return { ok: true as const };
    },
  );
};
