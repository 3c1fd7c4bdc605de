import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../../contracts/fields.js';
import { storedFile } from '../../../contracts/files.js';
import {
  createSamplingPlanInput,
  createSamplingRecordInput,
  editSamplingRecordInput,
  followUpInput,
  handleSamplingInput,
  listSamplingPlansQuery,
  listSamplingRecordsQuery,
  recordSamplingResultInput,
  samplerOption,
  samplingListItem,
  samplingPlan,
  samplingProgressReport,
  samplingRecord,
  sendSamplingRecordInput,
  updateSamplingPlanInput,
  withdrawSamplingRecordInput,
} from '../../../contracts/sampling.js';
import { receiveEvidence } from '../../core/files/index.js';
import { DOCX_TYPE, idParams, paged, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../core/http.js';
import { samplingDocument } from './use-cases/sampling-document.js';
import { router } from '../../core/route.js';

import { addSamplingFile } from './use-cases/add-sampling-file.js';
import { createSamplingPlan } from './use-cases/create-sampling-plan.js';
import { editSamplingRecord } from './use-cases/edit-sampling-record.js';
import { exportSamplingRecords } from './use-cases/export-sampling-records.js';
import { getSamplingPlan } from './use-cases/get-sampling-plan.js';
import { getSamplingProgress } from './use-cases/get-sampling-progress.js';
import { getSamplingRecord } from './use-cases/get-sampling-record.js';
import { handleSampling } from './use-cases/handle-sampling.js';
import { listSamplers } from './use-cases/list-samplers.js';
import { listSamplingPlans } from './use-cases/list-sampling-plans.js';
import { listSamplingRecords } from './use-cases/list-sampling-records.js';
import { recordSampling } from './use-cases/record-sampling.js';
import { recordSamplingResult } from './use-cases/record-sampling-result.js';
import { sendSamplingRecord } from './use-cases/send-sampling-record.js';
import { updateFollowUp } from './use-cases/update-follow-up.js';
import { updateSamplingPlan } from './use-cases/update-sampling-plan.js';
import { withdrawSamplingRecord } from './use-cases/withdraw-sampling-record.js';

export const samplingRoutes: FastifyPluginAsync = async (app) => {
  const plans = router(app, ['监督抽检']);
  plans.get(
    '/api/sampling-plans',
    {
      access: 'sampling.read',
      summary: '抽检计划（国家、省（市）、县（区）三级，含计划与完成进度）',
      query: listSamplingPlansQuery,
      response: z.array(samplingPlan),
    },
    ({ ctx, query }) => listSamplingPlans(ctx, query),
  );
  plans.post(
    '/api/sampling-plans',
    {
      access: 'sampling.manage',
      summary: '制定年度抽检计划（按产品类别计划批次，可指定抽样单位）',
      body: createSamplingPlanInput,
      response: samplingPlan,
    },
    ({ ctx, body }) => createSamplingPlan(ctx, body),
  );
  plans.get(
    '/api/sampling-plans/progress',
    {
      access: 'sampling.read',
      summary: '年度抽检进度（按层级和产品类别：计划批次、已抽样、已出结果、不合格）',
      query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      response: samplingProgressReport,
    },
    ({ ctx, query }) => getSamplingProgress(ctx, query.year),
  );
  plans.get(
    '/api/sampling-plans/:id',
    { access: 'sampling.read', summary: '抽检计划详情', params: idParams, response: samplingPlan },
    ({ ctx, params }) => getSamplingPlan(ctx, params.id),
  );
  plans.put(
    '/api/sampling-plans/:id',
    {
      access: 'sampling.manage',
      summary: '修改抽检计划',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: updateSamplingPlanInput,
      response: samplingPlan,
    },
    ({ ctx, params, body }) => updateSamplingPlan(ctx, params.id, body),
  );

  const r = router(app, ['监督抽检']);
  r.get(
    '/api/sampling-records',
    {
      access: 'sampling.read',
      summary: '抽样记录（按状态、年度、计划、单位、关键词筛选）',
      query: listSamplingRecordsQuery,
      response: paged(samplingListItem),
    },
    ({ ctx, query }) => listSamplingRecords(ctx, query),
  );
  r.get(
    '/api/sampling-records/export',
    { access: 'sampling.read', summary: '导出抽样记录（Excel，筛选同列表）', query: listSamplingRecordsQuery },
    async ({ ctx, query, reply }) => sendFile(reply, await exportSamplingRecords(ctx, query), '抽样记录.xlsx', XLSX_TYPE),
  );
  r.get(
    '/api/sampling-records/samplers',
    {
      access: 'sampling.record',
      summary: '可选的抽样人员（被抽样单位所在辖区在岗的抽样人员）',
      query: z.object({ entityId: idParam }),
      response: z.array(samplerOption),
    },
    ({ ctx, query }) => listSamplers(ctx, query.entityId),
  );
  r.post(
    '/api/sampling-records',
    { access: 'sampling.record', summary: '录入抽样记录（自动编抽样单编号）', body: createSamplingRecordInput, response: samplingRecord },
    ({ ctx, body }) => recordSampling(ctx, body),
  );
  r.get(
    '/api/sampling-records/:id',
    { access: 'sampling.read', summary: '抽样记录详情（含检验结果、核查处置）', params: idParams, response: samplingRecord },
    ({ ctx, params }) => getSamplingRecord(ctx, params.id),
  );
  r.get(
    '/api/sampling-records/:id/document',
    { access: 'sampling.read', summary: '下载抽样单（.docx，现场签字用）', params: idParams },
    async ({ ctx, params, reply }) => {
      const d = await samplingDocument(ctx, params.id);
      return sendFile(reply, d.file, d.name, DOCX_TYPE);
    },
  );
  r.put(
    '/api/sampling-records/:id',
    {
      access: 'sampling.record',
      summary: '更正抽样记录（出结果前，须填写原因）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: editSamplingRecordInput,
      response: samplingRecord,
    },
    ({ ctx, params, body }) => editSamplingRecord(ctx, params.id, body),
  );
  r.post(
    '/api/sampling-records/:id/withdraw',
    {
      access: 'sampling.record',
      summary: '撤销抽样记录（出结果前，须填写原因）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: withdrawSamplingRecordInput,
      response: samplingRecord,
    },
    ({ ctx, params, body }) => withdrawSamplingRecord(ctx, params.id, body),
  );
  r.post(
    '/api/sampling-records/:id/send',
    {
      access: 'sampling.record',
      summary: '送检',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: sendSamplingRecordInput,
      response: samplingRecord,
    },
    ({ ctx, params, body }) => sendSamplingRecord(ctx, params.id, body),
  );
  r.post(
    '/api/sampling-records/:id/result',
    {
      access: 'sampling.record',
      summary: '录入检验结果（不合格须填写不合格项目及标准依据；不合格即生成核查处置）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: recordSamplingResultInput,
      response: samplingRecord,
    },
    ({ ctx, params, body }) => recordSamplingResult(ctx, params.id, body),
  );
  r.post(
    '/api/sampling-records/:id/follow-up',
    {
      access: 'sampling.record',
      summary: '登记核查处置（控制措施、检验报告送达日期、复检申请）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: followUpInput,
      response: samplingRecord,
    },
    ({ ctx, params, body }) => updateFollowUp(ctx, params.id, body),
  );
  r.post(
    '/api/sampling-records/:id/handle',
    {
      access: 'sampling.record',
      summary: '不合格核查处置完毕（须填写处置结果）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: handleSamplingInput,
      response: samplingRecord,
    },
    ({ ctx, params, body }) => handleSampling(ctx, params.id, body),
  );
  r.post(
    '/api/sampling-records/:id/files',
    {
      access: 'sampling.record',
      summary: '上传封样照片（?purpose=seal，字段 file，仅照片）或检验报告（?purpose=report，照片或PDF）',
      params: idParams,
      query: z.object({ purpose: z.enum(['seal', 'report'], { error: '用途须为封样照片或检验报告' }).default('seal') }),
      consumes: ['multipart/form-data'],
      response: storedFile,
    },
    async ({ ctx, params, query, req }) =>
      addSamplingFile(
        ctx,
        params.id,
        query.purpose,
        await receiveEvidence(req, { kinds: query.purpose === 'seal' ? ['image'] : ['image', 'document'] }),
      ),
  );
};
