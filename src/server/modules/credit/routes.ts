import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  creditOverride,
  creditRuleView,
  creditRun,
  creditUnitDetail,
  creditUnitPage,
  decideOverrideInput,
  listCreditUnitsQuery,
  listOverridesQuery,
  requestOverrideInput,
  saveCreditRuleInput,
} from '../../../contracts/credit.js';
import { idParams, paged, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../core/http.js';
import { router } from '../../core/route.js';
import { bindCreditRegistry } from './job.js';
import { decideOverride } from './use-cases/decide-override.js';
import { exportCreditUnits } from './use-cases/export-credit-units.js';
import { getCreditRule } from './use-cases/get-credit-rule.js';
import { getCreditUnit } from './use-cases/get-credit-unit.js';
import { listCreditRuns } from './use-cases/list-credit-runs.js';
import { listCreditUnits } from './use-cases/list-credit-units.js';
import { listOverrides } from './use-cases/list-overrides.js';
import { recomputeUnit } from './use-cases/recompute-unit.js';
import { requestCreditRun } from './use-cases/request-credit-run.js';
import { requestOverride } from './use-cases/request-override.js';
import { saveCreditRule } from './use-cases/save-credit-rule.js';

export const creditRoutes: FastifyPluginAsync = async (app) => {
  bindCreditRegistry(app.ext);
  const r = router(app, ['信用分级']);
  r.get(
    '/api/credit-rule',
    { access: 'credit.read', summary: '现行信用评价规则（指标、扣分、评价周期、分级线）、历次版本与可用指标', response: creditRuleView },
    ({ ctx }) => getCreditRule(ctx),
  );
  r.put(
    '/api/credit-rule',
    {
      access: 'credit.manage',
      summary: '修订信用评价规则（保存为新版本）',
      description: `${VERSIONED_UPDATE} The version is the rule version read (0 = the bundled default). An indicator no module contributes → 400 UNKNOWN_INDICATOR; thresholds must be ordered A > B > C.`,
      body: saveCreditRuleInput,
      response: creditRuleView,
    },
    ({ ctx, body }) => saveCreditRule(ctx, body),
  );
  r.get(
    '/api/credit-units',
    {
      access: 'credit.read',
      summary: '信用分级名单（按等级、类别、辖区、人工调整筛选）',
      query: listCreditUnitsQuery,
      response: creditUnitPage,
    },
    ({ ctx, query }) => listCreditUnits(ctx, query),
  );
  r.get(
    '/api/credit-units/export',
    { access: 'credit.read', summary: '导出信用分级名单及扣分明细（Excel，筛选同列表）', query: listCreditUnitsQuery },
    async ({ ctx, query, reply }) => sendFile(reply, await exportCreditUnits(ctx, query), '信用分级名单.xlsx', XLSX_TYPE),
  );
  r.get(
    '/api/credit-units/:id',
    { access: 'credit.read', summary: '单位信用档案：现等级、扣分明细、等级变化、调整申请', params: idParams, response: creditUnitDetail },
    ({ ctx, params }) => getCreditUnit(ctx, params.id),
  );
  r.post(
    '/api/credit-units/:id/recompute',
    { access: 'credit.manage', summary: '立即重新评定该单位', params: idParams, response: creditUnitDetail },
    ({ ctx, params }) => recomputeUnit(ctx, params.id),
  );
  r.get(
    '/api/credit-runs',
    { access: 'credit.read', summary: '本辖区最近的重新评定', response: z.object({ items: z.array(creditRun) }) },
    ({ ctx }) => listCreditRuns(ctx),
  );
  r.post('/api/credit-runs', { access: 'credit.manage', summary: '重新评定本辖区全部单位（后台任务）', response: creditRun }, ({ ctx }) =>
    requestCreditRun(ctx),
  );
  r.get(
    '/api/credit-overrides',
    { access: 'credit.read', summary: '信用等级调整申请', query: listOverridesQuery, response: paged(creditOverride) },
    ({ ctx, query }) => listOverrides(ctx, query),
  );
  r.post(
    '/api/credit-overrides',
    {
      access: 'credit.manage',
      summary: '申请人工调整信用等级（须填理由，由他人审批）',
      body: requestOverrideInput,
      response: creditOverride,
    },
    ({ ctx, body }) => requestOverride(ctx, body),
  );
  r.post(
    '/api/credit-overrides/:id/decision',
    {
      access: 'credit.approve',
      summary: '批准 / 驳回（须填理由）等级调整申请；申请人不能审批本人申请',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: decideOverrideInput,
      response: creditOverride,
    },
    ({ ctx, params, body }) => decideOverride(ctx, params.id, body),
  );
};
