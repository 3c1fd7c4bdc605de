import type { FastifyPluginAsync } from 'fastify';
import { measureCatalogue, tableParams, tableQuery, tableResult } from '../../../contracts/reports.js';
import { router } from '../../core/route.js';
import { computeTable } from './use-cases/compute-table.js';
import { listMeasures } from './use-cases/list-measures.js';

export const reportRoutes: FastifyPluginAsync = async (app) => {
  const r = router(app, ['统计报表']);
  r.get(
    '/api/reports/measures',
    { access: 'reports.read', summary: '统计指标目录（统计表的列可引用的指标及其口径）', response: measureCatalogue },
    ({ ctx }) => listMeasures(ctx),
  );
  r.get(
    '/api/reports/campaigns/:campaignId/tables/:tableKey',
    {
      access: 'reports.read',
      summary: '统计表实时数据（由检查、案件等记录计算，某单位某期间）',
      params: tableParams,
      query: tableQuery,
      response: tableResult,
    },
    ({ ctx, params, query }) => computeTable(ctx, params.campaignId, params.tableKey, query),
  );
};
