/**
 * Campaign labels and code lists with no schema: what list pages and the 工作台 need to show a
 * campaign, kept free of zod so those pages do not evaluate the definition schema
 * (`campaigns.ts` and `campaign-api.ts` re-export them).
 */
/** How precisely the plan dates an event: only the month (“2023年7月”) or the quarter (“第三季度”). */
export const EVENT_PRECISIONS = { month: '月', quarter: '季度' } as const;
export type EventPrecision = keyof typeof EVENT_PRECISIONS;

export const UNIT_GROUPS = {
  各市场监管所: 'station',
  各执法中队: 'squad',
  各股室: 'department',
  /**
   * A plan's own “（旗局）相关股室”: the departments concerned, which the plan does not name. Every
   * department receives the item (as with 各股室) and the ones concerned act; the bureau may narrow it.
   */
  相关股室: 'department',
} as const;

/**
 * Levels of the tree a report obligation (or any unit reference) can name instead of units: every
 * unit of that level below the issuing bureau submits, each on its own (so “every county must
 * report” is checked per county). A level the bureau does not have is refused on save.
 */
export const SUBMITTER_LEVELS = {
  '各市（州）局': '辖区内每个市（州）市场监管局',
  '各县（市、区）局': '辖区内每个县（市、区）市场监管局',
  各市场监管所: '辖区内每个市场监管所',
  各执法中队: '辖区内每个执法中队',
} as const;
export type SubmitterLevel = keyof typeof SUBMITTER_LEVELS;

export const REVIEW_STEPS = { unit_head: '单位负责人审核', leader: '分管局领导审核' } as const;
export const FORM_TYPES = {
  table: '统计表',
  narrative: '文字报告',
  typical_case: '典型案例',
  risk_list: '风险清单',
  liaison: '联络员报名表',
} as const;

export const TABLE_PERIODS = { day: '日报', week: '周报', month: '月报', quarter: '季报', stage: '阶段', campaign: '全程' } as const;
export const REPORT_CATEGORIES = { drug: '药品', device: '医疗器械', cosmetics: '化妆品' } as const;
export type ReportCategory = keyof typeof REPORT_CATEGORIES;

export const MEASURE_LEVELS = { all: '本级及下级', own: '本级', below: '所辖下级' } as const;

export const CAMPAIGN_STATUSES = { draft: '草稿', active: '进行中', closed: '已结束' } as const;
export type CampaignStatus = keyof typeof CAMPAIGN_STATUSES;

/** What a manager may do to a campaign (the home lists those the caller may take now). */
export const CAMPAIGN_ACTIONS = { activate: '启动', close: '结束', amend: '修订' } as const;
export type CampaignAction = keyof typeof CAMPAIGN_ACTIONS;

export const TASK_STATUSES = { todo: '未开始', doing: '推进中', done: '已完成', blocked: '受阻' } as const;
