import { z } from 'zod';
import { DEVICE_LEVELS, ENTITY_KIND_CODES, ENTITY_TAGS, SECTORS } from './entity-kinds.js';
import { quotaRule, type QuotaRule } from './quota-rules.js';
import { addDays, daysInMonth, isoDate } from './calendar.js';
import { deadlineRule, dueDates, ruleMissing, type DeadlineRule } from './deadline-rules.js';
import { getAtPath, parentPath, sameValue } from './definition-paths.js';
import { optText, text } from './fields.js';
import type { DefinitionWarning } from './campaign-api.js';
import { LEGAL_ARTICLE_KEYS, type LegalArticleKey } from './legal-articles.js';
import { MEASURE_KEYS, MEASURES, type MeasureFilterName } from './measures.js';
import { formulaIssues } from './formula.js';
import { ROW_SOURCE_KEYS, ROW_SOURCES, type RowSourceField } from './row-sources.js';
import {
  EVENT_PRECISIONS,
  REVIEW_STEPS,
  FORM_TYPES,
  TABLE_PERIODS,
  REPORT_CATEGORIES,
  MEASURE_LEVELS,
  type EventPrecision,
  type ReportCategory,
} from './campaign-labels.js';
export * from './campaign-labels.js';

export * from './deadline-rules.js';
export * from './campaign-api.js';

/**
 * Campaign definition (专项行动方案) as data, schema version 1. A bureau's work plan — phases,
 * sub-actions, focus lists, quota rules, report obligations with deadline rules, statistical tables,
 * inspection checklists, organisation, task breakdown and grassroots staffing target — is one such
 * document. The platform runs any plan from this shape; no campaign has code of its own.
 * Documented in docs/campaign-definition.md; the five seed plans ship as YAML templates.
 *
 * Unit references (`UnitRef`) name org units of the owning bureau: a unit's full name or short name
 * ("药品和医疗器械股", "创新所"), or a group: 各市场监管所 / 各执法中队 / 各股室 / 相关股室 / 执法大队 / 本局,
 * or a level of the tree below the bureau (`SUBMITTER_LEVELS`: 各市（州）局 / 各县（市、区）局 /
 * 各市场监管所 / 各执法中队), resolved from the organisation when the campaign is saved and used.
 * Partners outside the bureau (公安分局, 卫生健康委, 市局…) go into `partners`, never into units.
 */
export const DEFINITION_VERSION = 1;

const key = z.string().regex(/^[a-z0-9_-]{1,60}$/, '编号须为小写字母、数字、下划线或连字符');
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
    .array(
      z.object({
        sector: z.enum(Object.keys(SECTORS) as [string, ...string[]], { error: '未知的领域' }),
        area: optText(60),
        items: z.array(text(300)).min(1, '至少一项'),
      }),
    )
    .default([]),
});

export const obligation = z.object({
  key,
  label: text(100),
  rule: deadlineRule,
  /** Who submits (unit refs). */
  submitters: z.array(unitRef).min(1, '请指定报送单位'),
  /** Who receives (unit ref of the bureau); or `externalRecipient` for a report leaving the bureau. */
  recipient: unitRef.optional(),
  /** A receiver outside the bureau (市局执法稽查局, 国家药监局统计系统 …): onward reports up the chain. */
  externalRecipient: optText(100),
  form: z.object({
    type: z.enum(Object.keys(FORM_TYPES) as [string, ...string[]], { error: '未知的报送形式' }),
    /** Statistical table key, for type table / risk_list. */
    table: key.optional(),
    /** Narrative template sections, each with an optional minimum length. */
    sections: z
      .array(z.object({ title: text(100), minChars: z.number().int().min(1).max(100_000).optional(), hint: optText(300) }))
      .optional(),
    /** What may be reported (收集范围), e.g. cases decided or referred in 2023. */
    scope: optText(300),
    /** Attachments each submission must carry (附《行政处罚决定书》…). */
    attachments: z.array(text(200)).optional(),
  }),
  /** Minimum number of items per month/quarter (典型案例每季度不少于1个). */
  minCount: z.object({ count: z.number().int().min(1).max(100_000), per: z.enum(['month', 'quarter', 'campaign']) }).optional(),
  review: z.array(z.enum(Object.keys(REVIEW_STEPS) as [string, ...string[]])).optional(),
  /** Editable file plus stamped scan (可编辑版本 + 盖章扫描件). */
  stampedScan: z.boolean().optional(),
  note: optText(500),
});
export type Obligation = z.infer<typeof obligation>;

const reportCategory = z.enum(Object.keys(REPORT_CATEGORIES) as [ReportCategory, ...ReportCategory[]], {
  error: '产品类别须为 药品/医疗器械/化妆品',
});
const measureKey = z.enum(MEASURE_KEYS, { error: '未知的统计指标（见指标目录 /api/reports/measures）' });
/** Which records of the submitting unit a measure column counts: all in its area, its own level only, or the units below it only. */
const measureLevel = z.enum(Object.keys(MEASURE_LEVELS) as [keyof typeof MEASURE_LEVELS, ...(keyof typeof MEASURE_LEVELS)[]], {
  error: '层级须为 all/own/below',
});

/**
 * A column of a statistical table. Where its value comes from, in this order: `measure` (computed
 * from the records by a catalogue measure, contracts/measures.ts; never typed in), `formula`
 * (computed from other columns of the same row — ratios, sums — recomputed at every roll-up level,
 * never summed), else typed in by the submitting unit (填报: numbers no record holds, text, yes/no).
 */
export const tableColumn = z.object({
  key,
  label: text(60),
  unit: optText(10),
  type: z.enum(['number', 'money', 'text', 'boolean'], { error: '列类型须为 number/money/text/boolean' }).default('number'),
  measure: measureKey.optional(),
  level: measureLevel.optional(),
  /** Arithmetic over other columns' keys of the row: + - * / and parentheses, e.g. "violators / inspected * 100". */
  formula: optText(200),
  /** The measure's value divided by this when shown (元 → 万元: 10000). */
  divisor: z.number().positive().max(1_000_000_000).optional(),
  /** Decimal places shown (万元: 2). */
  decimals: z.number().int().min(0).max(6).optional(),
  /** Multi-level header: the group labels above this column, outermost first. */
  groups: z.array(text(60)).max(3).optional(),
});
export type TableColumn = z.infer<typeof tableColumn>;

/** A cell of one row that differs from its column: another measure, typed in, or not applicable (blank). */
export const tableCell = z.object({
  measure: measureKey.optional(),
  level: measureLevel.optional(),
  input: z.boolean().optional(),
  blank: z.boolean().optional(),
});

export const statTable = z.object({
  key,
  label: text(100),
  /** Fixed rows (零售药店 / 药品使用单位 …), optionally mapped to entity kinds or a product category; or rows entered by the unit (free). */
  rowMode: z.enum(['fixed', 'free']).default('fixed'),
  rows: z
    .array(
      z.object({
        key,
        label: text(60),
        kinds: z.array(z.enum(ENTITY_KIND_CODES, { error: '未知的监管对象类型' })).optional(),
        category: reportCategory.optional(),
        cells: z.record(z.string(), tableCell).optional(),
      }),
    )
    .default([]),
  measures: z.array(tableColumn).min(1, '至少一列'),
  /**
   * For a table of free rows: the records its rows start from (contracts/row-sources.ts), each table
   * column → the source field it takes, e.g. 附件3 问题清单 ← 共性风险 {risk: title, control: controlMeasure}.
   */
  rowsFrom: z
    .object({
      source: z.enum(ROW_SOURCE_KEYS, { error: '未知的行来源（见 contracts/row-sources.ts）' }),
      columns: z.record(z.string().max(60), z.string().max(60)),
    })
    .optional(),
  /** Row checks shown before submission: comparisons of column formulas within each row, e.g. "violators <= inspected". */
  checks: z.array(z.object({ rule: text(200), message: optText(200) })).optional(),
  /** Numbers are cumulative since this date (自…起累计); a cumulative value never falls between submissions. */
  cumulativeFrom: isoDate.optional(),
  period: z.enum(Object.keys(TABLE_PERIODS) as [string, ...string[]]),
  /** Excel layout: the 注 line under the table. */
  note: optText(500),
});
export type StatTable = z.infer<typeof statTable>;

const articleKeys = z.array(z.enum(LEGAL_ARTICLE_KEYS, { error: '未知的法条（见法条表）' }));

export const checklistItem = z.object({
  key,
  text: text(500),
  /** Cited articles by key of `contracts/legal-articles.ts` (the citation text comes from there). */
  articles: articleKeys.optional(),
  /** Other basis in words (a plan's own rule); never an article number — cite those by `articles`. */
  basis: optText(200),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

/**
 * An inspection checklist (检查表). `kinds`: the entity kinds it applies to (absent = any kind);
 * `deviceLevels`: only for 医疗器械经营企业 of these supervision levels (absent = any level). The
 * field-inspection form picks one by the unit's kind (`contracts/checklists` → `checklistFor`).
 * Item keys are unique within a checklist: answers name items by key.
 */
export const checklist = z.object({
  key,
  label: text(100),
  kinds: z
    .array(z.enum(ENTITY_KIND_CODES, { error: '未知的监管对象类型' }))
    .min(1, '至少一种对象类型；适用于所有类型时不填')
    .optional(),
  deviceLevels: z
    .array(
      z.enum(Object.keys(DEVICE_LEVELS) as [keyof typeof DEVICE_LEVELS, ...(keyof typeof DEVICE_LEVELS)[]], {
        error: '未知的医疗器械经营监管级别',
      }),
    )
    .min(1, '至少一个监管级别；适用于所有级别时不填')
    .optional(),
  sections: z
    .array(
      z.object({
        title: text(100),
        items: z.array(checklistItem).min(1, '至少一项'),
      }),
    )
    .min(1, '至少一节'),
});
export type Checklist = z.infer<typeof checklist>;

/**
 * A type of violation (违法违规类型) findings are classified by: the campaign's catalogue, or the
 * bundled default (`contracts/checklists`) when the campaign gives none.
 */
export const violationType = z.object({
  key,
  label: text(100),
  /** Articles it breaches or is penalised under, by key of `contracts/legal-articles.ts`. */
  articles: articleKeys.optional(),
});
export type ViolationType = z.infer<typeof violationType>;

const person = z.object({ name: optText(20), title: text(60), unit: unitRef.optional() });
export const organisation = z.object({
  /** 领导小组; absent when the plan sets none (a short notice). */
  leadingGroup: z
    .object({
      name: text(100),
      leader: person,
      deputies: z.array(person).default([]),
      members: z.array(person).default([]),
      /** Member units (各所长和机关相关科室 …). */
      memberUnits: z.array(unitRef).default([]),
      duties: z.array(text(500)).default([]),
    })
    .optional(),
  office: z.object({
    unit: unitRef,
    director: person.optional(),
    /** 副主任 and 成员 of the office (names optional: a plan's officials are not reproduced). */
    deputies: z.array(person).optional(),
    members: z.array(person).optional(),
    duties: z.array(text(500)).default([]),
    email: optText(100),
  }),
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
  progressFrom: z
    .object({ quota: z.union([z.string(), z.array(z.string()).min(1)]) })
    .strict()
    .optional(),
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

/**
 * Where a value came from (来源): quoted from the plan (`source` = its section, e.g. 三（一）3),
 * inferred where the plan is silent or vague (`reason` says why, shown as 推定 in the pages and
 * listed as 待确认 on the campaign home), set by the bureau (a confirmed or changed value), or
 * unset: the plan asks for something without a value ("增加检查频次", "及时上报"), so the value is
 * left out and the planner / deadline engine say what is missing.
 */
export const PROVENANCE_KINDS = { quoted: '原文', inferred: '推定', bureau: '本局确定', unset: '方案未定' } as const;
export type ProvenanceKind = keyof typeof PROVENANCE_KINDS;
export const provenanceEntry = z
  .object({
    kind: z.enum(Object.keys(PROVENANCE_KINDS) as [ProvenanceKind, ...ProvenanceKind[]], {
      error: '来源须为 quoted/inferred/bureau/unset',
    }),
    /** Section of the plan (三（一）3, 附件1). */
    source: optText(60),
    /** Why inferred / what the plan says where unset / the bureau's note. */
    reason: optText(500),
    /** Bureau-set: who and when. */
    by: optText(40),
    at: isoDate.optional(),
    /** Bureau-set after confirming an inference: the reason it had been inferred. */
    was: optText(500),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === 'quoted' && !p.source) ctx.addIssue({ code: 'custom', path: ['source'], message: '原文须注明出处（方案章节）' });
    if ((p.kind === 'inferred' || p.kind === 'unset') && !p.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '推定或未定须说明理由' });
  });
export type ProvenanceEntry = z.infer<typeof provenanceEntry>;
/** Shorthand in YAML: a bare string is a quotation with that source section. */
const provenanceValue = z.preprocess((v) => (typeof v === 'string' ? { kind: 'quoted', source: v } : v), provenanceEntry);

/**
 * An open reading (两种理解): where the plan can be read two ways, the definition records the
 * reading chosen and the alternatives, each as the values it sets (paths as in provenance; null
 * removes). The chosen option's values must be the definition's; switching is an amendment.
 */
export const reading = z.object({
  key,
  question: text(300),
  source: optText(60),
  chosen: key,
  options: z.array(z.object({ key, label: text(200), note: optText(500), set: z.record(z.string(), z.unknown()) })).min(2, '至少两种理解'),
});
export type Reading = z.infer<typeof reading>;

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
    /**
     * 行动期间. Unset when the plan gives no dates (provenance 方案未定): recurring report rules then
     * have no dates and the planner has no window until the office sets it.
     */
    period: z.object({ from: isoDate, to: isoDate, reportingUntil: isoDate.optional() }).optional(),
    /** Phases; empty when the plan names none (provenance 方案未定 on `phases`). */
    phases: z.array(phase).default([]),
    subActions: z.array(subAction).default([]),
    focus: focus.default({ products: [], entityKinds: [], objects: [], tags: [], areas: [], channels: [], violations: [] }),
    quotas: z.array(quotaRule).default([]),
    tables: z.array(statTable).default([]),
    obligations: z.array(obligation).default([]),
    checklists: z.array(checklist).default([]),
    /** 违法违规类型 used to classify findings (empty: the bundled default catalogue). */
    violationTypes: z.array(violationType).default([]),
    organisation,
    tasks: z.array(task).default([]),
    staffing: staffing.optional(),
    liaisons: liaisonRegister.optional(),
    /**
     * Key dates that are not deadlines (部署会, 交流会, 督查). `precision` when the plan gives only the
     * month (“2023年7月”) or quarter (“2023年第三季度”): `date` is then the last day of that month or
     * quarter and stands for the whole of it (no day is implied).
     */
    events: z
      .array(
        z.object({
          date: isoDate,
          label: text(100),
          precision: z
            .enum(Object.keys(EVENT_PRECISIONS) as [EventPrecision, ...EventPrecision[]], { error: '日期精度须为 month/quarter' })
            .optional(),
        }),
      )
      .default([]),
    /** Where values came from, by path (see `definition-paths.ts`); a bare string = quoted from that section. */
    provenance: z.record(z.string(), provenanceValue).default({}),
    /** Open readings of the plan with the one chosen. */
    readings: z.array(reading).default([]),
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    // No period (方案未定): the checks against it are skipped; every date is then only bounded by itself.
    const from = d.period?.from ?? '0000-01-01';
    const to = d.period?.to ?? '9999-12-31';
    const until = d.period?.reportingUntil ?? to;
    if (from > to) issue(['period', 'to'], '结束日期不能早于开始日期');
    if (until < to) issue(['period', 'reportingUntil'], '报送截止日期不能早于行动结束日期');
    const inPeriod = (s: string) => s >= from && s <= until;
    d.phases.forEach((p, i) => {
      if (p.from > p.to) issue(['phases', i, 'to'], `阶段“${p.name}”的结束日期不能早于开始日期`);
      if (d.period && (p.from < from || p.to > to)) issue(['phases', i, 'from'], `阶段“${p.name}”须在行动期间（${from} 至 ${to}）内`);
    });
    unique(d.phases, 'key', ['phases'], issue);
    unique(d.subActions, 'key', ['subActions'], issue);
    unique(d.tables, 'key', ['tables'], issue);
    unique(d.obligations, 'key', ['obligations'], issue);
    unique(d.checklists, 'key', ['checklists'], issue);
    d.checklists.forEach((c, i) => {
      const seen = new Set<string>();
      c.sections.forEach((s, j) =>
        s.items.forEach((it, k) => {
          if (seen.has(it.key)) issue(['checklists', i, 'sections', j, 'items', k, 'key'], `检查项编号“${it.key}”在本检查表中重复`);
          seen.add(it.key);
        }),
      );
      if (c.deviceLevels && c.kinds && !c.kinds.includes('device_dealer'))
        issue(['checklists', i, 'deviceLevels'], '监管级别只适用于医疗器械经营企业（对象类型须含 device_dealer）');
    });
    unique(d.violationTypes, 'key', ['violationTypes'], issue);
    unique(d.tasks, 'no', ['tasks'], issue);
    const phaseKeys = new Set(d.phases.map((p) => p.key));
    const tableKeys = new Set(d.tables.map((t) => t.key));
    // Quota ids are unique over the whole rule tree: coverage and plans key their rows by id.
    const quotaIds = new Set<string>();
    const walk = (rules: QuotaRule[], path: (string | number)[]) =>
      rules.forEach((r, i) => {
        const w = r.window;
        if (quotaIds.has(r.id)) issue([...path, i, 'id'], `规则编号“${r.id}”重复`);
        quotaIds.add(r.id);
        if (w?.phase && !phaseKeys.has(w.phase)) issue([...path, i, 'window', 'phase'], `阶段“${w.phase}”不存在`);
        if (w?.from && w?.to && w.from > w.to) issue([...path, i, 'window', 'to'], '结束日期不能早于开始日期');
        if (w?.from && !inPeriod(w.from)) issue([...path, i, 'window', 'from'], '须在行动期间内');
        if (w?.to && (w.to > to || w.to < from)) issue([...path, i, 'window', 'to'], `检查时段须在行动期间（${from} 至 ${to}）内`);
        if (r.children) walk(r.children, [...path, i, 'children']);
      });
    walk(d.quotas, ['quotas']);
    d.tables.forEach((t, i) => {
      if (t.rowMode === 'fixed' && t.rows.length === 0) issue(['tables', i, 'rows'], '固定行的统计表至少一行');
      unique(t.rows, 'key', ['tables', i, 'rows'], issue);
      unique(t.measures, 'key', ['tables', i, 'measures'], issue);
      if (t.cumulativeFrom && t.cumulativeFrom > until) issue(['tables', i, 'cumulativeFrom'], '累计起始日期不能晚于行动结束');
      for (const f of formulaIssues(t)) issue(['tables', i, ...f.path], f.message);
      const colKeys = new Set(t.measures.map((m) => m.key));
      if (t.rowsFrom) {
        const path = ['tables', i, 'rowsFrom'];
        if (t.rowMode !== 'free') issue(path, '只有由填报单位逐行填写的表格（rowMode: free）才能从记录取行');
        const fields: Record<string, RowSourceField> = ROW_SOURCES[t.rowsFrom.source].fields;
        for (const [col, field] of Object.entries(t.rowsFrom.columns)) {
          const c = t.measures.find((m) => m.key === col);
          const f = fields[field];
          if (!c) issue([...path, 'columns', col], `取行设置引用了不存在的列“${col}”`);
          else if (!f) issue([...path, 'columns', col], `“${ROW_SOURCES[t.rowsFrom.source].label}”没有字段“${field}”`);
          else if ((f.type === 'number') !== (c.type === 'number' || c.type === 'money') || (f.type !== 'number' && f.type !== c.type))
            issue([...path, 'columns', col], `列“${c.label}”的类型与字段“${f.label}”不符`);
        }
      }
      t.rows.forEach((r, j) => {
        for (const k of Object.keys(r.cells ?? {}))
          if (!colKeys.has(k)) issue(['tables', i, 'rows', j, 'cells', k], `行“${r.label}”的单元格设置引用了不存在的列“${k}”`);
        // A row narrows its cells by entity kinds or product category: every measure it uses must honour that filter.
        const wants: [MeasureFilterName, string][] = [];
        if (r.kinds?.length) wants.push(['kinds', '监管对象类型']);
        if (r.category) wants.push(['category', '产品类别']);
        for (const col of t.measures) {
          const cell = r.cells?.[col.key];
          const key = cell?.blank || cell?.input ? undefined : (cell?.measure ?? col.measure);
          if (!key) continue;
          const honoured: readonly MeasureFilterName[] = MEASURES[key].filters;
          for (const [f, label] of wants)
            if (!honoured.includes(f))
              issue(
                ['tables', i, 'rows', j],
                `行“${r.label}”按${label}统计，但列“${col.label}”的指标“${MEASURES[key].label}”不区分${label}（请改为填报或换用其他指标）`,
              );
        }
      });
      t.measures.forEach((m, j) => {
        if (m.measure && m.formula) issue(['tables', i, 'measures', j, 'formula'], `列“${m.label}”已指定统计指标，不能再写公式`);
        if (m.measure && (m.type === 'text' || m.type === 'boolean'))
          issue(['tables', i, 'measures', j, 'measure'], `列“${m.label}”是文字或是/否列，不能引用统计指标`);
      });
    });
    const reportFrom = reportingPeriod(d)?.from ?? from;
    d.obligations.forEach((o, i) => {
      const p = ['obligations', i, 'rule'];
      // A one-off date before the issue date or after the campaign is kept and warned about (definitionWarnings).
      if (o.rule.within && (!inPeriod(o.rule.within.from) || !inPeriod(o.rule.within.to)))
        issue([...p, 'within'], `时间窗口须在行动期间（${from} 至 ${until}）内`);
      // Holidays are not known here (the calendar lives in the database): a working-days-only daily
      // rule is checked as a daily one; even a weekend-only window may hold a make-up working day.
      if (
        d.period &&
        !o.rule.adHoc &&
        !o.rule.once &&
        o.rule.type !== 'event' &&
        !ruleMissing(o.rule).length &&
        reportFrom <= until &&
        dueDates({ ...o.rule, workdaysOnly: undefined }, { from: reportFrom, to: until }).length === 0
      )
        issue(p, `该报送规则在行动期间（${reportFrom} 至 ${until}）内一次也不会发生`);
      if (!o.recipient === !o.externalRecipient)
        issue(['obligations', i, 'recipient'], '请指定接收单位：本局单位（recipient）或局外接收方（externalRecipient）之一');
      if ((o.form.type === 'table' || o.form.type === 'risk_list') && !o.form.table)
        issue(['obligations', i, 'form', 'table'], '请指定统计表');
      if (o.form.table && !tableKeys.has(o.form.table)) issue(['obligations', i, 'form', 'table'], `统计表“${o.form.table}”不存在`);
    });
    if (d.staffing && !inPeriod(d.staffing.by)) issue(['staffing', 'by'], '配备期限须在行动期间内');
    d.events.forEach((e, i) => {
      if (!e.precision) return;
      const [y, m, day] = e.date.split('-').map(Number);
      if (day !== daysInMonth(y, m) || (e.precision === 'quarter' && m % 3 !== 0))
        issue(['events', i, 'date'], `只写到${EVENT_PRECISIONS[e.precision]}的日期须填该${EVENT_PRECISIONS[e.precision]}的最后一天`);
    });
    // quotaIds: every rule id of the tree, collected by the quota walk above.
    d.tasks.forEach((t, i) => {
      if (t.due && !inPeriod(t.due)) issue(['tasks', i, 'due'], '完成期限须在行动期间内');
      for (const q of boundQuotas(t)) if (!quotaIds.has(q)) issue(['tasks', i, 'progressFrom', 'quota'], `检查指标“${q}”不存在`);
    });
    for (const [path, p] of Object.entries(d.provenance)) {
      const at = getAtPath(d, path);
      if (path === '' || path.startsWith('provenance') || path.startsWith('readings')) issue(['provenance', path], '来源只能标注方案内容');
      else if (p.kind === 'unset') {
        // A list the plan leaves empty (phases) is unset too.
        if (at.found && !(Array.isArray(at.value) && at.value.length === 0)) issue(['provenance', path], '标为“方案未定”的值须留空');
        else if (parentPath(path) && !getAtPath(d, parentPath(path)).found) issue(['provenance', path], `“${parentPath(path)}”不存在`);
      } else if (!at.found) issue(['provenance', path], `“${path}”不存在`);
    }
    d.readings.forEach((r, i) => {
      const chosen = r.options.find((o) => o.key === r.chosen);
      unique(r.options, 'key', ['readings', i, 'options'], issue);
      if (!chosen) return issue(['readings', i, 'chosen'], `选项“${r.chosen}”不存在`);
      for (const [path, v] of Object.entries(chosen.set)) {
        if (!sameValue(getAtPath(d, path).value, v))
          issue(['readings', i, 'options', r.options.indexOf(chosen), 'set', path], `所选理解的取值与方案中“${path}”的值不一致`);
      }
    });
  });
export type CampaignDefinition = z.infer<typeof campaignDefinition>;
export type CampaignDefinitionInput = z.input<typeof campaignDefinition>;

/**
 * The dates reports can fall due: from the day after the plan was issued (no report is due before
 * the plan exists, even when the campaign counts from an earlier date) to `reportingUntil ?? to`.
 * Null when the plan sets no period (方案未定).
 */
export function reportingPeriod(d: Pick<CampaignDefinition, 'period' | 'issuedOn'>): { from: string; to: string } | null {
  if (!d.period) return null;
  let from = d.period.from;
  if (d.issuedOn && d.issuedOn >= from) {
    from = addDays(d.issuedOn, 1);
  }
  return { from, to: d.period.reportingUntil ?? d.period.to };
}

/**
 * The window an obligation's dates fall in, or what the plan leaves unset so none can be computed
 * (方案未定：行动期间 / 星期几 / 每月几日 …). Without a period, a one-off date falls due on its own
 * date and a recurring rule with its own `within` window inside that window (after the plan was
 * issued); any other recurring rule has no window.
 */
export function obligationWindow(
  d: Pick<CampaignDefinition, 'period' | 'issuedOn'>,
  rule: DeadlineRule,
): { window: { from: string; to: string } | null; missing: string[] } {
  const missing = ruleMissing(rule);
  const period = reportingPeriod(d);
  // A one-off date outside the reporting period (warned about on save) is kept: its window holds it.
  if (period && rule.once)
    return {
      window: { from: rule.once < period.from ? rule.once : period.from, to: rule.once > period.to ? rule.once : period.to },
      missing,
    };
  if (period) return { window: missing.length ? null : period, missing };
  const own = rule.once ? { from: rule.once, to: rule.once } : rule.within;
  if (own) {
    const from = d.issuedOn && d.issuedOn >= own.from ? addDays(d.issuedOn, 1) : own.from;
    return { window: missing.length ? null : { from, to: own.to }, missing };
  }
  if (rule.adHoc) return { window: null, missing };
  return { window: null, missing: ['行动期间', ...missing] };
}

/** “方案未定：行动期间、星期几” — what an obligation lacks, in words; null when nothing is missing. */
export function missingLabel(missing: string[]): string | null {
  return missing.length ? `方案未定：${missing.join('、')}` : null;
}

/**
 * The provenance of the value at `path`: its own entry or the nearest enclosing one (an item's
 * `source` covers its fields unless a field has its own entry).
 */
export function provenanceOf(d: Pick<CampaignDefinition, 'provenance'>, path: string): (ProvenanceEntry & { path: string }) | undefined {
  for (let p = path; p; p = parentPath(p)) {
    const e = d.provenance[p];
    if (e) return { ...e, path: p };
  }
  return undefined;
}

/** Paths that need a provenance (each document field, each keyed item of a list) but have none. */
export function missingProvenance(d: CampaignDefinition): string[] {
  const need: string[] = [];
  for (const f of ['name', 'docNo', 'issuer', 'issuedOn', 'basis', 'summary', 'period', 'staffing', 'liaisons'] as const)
    if (d[f] !== undefined) need.push(f);
  for (const [f, v] of Object.entries(d.focus)) if (Array.isArray(v) && v.length) need.push(`focus.${f}`);
  const items = (coll: string, xs: { [k: string]: any }[], id: string) => xs.forEach((x, i) => need.push(`${coll}.${x[id] ?? i}`));
  items('phases', d.phases, 'key');
  items('subActions', d.subActions, 'key');
  const quotas = (rs: QuotaRule[], prefix: string) =>
    rs.forEach((r) => (need.push(`${prefix}.${r.id}`), quotas(r.children ?? [], `${prefix}.${r.id}.children`)));
  quotas(d.quotas, 'quotas');
  items('tables', d.tables, 'key');
  items('obligations', d.obligations, 'key');
  items('checklists', d.checklists, 'key');
  items('violationTypes', d.violationTypes, 'key');
  items('tasks', d.tasks, 'no');
  items('events', d.events, 'index');
  if (d.organisation.leadingGroup) need.push('organisation.leadingGroup');
  need.push('organisation.office');
  items('organisation.workingGroups', d.organisation.workingGroups, 'key');
  // A list's own entry does not cover its items: each is quoted or inferred on its own.
  const LISTS = new Set([
    'phases',
    'subActions',
    'quotas',
    'tables',
    'obligations',
    'checklists',
    'violationTypes',
    'tasks',
    'events',
    'organisation',
    'organisation.workingGroups',
    'focus',
  ]);
  return need.filter((p) => {
    for (let q = p; q; q = parentPath(q)) if (d.provenance[q] && !LISTS.has(q)) return false;
    return true;
  });
}

/** Values the office still has to confirm or set: inferences, unset values, open readings. */
export function pendingDecisions(d: CampaignDefinition) {
  const inferred = Object.entries(d.provenance)
    .filter(([, p]) => p.kind === 'inferred' || p.kind === 'unset')
    .map(([path, p]) => ({
      path,
      kind: p.kind,
      source: p.source ?? null,
      reason: p.reason ?? '',
      value: getAtPath(d, path).value ?? null,
    }));
  return { inferred, readings: d.readings };
}

export type { LegalArticleKey };

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

/**
 * Before an amendment is checked: a value the plan left unset (方案未定) that the office has now filled
 * in is the bureau's (kind `bureau`, the plan's reason kept in `was`), so the definition is valid.
 */
export function fillUnset(raw: unknown, by: string, at: string): unknown {
  if (!raw || typeof raw !== 'object' || !('provenance' in raw)) return raw;
  const prov = (raw as { provenance?: unknown }).provenance;
  if (!prov || typeof prov !== 'object') return raw;
  const out: Record<string, unknown> = { ...(prov as Record<string, unknown>) };
  let changed = false;
  for (const [path, p] of Object.entries(out)) {
    if (!p || typeof p !== 'object' || (p as { kind?: unknown }).kind !== 'unset') continue;
    const at_ = getAtPath(raw, path);
    if (!at_.found || (Array.isArray(at_.value) && at_.value.length === 0)) continue;
    const { source, reason } = p as { source?: string; reason?: string };
    out[path] = { kind: 'bureau', ...(source ? { source } : {}), reason: '本局修订', by, at, ...(reason ? { was: reason } : {}) };
    changed = true;
  }
  return changed ? { ...raw, provenance: out } : raw;
}

/**
 * After an amendment: every inferred or unset value the amendment changed is now the bureau's
 * (kind `bureau`, with the former reason in `was`), unless the amendment rewrote that provenance itself.
 */
export function markBureauSet(before: CampaignDefinition, after: CampaignDefinition, by: string, at: string): CampaignDefinition {
  const provenance = { ...after.provenance };
  for (const [path, p] of Object.entries(after.provenance)) {
    if (p.kind !== 'inferred' && p.kind !== 'unset') continue;
    const old = before.provenance?.[path];
    if (!old || old.kind !== p.kind || old.reason !== p.reason) continue;
    if (sameValue(getAtPath(before, path).value, getAtPath(after, path).value)) continue;
    provenance[path] = { kind: 'bureau', source: p.source, reason: '本局修订', by, at, was: p.reason };
  }
  return { ...after, provenance };
}

/**
 * What is kept but worth a second look (returned as `warnings` by validate, create and amend; never
 * a refusal): a one-off deadline before the plan was issued or outside the campaign's dates — plans
 * do contain such dates (a typo, or a report the plan asks for after the action ends).
 */
export function definitionWarnings(d: CampaignDefinition): DefinitionWarning[] {
  const out: DefinitionWarning[] = [];
  const until = d.period?.reportingUntil ?? d.period?.to;
  d.obligations.forEach((o, i) => {
    const once = o.rule.once;
    if (!once) return;
    const path = `obligations.${i}.rule.once`;
    if (d.issuedOn && once <= d.issuedOn)
      out.push({ path, code: 'DEADLINE_BEFORE_ISSUE', message: `“${o.label}”的报送日期${once}不晚于方案印发日期${d.issuedOn}` });
    else if (d.period && once < d.period.from)
      out.push({ path, code: 'DEADLINE_BEFORE_START', message: `“${o.label}”的报送日期${once}早于行动开始（${d.period.from}）` });
    if (until && once > until)
      out.push({ path, code: 'DEADLINE_AFTER_END', message: `“${o.label}”的报送日期${once}晚于行动结束（${until}）` });
  });
  return out;
}
