import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, paged } from '../../core/http.js';
import { auditFacets } from './use-cases/audit-facets.js';
import { listAudit } from './use-cases/list-audit.js';
import { isoDate } from '../../../contracts/calendar.js';
import { idParam } from '../../../contracts/fields.js';

const entry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  jurisdictionId: z.number().nullable(),
  summary: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['审计日志'],
        summary: '审计日志查询',
        querystring: z.object({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(50).optional(),
          actorId: idParam.optional(),
          action: z.string().max(60).optional(),
          q: z.string().max(50).optional(),
          from: z.string().datetime({ offset: true }).or(isoDate).optional(),
          to: z.string().datetime({ offset: true }).or(isoDate).optional(),
          page: z.coerce.number().int().min(1).max(100000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: paged(entry), ...errorResponses },
      },
    },
    async (req) => listAudit(ctxOf(req), req.query),
  );
  app.get(
    '/api/audit/facets',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['审计日志'],
        summary: '筛选项：出现过的操作、对象类型与操作人',
        response: {
          200: z.object({
            actions: z.array(z.string()),
            entityTypes: z.array(z.string()),
            actors: z.array(z.object({ id: z.number(), name: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => auditFacets(ctxOf(req)),
  );
};
