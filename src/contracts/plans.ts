import { z } from 'zod';
import { isoDate } from './calendar.js';
import { id, idParam } from './fields.js';
import { INSPECTION_STATUS_KEYS, personRef } from './inspections.js';

export { INSPECTION_STATUSES, personRef, type InspectionStatus } from './inspections.js';

/** Inspection plans, tasks, inspections and coverage: shared by server and web. */
export const PLAN_STATUSES = { draft: '草稿', published: '已发布', superseded: '已被替代' } as const;
export type PlanStatus = keyof typeof PLAN_STATUSES;
export const DRAW_REASONS = { high_risk: '高风险', repeat_offender: '多次被处罚', key_area: '重点区域', key_object: '重点对象' } as const;
export const INSPECTOR_PROBLEMS = {
  too_few: '检查人员少于2人',
  not_in_pool: '不是本所检查人员',
  conflicted: '存在利害关系应回避',
  same_as_last: '与上次检查人员相同',
} as const;

export const generatePlanInput = z.object({
  campaignId: id,
  /** Re-use a recorded seed to reproduce a plan; omitted: a new random seed. */
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  name: z.string().trim().min(1).max(100).optional(),
});
export type GeneratePlanInput = z.infer<typeof generatePlanInput>;

export const shortfall = z.object({
  requirementKey: z.string(),
  ruleId: z.string(),
  label: z.string(),
  stationId: z.string().nullable(),
  stationShortName: z.string().nullable(),
  /** A rule counted per county or per city: that county's / city's jurisdiction id (issue #16; absent in plans made before). */
  area: z.object({ level: z.enum(['county', 'city']), id: z.string() }).nullish(),
  /** That county's / city's name (兴隆台区), for the pages; absent when `area` is. */
  areaName: z.string().nullish(),
  grade: z.string().nullable(),
  required: z.number(),
  available: z.number(),
  missing: z.number(),
});

export const planCheck = z.object({
  ok: z.boolean(),
  tasks: z.number(),
  surplus: z.number().nullable(),
  violations: z.array(
    z.object({
      requirementKey: z.string(),
      ruleId: z.string(),
      label: z.string(),
      stationId: z.string().nullable(),
      required: z.number(),
      planned: z.number(),
      missing: z.number(),
    }),
  ),
  excess: z.array(z.object({ entityId: z.string(), stationId: z.string(), visits: z.number(), needed: z.number() })),
  outsideRules: z.array(z.string()),
  inspectorProblems: z.array(
    z.object({
      taskId: z.string().optional(),
      entityId: z.string(),
      inspectorId: z.string().optional(),
      problem: z.enum(Object.keys(INSPECTOR_PROBLEMS) as [string, ...string[]]),
    }),
  ),
  /** Full sizes of the lists above; the lists themselves are capped (the first 200 are kept). */
  counts: z.object({ violations: z.number(), excess: z.number(), outsideRules: z.number(), inspectorProblems: z.number() }).optional(),
});
export type PlanCheckResult = z.infer<typeof planCheck>;

export const planSummary = z.object({
  id: z.number(),
  campaignId: z.number(),
  campaignName: z.string(),
  campaignVersion: z.number(),
  jurisdictionId: z.number(),
  name: z.string(),
  seed: z.number(),
  status: z.enum(['draft', 'published', 'superseded']),
  /** The campaign's current plan (当前方案): its most recently published one still in force. */
  current: z.boolean(),
  supersededBy: z.number().nullable(),
  minimum: z.number(),
  optimal: z.boolean(),
  taskCount: z.number(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const ruleRef = z.object({ ruleId: z.string(), requirementKey: z.string(), label: z.string() });

export const planTask = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  entityKind: z.string(),
  address: z.string().nullable(),
  stationId: z.number(),
  stationName: z.string(),
  visit: z.number(),
  dueFrom: z.string().nullable(),
  dueTo: z.string().nullable(),
  rules: z.array(ruleRef),
  inspectors: z.array(personRef),
  reasons: z.array(z.string()),
  manual: z.boolean(),
  inspectionId: z.number().nullable(),
  status: z.enum(INSPECTION_STATUS_KEYS).nullable(),
  doneOn: z.string().nullable(),
});
export type PlanTask = z.infer<typeof planTask>;

/** 我的任务: an open inspection the person was drawn (or assigned) to, soonest due first. */
export const myTask = planTask.extend({
  planId: z.number(),
  planName: z.string(),
  /** The day it is due (the end of its window). */
  dueOn: z.string(),
  overdue: z.boolean(),
  dueToday: z.boolean(),
});
export type MyTask = z.infer<typeof myTask>;
export const MY_TASKS_CAP = 200;

export const planDetail = planSummary.extend({
  /** Units already inspected or with open inspections of the campaign when generated (counted, not planned again). */
  counted: z.number(),
  shortfalls: z.array(shortfall),
  warnings: z.array(z.string()),
  check: planCheck,
  stations: z.array(
    z.object({ id: z.number(), name: z.string(), shortName: z.string(), tasks: z.number(), inspectors: z.array(personRef) }),
  ),
});
export type PlanDetail = z.infer<typeof planDetail>;

/** Publishing over open inspections of another plan of the campaign: replace it, or keep both. */
export const publishPlanInput = z.object({ overlap: z.enum(['supersede', 'keep']).optional() }).strict();
export type PublishPlanInput = z.infer<typeof publishPlanInput>;

export const changePlanTaskInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('add'),
    entityId: id,
    dueFrom: isoDate.nullish(),
    dueTo: isoDate.nullish(),
    inspectorIds: z.array(id).max(10).optional(),
    reason: z.string().trim().max(200).optional(),
  }),
  z.object({ action: z.literal('remove'), taskId: id, reason: z.string().trim().max(200).optional() }),
  z.object({
    action: z.literal('reassign'),
    taskId: id,
    inspectorIds: z.array(id).min(1).max(10),
    reason: z.string().trim().max(200).optional(),
  }),
]);
export type ChangePlanTaskInput = z.infer<typeof changePlanTaskInput>;

export const coverageRow = z.object({
  requirementKey: z.string(),
  ruleId: z.string(),
  label: z.string(),
  rulePath: z.array(z.string()),
  parentKey: z.string().nullable(),
  stationId: z.string().nullable(),
  stationShortName: z.string().nullable(),
  /** A rule counted per county or per city: that county's / city's jurisdiction id (quota scope, issue #16). */
  area: z.object({ level: z.enum(['county', 'city']), id: z.string() }).nullable(),
  /** That county's / city's name (兴隆台区), for the pages; absent when `area` is. */
  areaName: z.string().nullish(),
  grade: z.string().nullable(),
  required: z.number(),
  available: z.number(),
  times: z.number(),
  windowFrom: z.string().nullable(),
  windowTo: z.string().nullable(),
  done: z.number(),
  remaining: z.number(),
  shortfall: z.number(),
});
export type CoverageRowDto = z.infer<typeof coverageRow>;

/** One station's coverage summed over its rules (`view=stations`). */
export const stationCoverage = z.object({
  stationId: z.string(),
  name: z.string(),
  required: z.number(),
  /** Done, counted up to what each rule requires. */
  done: z.number(),
  remaining: z.number(),
  /** Rules of the station with work remaining. */
  rulesOpen: z.number(),
});
export type StationCoverageDto = z.infer<typeof stationCoverage>;

export const COVERAGE_EXCESS_CAP = 1000;

export const coverageQuery = z.object({
  /** Only this station's rows. */
  stationId: idParam.optional(),
  /** `rows` (default): every rule × station row; `stations`: one total per station plus the campaign-wide rows. */
  view: z.enum(['rows', 'stations']).default('rows'),
});
export type CoverageQuery = z.input<typeof coverageQuery>;

export const coverage = z.object({
  planId: z.number(),
  asOf: z.string(),
  rows: z.array(coverageRow),
  stations: z.array(stationCoverage).optional(),
  /** Units inspected more often than their rules ask: the first 1,000, and how many in all. */
  excess: z.array(z.object({ entityId: z.string(), stationId: z.string(), visits: z.number(), needed: z.number() })),
  excessCount: z.number(),
  outsideRules: z.number(),
  totals: z.object({ required: z.number(), done: z.number(), remaining: z.number() }),
});
export type CoverageDto = z.infer<typeof coverage>;

export const missingItem = z.object({
  row: coverageRow,
  planned: z.array(z.object({ entityId: z.number(), entityName: z.string() })),
});
export type MissingItemDto = z.infer<typeof missingItem>;

/** 回避: a person declared conflicted with a unit is never drawn to inspect it. */
export const conflictInput = z.object({
  userId: id,
  entityId: id,
  reason: z.string().trim().min(1, '请填写回避事由').max(200),
});
export const inspectorConflict = z.object({
  id: z.number(),
  userId: z.number(),
  userName: z.string(),
  entityId: z.number(),
  entityName: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});
export type InspectorConflict = z.infer<typeof inspectorConflict>;

/** For each open reading of a campaign's plan: the fewest inspections the registry needs under each option. */
export const readingNumbers = z.object({
  readings: z.array(
    z.object({
      key: z.string(),
      question: z.string(),
      source: z.string().nullable(),
      chosen: z.string(),
      options: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          note: z.string().nullable(),
          inspections: z.number().nullable(),
          optimal: z.boolean(),
        }),
      ),
    }),
  ),
});
export type ReadingNumbers = z.infer<typeof readingNumbers>;
