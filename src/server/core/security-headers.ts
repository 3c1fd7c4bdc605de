import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every response (the web app, the API, Swagger UI at /api/docs):
 * scripts only from our own origin — no inline script, no inline event handlers, no `javascript:`
 * URLs, no eval — so markup that slips into a page cannot run. Inline styles are allowed because
 * Ant Design's CSS-in-JS and ECharts write them. Pages may not be framed (clickjacking).
 * A route with its own needs sets its own header (the plan print view: `PRINT_CSP`).
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** One year; browsers honour it only on HTTPS responses (see README, "Security headers"). */
export const HSTS_MAX_AGE = 365 * 24 * 3600;

export async function installSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Also for browsers without frame-ancestors.
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Not includeSubDomains: a bureau's other services under the same domain may still be plain HTTP.
    strictTransportSecurity: { maxAge: HSTS_MAX_AGE, includeSubDomains: false },
  });
}
