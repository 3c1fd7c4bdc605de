import { z } from 'zod';
import { TASK_STATUSES } from './campaigns.js';
import { TIP_STATUSES } from './tips.js';

/**
 * The home dashboard (工作台): what the signed-in person has to do, built from recorded data and
 * scoped to their area. A section the role has nothing to do with is `null` (the page hides it).
 */

/** Deadlines shown: due in the next N days; passed in the last N days. */
export const DASHBOARD_WINDOW_DAYS = 30;

const phaseInfo = z.object({ key: z.string(), name: z.string(), from: z.string(), to: z.string() });

export const dashboardCampaign = z.object({
  id: z.number(),
  name: z.string(),
  jurisdictionName: z.string(),
  from: z.string(),
  to: z.string(),
  phases: z.array(phaseInfo),
  currentPhase: phaseInfo.nullable(),
  /** Where today lies: before, inside or after the campaign period. */
  state: z.enum(['upcoming', 'running', 'ended']),
  /** Share of the period elapsed, 0–100. */
  elapsedPct: z.number(),
  daysLeft: z.number(),
  /** Task breakdown rows (task × responsible unit) done / all. */
  tasksDone: z.number(),
  tasksTotal: z.number(),
  /** Inspection coverage of the campaign's current plan (当前方案), in the viewer's area; null without one. */
  inspection: z.object({ planId: z.number(), planName: z.string(), done: z.number(), required: z.number() }).nullable().optional(),
});
export type DashboardCampaign = z.infer<typeof dashboardCampaign>;

/** Why an obligation concerns the caller: their unit submits it, receives it, or they oversee the bureau. */
export const DEADLINE_RELATIONS = { submit: '本单位报送', receive: '本单位接收', oversee: '辖区督办' } as const;

export const deadlineItem = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  obligation: z.string(),
  label: z.string(),
  rule: z.string(),
  date: z.string(),
  time: z.string(),
  at: z.string(),
  /** Calendar days from today (0 = today, negative = passed). */
  days: z.number(),
  /** Further due dates of the same obligation in the window (upcoming) or missed in the window (overdue). */
  more: z.number(),
  relation: z.enum(Object.keys(DEADLINE_RELATIONS) as [keyof typeof DEADLINE_RELATIONS, ...(keyof typeof DEADLINE_RELATIONS)[]]),
});
export type DeadlineItem = z.infer<typeof deadlineItem>;

export const taskItem = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  no: z.number(),
  task: z.string(),
  target: z.string(),
  due: z.string().nullable(),
  status: z.enum(Object.keys(TASK_STATUSES) as [keyof typeof TASK_STATUSES, ...(keyof typeof TASK_STATUSES)[]]),
  overdue: z.boolean(),
});
export type TaskItem = z.infer<typeof taskItem>;

const staffed = z.object({ total: z.number(), staffed: z.number() });
export const staffingItem = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  /** The area counted: the caller's own when it lies inside the campaign's bureau. */
  areaName: z.string(),
  by: z.string(),
  coordinatorPerTownship: z.boolean(),
  informantPerVillage: z.boolean(),
  townships: staffed,
  villages: staffed,
});
export type StaffingItem = z.infer<typeof staffingItem>;

export const dashboardTips = z.object({
  /** review: tips of the caller's area awaiting review; mine: the caller's own tips. */
  mode: z.enum(['review', 'mine']),
  byStatus: z.object(Object.fromEntries(TIP_STATUSES.map((s) => [s, z.number()])) as Record<(typeof TIP_STATUSES)[number], z.ZodNumber>),
});
export type DashboardTips = z.infer<typeof dashboardTips>;

export const reportReminder = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  obligationKey: z.string(),
  label: z.string(),
  orgUnitName: z.string(),
  dueDate: z.string(),
  dueAt: z.string(),
  /** Calendar days from today (negative = passed). */
  days: z.number(),
  submissionId: z.number().nullable(),
  submissionStatus: z.string().nullable(),
});
export type ReportReminder = z.infer<typeof reportReminder>;

export const dashboard = z.object({
  today: z.string(),
  windowDays: z.number(),
  campaigns: z.array(dashboardCampaign).nullable(),
  deadlines: z.object({ upcoming: z.array(deadlineItem), overdue: z.array(deadlineItem) }).nullable(),
  tasks: z.array(taskItem).nullable(),
  staffing: z.array(staffingItem).nullable(),
  tips: dashboardTips.nullable(),
  /** For those who keep the holiday calendar: years not entered yet (this year; next year from October). */
  calendarMissingYears: z.array(z.number()).optional(),
  /** Field work of the caller: inspections due today / overdue, records awaiting their signature, overdue rectifications in their area. */
  inspections: z
    .object({
      dueToday: z.number(),
      overdue: z.number(),
      awaitingMySignature: z.number(),
      overdueRectifications: z.number(),
      /** Overdue rectifications per station (most first). */
      overdueByStation: z.array(
        z.object({ stationId: z.number(), stationName: z.string(), count: z.number(), maxDaysOverdue: z.number() }),
      ),
    })
    .nullable()
    .optional(),
  /** Complaints and reports of the caller's area past a time limit (受理 7 working days; telling a named reporter 5). */
  complaints: z
    .object({
      overdue: z.number(),
      items: z.array(z.object({ id: z.number(), summary: z.string(), label: z.string(), due: z.string(), daysOverdue: z.number() })),
    })
    .nullable()
    .optional(),
  /** Risks (风险清单): the caller's own open/overdue risks, closures awaiting verification, overdue risks per station of the area. */
  risks: z
    .object({
      mine: z.number(),
      mineOverdue: z.number(),
      awaitingVerification: z.number(),
      overdue: z.number(),
      overdueByStation: z.array(
        z.object({ stationId: z.number(), stationName: z.string(), count: z.number(), maxDaysOverdue: z.number() }),
      ),
    })
    .nullable()
    .optional(),
  /** Cases in the caller's area: open, past their deadlines, and waiting for the caller's approval or review. */
  cases: z
    .object({
      open: z.number(),
      decisionOverdue: z.number(),
      publicationOverdue: z.number(),
      referralOverdue: z.number(),
      awaitingApproval: z.number(),
      awaitingReview: z.number(),
    })
    .nullable()
    .optional(),
  /** Reports (报送) of the caller's unit due in the next days and not sent up, those missed, and reports waiting for the caller. */
  reports: z
    .object({
      dueSoon: z.array(reportReminder),
      missing: z.array(reportReminder),
      toApprove: z.number(),
      toReceive: z.number(),
    })
    .nullable()
    .optional(),
  /** 不良反应监测: new cluster alerts of the caller's area and reports filed late in the last 30 days. */
  adr: z.object({ newAlerts: z.number(), lateReports30d: z.number() }).nullable().optional(),
});
export type Dashboard = z.infer<typeof dashboard>;
