import type { SessionResolver } from '../../core/guard.js';
import { CSRF_HEADER, resolveSession, SESSION_COOKIE } from './session.js';

/** What other parts of the server use of auth: the session resolver for the guard, password hashing, admin bootstrap. */
export const authSessions: SessionResolver = { cookie: SESSION_COOKIE, csrfHeader: CSRF_HEADER, resolve: resolveSession };
export { assertPasswordNotCommon, hashPassword, isCommonPassword, verifyPassword, type HashCost } from './passwords.js';
export { createAdmin } from './use-cases/create-admin.js';
export { clearLoginFailures } from './use-cases/login.js';
