import type { FastifyPluginAsync } from 'fastify';
import {
  complaint,
  complaintToClueInput,
  complaintTransitionInput,
  createComplaintInput,
  listComplaintsQuery,
  rewardDecisionInput,
  rewardRequestInput,
} from '../../../contracts/complaints.js';
import { idParams, paged, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../core/http.js';
import { router } from '../../core/route.js';
import { complaintToClue } from './use-cases/complaint-to-clue.js';
import { createComplaint } from './use-cases/create-complaint.js';
import { decideReward } from './use-cases/decide-reward.js';
import { exportComplaints } from './use-cases/export-complaints.js';
import { getComplaint } from './use-cases/get-complaint.js';
import { listComplaints } from './use-cases/list-complaints.js';
import { requestReward } from './use-cases/request-reward.js';
import { transitionComplaint } from './use-cases/transition-complaint.js';

export const complaintRoutes: FastifyPluginAsync = async (app) => {
  const r = router(app, ['投诉举报']);
  r.get(
    '/api/complaints',
    {
      access: 'complaints.read',
      summary: '投诉举报（overdue=true：超过时限未办的，逾期最久在前）',
      query: listComplaintsQuery,
      response: paged(complaint),
    },
    ({ ctx, query }) => listComplaints(ctx, query),
  );
  r.get(
    '/api/complaints/export',
    {
      access: 'complaints.read',
      summary: '导出投诉举报台账（Excel，筛选同列表）',
      query: listComplaintsQuery.omit({ page: true, pageSize: true }),
    },
    async ({ ctx, query, reply }) => sendFile(reply, await exportComplaints(ctx, query), '投诉举报台账.xlsx', XLSX_TYPE),
  );
  r.post(
    '/api/complaints',
    { access: 'complaints.manage', summary: '登记投诉举报', body: createComplaintInput, response: complaint },
    ({ ctx, body }) => createComplaint(ctx, body),
  );
  r.get(
    '/api/complaints/:id',
    { access: 'complaints.read', summary: '投诉举报详情（时限、线索、奖励）', params: idParams, response: complaint },
    ({ ctx, params }) => getComplaint(ctx, params.id),
  );
  r.post(
    '/api/complaints/:id/transition',
    {
      access: 'complaints.manage',
      summary: '受理 / 不予受理（须填理由）/ 告知实名举报人是否立案 / 答复（须填答复内容）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: complaintTransitionInput,
      response: complaint,
    },
    ({ ctx, params, body }) => transitionComplaint(ctx, params.id, body),
  );
  r.post(
    '/api/complaints/:id/to-clue',
    {
      access: 'clues.manage',
      summary: '投诉举报转为线索（受理后）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: complaintToClueInput,
      response: complaint,
    },
    ({ ctx, params, body }) => complaintToClue(ctx, params.id, body),
  );
  r.post(
    '/api/complaints/:id/reward',
    {
      access: 'complaints.manage',
      summary: '申请举报奖励',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: rewardRequestInput,
      response: complaint,
    },
    ({ ctx, params, body }) => requestReward(ctx, params.id, body),
  );
  r.post(
    '/api/complaints/:id/reward/decide',
    {
      access: 'complaints.reward_approve',
      summary: '审批举报奖励（申请人以外的领导）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: rewardDecisionInput,
      response: complaint,
    },
    ({ ctx, params, body }) => decideReward(ctx, params.id, body),
  );
};
