import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createJurisdictionInput,
  createOrgUnitInput,
  createPersonInput,
  jurisdiction,
  listPeopleQuery,
  orgUnit,
  person,
  updateJurisdictionInput,
  updateOrgUnitInput,
  updatePersonInput,
} from '../../../contracts/org.js';
import { sheetRowError } from '../../../contracts/sheets.js';
import { receiveFile } from '../../core/uploads.js';
import { ctxOf, errorResponses, errorSchema, idParams, paged, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../core/http.js';
import { importPeople, importTemplate } from './use-cases/import-people.js';
import { createJurisdiction } from './use-cases/create-jurisdiction.js';
import { createOrgUnit } from './use-cases/create-org-unit.js';
import { createPerson } from './use-cases/create-person.js';
import { jurisdictionChain, listJurisdictions } from './use-cases/list-jurisdictions.js';
import { listOrgUnits } from './use-cases/list-org-units.js';
import { listPeople } from './use-cases/list-people.js';
import { resetPassword } from './use-cases/reset-password.js';
import { updateJurisdiction } from './use-cases/update-jurisdiction.js';
import { updateOrgUnit } from './use-cases/update-org-unit.js';
import { updatePerson } from './use-cases/update-person.js';
import { idParam } from '../../../contracts/fields.js';

const tags = ['组织机构'];

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/jurisdictions',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: '辖区下级列表（不给 parentId 时返回本人可见的根）',
        querystring: z.object({ parentId: idParam.optional() }),
        response: { 200: z.array(jurisdiction), ...errorResponses },
      },
    },
    async (req) => listJurisdictions(ctxOf(req), req.query.parentId),
  );
  app.get(
    '/api/jurisdictions/:id/chain',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: '辖区的上级链', params: idParams, response: { 200: z.array(jurisdiction), ...errorResponses } },
    },
    async (req) => jurisdictionChain(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/jurisdictions',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: '新增下级辖区', body: createJurisdictionInput, response: { 200: jurisdiction, ...errorResponses } },
    },
    async (req) => createJurisdiction(ctxOf(req), req.body),
  );
  app.patch(
    '/api/jurisdictions/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '修改辖区',
        description: VERSIONED_UPDATE,
        params: idParams,
        body: updateJurisdictionInput,
        response: { 200: jurisdiction, ...errorResponses },
      },
    },
    async (req) => updateJurisdiction(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/org-units',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: '机构列表（局、股室、所、执法大队/中队）',
        querystring: z.object({ jurisdictionId: idParam.optional() }),
        response: { 200: z.array(orgUnit), ...errorResponses },
      },
    },
    async (req) => listOrgUnits(ctxOf(req), req.query),
  );
  app.post(
    '/api/org-units',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: '新增机构', body: createOrgUnitInput, response: { 200: orgUnit, ...errorResponses } },
    },
    async (req) => createOrgUnit(ctxOf(req), req.body),
  );
  app.patch(
    '/api/org-units/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '修改机构',
        description: VERSIONED_UPDATE,
        params: idParams,
        body: updateOrgUnitInput,
        response: { 200: orgUnit, ...errorResponses },
      },
    },
    async (req) => updateOrgUnit(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/people',
    {
      config: { access: 'users.read' },
      schema: { tags, summary: '人员列表', querystring: listPeopleQuery, response: { 200: paged(person), ...errorResponses } },
    },
    async (req) => listPeople(ctxOf(req), req.query),
  );
  app.post(
    '/api/people',
    {
      config: { access: 'users.manage' },
      schema: { tags, summary: '新增人员', body: createPersonInput, response: { 200: person, ...errorResponses } },
    },
    async (req) => createPerson(ctxOf(req), { ...req.body, email: req.body.email || null }),
  );
  app.patch(
    '/api/people/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: '修改人员（含停用、解锁）',
        description: VERSIONED_UPDATE,
        params: idParams,
        body: updatePersonInput,
        response: { 200: person, ...errorResponses },
      },
    },
    async (req) => updatePerson(ctxOf(req), req.params.id, { ...req.body, email: req.body.email || null }),
  );
  app.post(
    '/api/people/:id/reset-password',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: '重置密码（返回一次性临时密码）',
        params: idParams,
        response: { 200: z.object({ temporaryPassword: z.string() }), ...errorResponses },
      },
    },
    async (req) => resetPassword(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/people/import-template',
    {
      config: { access: 'users.manage' },
      schema: { tags, summary: '人员导入模板（Excel，含角色/数据范围/机构下拉）', produces: [XLSX_TYPE] },
    },
    async (req, reply) => sendFile(reply, await importTemplate(ctxOf(req)), '人员导入模板.xlsx', XLSX_TYPE),
  );
  app.post(
    '/api/people/import',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: '从 Excel 导入人员（dryRun=true 只校验并列出每个错误行；否则全部导入或全部不导入）',
        consumes: ['multipart/form-data'],
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        response: { 200: importResult, ...errorResponses, 413: errorSchema, 415: errorSchema, 429: errorSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await receiveFile(req, { maxBytes: MAX_IMPORT_BYTES, types: ['xlsx', 'csv'] });
      return importPeople(ctx, { buffer: file.data, fileName: file.fileName }, { dryRun: req.query.dryRun === 'true' });
    },
  );
};

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const importResult = z.object({
  total: z.number(),
  valid: z.number(),
  created: z.number(),
  errors: z.array(sheetRowError),
  preview: z.array(z.object({ row: z.number(), username: z.string(), displayName: z.string(), orgUnitName: z.string(), role: z.string() })),
});
