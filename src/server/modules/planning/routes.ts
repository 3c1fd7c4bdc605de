import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePlanTaskInput,
  conflictInput,
  inspectorConflict,
  coverage,
  coverageQuery,
  generatePlanInput,
  missingItem,
  myTask,
  planCheck,
  planDetail,
  planSummary,
  planTask,
  publishPlanInput,
  readingNumbers as readingNumbersSchema,
} from '../../../contracts/plans.js';
import { ctxOf, errorResponses, idParams, okSchema, paged, pageQuery, sendFile, XLSX_TYPE } from '../../core/http.js';
import { declareConflict } from './use-cases/declare-conflict.js';
import { listConflicts } from './use-cases/list-conflicts.js';
import { removeConflict } from './use-cases/remove-conflict.js';
import { changePlanTask } from './use-cases/change-plan-task.js';
import { exportPlan } from './use-cases/export-plan.js';
import { generatePlanForCampaign } from './use-cases/generate-plan.js';
import { getCoverage } from './use-cases/get-coverage.js';
import { getPlanDetail } from './use-cases/get-plan.js';
import { listMyTasks } from './use-cases/list-my-tasks.js';
import { listMissing } from './use-cases/list-missing.js';
import { listPlanTasks } from './use-cases/list-plan-tasks.js';
import { listPlans } from './use-cases/list-plans.js';
import { printPlan, PRINT_CSP } from './use-cases/print-plan.js';
import { publishPlan } from './use-cases/publish-plan.js';
import { readingNumbers } from './use-cases/reading-numbers.js';

import { warmPlanContexts } from './coverage-source.js';
import { idParam } from '../../../contracts/fields.js';

const tags = ['检查计划'];
const outputQuery = coverageQuery.pick({ stationId: true });

export const planningRoutes: FastifyPluginAsyncZod = async (app) => {
  // Coverage of recent plans needs their requirements in memory: built once the server listens,
  // in the background, not on the first request.
  app.addHook('onListen', async () => {
    const t0 = performance.now();
    warmPlanContexts(app.db).then(
      (plans) => app.log.info({ plans, ms: Math.round(performance.now() - t0) }, 'plan coverage warmed'),
      (e) => app.log.warn({ err: e }, '检查计划完成情况预热失败 (warming plan coverage failed)'),
    );
  });
  app.get(
    '/api/plans',
    {
      config: { access: 'plans.read' },
      schema: {
        tags,
        summary: '检查计划列表',
        querystring: z.object({ campaignId: idParam.optional() }),
        response: { 200: z.array(planSummary), ...errorResponses },
      },
    },
    async (req) => listPlans(ctxOf(req), req.query),
  );
  app.post(
    '/api/plans',
    {
      config: { access: 'plans.manage' },
      schema: {
        tags,
        summary: '按专项行动的指标规则生成检查计划（草稿）',
        body: generatePlanInput,
        response: { 200: planSummary, ...errorResponses },
      },
    },
    async (req) => generatePlanForCampaign(ctxOf(req), req.body),
  );
  app.get(
    '/api/plans/:id',
    {
      config: { access: 'plans.read' },
      schema: { tags, summary: '检查计划详情（缺口、复核结果、各所）', params: idParams, response: { 200: planDetail, ...errorResponses } },
    },
    async (req) => getPlanDetail(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/plans/:id/tasks',
    {
      config: { access: 'plans.read' },
      schema: {
        tags,
        summary: '计划任务（本人数据范围内）',
        params: idParams,
        querystring: pageQuery.extend({
          stationId: idParam.optional(),
          status: z.enum(['open', 'done', 'cancelled']).optional(),
          q: z.string().trim().max(50).optional(),
        }),
        response: { 200: paged(planTask), ...errorResponses },
      },
    },
    async (req) => listPlanTasks(ctxOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/plans/:id/tasks',
    {
      config: { access: 'plans.manage' },
      schema: {
        tags,
        summary: '手工调整计划（增加、删除、改派），返回复核结果',
        params: idParams,
        body: changePlanTaskInput,
        response: { 200: planCheck, ...errorResponses },
      },
    },
    async (req) => changePlanTask(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/plans/:id/publish',
    {
      config: { access: 'plans.manage' },
      schema: {
        tags,
        summary: '发布计划，任务下达各所（与本专项行动其他计划的待检查任务重叠时须选择：替代原计划或同时保留）',
        params: idParams,
        body: publishPlanInput.nullish(),
        response: { 200: planSummary, ...errorResponses },
      },
    },
    async (req) => publishPlan(ctxOf(req), req.params.id, req.body ?? {}),
  );
  app.get(
    '/api/plans/:id/coverage',
    {
      config: { access: 'plans.read' },
      schema: {
        tags,
        summary: '实时覆盖情况：每项指标×每个所的应检、已检、尚缺（可只看一个所，或按所汇总）',
        params: idParams,
        querystring: coverageQuery,
        response: { 200: coverage, ...errorResponses },
      },
    },
    async (req) => getCoverage(ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/plans/:id/missing',
    {
      config: { access: 'plans.read' },
      schema: {
        tags,
        summary: '尚缺清单及可完成它的计划任务',
        params: idParams,
        response: { 200: z.array(missingItem), ...errorResponses },
      },
    },
    async (req) => listMissing(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/plans/:id/export',
    {
      config: { access: 'plans.read' },
      schema: { tags, summary: '导出计划和覆盖情况（Excel；可只导出一个所）', params: idParams, querystring: outputQuery },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportPlan(ctxOf(req), req.params.id, req.query.stationId);
      return sendFile(reply, buffer, filename, XLSX_TYPE);
    },
  );
  app.get(
    '/api/plans/:id/print',
    {
      config: { access: 'plans.read' },
      schema: { tags, summary: '打印视图（HTML；可只打印一个所）', params: idParams, querystring: outputQuery },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', PRINT_CSP)
        .send(await printPlan(ctxOf(req), req.params.id, req.query.stationId)),
  );

  app.get(
    '/api/my-tasks',
    {
      config: { access: 'inspections.record' },
      schema: {
        tags,
        summary: '我的任务：分派给本人的待检查任务（逾期在前，按截止日期）',
        response: { 200: z.object({ items: z.array(myTask), total: z.number(), today: z.string() }), ...errorResponses },
      },
    },
    async (req) => listMyTasks(ctxOf(req)),
  );

  app.get(
    '/api/campaigns/:id/readings',
    {
      config: { access: 'campaigns.read' },
      schema: {
        tags: ['专项行动'],
        summary: '方案的两种理解及各自需要的最少检查量',
        params: idParams,
        response: { 200: readingNumbersSchema, ...errorResponses },
      },
    },
    async (req) => readingNumbers(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/inspector-conflicts',
    {
      config: { access: 'plans.read' },
      schema: {
        tags,
        summary: '检查人员回避登记',
        querystring: z.object({ entityId: idParam.optional() }),
        response: { 200: z.array(inspectorConflict), ...errorResponses },
      },
    },
    async (req) => listConflicts(ctxOf(req), req.query),
  );
  app.post(
    '/api/inspector-conflicts',
    {
      config: { access: 'plans.manage' },
      schema: { tags, summary: '登记回避（此后抽取时排除）', body: conflictInput, response: { 200: inspectorConflict, ...errorResponses } },
    },
    async (req) => declareConflict(ctxOf(req), req.body),
  );
  app.delete(
    '/api/inspector-conflicts/:id',
    {
      config: { access: 'plans.manage' },
      schema: { tags, summary: '撤销回避', params: idParams, response: { 200: okSchema, ...errorResponses } },
    },
    async (req) => removeConflict(ctxOf(req), req.params.id),
  );
};
