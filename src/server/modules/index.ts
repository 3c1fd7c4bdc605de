import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { campaignRoutes } from './campaigns/routes.js';
import { entityRoutes } from './entities/routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { healthRoutes } from './health/routes.js';
import { orgRoutes } from './org/routes.js';
import { planningRoutes } from './planning/routes.js';
import { tipsRoutes } from './tips/routes.js';

/** Every feature's routes, one line each. */
export const modules: FastifyPluginAsync<any>[] = [
  healthRoutes,
  authRoutes,
  orgRoutes,
  calendarRoutes,
  auditRoutes,
  entityRoutes,
  campaignRoutes,
  tipsRoutes,
  dashboardRoutes,
  planningRoutes,
];
