import type { FastifyPluginAsync } from 'fastify';
import {
  drillQuery,
  drillResult,
  measureCatalogue,
  rollupQuery,
  rollupResult,
  tableParams,
  tableQuery,
  tableResult,
} from '../../../contracts/reports.js';
import { sendFile, XLSX_TYPE } from '../../core/http.js';
import { router } from '../../core/route.js';
import { computeTable } from './use-cases/compute-table.js';
import { drillCell } from './use-cases/drill-cell.js';
import { listMeasures } from './use-cases/list-measures.js';
import { rollupTable } from './use-cases/rollup-table.js';
import { bindMeasureStartRegistry } from './measure-start-job.js';
import { rollupWorkbook, statTableWorkbook } from './workbook.js';

const fileName = (label: string, date: string) => `${label.replace(/[\\/:*?"<>|“”]/g, '')}_${date}.xlsx`;

export const reportRoutes: FastifyPluginAsync = async (app) => {
  bindMeasureStartRegistry(app.ext);
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
      summary: '统计表实时数据（由检查、案件等记录计算，某单位某期间；含公式列和行校验）',
      params: tableParams,
      query: tableQuery,
      response: tableResult,
    },
    ({ ctx, params, query }) => computeTable(ctx, params.campaignId, params.tableKey, query),
  );
  r.get(
    '/api/reports/campaigns/:campaignId/tables/:tableKey/export',
    { access: 'reports.read', summary: '导出统计表（Excel，按方案附件格式：标题、填报单位、时间、表头、注）', params: tableParams, query: tableQuery },
    async ({ ctx, params, query, reply }) => {
      const t = await computeTable(ctx, params.campaignId, params.tableKey, query);
      return sendFile(reply, await statTableWorkbook(t), fileName(`${t.label}_${t.jurisdiction.name}`, t.period.to), XLSX_TYPE);
    },
  );
  r.get(
    '/api/reports/campaigns/:campaignId/tables/:tableKey/drill',
    {
      access: 'reports.read',
      summary: '统计表某一格的明细记录（与该格同一口径，分页）',
      params: tableParams,
      query: drillQuery,
      response: drillResult,
    },
    ({ ctx, params, query }) => drillCell(ctx, params.campaignId, params.tableKey, query),
  );
  r.get(
    '/api/reports/campaigns/:campaignId/tables/:tableKey/rollup',
    {
      access: 'reports.read',
      summary: '统计表逐级汇总（下一级各单位、本级、合计，可按某列排名）',
      params: tableParams,
      query: rollupQuery,
      response: rollupResult,
    },
    ({ ctx, params, query }) => rollupTable(ctx, params.campaignId, params.tableKey, query),
  );
  r.get(
    '/api/reports/campaigns/:campaignId/tables/:tableKey/rollup/export',
    { access: 'reports.read', summary: '导出逐级汇总表（Excel，各单位为行）', params: tableParams, query: rollupQuery },
    async ({ ctx, params, query, reply }) => {
      const g = await rollupTable(ctx, params.campaignId, params.tableKey, query);
      return sendFile(reply, await rollupWorkbook(g), fileName(`${g.label}_${g.jurisdiction.name}_汇总`, g.period.to), XLSX_TYPE);
    },
  );
};
