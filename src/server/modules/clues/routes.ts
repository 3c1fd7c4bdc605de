import type { FastifyPluginAsync } from 'fastify';
import {
  assistReplyInput,
  assistRequest,
  clue,
  clueFromInspectionInput,
  clueFromTipInput,
  clueTransfer,
  clueTransitionInput,
  createAssistInput,
  createClueInput,
  listAssistQuery,
  listCluesQuery,
  listTransfersQuery,
  transferReceiptInput,
  verificationInput,
  weeklyQuery,
  weeklySummary,
} from '../../../contracts/clues.js';
import { id as idField } from '../../../contracts/fields.js';
import { storedFile } from '../../../contracts/files.js';
import { recordVersion } from '../../../contracts/versions.js';
import { z } from 'zod';
import { receiveEvidence } from '../../core/files/index.js';
import { DOCX_TYPE, idParams, paged, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../core/http.js';
import { router } from '../../core/route.js';
import { addClueFile } from './use-cases/add-clue-file.js';
import { addTransferFile } from './use-cases/add-transfer-file.js';
import { assistLetter } from './use-cases/assist-letter.js';
import { assistToClue } from './use-cases/assist-to-clue.js';
import { clueFromInspection } from './use-cases/clue-from-inspection.js';
import { clueFromTip } from './use-cases/clue-from-tip.js';
import { createAssist } from './use-cases/create-assist.js';
import { createClue } from './use-cases/create-clue.js';
import { exportAssist } from './use-cases/export-assist.js';
import { exportClues } from './use-cases/export-clues.js';
import { exportTransfers } from './use-cases/export-transfers.js';
import { exportWeekly } from './use-cases/export-weekly.js';
import { getAssist } from './use-cases/get-assist.js';
import { getClue } from './use-cases/get-clue.js';
import { listAssist } from './use-cases/list-assist.js';
import { listClues } from './use-cases/list-clues.js';
import { listTransfers } from './use-cases/list-transfers.js';
import { receiptTransfer } from './use-cases/receipt-transfer.js';
import { recordVerification } from './use-cases/record-verification.js';
import { replyAssist } from './use-cases/reply-assist.js';
import { transitionClue } from './use-cases/transition-clue.js';
import { weeklySummary as getWeekly } from './use-cases/weekly-summary.js';

const exportQuery = <T extends z.ZodObject>(q: T) => q.omit({ page: true, pageSize: true } as never);

export const clueRoutes: FastifyPluginAsync = async (app) => {
  const r = router(app, ['线索']);
  r.get(
    '/api/clues',
    { access: 'clues.read', summary: '线索列表（本辖区）', query: listCluesQuery, response: paged(clue) },
    ({ ctx, query }) => listClues(ctx, query),
  );
  r.get(
    '/api/clues/export',
    { access: 'clues.read', summary: '导出线索（Excel，筛选同列表）', query: exportQuery(listCluesQuery) },
    async ({ ctx, query, reply }) => sendFile(reply, await exportClues(ctx, query as never), '线索.xlsx', XLSX_TYPE),
  );
  r.post(
    '/api/clues',
    { access: 'clues.manage', summary: '登记线索（抽检、监测、舆情、部门移送、上级交办）', body: createClueInput, response: clue },
    ({ ctx, body }) => createClue(ctx, body),
  );
  r.post(
    '/api/clues/from-tip',
    { access: 'clues.manage', summary: '基层上报转为线索（已受理的上报）', body: clueFromTipInput, response: clue },
    ({ ctx, body }) => clueFromTip(ctx, body),
  );
  r.post(
    '/api/clues/from-inspection',
    {
      access: 'clues.manage',
      summary: '检查发现的问题转为线索（已签名的检查记录；可指定一个问题）',
      body: clueFromInspectionInput,
      response: clue,
    },
    ({ ctx, body }) => clueFromInspection(ctx, body),
  );
  r.get(
    '/api/clues/weekly',
    {
      access: 'clues.read',
      summary: '每周报送：发现线索、移交线索、立案、结案（按监管所和全局）',
      query: weeklyQuery,
      response: weeklySummary,
    },
    ({ ctx, query }) => getWeekly(ctx, query),
  );
  r.get(
    '/api/clues/weekly/export',
    { access: 'clues.read', summary: '导出每周报送（Excel）', query: weeklyQuery },
    async ({ ctx, query, reply }) => {
      const x = await exportWeekly(ctx, query);
      return sendFile(reply, x.file, x.name, XLSX_TYPE);
    },
  );
  r.get(
    '/api/clues/:id',
    { access: 'clues.read', summary: '线索详情（核查、决定、移交、材料）', params: idParams, response: clue },
    ({ ctx, params }) => getClue(ctx, params.id),
  );
  r.put(
    '/api/clues/:id/verification',
    {
      access: 'clues.manage',
      summary: '记录核查情况（核查中）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: verificationInput,
      response: clue,
    },
    ({ ctx, params, body }) => recordVerification(ctx, params.id, body),
  );
  r.post(
    '/api/clues/:id/transition',
    {
      access: 'clues.manage',
      summary: '开始核查 / 立案 / 不予立案（须填理由）/ 移交（须填接收单位）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: clueTransitionInput,
      response: clue,
    },
    ({ ctx, params, body }) => transitionClue(ctx, params.id, body),
  );
  r.post(
    '/api/clues/:id/files',
    {
      access: 'clues.manage',
      summary: '上传线索材料（multipart，字段 file）',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: storedFile,
    },
    async ({ ctx, params, req }) => addClueFile(ctx, params.id, await receiveEvidence(req)),
  );

  const t = router(app, ['移交']);
  t.get(
    '/api/clue-transfers',
    { access: 'clues.read', summary: '移交台账', query: listTransfersQuery, response: paged(clueTransfer) },
    ({ ctx, query }) => listTransfers(ctx, query),
  );
  t.get(
    '/api/clue-transfers/export',
    { access: 'clues.read', summary: '导出移交台账（Excel）', query: exportQuery(listTransfersQuery) },
    async ({ ctx, query, reply }) => sendFile(reply, await exportTransfers(ctx, query as never), '移交台账.xlsx', XLSX_TYPE),
  );
  t.post(
    '/api/clue-transfers/:id/receipt',
    {
      access: 'clues.manage',
      summary: '登记移交回执',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: transferReceiptInput,
      response: clueTransfer,
    },
    ({ ctx, params, body }) => receiptTransfer(ctx, params.id, body),
  );
  t.post(
    '/api/clue-transfers/:id/files',
    {
      access: 'clues.manage',
      summary: '上传移交函或回执（multipart，字段 file；purpose=letter 移交函 / receipt 回执）',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: storedFile,
    },
    async ({ ctx, params, req }) => addTransferFile(ctx, params.id, await receiveEvidence(req)),
  );

  const a = router(app, ['协查函']);
  a.get(
    '/api/assist-requests',
    { access: 'clues.read', summary: '协查函（发出和收到，逾期在前）', query: listAssistQuery, response: paged(assistRequest) },
    ({ ctx, query }) => listAssist(ctx, query),
  );
  a.get(
    '/api/assist-requests/export',
    { access: 'clues.read', summary: '导出协查函台账（Excel）', query: exportQuery(listAssistQuery) },
    async ({ ctx, query, reply }) => sendFile(reply, await exportAssist(ctx, query as never), '协查函台账.xlsx', XLSX_TYPE),
  );
  a.post(
    '/api/assist-requests',
    { access: 'clues.manage', summary: '登记发出或收到的协查函', body: createAssistInput, response: assistRequest },
    ({ ctx, body }) => createAssist(ctx, body),
  );
  a.get(
    '/api/assist-requests/:id',
    { access: 'clues.read', summary: '协查函详情', params: idParams, response: assistRequest },
    ({ ctx, params }) => getAssist(ctx, params.id),
  );
  a.get(
    '/api/assist-requests/:id/letter',
    { access: 'clues.read', summary: '下载协查函（.docx）', params: idParams },
    async ({ ctx, params, reply }) => {
      const d = await assistLetter(ctx, params.id);
      return sendFile(reply, d.file, d.name, DOCX_TYPE);
    },
  );
  a.post(
    '/api/assist-requests/:id/reply',
    {
      access: 'clues.manage',
      summary: '登记协查回复',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: assistReplyInput,
      response: assistRequest,
    },
    ({ ctx, params, body }) => replyAssist(ctx, params.id, body),
  );
  a.post(
    '/api/assist-requests/:id/to-clue',
    {
      access: 'clues.manage',
      summary: '收到的协查请求转为线索',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: z.object({ handlerId: idField.nullish(), version: recordVersion }),
      response: clue,
    },
    ({ ctx, params, body }) => assistToClue(ctx, params.id, body),
  );
};
