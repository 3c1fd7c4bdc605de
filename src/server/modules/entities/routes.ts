import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ENTITY_KINDS } from '../../../contracts/entity-kinds.js';
import {
  entityDetail,
  entityInput,
  entityKindRef,
  entityPage,
  importJob,
  listEntitiesQuery,
  timelineItem,
  updateEntityInput,
} from '../../../contracts/entities.js';
import { ctxOf, errorResponses, errorSchema, idParams, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../core/http.js';
import { invalid } from '../../core/errors.js';
import { receiveFile } from '../../core/uploads.js';
import { syncEntityKinds } from './kinds.js';
import { confirmImport } from './use-cases/confirm-import.js';
import { createEntity } from './use-cases/create-entity.js';
import { entityTimeline } from './use-cases/entity-timeline.js';
import { exportEntities } from './use-cases/export-entities.js';
import { getEntity } from './use-cases/get-entity.js';
import { getImport } from './use-cases/get-import.js';
import { importTemplate } from './use-cases/import-template.js';
import { listEntities } from './use-cases/list-entities.js';
import { remapImport } from './use-cases/remap-import.js';
import { updateEntity } from './use-cases/update-entity.js';
import { uploadImport } from './use-cases/upload-import.js';
import { shanghaiToday } from '../../../contracts/calendar.js';

const tags = ['监管对象'];
const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
const mappingSchema = z.record(z.string(), z.number().int().min(0).max(500).nullable());

export const entityRoutes: FastifyPluginAsyncZod = async (app) => {
  await syncEntityKinds(app.db);

  app.get(
    '/api/entity-kinds',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '监管对象类型（参考数据）', response: { 200: z.array(entityKindRef) } },
    },
    async () =>
      ENTITY_KINDS.map((k) => ({ code: k.code, label: k.label, sector: k.sector, attrs: [...((k as { attrs?: string[] }).attrs ?? [])] })),
  );
  app.get(
    '/api/entities',
    {
      config: { access: 'entities.read' },
      schema: {
        tags,
        summary: '监管对象列表（筛选、搜索、排序、分页；监管所只见本辖区）',
        querystring: listEntitiesQuery,
        response: { 200: entityPage, ...errorResponses },
      },
    },
    async (req) => listEntities(ctxOf(req), req.query),
  );
  app.get(
    '/api/entities/export',
    {
      config: { access: 'entities.read' },
      schema: {
        tags,
        summary: '按当前筛选导出 Excel（与导入模板同格式）',
        querystring: listEntitiesQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      const buf = await exportEntities(ctxOf(req), req.query);
      return sendFile(reply, buf, `监管对象_${shanghaiToday()}.xlsx`, XLSX_TYPE);
    },
  );
  app.get(
    '/api/entities/import-template',
    { config: { access: 'entities.read' }, schema: { tags, summary: '下载导入模板（含下拉选项）' } },
    async (_req, reply) => sendFile(reply, await importTemplate(), '监管对象导入模板.xlsx', XLSX_TYPE),
  );
  app.post(
    '/api/entities',
    {
      config: { access: 'entities.manage' },
      schema: { tags, summary: '新增监管对象', body: entityInput, response: { 200: entityDetail, ...errorResponses } },
    },
    async (req) => createEntity(ctxOf(req), req.body),
  );
  app.get(
    '/api/entities/:id',
    {
      config: { access: 'entities.read' },
      schema: { tags, summary: '监管对象档案', params: idParams, response: { 200: entityDetail, ...errorResponses } },
    },
    async (req) => getEntity(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/entities/:id',
    {
      config: { access: 'entities.manage' },
      schema: {
        tags,
        summary: '修改监管对象（给出 licences 时整体替换许可证）',
        description: VERSIONED_UPDATE,
        params: idParams,
        body: updateEntityInput,
        response: { 200: entityDetail, ...errorResponses },
      },
    },
    async (req) => updateEntity(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/entities/:id/timeline',
    {
      config: { access: 'entities.read' },
      schema: { tags, summary: '监管对象时间线', params: idParams, response: { 200: z.array(timelineItem), ...errorResponses } },
    },
    async (req) => entityTimeline(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/entity-imports',
    {
      config: { access: 'entities.manage' },
      schema: {
        tags,
        summary: '上传 .xlsx 或 .csv（UTF-8/GBK）并试导入：返回每一行错误及原因，不写入数据',
        description: 'multipart/form-data：file（文件），可选 mapping（JSON：字段 → 列序号）。',
        consumes: ['multipart/form-data'],
        response: { 200: importJob, ...errorResponses, 413: errorSchema, 415: errorSchema, 429: errorSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await receiveFile(req, { maxBytes: IMPORT_MAX_BYTES, types: ['xlsx', 'csv'] });
      let mapping: Record<string, number | null> | undefined;
      if (file.fields.mapping) {
        let json: unknown;
        try {
          json = JSON.parse(file.fields.mapping);
        } catch {
          throw invalid('列对应格式错误');
        }
        const parsed = mappingSchema.safeParse(json);
        if (!parsed.success) throw invalid('列对应格式错误');
        mapping = parsed.data;
      }
      return uploadImport(ctx, { buffer: file.data, fileName: file.fileName }, mapping);
    },
  );
  app.get(
    '/api/entity-imports/:id',
    {
      config: { access: 'entities.manage' },
      schema: { tags, summary: '导入任务（试导入报告与进度）', params: idParams, response: { 200: importJob, ...errorResponses } },
    },
    async (req) => getImport(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/entity-imports/:id/mapping',
    {
      config: { access: 'entities.manage' },
      schema: {
        tags,
        summary: '修改列对应并重新试导入',
        params: idParams,
        body: z.object({ mapping: mappingSchema }),
        response: { 200: importJob, ...errorResponses },
      },
    },
    async (req) => remapImport(ctxOf(req), req.params.id, req.body.mapping),
  );
  app.post(
    '/api/entity-imports/:id/confirm',
    {
      config: { access: 'entities.manage' },
      schema: {
        tags,
        summary: '确认导入（全部成功或全部不导入）；wait=true 时等待完成，否则轮询任务进度',
        params: idParams,
        querystring: z.object({
          wait: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: { 200: importJob, ...errorResponses },
      },
    },
    async (req) => confirmImport(ctxOf(req), req.params.id, { wait: req.query.wait }),
  );
};
