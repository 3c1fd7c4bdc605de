import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  amendCampaignInput,
  campaignDetail,
  campaignSaved,
  campaignSummary,
  definitionWarning,
  createCampaignInput,
  liaisonInput,
  taskProgressInput,
  validateCampaignInput,
} from '../../../contracts/campaigns.js';
import { notFound } from '../../core/errors.js';
import { IMAGE_TYPES, receiveFile, type FileType } from '../../core/uploads.js';
import { ctxOf, errorResponses, idParams, sendFile, VERSIONED_UPDATE, XLSX_TYPE } from '../../core/http.js';
import { amendCampaign } from './use-cases/amend-campaign.js';
import { chooseReading, confirmValue } from './use-cases/confirm-value.js';
import { campaignHome } from './use-cases/campaign-home.js';
import { listDueDates } from './use-cases/list-due-dates.js';
import { changeCampaignStatus } from './use-cases/change-campaign-status.js';
import { createCampaign } from './use-cases/create-campaign.js';
import { exportLiaisons } from './use-cases/export-liaisons.js';
import { getCampaign, listCampaigns } from './use-cases/list-campaigns.js';
import { getVersion, listVersions } from './use-cases/list-versions.js';
import { updateLiaison } from './use-cases/update-liaison.js';
import { getEvidenceFile, updateTaskProgress, uploadEvidence } from './use-cases/update-task-progress.js';
import { validateCampaignDefinition } from './use-cases/validate-definition.js';
import { draftCampaignDefinition } from './use-cases/draft-definition.js';
import { DRAFT_MAX_CHARS } from '../../../contracts/draft/index.js';
import { getTemplate, loadTemplates, templateYaml } from './templates.js';
import { isoDate } from '../../../contracts/calendar.js';
import { idParam } from '../../../contracts/fields.js';

const tags = ['专项行动'];
const span = z.object({ text: z.string(), start: z.number(), end: z.number() });
/** A proposed value: a text, a list of texts, or an object (a period, a phase, a rule, a quota, a table). */
const draftValue = z.union([z.string(), z.array(z.string()), z.record(z.string(), z.unknown())]);
const draftResponse = z.object({
  definition: z.record(z.string(), z.unknown()),
  proposals: z.array(
    z.object({
      path: z.string(),
      section: z.string(),
      value: draftValue,
      source: span,
      quote: z.object({ start: z.number(), end: z.number() }).optional(),
      notes: z.array(z.string()),
    }),
  ),
  unparsed: z.array(span),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
const unitParams = idParams.extend({ orgUnitId: idParam });
const taskParams = unitParams.extend({ no: idParam });

/** Evidence files: by content, never scripts or HTML; served as attachments with nosniff. */
const EVIDENCE_TYPES: FileType[] = [...IMAGE_TYPES, 'pdf', 'docx', 'xlsx'];
const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaign-templates',
    {
      config: { access: 'campaigns.read' },
      schema: {
        tags,
        summary: '方案模板（五个）',
        response: {
          200: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              docNo: z.string().nullable(),
              issuer: z.string(),
              from: z.string().nullable(),
              to: z.string().nullable(),
              summary: z.string().nullable(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async () =>
      loadTemplates().map((t) => ({
        code: t.code,
        name: t.definition.name,
        docNo: t.definition.docNo ?? null,
        issuer: t.definition.issuer,
        from: t.definition.period?.from ?? null,
        to: t.definition.period?.to ?? null,
        summary: t.definition.summary ?? null,
      })),
  );
  app.get(
    '/api/campaign-templates/:code',
    {
      config: { access: 'campaigns.read' },
      schema: {
        tags,
        summary: '模板定义（含 YAML 原文）',
        params: z.object({ code: z.string().max(60) }),
        response: { 200: z.object({ code: z.string(), definition: z.any(), yaml: z.string() }), ...errorResponses },
      },
    },
    async (req) => {
      const t = getTemplate(req.params.code);
      if (!t) throw notFound('模板');
      return { code: t.code, definition: t.definition, yaml: templateYaml(t.code) ?? '' };
    },
  );
  app.get(
    '/api/campaigns',
    {
      config: { access: 'campaigns.read' },
      schema: {
        tags,
        summary: '专项行动列表',
        querystring: z.object({ status: z.enum(['draft', 'active', 'closed']).optional() }),
        response: { 200: z.array(campaignSummary), ...errorResponses },
      },
    },
    async (req) => listCampaigns(ctxOf(req), req.query),
  );
  app.post(
    '/api/campaigns',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        tags,
        summary: '新建专项行动（从模板或定义）',
        body: createCampaignInput,
        response: { 200: campaignSaved, ...errorResponses },
      },
    },
    async (req) => createCampaign(ctxOf(req), req.body),
  );
  app.post(
    '/api/campaigns/:id/confirm',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        tags,
        summary: '确认推定值（生成新版本，标为本局确定）',
        params: idParams,
        body: z.object({ path: z.string().min(1).max(200), note: z.string().max(300).optional() }),
        response: { 200: campaignSummary, ...errorResponses },
      },
    },
    async (req) => confirmValue(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/campaigns/:id/readings/:key',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        tags,
        summary: '改采另一种理解（生成新版本）',
        params: idParams.extend({ key: z.string().max(60) }),
        body: z.object({ option: z.string().min(1).max(60) }),
        response: { 200: campaignSummary, ...errorResponses },
      },
    },
    async (req) => chooseReading(ctxOf(req), req.params.id, req.params.key, req.body.option),
  );
  app.post(
    '/api/campaigns/validate',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        tags,
        summary: '校验方案定义（不保存）',
        body: validateCampaignInput,
        response: {
          200: z.object({
            ok: z.boolean(),
            issues: z.array(z.object({ path: z.string(), message: z.string() })),
            warnings: z.array(definitionWarning),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => validateCampaignDefinition(ctxOf(req), req.body),
  );
  app.post(
    '/api/campaigns/draft',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        tags,
        summary: '起草助手：从方案原文生成定义草稿（不保存）',
        description: `粘贴方案文件的文字（表格为制表符分隔的行），返回逐项建议及其原句；最多 ${DRAFT_MAX_CHARS} 字，超出 413 TEXT_TOO_LONG。`,
        body: z.object({ text: z.string().max(1_048_576, '粘贴的文字过长') }),
        response: { 200: draftResponse, ...errorResponses },
      },
    },
    async (req) => draftCampaignDefinition(req.body.text),
  );
  app.get(
    '/api/campaigns/:id',
    {
      config: { access: 'campaigns.read' },
      schema: { tags, summary: '专项行动（当前版本定义）', params: idParams, response: { 200: campaignDetail, ...errorResponses } },
    },
    async (req) => getCampaign(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/campaigns/:id/definition',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        tags,
        summary: '修订方案（生成新版本）',
        description: `${VERSIONED_UPDATE} Here \`version\` is the campaign's definition version.`,
        params: idParams,
        body: amendCampaignInput,
        response: { 200: campaignSaved, ...errorResponses },
      },
    },
    async (req) => amendCampaign(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/campaigns/:id/status',
    {
      config: { access: 'campaigns.manage' },
      schema: {
        tags,
        summary: '启动/结束专项行动',
        params: idParams,
        body: z.object({ status: z.enum(['draft', 'active', 'closed']) }),
        response: { 200: campaignSummary, ...errorResponses },
      },
    },
    async (req) => changeCampaignStatus(ctxOf(req), req.params.id, req.body.status),
  );
  app.get(
    '/api/campaigns/:id/versions',
    {
      config: { access: 'campaigns.read' },
      schema: {
        tags,
        summary: '版本历史（含变更摘要）',
        params: idParams,
        response: {
          200: z.array(
            z.object({
              version: z.number(),
              authorName: z.string(),
              note: z.string().nullable(),
              createdAt: z.string(),
              changes: z.array(z.string()),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => listVersions(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/campaigns/:id/versions/:version',
    {
      config: { access: 'campaigns.read' },
      schema: {
        tags,
        summary: '某一版本的定义',
        params: idParams.extend({ version: idParam }),
        ...{ response: { 200: z.any(), ...errorResponses } },
      },
    },
    async (req) => {
      const v = await getVersion(ctxOf(req), req.params.id, req.params.version);
      if (!v) throw notFound('版本');
      return v;
    },
  );
  app.get(
    '/api/campaigns/:id/home',
    {
      config: { access: 'campaigns.read' },
      schema: {
        tags,
        summary: '专项行动主页：阶段、重点、组织、任务进展、联络员、基层队伍',
        params: idParams,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (req) => campaignHome(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/campaigns/:id/due-dates',
    {
      config: { access: 'campaigns.read' },
      schema: {
        tags,
        summary: '报送任务的到期时间（Asia/Shanghai）',
        params: idParams,
        querystring: z.object({ obligation: z.string().max(60).optional(), from: isoDate.optional(), to: isoDate.optional() }),
        response: {
          200: z.array(z.object({ obligation: z.string(), label: z.string(), date: z.string(), time: z.string(), at: z.string() })),
          ...errorResponses,
        },
      },
    },
    async (req) => listDueDates(ctxOf(req), req.params.id, req.query),
  );
  app.put(
    '/api/campaigns/:id/liaisons/:orgUnitId',
    {
      config: { access: 'campaigns.report' },
      schema: {
        tags,
        summary: '填报本单位联络员',
        description: `${VERSIONED_UPDATE} Version 0: the unit had not filled it in yet.`,
        params: unitParams,
        body: liaisonInput,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (req) => updateLiaison(ctxOf(req), req.params.id, req.params.orgUnitId, req.body),
  );
  app.get(
    '/api/campaigns/:id/liaisons.xlsx',
    { config: { access: 'campaigns.read' }, schema: { tags, summary: '导出联络员名单（Excel）', params: idParams } },
    async (req, reply) => {
      const { buf, filename } = await exportLiaisons(ctxOf(req), req.params.id);
      return sendFile(reply, buf, filename, XLSX_TYPE);
    },
  );
  app.put(
    '/api/campaigns/:id/tasks/:no/units/:orgUnitId',
    {
      config: { access: 'campaigns.report' },
      schema: {
        tags,
        summary: '填报任务进展（责任单位）',
        description: `${VERSIONED_UPDATE} Version 0: no report yet.`,
        params: taskParams,
        body: taskProgressInput,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (req) => updateTaskProgress(ctxOf(req), req.params.id, req.params.no, req.params.orgUnitId, req.body),
  );
  app.post(
    '/api/campaigns/:id/tasks/:no/units/:orgUnitId/evidence',
    {
      config: { access: 'campaigns.report' },
      schema: {
        tags,
        summary: '上传证明材料（multipart，字段 file；图片、PDF、Word、Excel，不超过 20 MB）',
        consumes: ['multipart/form-data'],
        params: taskParams,
      },
    },
    async (req) => {
      const file = await receiveFile(req, { maxBytes: EVIDENCE_MAX_BYTES, types: EVIDENCE_TYPES, what: '证明材料' });
      return uploadEvidence(ctxOf(req), req.params.id, req.params.no, req.params.orgUnitId, {
        name: file.fileName,
        mime: file.mime,
        data: file.data,
      });
    },
  );
  app.get(
    '/api/campaigns/:id/files/:fileId',
    { config: { access: 'campaigns.read' }, schema: { tags, summary: '下载证明材料', params: idParams.extend({ fileId: idParam }) } },
    async (req, reply) => {
      const f = await getEvidenceFile(ctxOf(req), req.params.id, req.params.fileId);
      return sendFile(reply, f.data, f.name, f.mime);
    },
  );
};
