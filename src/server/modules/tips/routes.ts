import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createTipInput, listTipsQuery, TIP_PHOTO_MAX_BYTES, tip, transitionTipInput, updateTipInput } from '../../../contracts/tips.js';
import { IMAGE_TYPES, receiveFile } from '../../core/uploads.js';
import { ctxOf, errorResponses, idParams, paged, VERSIONED_UPDATE } from '../../core/http.js';
import { addTipPhoto } from './use-cases/add-tip-photo.js';
import { getTip } from './use-cases/get-tip.js';
import { getTipPhoto } from './use-cases/get-tip-photo.js';
import { listTips } from './use-cases/list-tips.js';
import { submitTip } from './use-cases/submit-tip.js';
import { transitionTip } from './use-cases/transition-tip.js';
import { updateTip } from './use-cases/update-tip.js';
import { idParam } from '../../../contracts/fields.js';

const tags = ['基层上报'];
const errors = { ...errorResponses, 413: errorResponses[400] };

export const tipsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tips',
    {
      config: { access: 'tips.read' },
      schema: {
        tags,
        summary: '基层上报列表（协管员/信息员只见本人上报）',
        querystring: listTipsQuery,
        response: { 200: paged(tip), ...errorResponses },
      },
    },
    async (req) => listTips(ctxOf(req), req.query),
  );
  app.post(
    '/api/tips',
    {
      config: { access: 'tips.submit' },
      schema: { tags, summary: '上报隐患或线索', body: createTipInput, response: { 200: tip, ...errorResponses } },
    },
    async (req) => submitTip(ctxOf(req), req.body),
  );
  app.get(
    '/api/tips/:id',
    { config: { access: 'tips.read' }, schema: { tags, summary: '上报详情', params: idParams, response: { 200: tip, ...errorResponses } } },
    async (req) => getTip(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/tips/:id',
    {
      config: { access: 'tips.submit' },
      schema: {
        tags,
        summary: '修改本人未受理的上报',
        description: VERSIONED_UPDATE,
        params: idParams,
        body: updateTipInput,
        response: { 200: tip, ...errorResponses },
      },
    },
    async (req) => updateTip(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/tips/:id/transition',
    {
      config: { access: 'tips.review' },
      schema: {
        tags,
        summary: '受理 / 不予受理（须填理由）/ 转办',
        params: idParams,
        body: transitionTipInput,
        response: { 200: tip, ...errorResponses },
      },
    },
    async (req) => transitionTip(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/tips/:id/photos',
    {
      config: { access: 'tips.submit' },
      schema: {
        tags,
        summary: '上传照片（multipart，字段 file；JPG/PNG/WebP，不超过5MB）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: tip, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await receiveFile(req, { maxBytes: TIP_PHOTO_MAX_BYTES, types: IMAGE_TYPES, what: '照片' });
      return addTipPhoto(ctx, req.params.id, { fileName: file.fileName, data: file.data });
    },
  );
  app.get(
    '/api/tips/:id/photos/:photoId',
    {
      config: { access: 'tips.read' },
      schema: { tags, summary: '查看照片', params: idParams.extend({ photoId: idParam }) },
    },
    async (req, reply) => {
      const p = await getTipPhoto(ctxOf(req), req.params.id, req.params.photoId);
      return reply
        .header('content-type', p.mimeType)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(p.fileName)}`)
        .send(p.data);
    },
  );
};
