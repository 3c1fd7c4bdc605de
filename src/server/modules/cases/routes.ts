import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  caseListItem,
  caseMarksInput,
  caseTransitionInput,
  caseView,
  fileCaseInput,
  listCasesQuery,
  overdueUnit,
  penaltyArticlesQuery,
  penaltyCatalogue,
  penaltyInput,
  caseFactsInput,
  proposeReferralInput,
  publicationItem,
  publicationQuery,
  referralTransitionInput,
  referralView,
  typicalCaseInput,
  typicalTarget,
  typicalTargetsQuery,
} from '../../../contracts/cases.js';
import { idParam } from '../../../contracts/fields.js';
import { storedFile } from '../../../contracts/files.js';
import { receiveEvidence } from '../../core/files/index.js';
import { DOCX_TYPE, idParams, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../core/http.js';
import { router } from '../../core/route.js';
import { addCaseFile } from './use-cases/add-case-file.js';
import { CASE_DOCUMENTS, caseDocument, type CaseDocument } from './use-cases/case-document.js';
import { exportCases } from './use-cases/export-cases.js';
import { exportPublication } from './use-cases/export-publication.js';
import { fileCase } from './use-cases/file-case.js';
import { getCase } from './use-cases/get-case.js';
import { listCases } from './use-cases/list-cases.js';
import { listPenaltyArticles } from './use-cases/list-penalty-articles.js';
import { listPublication } from './use-cases/list-publication.js';
import { overdueUnits } from './use-cases/overdue-units.js';
import { proposeReferral } from './use-cases/propose-referral.js';
import { setMarks } from './use-cases/set-marks.js';
import { editCaseFacts } from './use-cases/edit-case-facts.js';
import { setPenalty } from './use-cases/set-penalty.js';
import { setTypical } from './use-cases/set-typical.js';
import { transitionCase } from './use-cases/transition-case.js';
import { transitionReferral } from './use-cases/transition-referral.js';
import { typicalTargets } from './use-cases/typical-targets.js';

const listItems = z.object({ items: z.array(caseListItem), total: z.number(), page: z.number(), pageSize: z.number() });
const listFilter = listCasesQuery.omit({ page: true, pageSize: true });

export const caseRoutes: FastifyPluginAsync = async (app) => {
  const r = router(app, ['案件查办']);
  r.post(
    '/api/cases',
    {
      access: 'cases.handle',
      summary: '立案（简易程序）或提请立案（普通程序）',
      description:
        'The unit must lie in the caller’s area; the violation type comes from the campaign’s (or the default) catalogue; a case past the limitation (2 years, 5 with health harm) needs `limitationOverride` (else 422 LIMITATION_EXPIRED).',
      body: fileCaseInput,
      response: caseView,
    },
    ({ ctx, body }) => fileCase(ctx, body),
  );
  r.get(
    '/api/cases',
    { access: 'cases.read', summary: '案件列表（状态、程序、超期、单位名称或案件编号）', query: listCasesQuery, response: listItems },
    ({ ctx, query }) => listCases(ctx, query),
  );
  r.get(
    '/api/cases/export',
    { access: 'cases.read', summary: '导出案件（Excel，筛选同列表）', query: listFilter },
    async ({ ctx, query, reply }) => sendFile(reply, await exportCases(ctx, query), '案件.xlsx', XLSX_TYPE),
  );
  r.get(
    '/api/cases/overdue',
    { access: 'cases.read', summary: '各单位超期情况（办案期限、公示期限、移送时限）', response: z.array(overdueUnit) },
    ({ ctx }) => overdueUnits(ctx),
  );
  r.get(
    '/api/cases/publication',
    {
      access: 'cases.read',
      summary: '行政处罚信息公示清单（决定后20个工作日内公示）',
      query: publicationQuery,
      response: z.array(publicationItem),
    },
    ({ ctx, query }) => listPublication(ctx, query),
  );
  r.get(
    '/api/cases/publication/export',
    { access: 'cases.read', summary: '导出行政处罚信息公示表（Excel）', query: publicationQuery },
    async ({ ctx, query, reply }) => sendFile(reply, await exportPublication(ctx, query), '行政处罚信息公示.xlsx', XLSX_TYPE),
  );
  r.get(
    '/api/cases/typical-targets',
    {
      access: 'cases.read',
      summary: '典型案例季度报送情况（每单位每季度不少于1个）',
      query: typicalTargetsQuery,
      response: z.array(typicalTarget),
    },
    ({ ctx, query }) => typicalTargets(ctx, query),
  );
  r.get(
    '/api/cases/penalty-articles',
    {
      access: 'cases.read',
      summary: '处罚依据（罚则条款表）：条款、情形、处罚种类、罚款规则、处罚到人；给出货值金额时附各情形的罚款幅度计算',
      description:
        'The article table a penalty’s `article`/`tier` keys come from (contracts/penalty-articles.ts), with the 从轻/减轻/从重 reasons a `mitigation.reason` names. `goodsValue` (元) adds each tier’s legal fine range for that value and its arithmetic — the range a decision is checked against.',
      query: penaltyArticlesQuery,
      response: penaltyCatalogue,
    },
    ({ query }) => listPenaltyArticles(query),
  );
  r.get('/api/cases/:id', { access: 'cases.read', summary: '案件详情', params: idParams, response: caseView }, ({ ctx, params }) =>
    getCase(ctx, params.id),
  );
  // One use case, three doors: each action is taken through the route of the permission its workflow row needs.
  for (const [path, access, who] of [
    ['transition', 'cases.handle', '承办人：提交审核、事先告知、执行、结案；简易程序的处罚决定'],
    ['review', 'cases.review', '法制审核：通过或退回'],
    ['approve', 'cases.approve', '负责人：批准立案/不予立案、处罚决定、不予处罚、撤销立案、延长办案期限'],
  ] as const) {
    r.post(
      `/api/cases/:id/${path}`,
      {
        access,
        summary: `案件流转（${who}）`,
        description: `${VERSIONED_UPDATE} Each action is allowed only to the roles in the case workflow (403 otherwise).`,
        params: idParams,
        body: caseTransitionInput,
        response: caseView,
      },
      ({ ctx, params, body }) => transitionCase(ctx, params.id, body),
    );
  }
  r.put(
    '/api/cases/:id/facts',
    {
      access: 'cases.handle',
      summary: '修改案情（立案审批中或调查中，须说明理由）',
      description: `${VERSIONED_UPDATE} Violation type, facts, goods value and illegal income, dates, harm to health, responsible persons; checked as at filing (catalogue, dates, limitation). After submission to the legal review → 409 ILLEGAL_TRANSITION; nothing changed → 400 NOTHING_CHANGED.`,
      params: idParams,
      body: caseFactsInput,
      response: caseView,
    },
    ({ ctx, params, body }) => editCaseFacts(ctx, params.id, body),
  );
  r.put(
    '/api/cases/:id/penalty',
    {
      access: 'cases.handle',
      summary: '拟定处罚内容（处罚依据、罚款幅度校验、处罚到人）',
      description: `${VERSIONED_UPDATE} A fine outside the legal range → 422 PENALTY_OUT_OF_RANGE (below the minimum only with 减轻处罚 and a listed reason).`,
      params: idParams,
      body: penaltyInput,
      response: caseView,
    },
    ({ ctx, params, body }) => setPenalty(ctx, params.id, body),
  );
  r.put(
    '/api/cases/:id/marks',
    {
      access: 'cases.review',
      summary: '挂牌督办、提级查办、严重违法失信名单、处罚信息公示日期',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: caseMarksInput,
      response: caseView,
    },
    ({ ctx, params, body }) => setMarks(ctx, params.id, body),
  );
  r.put(
    '/api/cases/:id/typical',
    {
      access: 'cases.handle',
      summary: '编写典型案例',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: typicalCaseInput,
      response: caseView,
    },
    ({ ctx, params, body }) => setTypical(ctx, params.id, body),
  );
  r.post(
    '/api/cases/:id/files',
    {
      access: 'cases.handle',
      summary: '上传证据材料（multipart，字段 file）',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: storedFile,
    },
    async ({ ctx, params, req }) => addCaseFile(ctx, params.id, await receiveEvidence(req)),
  );
  r.post(
    '/api/cases/:id/referral',
    {
      access: 'cases.handle',
      summary: '提请移送公安机关（负责人3日内审批）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: proposeReferralInput,
      response: caseView,
    },
    ({ ctx, params, body }) => proposeReferral(ctx, params.id, body),
  );
  r.get(
    '/api/cases/:id/documents/:document',
    {
      access: 'cases.read',
      summary: '下载案件文书（立案审批表、行政处罚决定书、涉嫌犯罪案件移送书、典型案例，.docx）',
      params: z.object({
        id: idParam,
        document: z.enum(Object.keys(CASE_DOCUMENTS) as [CaseDocument, ...CaseDocument[]], { error: '文书种类无效' }),
      }),
    },
    async ({ ctx, params, reply }) => {
      const d = await caseDocument(ctx, params.id, params.document);
      return sendFile(reply, d.file, d.name, DOCX_TYPE);
    },
  );

  const ref = router(app, ['移送公安']);
  for (const [path, access, who] of [
    ['transition', 'cases.handle', '承办人：移送、接收回执、公安立案/不立案、跟进'],
    ['approve', 'cases.approve', '负责人：批准移送或不予移送'],
  ] as const) {
    ref.post(
      `/api/referrals/:id/${path}`,
      {
        access,
        summary: `移送流转（${who}）`,
        description: `${VERSIONED_UPDATE} Approval and refusal are the head's (cases.approve): others get 403.`,
        params: idParams,
        body: referralTransitionInput,
        response: referralView,
      },
      ({ ctx, params, body }) => transitionReferral(ctx, params.id, body),
    );
  }
};
