import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboard } from '../../../contracts/dashboard.js';
import { ctxOf, errorResponses } from '../../core/http.js';
import { getDashboard } from './get-dashboard.js';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/dashboard',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['工作台'],
        summary: '工作台：进行中的专项行动、近期报送期限、待办任务、基层上报与基层队伍配备（按本人数据范围）',
        response: { 200: dashboard, ...errorResponses },
      },
    },
    async (req) => getDashboard(ctxOf(req)),
  );
};
