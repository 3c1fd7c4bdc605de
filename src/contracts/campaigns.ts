import { z } from 'zod';
import { versioned } from './versions.js';
import { ENTITY_KIND_CODES, ENTITY_TAGS, SECTORS } from './entity-kinds.js';
import { quotaRule, type QuotaRule } from './quota-rules.js';
import { isoDate } from './calendar.js';
import { clockTime, deadlineRule, dueDates } from './deadline-rules.js';
import { id, MAX_INT } from './fields.js';

export * from './deadline-rules.js';

/**
 * Campaign definition (专项行动方案) as data, schema version 1. A bureau's work plan — phases,
 * sub-actions, focus lists, quota rules, report obligations with deadline rules, statistical tables,
 * inspection checklists, organisation, task breakdown and grassroots staffing target — is one such
 * document. The platform runs any plan from this shape; no campaign has code of its own.
 * Documented in docs/campaign-definition.md; the five seed plans ship as YAML templates.
 *
 * Unit references (`UnitRef`) name org units of the owning bureau: a unit's full name or short name
 * ("药品和医疗器械股", "创新所"), or a group: 各市场监管所 / 各执法中队 / 各股室 / 执法大队 / 本局.
 * Partners outside the bureau (公安分局, 卫生健康委, 市局…) go into `partners`, never into units.
 */
export const DEFINITION_VERSION = 1;

export const UNIT_GROUPS = {
  各市场监管所: 'station',
  各执法中队: 'squad',
  各股室: 'department',
} as const;

const key = z.string().regex(/^[a-z0-9_-]{1,60}$/, '编号须为小写字母、数字、下划线或连字符');
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过${max}字`);
const optText = (max: number) => z.string().trim().max(max, `不能超过${max}字`).optional();
export const unitRef = z.string().trim().min(1, '请填写单位').max(100, '单位名称不能超过100字');

export const phase = z.object({
  key,
  name: text(40),
  from: isoDate,
  to: isoDate,
  description: optText(500),
});
export type Phase = z.infer<typeof phase>;

export const subAction = z.object({ key, name: text(40), description: optText(2000) });

export const focus = z.object({
  /** 重点产品 */
  products: z.array(text(60)).default([]),
  /** 重点对象 by entity kind (validated against the registry's kinds). */
  entityKinds: z.array(z.enum(ENTITY_KIND_CODES, { error: '未知的监管对象类型' })).default([]),
  /** 重点对象 described in words (网络销售、既往发现问题较多、被多次行政处罚的企业…). */
  objects: z.array(text(100)).default([]),
  /** Registry tags the focus maps to (key areas, high risk, repeat offenders…). */
  tags: z.array(z.enum(Object.keys(ENTITY_TAGS) as [string, ...string[]], { error: '未知的对象标签' })).default([]),
  /** 重点区域 */
  areas: z.array(text(60)).default([]),
  /** 排查渠道 (检查核查、监督抽检、不良反应监测…) */
  channels: z.array(text(40)).default([]),
  /** Violations to crack down on, by sector and link (环节). */
  violations: z
    .array(z.object({ sector: z.enum(Object.keys(SECTORS) as [string, ...string[]], { error: '未知的领域' }), area: optText(60), items: z.array(text(300)).min(1, '至少一项') }))
    .default([]),
});

export const REVIEW_STEPS = { unit_head: '单位负责人审核', leader: '分管局领导审核' } as const;
export const FORM_TYPES = { table: '统计表', narrative: '文字报告', typical_case: '典型案例', risk_list: '风险清单', liaison: '联络员报名表' } as const;

export const obligation = z.object({
  key,
  label: text(100),
  rule: deadlineRule,
  /** Who submits (unit refs). */
  submitters: z.array(unitRef).min(1, '请指定报送单位'),
  /** Who receives (unit ref of the bureau). */
  recipient: unitRef,
  form: z.object({
    type: z.enum(Object.keys(FORM_TYPES) as [string, ...string[]], { error: '未知的报送形式' }),
    /** Statistical table key, for type table / risk_list. */
    table: key.optional(),
    /** Narrative template sections, each with an optional minimum length. */
    sections: z.array(z.object({ title: text(100), minChars: z.number().int().min(1).max(100_000).optional(), hint: optText(300) })).optional(),
  }),
  /** Minimum number of items per month/quarter (典型案例每季度不少于1个). */
  minCount: z.object({ count: z.number().int().min(1).max(100_000), per: z.enum(['month', 'quarter', 'campaign']) }).optional(),
  review: z.array(z.enum(Object.keys(REVIEW_STEPS) as [string, ...string[]])).optional(),
  /** Editable file plus stamped scan (可编辑版本 + 盖章扫描件). */
  stampedScan: z.boolean().optional(),
  note: optText(500),
});
export type Obligation = z.infer<typeof obligation>;

export const TABLE_PERIODS = { day: '日报', week: '周报', month: '月报', quarter: '季报', stage: '阶段', campaign: '全程' } as const;
export const statTable = z.object({
  key,
  label: text(100),
  /** Fixed rows (零售药店 / 药品使用单位 …), optionally mapped to entity kinds; or rows entered by the unit (free). */
  rowMode: z.enum(['fixed', 'free']).default('fixed'),
  rows: z.array(z.object({ key, label: text(60), kinds: z.array(z.enum(ENTITY_KIND_CODES, { error: '未知的监管对象类型' })).optional() })).default([]),
  measures: z
    .array(z.object({ key, label: text(60), unit: optText(10), type: z.enum(['number', 'money', 'text', 'boolean']).default('number') }))
    .min(1, '至少一列'),
  /** Numbers are cumulative since this date (自…起累计). */
  cumulativeFrom: isoDate.optional(),
  period: z.enum(Object.keys(TABLE_PERIODS) as [string, ...string[]]),
  note: optText(500),
});
export type StatTable = z.infer<typeof statTable>;

export const checklist = z.object({
  key,
  label: text(100),
  sections: z
    .array(z.object({ title: text(100), items: z.array(z.object({ key, text: text(500), basis: optText(200) })).min(1, '至少一项') }))
    .min(1, '至少一节'),
});

const person = z.object({ name: optText(20), title: text(60), unit: unitRef.optional() });
export const organisation = z.object({
  leadingGroup: z.object({
    name: text(100),
    leader: person,
    deputies: z.array(person).default([]),
    members: z.array(person).default([]),
    /** Member units (各所长和机关相关科室 …). */
    memberUnits: z.array(unitRef).default([]),
    duties: z.array(text(500)).default([]),
  }),
  office: z.object({ unit: unitRef, director: person.optional(), duties: z.array(text(500)).default([]), email: optText(100) }),
  workingGroups: z
    .array(
      z.object({
        key,
        name: text(60),
        leader: person.optional(),
        members: z.array(person).default([]),
        units: z.array(unitRef).default([]),
        liaison: person.optional(),
        duties: z.array(text(500)).default([]),
      }),
    )
    .default([]),
});

export const task = z.object({
  /** 细化序号 */
  no: z.number().int().min(1).max(10_000),
  /** 工作任务 */
  task: text(100),
  /** 目标任务 */
  target: text(200),
  /** 具体内容 */
  content: text(3000),
  /** 责任单位 (inside the bureau) */
  units: z.array(unitRef).min(1, '请指定责任单位'),
  /** 配合单位 outside the bureau */
  partners: z.array(text(60)).optional(),
  sub: z.string().optional(),
  due: isoDate.optional(),
  /**
   * Progress measured instead of reported: the live inspection coverage of these quota rules
   * (ids of `quotas`, children included) per responsible station, from the campaign's current plan.
   */
  progressFrom: z.object({ quota: z.union([z.string(), z.array(z.string()).min(1)]) }).strict().optional(),
});
export type Task = z.infer<typeof task>;
/** The quota ids a task's progress is bound to (none: reported by hand). */
export const boundQuotas = (t: Pick<Task, 'progressFrom'>): string[] => (t.progressFrom ? [t.progressFrom.quota].flat() : []);

export const staffing = z.object({
  coordinatorPerTownship: z.boolean(),
  informantPerVillage: z.boolean(),
  by: isoDate,
});

export const liaisonRegister = z.object({
  units: z.array(unitRef).min(1, '请指定填报单位'),
  due: isoDate.optional(),
  recipient: unitRef.optional(),
});

export const campaignDefinition = z
  .object({
    schemaVersion: z.literal(DEFINITION_VERSION, { error: `定义版本须为 ${DEFINITION_VERSION}` }),
    name: text(100),
    /** 文号 */
    docNo: optText(60),
    /** 发文单位 */
    issuer: text(100),
    issuedOn: isoDate.optional(),
    /** Documents the plan implements (根据…). */
    basis: z.array(text(200)).default([]),
    summary: optText(2000),
    period: z.object({ from: isoDate, to: isoDate, reportingUntil: isoDate.optional() }),
    phases: z.array(phase).min(1, '至少一个阶段'),
    subActions: z.array(subAction).default([]),
    focus: focus.default({ products: [], entityKinds: [], objects: [], tags: [], areas: [], channels: [], violations: [] }),
    quotas: z.array(quotaRule).default([]),
    tables: z.array(statTable).default([]),
    obligations: z.array(obligation).default([]),
    checklists: z.array(checklist).default([]),
    organisation,
    tasks: z.array(task).default([]),
    staffing: staffing.optional(),
    liaisons: liaisonRegister.optional(),
    /** Key dates that are not deadlines (部署会, 交流会, 督查). */
    events: z.array(z.object({ date: isoDate, label: text(100) })).default([]),
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const { from, to } = d.period;
    const until = d.period.reportingUntil ?? to;
    if (from > to) issue(['period', 'to'], '结束日期不能早于开始日期');
    if (until < to) issue(['period', 'reportingUntil'], '报送截止日期不能早于行动结束日期');
    const inPeriod = (s: string) => s >= from && s <= until;
    d.phases.forEach((p, i) => {
      if (p.from > p.to) issue(['phases', i, 'to'], `阶段“${p.name}”的结束日期不能早于开始日期`);
      if (p.from < from || p.to > to) issue(['phases', i, 'from'], `阶段“${p.name}”须在行动期间（${from} 至 ${to}）内`);
      const prev = d.phases[i - 1];
      if (prev && p.from <= prev.to) issue(['phases', i, 'from'], `阶段“${p.name}”须在上一阶段“${prev.name}”结束之后开始`);
    });
    unique(d.phases, 'key', ['phases'], issue);
    unique(d.subActions, 'key', ['subActions'], issue);
    unique(d.tables, 'key', ['tables'], issue);
    unique(d.obligations, 'key', ['obligations'], issue);
    unique(d.checklists, 'key', ['checklists'], issue);
    unique(d.tasks, 'no', ['tasks'], issue);
    const phaseKeys = new Set(d.phases.map((p) => p.key));
    const tableKeys = new Set(d.tables.map((t) => t.key));
    const walk = (rules: QuotaRule[], path: (string | number)[]) =>
      rules.forEach((r, i) => {
        const w = r.window;
        if (w?.phase && !phaseKeys.has(w.phase)) issue([...path, i, 'window', 'phase'], `阶段“${w.phase}”不存在`);
        if (w?.from && w?.to && w.from > w.to) issue([...path, i, 'window', 'to'], '结束日期不能早于开始日期');
        if (w?.from && !inPeriod(w.from)) issue([...path, i, 'window', 'from'], '须在行动期间内');
        if (r.children) walk(r.children, [...path, i, 'children']);
      });
    walk(d.quotas, ['quotas']);
    d.tables.forEach((t, i) => {
      if (t.rowMode === 'fixed' && t.rows.length === 0) issue(['tables', i, 'rows'], '固定行的统计表至少一行');
      unique(t.rows, 'key', ['tables', i, 'rows'], issue);
      unique(t.measures, 'key', ['tables', i, 'measures'], issue);
      if (t.cumulativeFrom && t.cumulativeFrom > until) issue(['tables', i, 'cumulativeFrom'], '累计起始日期不能晚于行动结束');
    });
    d.obligations.forEach((o, i) => {
      const p = ['obligations', i, 'rule'];
      if (o.rule.once && !inPeriod(o.rule.once)) issue([...p, 'once'], `报送日期须在行动期间（${from} 至 ${until}）内`);
      if (o.rule.within && (!inPeriod(o.rule.within.from) || !inPeriod(o.rule.within.to)))
        issue([...p, 'within'], `时间窗口须在行动期间（${from} 至 ${until}）内`);
      if (from <= until && dueDates(o.rule, { from, to: until }).length === 0)
        issue(p, `该报送规则在行动期间（${from} 至 ${until}）内一次也不会发生`);
      if ((o.form.type === 'table' || o.form.type === 'risk_list') && !o.form.table) issue(['obligations', i, 'form', 'table'], '请指定统计表');
      if (o.form.table && !tableKeys.has(o.form.table)) issue(['obligations', i, 'form', 'table'], `统计表“${o.form.table}”不存在`);
    });
    if (d.staffing && !inPeriod(d.staffing.by)) issue(['staffing', 'by'], '配备期限须在行动期间内');
    const quotaIds = new Set<string>();
    const collect = (rules: QuotaRule[]) => rules.forEach((r) => (quotaIds.add(r.id), collect(r.children ?? [])));
    collect(d.quotas);
    d.tasks.forEach((t, i) => {
      if (t.due && !inPeriod(t.due)) issue(['tasks', i, 'due'], '完成期限须在行动期间内');
      for (const q of boundQuotas(t)) if (!quotaIds.has(q)) issue(['tasks', i, 'progressFrom', 'quota'], `检查指标“${q}”不存在`);
    });
  });
export type CampaignDefinition = z.infer<typeof campaignDefinition>;
export type CampaignDefinitionInput = z.input<typeof campaignDefinition>;

function unique<T>(items: T[], field: keyof T, path: (string | number)[], issue: (p: (string | number)[], m: string) => void) {
  const seen = new Set<unknown>();
  items.forEach((it, i) => {
    const v = it[field];
    if (seen.has(v)) issue([...path, i, field as string], `编号“${String(v)}”重复`);
    seen.add(v);
  });
}

export interface DefinitionIssue {
  /** Dotted path into the definition, e.g. "phases.1.to". */
  path: string;
  message: string;
}

const zhCN = z.locales.zhCN().localeError;

/** Validate a definition; issues carry the field path and a Chinese message. */
export function checkDefinition(input: unknown): { ok: true; definition: CampaignDefinition } | { ok: false; issues: DefinitionIssue[] } {
  const r = campaignDefinition.safeParse(input, { error: zhCN });
  if (r.success) return { ok: true, definition: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

export const CAMPAIGN_STATUSES = { draft: '草稿', active: '进行中', closed: '已结束' } as const;
export type CampaignStatus = keyof typeof CAMPAIGN_STATUSES;

export const TASK_STATUSES = { todo: '未开始', doing: '推进中', done: '已完成', blocked: '受阻' } as const;

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
  officePhone: z.string().trim().max(30).regex(/^[0-9\-+() ]*$/, '电话格式不正确').optional(),
  mobile: z.string().trim().regex(/^1\d{10}$/, '手机号须为11位数字').optional().or(z.literal('')),
  email: z.string().trim().email('邮箱格式不正确').optional().or(z.literal('')),
  /** The liaison row's version as read; 0 when the unit had not filled it in yet. */
  ...versioned,
});
export type LiaisonInput = z.infer<typeof liaisonInput>;

export const evidenceItem = z.object({
  name: text(200),
  // Only web links: a `javascript:` or `data:` URL would run script when clicked.
  url: z.string().url('链接格式不正确').regex(/^https?:\/\//i, '链接须以 http:// 或 https:// 开头').max(2000).optional(),
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
  from: z.string(),
  to: z.string(),
  currentPhase: z.string().nullable(),
  updatedAt: z.string(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;

export const campaignDetail = campaignSummary.extend({ definition: z.any(), templateCode: z.string().nullable() });
export type CampaignDetail = z.infer<typeof campaignDetail>;

export { clockTime };
