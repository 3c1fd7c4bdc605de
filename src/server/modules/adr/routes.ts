import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  adrAlert,
  adrAlertActionInput,
  adrAlertsQuery,
  adrFunnel,
  adrImportJob,
  adrPopulationInput,
  adrPopulationRow,
  adrReport,
  adrReportInput,
  adrReportSaved,
  adrReportsQuery,
  adrSettings,
  adrSettingsInput,
  adrSignalReportsQuery,
  adrSignals,
  adrSignalsQuery,
  adrTargets,
  adrTrend,
  adrTrendQuery,
  DUPLICATE_MODES,
  type DuplicateMode,
} from '../../../contracts/adr.js';
import { idParam, int } from '../../../contracts/fields.js';
import { invalid } from '../../core/errors.js';
import { ctxOf, errorSchema, idParams, paged, VERSIONED_UPDATE } from '../../core/http.js';
import { router } from '../../core/route.js';
import { receiveFile } from '../../core/uploads.js';
import { actOnAlert } from './use-cases/act-on-alert.js';
import { confirmImport } from './use-cases/confirm-import.js';
import { createReport } from './use-cases/create-report.js';
import { getFunnel } from './use-cases/get-funnel.js';
import { getSignals } from './use-cases/get-signals.js';
import { getTrend } from './use-cases/get-trend.js';
import { listSignalReports } from './use-cases/list-signal-reports.js';
import { getAlert } from './use-cases/get-alert.js';
import { getImport } from './use-cases/get-import.js';
import { getReport } from './use-cases/get-report.js';
import { getSettings } from './use-cases/get-settings.js';
import { getTargets } from './use-cases/get-targets.js';
import { listAlerts } from './use-cases/list-alerts.js';
import { listPopulation } from './use-cases/list-population.js';
import { listReportAreas } from './use-cases/list-report-areas.js';
import { listReports } from './use-cases/list-reports.js';
import { savePopulation } from './use-cases/save-population.js';
import { saveSettings } from './use-cases/save-settings.js';
import { updateReport } from './use-cases/update-report.js';
import { uploadImport } from './use-cases/upload-import.js';

const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const adrRoutes: FastifyPluginAsync = async (app) => {
  const r = router(app, ['不良反应监测']);
  r.get(
    '/api/adr-reports',
    {
      access: 'adr.read',
      summary: '不良反应报告（按报告日期、辖区、药品、严重程度、迟报筛选）',
      query: adrReportsQuery,
      response: paged(adrReport),
    },
    ({ ctx, query }) => listReports(ctx, query),
  );
  r.get(
    '/api/adr-reports/areas',
    {
      access: 'adr.read',
      summary: '报告可归属的辖区（县（区）和监管所）',
      response: z.object({
        defaultId: z.number().nullable(),
        items: z.array(z.object({ id: z.number(), name: z.string(), level: z.string() })),
      }),
    },
    ({ ctx }) => listReportAreas(ctx),
  );
  r.post(
    '/api/adr-reports',
    {
      access: 'adr.write',
      summary: '登记不良反应报告（计算报告时限，检查聚集性信号）',
      description: '同一报告编码只能登记一次（409 ADR_REPORT_EXISTS）。答复中的 alertsOpened 为本报告触发的聚集性信号。',
      body: adrReportInput,
      response: adrReportSaved,
    },
    ({ ctx, body }) => createReport(ctx, body),
  );
  r.get(
    '/api/adr-reports/:id',
    { access: 'adr.read', summary: '不良反应报告详情', params: idParams, response: adrReport },
    ({ ctx, params }) => getReport(ctx, params.id),
  );
  r.put(
    '/api/adr-reports/:id',
    {
      access: 'adr.write',
      summary: '修改不良反应报告',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: adrReportInput.and(z.object({ version: int(1, 2_147_483_647) })),
      response: adrReportSaved,
    },
    ({ ctx, params, body }) => updateReport(ctx, params.id, body),
  );
  app.route({
    method: 'POST',
    url: '/api/adr-imports',
    config: { access: 'adr.write' },
    schema: {
      tags: ['不良反应监测'],
      summary: '上传 .xlsx 或 .csv（UTF-8/GBK）并试导入不良反应报告：返回每一行错误、新增和已登记（更新或跳过）的报告数，不写入数据',
      description: 'multipart/form-data：file（文件），duplicates = update（更新已登记的报告编码，默认）或 skip（跳过）。',
      consumes: ['multipart/form-data'],
      response: {
        200: adrImportJob,
        400: errorSchema,
        401: errorSchema,
        403: errorSchema,
        409: errorSchema,
        413: errorSchema,
        415: errorSchema,
        429: errorSchema,
      },
    },
    handler: async (req) => {
      const ctx = ctxOf(req);
      const file = await receiveFile(req, { maxBytes: IMPORT_MAX_BYTES, types: ['xlsx', 'csv'] });
      const mode = file.fields.duplicates ?? 'update';
      if (!(mode in DUPLICATE_MODES)) throw invalid('重复报告的处理方式应为 update 或 skip');
      return uploadImport(ctx, { buffer: file.data, fileName: file.fileName }, mode as DuplicateMode);
    },
  });
  r.get(
    '/api/adr-imports/:id',
    { access: 'adr.write', summary: '不良反应报告导入任务（试导入报告与结果）', params: idParams, response: adrImportJob },
    ({ ctx, params }) => getImport(ctx, params.id),
  );
  r.post(
    '/api/adr-imports/:id/confirm',
    {
      access: 'adr.write',
      summary: '确认导入（全部成功或全部不导入）；wait=true 时等待完成，否则轮询任务',
      params: idParams,
      query: z.object({
        wait: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
      }),
      response: adrImportJob,
    },
    ({ ctx, params, query }) => confirmImport(ctx, params.id, { wait: query.wait }),
  );
  r.get(
    '/api/adr-targets',
    {
      access: 'adr.read',
      summary: '监测目标：各县（区）每百万人口报告数、医疗机构报告比例、未报告的医疗机构',
      query: yearQuery,
      response: adrTargets,
    },
    ({ ctx, query }) => getTargets(ctx, query.year),
  );
  r.get(
    '/api/adr-population',
    { access: 'adr.read', summary: '各县（区）人口数', query: yearQuery, response: z.array(adrPopulationRow) },
    ({ ctx, query }) => listPopulation(ctx, query.year),
  );
  r.put(
    '/api/adr-population',
    {
      access: 'adr.manage',
      summary: '填写县（区）人口数',
      description: VERSIONED_UPDATE + ' version 0 = no figure yet.',
      body: adrPopulationInput,
      response: adrPopulationRow,
    },
    ({ ctx, body }) => savePopulation(ctx, body),
  );
  r.get(
    '/api/adr-settings',
    {
      access: 'adr.read',
      summary: '监测目标和聚集性信号阈值（本县适用的设置）',
      query: z.object({ jurisdictionId: idParam.optional() }),
      response: adrSettings,
    },
    ({ ctx, query }) => getSettings(ctx, query.jurisdictionId),
  );
  r.put(
    '/api/adr-settings',
    {
      access: 'adr.manage',
      summary: '设置监测目标和聚集性信号阈值',
      description: VERSIONED_UPDATE + ' version 0 = inherited.',
      body: adrSettingsInput,
      response: adrSettings,
    },
    ({ ctx, body }) => saveSettings(ctx, body),
  );
  r.get(
    '/api/adr-alerts',
    { access: 'adr.read', summary: '聚集性信号', query: adrAlertsQuery, response: paged(adrAlert) },
    ({ ctx, query }) => listAlerts(ctx, query),
  );
  r.get('/api/adr-alerts/:id', { access: 'adr.read', summary: '聚集性信号详情', params: idParams, response: adrAlert }, ({ ctx, params }) =>
    getAlert(ctx, params.id),
  );
  r.post(
    '/api/adr-alerts/:id/transition',
    {
      access: 'adr.write',
      summary: '研判、排除聚集性信号，或转为风险隐患/线索（重复转换返回原结果）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: adrAlertActionInput,
      response: adrAlert,
    },
    ({ ctx, params, body }) => actOnAlert(ctx, params.id, body),
  );
  r.get(
    '/api/adr/signals',
    {
      access: 'adr.read',
      summary: '不良反应信号检测：药品—不良反应组合的 PRR、ROR、IC、EBGM（本人辖区、报告日期期间）',
      description:
        '按本人辖区和期间内报告的（报告、怀疑药品通用名称、不良反应名称）计算，药品和不良反应筛选只缩小显示的组合，不改变背景。' +
        'JSON 无 Infinity/NaN：这类指标为 null，nonFinite 注明原值。默认信号规则见 rule（推定）。',
      query: adrSignalsQuery,
      response: adrSignals,
    },
    ({ ctx, query }) => getSignals(ctx, query),
  );
  r.get(
    '/api/adr/signals/reports',
    { access: 'adr.read', summary: '信号组合对应的不良反应报告', query: adrSignalReportsQuery, response: paged(adrReport) },
    ({ ctx, query }) => listSignalReports(ctx, query),
  );
  r.get(
    '/api/adr/trend',
    { access: 'adr.read', summary: '每月不良反应报告数（全部/严重）', query: adrTrendQuery, response: adrTrend },
    ({ ctx, query }) => getTrend(ctx, query),
  );
  r.get(
    '/api/adr/funnel',
    { access: 'adr.read', summary: '各县（区）每百万人口药品不良反应报告数漏斗图（95% 控制限）', query: yearQuery, response: adrFunnel },
    ({ ctx, query }) => getFunnel(ctx, query.year),
  );
};
