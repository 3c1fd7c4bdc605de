import type { FastifyPluginAsync } from 'fastify';
import { cancelInspectionInput, editInspectionInput, inspection, recordInspectionInput, withdrawInspectionInput } from '../../../contracts/inspections.js';
import { idParams, VERSIONED_UPDATE } from '../../core/http.js';
import { router } from '../../core/route.js';
import { cancelInspection } from './use-cases/cancel-inspection.js';
import { editInspection } from './use-cases/edit-inspection.js';
import { getInspection } from './use-cases/get-inspection.js';
import { recordInspection } from './use-cases/record-inspection.js';
import { withdrawInspection } from './use-cases/withdraw-inspection.js';

export const inspectionRoutes: FastifyPluginAsync = async (app) => {
  const r = router(app, ['监督检查']);
  r.post('/api/inspections', { access: 'inspections.record', summary: '录入检查（完成计划任务或计划外检查）', body: recordInspectionInput, response: inspection }, ({ ctx, body }) =>
    recordInspection(ctx, body),
  );
  r.get('/api/inspections/:id', { access: 'inspections.read', summary: '检查记录', params: idParams, response: inspection }, ({ ctx, params }) => getInspection(ctx, params.id));
  r.post('/api/inspections/:id/cancel', { access: 'inspections.record', summary: '取消待检查任务', params: idParams, body: cancelInspectionInput, response: inspection }, ({ ctx, params, body }) =>
    cancelInspection(ctx, params.id, body.reason),
  );
  r.put(
    '/api/inspections/:id',
    { access: 'inspections.record', summary: '修改已录入的检查记录（须填写原因）', description: VERSIONED_UPDATE, params: idParams, body: editInspectionInput, response: inspection },
    ({ ctx, params, body }) => editInspection(ctx, params.id, body),
  );
  r.post(
    '/api/inspections/:id/withdraw',
    {
      access: 'inspections.record',
      summary: '撤回已录入的检查记录（计划任务恢复为待检查，计划外检查改为已取消；须填写原因）',
      description: VERSIONED_UPDATE,
      params: idParams,
      body: withdrawInspectionInput,
      response: inspection,
    },
    ({ ctx, params, body }) => withdrawInspection(ctx, params.id, body),
  );
};
