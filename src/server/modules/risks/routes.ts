import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { storedFile } from '../../../contracts/files.js';
import {
  commonRiskInput,
  commonRiskView,
  consultationInput,
  consultationView,
  editCommonRiskInput,
  editConsultationInput,
  editRiskInput,
  findingOption,
  findingOptionsQuery,
  listCommonRisksQuery,
  listConsultationsQuery,
  listRisksQuery,
  riskFromFindingInput,
  riskListItem,
  riskStats,
  riskStatsQuery,
  riskTransitionInput,
  riskView,
  createRiskInput,
} from '../../../contracts/risks.js';
import { receiveEvidence } from '../../core/files/index.js';
import { idParams, paged, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../core/http.js';
import { router } from '../../core/route.js';
import { addRiskFile } from './use-cases/add-risk-file.js';
import { createCommonRisk } from './use-cases/create-common-risk.js';
import { createConsultation } from './use-cases/create-consultation.js';
import { createRiskFromFinding } from './use-cases/create-risk-from-finding.js';
import { createRisk } from './use-cases/create-risk.js';
import { editCommonRisk } from './use-cases/edit-common-risk.js';
import { editConsultation } from './use-cases/edit-consultation.js';
import { editRisk } from './use-cases/edit-risk.js';
import { exportCommonRisks } from './use-cases/export-common-risks.js';
import { exportConsultations } from './use-cases/export-consultations.js';
import { exportRisks } from './use-cases/export-risks.js';
import { getCommonRisk } from './use-cases/get-common-risk.js';
import { getConsultation } from './use-cases/get-consultation.js';
import { getRisk } from './use-cases/get-risk.js';
import { listCommonRisks } from './use-cases/list-common-risks.js';
import { listConsultations } from './use-cases/list-consultations.js';
import { listFindingOptions } from './use-cases/list-finding-options.js';
import { listRisks } from './use-cases/list-risks.js';
import { riskStats as computeRiskStats } from './use-cases/risk-stats.js';
import { transitionRisk } from './use-cases/transition-risk.js';

const exportQuery = <T extends z.ZodObject<any>>(q: T) => q.omit({ page: true, pageSize: true });

export const riskRoutes: FastifyPluginAsync = async (app) => {
  const r = router(app, ['风险隐患']);
  r.get(
    '/api/risks',
    {
      access: 'risks.read',
      summary: '风险清单（按监管所、等级、状态、是否逾期筛选；逾期在前）',
      query: listRisksQuery,
      response: paged(riskListItem),
    },
    ({ ctx, query }) => listRisks(ctx, query),
  );
  r.get(
    '/api/risks/export',
    { access: 'risks.read', summary: '导出风险隐患排查台账（Excel，筛选同列表）', query: exportQuery(listRisksQuery) },
    async ({ ctx, query, reply }) => sendFile(reply, await exportRisks(ctx, query), '风险隐患排查台账.xlsx', XLSX_TYPE),
  );
  r.get(
    '/api/risks/stats',
    {
      access: 'risks.read',
      summary: '风险隐患工作情况（附件3：发现、销号、共性风险，本级及所辖下级的风险会商次数和事项数）',
      query: riskStatsQuery,
      response: riskStats,
    },
    ({ ctx, query }) => computeRiskStats(ctx, query),
  );
  r.post(
    '/api/risks',
    {
      access: 'risks.manage',
      summary: '登记风险隐患（任一发现渠道；涉及单位、等级、管控措施、责任人、期限）',
      body: createRiskInput,
      response: riskView,
    },
    ({ ctx, body }) => createRisk(ctx, body),
  );
  r.post(
    '/api/risks/from-finding',
    {
      access: 'risks.manage',
      summary: '检查发现的问题转为风险隐患（每个问题一次）',
      body: riskFromFindingInput,
      response: riskView,
    },
    ({ ctx, body }) => createRiskFromFinding(ctx, body),
  );
  r.get('/api/risks/:id', { access: 'risks.read', summary: '风险隐患详情', params: idParams, response: riskView }, ({ ctx, params }) =>
    getRisk(ctx, params.id),
  );
  r.put(
    '/api/risks/:id',
    {
      access: 'risks.manage',
      summary: '修改风险隐患（申请销号前）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: editRiskInput,
      response: riskView,
    },
    ({ ctx, params, body }) => editRisk(ctx, params.id, body),
  );
  r.post(
    '/api/risks/:id/transition',
    {
      access: 'risks.manage',
      summary: '落实管控 / 申请销号（须有证明材料）/ 验收销号（责任人以外的人员）/ 退回 / 重新打开（须填原因）',
      description: `${VERSIONED_UPDATE} 验收销号和退回须有“验收风险隐患销号”权限。`,
      params: idParams,
      body: riskTransitionInput,
      response: riskView,
    },
    ({ ctx, params, body }) => transitionRisk(ctx, params.id, body),
  );
  r.post(
    '/api/risks/:id/files',
    {
      access: 'risks.manage',
      summary: '上传管控到位的证明材料（multipart，字段 file，可带 note）',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: storedFile,
    },
    async ({ ctx, params, req }) => addRiskFile(ctx, params.id, await receiveEvidence(req)),
  );

  const c = router(app, ['共性风险隐患']);
  c.get(
    '/api/common-risks',
    { access: 'risks.read', summary: '共性风险隐患', query: listCommonRisksQuery, response: paged(commonRiskView) },
    ({ ctx, query }) => listCommonRisks(ctx, query),
  );
  c.get(
    '/api/common-risks/export',
    {
      access: 'risks.read',
      summary: '导出“两品一械”风险隐患排查问题清单（共性风险隐患，Excel）',
      query: exportQuery(listCommonRisksQuery),
    },
    async ({ ctx, query, reply }) => sendFile(reply, await exportCommonRisks(ctx, query), '共性风险隐患.xlsx', XLSX_TYPE),
  );
  c.get(
    '/api/common-risks/finding-options',
    {
      access: 'risks.read',
      summary: '可归并的检查问题（本辖区已签名检查记录发现的问题，按检查日期倒序，最多100条）',
      query: findingOptionsQuery,
      response: z.object({ items: z.array(findingOption) }),
    },
    ({ ctx, query }) => listFindingOptions(ctx, query),
  );
  c.post(
    '/api/common-risks',
    { access: 'risks.manage', summary: '把多项风险隐患或检查问题归并为共性风险隐患', body: commonRiskInput, response: commonRiskView },
    ({ ctx, body }) => createCommonRisk(ctx, body),
  );
  c.get(
    '/api/common-risks/:id',
    { access: 'risks.read', summary: '共性风险隐患详情', params: idParams, response: commonRiskView },
    ({ ctx, params }) => getCommonRisk(ctx, params.id),
  );
  c.put(
    '/api/common-risks/:id',
    {
      access: 'risks.manage',
      summary: '修改共性风险隐患（分析、管控措施、是否消除、归并的风险和问题）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: editCommonRiskInput,
      response: commonRiskView,
    },
    ({ ctx, params, body }) => editCommonRisk(ctx, params.id, body),
  );

  const m = router(app, ['风险会商']);
  m.get(
    '/api/consultations',
    { access: 'risks.read', summary: '风险会商和案件会商记录', query: listConsultationsQuery, response: paged(consultationView) },
    ({ ctx, query }) => listConsultations(ctx, query),
  );
  m.get(
    '/api/consultations/export',
    { access: 'risks.read', summary: '导出会商记录（Excel，每个事项一行）', query: exportQuery(listConsultationsQuery) },
    async ({ ctx, query, reply }) => sendFile(reply, await exportConsultations(ctx, query), '会商记录.xlsx', XLSX_TYPE),
  );
  m.post(
    '/api/consultations',
    {
      access: 'risks.manage',
      summary: '记录风险会商或案件会商（会商事项、意见、跟进人、关联的风险隐患）',
      body: consultationInput,
      response: consultationView,
    },
    ({ ctx, body }) => createConsultation(ctx, body),
  );
  m.get(
    '/api/consultations/:id',
    { access: 'risks.read', summary: '会商记录', params: idParams, response: consultationView },
    ({ ctx, params }) => getConsultation(ctx, params.id),
  );
  m.put(
    '/api/consultations/:id',
    {
      access: 'risks.manage',
      summary: '修改会商记录（须说明修改原因，记入操作日志）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: editConsultationInput,
      response: consultationView,
    },
    ({ ctx, params, body }) => editConsultation(ctx, params.id, body),
  );
};
