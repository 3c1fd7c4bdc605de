import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { ROLE_PERMISSIONS } from '../../contracts/permissions.js';
import type { Actor } from './context.js';
import { AppError, forbidden, unauthenticated } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearer(req: FastifyRequest) {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/**
 * Every API route must declare `config.access`; the app refuses to start otherwise.
 * Before each handler: resolve the session (cookie or bearer token), check the permission,
 * and for cookie-authenticated writes check the CSRF token header.
 */
/** How sessions are found (the auth module supplies it; core does not import modules). */
export interface SessionResolver {
  cookie: string;
  csrfHeader: string;
  resolve(
    db: FastifyInstance['db'],
    token: string,
  ): Promise<{ actor: Actor; sessionId: string; csrfToken: string; mustChangePassword: boolean } | null>;
}

export function installGuard(app: FastifyInstance, sessions: SessionResolver) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.url.startsWith('/api/docs')) return; // Swagger UI pages: public, like the OpenAPI document
    const access = (route.config as { access?: string } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    const url = req.routeOptions.url;
    if (!url || !url.startsWith('/api/')) return; // no such API route (the web app's wildcard is not one): the not-found handler answers
    if (!req.url.startsWith('/api/') || access === 'public' || url.startsWith('/api/docs')) return;
    const token = bearer(req) ?? req.cookies[sessions.cookie];
    if (!token) throw unauthenticated();
    const s = await sessions.resolve(req.server.db, token);
    if (!s) throw new AppError('SESSION_EXPIRED', '登录已过期，请重新登录', 401);
    req.actor = s.actor;
    req.sessionId = s.sessionId;
    req.viaCookie = !bearer(req);
    if (req.viaCookie && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[sessions.csrfHeader];
      if (typeof sent !== 'string' || !sameToken(sent, s.csrfToken)) {
        throw new AppError('CSRF', '请求校验失败，请刷新页面后重试', 403);
      }
    }
    if (s.mustChangePassword && !req.routeOptions.config?.withTemporaryPassword) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '当前为临时密码，请先修改密码后再使用系统', 403);
    }
    if (access && access !== 'authenticated' && !ROLE_PERMISSIONS[s.actor.role].includes(access)) {
      throw forbidden();
    }
  });
}
