import { z } from 'zod';
import { clockTime } from './deadline-rules.js';
import { id, MAX_INT, optText, text } from './fields.js';
import { versioned } from './versions.js';
import type { DefinitionIssue } from './campaigns.js';
import { TASK_STATUSES } from './campaign-labels.js';

/** The campaigns API's inputs and summaries (statuses, actions, create/amend/validate, liaisons, task progress). */

export const createCampaignInput = z.object({
  jurisdictionId: id.optional(),
  /** Start from a template (seed code) or give a definition. */
  template: z.string().max(60).optional(),
  definition: z.unknown().optional(),
  status: z.enum(['draft', 'active']).default('draft'),
  note: z.string().max(500).optional(),
});
export const amendCampaignInput = z.object({
  definition: z.unknown(),
  note: z.string().trim().min(1, '请填写修订说明').max(500),
  /** The definition version the amendment was made from (campaign `version`). */
  ...versioned,
});
export const validateCampaignInput = z.object({ jurisdictionId: id.optional(), definition: z.unknown() });

export const liaisonInput = z.object({
  name: text(20),
  department: optText(60),
  title: optText(40),
  officePhone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9\-+() ]*$/, '电话格式不正确')
    .optional(),
  mobile: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号须为11位数字')
    .optional()
    .or(z.literal('')),
  email: z.string().trim().email('邮箱格式不正确').optional().or(z.literal('')),
  /** The liaison row's version as read; 0 when the unit had not filled it in yet. */
  ...versioned,
});
export type LiaisonInput = z.infer<typeof liaisonInput>;

export const evidenceItem = z.object({
  name: text(200),
  // Only web links: a `javascript:` or `data:` URL would run script when clicked.
  url: z
    .string()
    .url('链接格式不正确')
    .regex(/^https?:\/\//i, '链接须以 http:// 或 https:// 开头')
    .max(2000)
    .optional(),
  fileId: id.optional(),
  size: z.number().int().min(0).max(MAX_INT).optional(),
  mime: z.string().max(100).optional(),
});
export const taskProgressInput = z.object({
  status: z.enum(Object.keys(TASK_STATUSES) as [string, ...string[]]),
  note: z.string().trim().max(2000).optional(),
  evidence: z.array(evidenceItem).max(50).default([]),
  /** The progress row's version as read; 0 before the unit's first report. */
  ...versioned,
});

export const campaignSummary = z.object({
  id: z.number(),
  name: z.string(),
  docNo: z.string().nullable(),
  issuer: z.string(),
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  status: z.enum(['draft', 'active', 'closed']),
  version: z.number(),
  /** Null while the plan's period is 方案未定. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  currentPhase: z.string().nullable(),
  updatedAt: z.string(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;

export const campaignDetail = campaignSummary.extend({ definition: z.any(), templateCode: z.string().nullable() });
export type CampaignDetail = z.infer<typeof campaignDetail>;

export { clockTime };

export const DEFINITION_WARNING_CODES = {
  DEADLINE_BEFORE_ISSUE: '报送日期早于方案印发',
  DEADLINE_AFTER_END: '报送日期晚于行动结束',
  DEADLINE_BEFORE_START: '报送日期早于行动开始',
} as const;
export type DefinitionWarningCode = keyof typeof DEFINITION_WARNING_CODES;
export interface DefinitionWarning extends DefinitionIssue {
  code: DefinitionWarningCode;
}

export const definitionWarning = z.object({
  path: z.string(),
  code: z.enum(Object.keys(DEFINITION_WARNING_CODES) as [DefinitionWarningCode, ...DefinitionWarningCode[]]),
  message: z.string(),
});
/** Create and amend answer the campaign with the definition's warnings (kept, but worth a look). */
export const campaignSaved = campaignSummary.extend({ warnings: z.array(definitionWarning) });
