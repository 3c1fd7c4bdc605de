import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { storedFile } from '../../../../contracts/files.js';
import {
  calendarQuery,
  createSubmissionInput,
  editSubmissionInput,
  listSubmissionsQuery,
  obligationCalendar,
  submissionListItem,
  receiveActionInput,
  reviewActionInput,
  submitActionInput,
  submissionView,
} from '../../../../contracts/submissions.js';
import { idParam } from '../../../../contracts/fields.js';
import { receiveEvidence } from '../../../core/files/index.js';
import { DOCX_TYPE, idParams, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../../core/http.js';
import { router } from '../../../core/route.js';
import { addSubmissionScan } from './use-cases/add-submission-scan.js';
import { createSubmission } from './use-cases/create-submission.js';
import { editSubmission } from './use-cases/edit-submission.js';
import { getSubmission } from './use-cases/get-submission.js';
import { listSubmissions } from './use-cases/list-submissions.js';
import { obligationCalendar as loadCalendar } from './use-cases/obligation-calendar.js';
import { submissionWord } from './use-cases/submission-word.js';
import { submissionExcel } from './use-cases/submission-excel.js';
import { transitionSubmission } from './use-cases/transition-submission.js';


export const submissionRoutes: FastifyPluginAsync = async (app) => {
  const r = router(app, ['报送']);
  r.get(
    '/api/reports/campaigns/:campaignId/calendar',
    {
      access: 'reports.read',
      summary: '报送日历：各报送单位每个报送事项的每个报送日期及状态（待报、按时报送、逾期报送、未报、已受理）',
      params: z.object({ campaignId: idParam }),
      query: calendarQuery,
      response: obligationCalendar,
    },
    ({ ctx, params, query }) => loadCalendar(ctx, params.campaignId, query),
  );
  r.get(
    '/api/reports/submissions',
    {
      access: 'reports.read',
      summary: '报送列表（本单位报送、待我审核、待我受理、全部）',
      query: listSubmissionsQuery,
      response: z.array(submissionListItem),
    },
    ({ ctx, query }) => listSubmissions(ctx, query),
  );
  r.post(
    '/api/reports/submissions',
    {
      access: 'reports.submit',
      summary: '起草报送（某报送事项某报送日期，本单位；统计表由记录预填，文字报告“基本情况”预填数据）',
      body: createSubmissionInput,
      response: submissionView,
    },
    ({ ctx, body }) => createSubmission(ctx, body),
  );
  r.get(
    '/api/reports/submissions/:id',
    { access: 'reports.read', summary: '报送详情（统计表、文字各部分、校验、盖章扫描件、经过、可执行的操作）', params: idParams, response: submissionView },
    ({ ctx, params }) => getSubmission(ctx, params.id),
  );
  r.put(
    '/api/reports/submissions/:id',
    {
      access: 'reports.submit',
      summary: '修改报送草稿（文字各部分、统计表填报单元格）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: editSubmissionInput,
      response: submissionView,
    },
    ({ ctx, params, body }) => editSubmission(ctx, params.id, body),
  );
  const step = (
    path: 'transition' | 'review' | 'receive',
    access: 'reports.submit' | 'reports.approve' | 'reports.accept',
    summary: string,
    body: typeof submitActionInput | typeof reviewActionInput | typeof receiveActionInput,
  ) =>
    r.post(
      `/api/reports/submissions/:id/${path}`,
      { access, summary, description: VERSIONED_UPDATE, params: idParams, body, response: submissionView },
      ({ ctx, params, body }) => transitionSubmission(ctx, params.id, body),
    );
  step('transition', 'reports.submit', '报送单位：提交审核（submit）或撤回（withdraw，受理前）', submitActionInput);
  step('review', 'reports.approve', '单位负责人、分管局领导：审核通过（approve）或审核退回（reject，须填原因；不能审核自己起草的）', reviewActionInput);
  step('receive', 'reports.accept', '接收单位：受理（accept，受理后锁定）或退回（return，须填原因）', receiveActionInput);
  r.post(
    '/api/reports/submissions/:id/scan',
    {
      access: 'reports.submit',
      summary: '上传盖章扫描件（multipart，字段 file；PDF 或图片）',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: storedFile,
    },
    async ({ ctx, params, req }) => addSubmissionScan(ctx, params.id, await receiveEvidence(req)),
  );
  r.get(
    '/api/reports/submissions/:id/word',
    { access: 'reports.read', summary: '下载报送报告（Word）', params: idParams },
    async ({ ctx, params, reply }) => {
      const { bytes, fileName } = await submissionWord(ctx, params.id);
      return sendFile(reply, bytes, fileName, DOCX_TYPE);
    },
  );
  r.get(
    '/api/reports/submissions/:id/excel',
    {
      access: 'reports.read',
      summary: '下载报送的统计表（Excel，方案版式；已上报的为上报时的数字）',
      description: 'The frozen snapshot once reported, else the live values with the typed cells. A narrative report → 404 NO_TABLE.',
      params: idParams,
    },
    async ({ ctx, params, reply }) => {
      const { bytes, fileName } = await submissionExcel(ctx, params.id);
      return sendFile(reply, bytes, fileName, XLSX_TYPE);
    },
  );
};
