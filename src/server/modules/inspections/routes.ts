import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../../contracts/fields.js';
import { storedFile } from '../../../contracts/files.js';
import {
  cancelInspectionInput,
  checklistResponse,
  editInspectionInput,
  extendRectificationInput,
  inspection,
  inspectionListItem,
  listInspectionsQuery,
  listRectificationsQuery,
  publicationItem,
  publicationQuery,
  recordInspectionInput,
  rectificationView,
  signInput,
  withdrawInspectionInput,
} from '../../../contracts/inspections.js';
import { receiveEvidence } from '../../core/files/index.js';
import { DOCX_TYPE, idParams, paged, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../core/http.js';
import { PRINT_CSP } from '../../core/print.js';
import { router } from '../../core/route.js';
import { addInspectionFile } from './use-cases/add-inspection-file.js';
import { cancelInspection } from './use-cases/cancel-inspection.js';
import { editInspection } from './use-cases/edit-inspection.js';
import { exportInspections } from './use-cases/export-inspections.js';
import { exportPublication } from './use-cases/export-publication.js';
import { extendRectification } from './use-cases/extend-rectification.js';
import { getChecklist } from './use-cases/get-checklist.js';
import { getInspection } from './use-cases/get-inspection.js';
import { INSPECTION_DOCUMENTS, inspectionDocument, type InspectionDocument } from './use-cases/inspection-document.js';
import { listInspections } from './use-cases/list-inspections.js';
import { listMyInspections } from './use-cases/list-my-inspections.js';
import { listPublication } from './use-cases/list-publication.js';
import { listRectifications } from './use-cases/list-rectifications.js';
import { printInspection } from './use-cases/print-inspection.js';
import { recordInspection } from './use-cases/record-inspection.js';
import { signInspection } from './use-cases/sign-inspection.js';
import { submitRectificationEvidence } from './use-cases/submit-rectification-evidence.js';
import { withdrawInspection } from './use-cases/withdraw-inspection.js';

const listItems = z.object({ items: z.array(inspectionListItem), total: z.number(), page: z.number(), pageSize: z.number() });

export const inspectionRoutes: FastifyPluginAsync = async (app) => {
  const r = router(app, ['监督检查']);
  r.post(
    '/api/inspections',
    {
      access: 'inspections.record',
      summary: '录入检查：现场检查（检查表、问题、处置措施、签名）或纸质笔录补录',
      description:
        'With `signatures` the record is made on site: it stays 待签名 (draft) until every inspector has confirmed (their own session, or their password on this phone) and the unit has signed; the last signature numbers its documents and starts its rectifications. Without `signatures` it is a paper record back-entered, done at once. `clientId` makes a retried submit return the first record.',
      body: recordInspectionInput,
      response: inspection,
    },
    ({ ctx, body }) => recordInspection(ctx, body),
  );
  r.get(
    '/api/inspections',
    {
      access: 'inspections.read',
      summary: '检查记录（按检查方式、日期、检查人员、结果、未销号整改筛选）',
      query: listInspectionsQuery,
      response: listItems,
    },
    ({ ctx, query }) => listInspections(ctx, query),
  );
  r.get(
    '/api/inspections/export',
    { access: 'inspections.read', summary: '导出检查记录（Excel，筛选同列表）', query: listInspectionsQuery },
    async ({ ctx, query, reply }) => sendFile(reply, await exportInspections(ctx, query), '检查记录.xlsx', XLSX_TYPE),
  );
  r.get(
    '/api/inspections/today',
    {
      access: 'inspections.record',
      summary: '今日检查：本人今天到期和逾期的检查、待本人签名的检查记录',
      response: z.object({
        today: z.string(),
        dueToday: z.array(inspectionListItem),
        overdue: z.array(inspectionListItem),
        awaitingMySignature: z.array(inspectionListItem),
      }),
    },
    ({ ctx }) => listMyInspections(ctx),
  );
  r.get(
    '/api/inspections/checklist',
    {
      access: 'inspections.read',
      summary: '检查对象适用的检查表和违法违规类型',
      query: z.object({ entityId: idParam, campaignId: idParam.optional() }),
      response: checklistResponse,
    },
    ({ ctx, query }) => getChecklist(ctx, query),
  );
  r.get(
    '/api/inspections/publication',
    {
      access: 'inspections.read',
      summary: '双随机抽查结果公示清单（检查后20个工作日内公示）',
      query: publicationQuery,
      response: z.array(publicationItem),
    },
    ({ ctx, query }) => listPublication(ctx, query),
  );
  r.get(
    '/api/inspections/publication/export',
    { access: 'inspections.read', summary: '导出双随机抽查结果公示表（Excel）', query: publicationQuery },
    async ({ ctx, query, reply }) => sendFile(reply, await exportPublication(ctx, query), '双随机抽查结果公示.xlsx', XLSX_TYPE),
  );
  r.get(
    '/api/inspections/:id',
    { access: 'inspections.read', summary: '检查记录', params: idParams, response: inspection },
    ({ ctx, params }) => getInspection(ctx, params.id),
  );
  r.post(
    '/api/inspections/:id/sign',
    {
      access: 'inspections.record',
      summary: '检查人员签名确认（本人账号，或在本机输入该检查人员密码）',
      params: idParams,
      body: signInput,
      response: inspection,
    },
    ({ ctx, params, body }) => signInspection(ctx, params.id, body),
  );
  r.post(
    '/api/inspections/:id/files',
    {
      access: 'inspections.record',
      summary: '上传检查照片或材料（multipart，字段 file；可带 itemKey）',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: storedFile,
    },
    async ({ ctx, params, req }) => addInspectionFile(ctx, params.id, await receiveEvidence(req)),
  );
  r.get(
    '/api/inspections/:id/documents/:doc',
    {
      access: 'inspections.read',
      summary: '下载检查文书（现场检查笔录、责令改正通知书、告诫信，.docx）',
      params: idParams.extend({ doc: z.enum(Object.keys(INSPECTION_DOCUMENTS) as [InspectionDocument, ...InspectionDocument[]]) }),
    },
    async ({ ctx, params, reply }) => {
      const d = await inspectionDocument(ctx, params.id, params.doc);
      return sendFile(reply, d.file, d.name, DOCX_TYPE);
    },
  );
  r.get(
    '/api/inspections/:id/print',
    { access: 'inspections.read', summary: '打印现场检查笔录（HTML）', params: idParams },
    async ({ ctx, params, reply }) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', PRINT_CSP)
        .send(await printInspection(ctx, params.id)),
  );
  r.post(
    '/api/inspections/:id/cancel',
    { access: 'inspections.record', summary: '取消待检查任务', params: idParams, body: cancelInspectionInput, response: inspection },
    ({ ctx, params, body }) => cancelInspection(ctx, params.id, body.reason),
  );
  r.put(
    '/api/inspections/:id',
    {
      access: 'inspections.record',
      summary: '修改已录入的检查记录（须填写原因）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: editInspectionInput,
      response: inspection,
    },
    ({ ctx, params, body }) => editInspection(ctx, params.id, body),
  );
  r.post(
    '/api/inspections/:id/withdraw',
    {
      access: 'inspections.record',
      summary: '撤回检查记录（计划任务恢复为待检查，其他改为已取消；须填写原因）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: withdrawInspectionInput,
      response: inspection,
    },
    ({ ctx, params, body }) => withdrawInspection(ctx, params.id, body),
  );

  const rect = router(app, ['整改跟踪']);
  rect.get(
    '/api/rectifications',
    {
      access: 'inspections.read',
      summary: '整改跟踪（逾期在前，含逾期天数）',
      query: listRectificationsQuery,
      response: paged(rectificationView),
    },
    ({ ctx, query }) => listRectifications(ctx, query),
  );
  rect.post(
    '/api/rectifications/:id/evidence',
    {
      access: 'inspections.record',
      summary: '登记单位提交的整改材料（multipart，字段 file，可带 note）',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: rectificationView,
    },
    async ({ ctx, params, req }) => submitRectificationEvidence(ctx, params.id, await receiveEvidence(req)),
  );
  rect.post(
    '/api/rectifications/:id/extend',
    {
      access: 'inspections.record',
      summary: '整改延期（须填写原因）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: extendRectificationInput,
      response: rectificationView,
    },
    ({ ctx, params, body }) => extendRectification(ctx, params.id, body),
  );
};
