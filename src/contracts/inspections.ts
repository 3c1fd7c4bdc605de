import { z } from 'zod';
import { isoDate } from './calendar.js';
import { id, idParam } from './fields.js';
import { recordVersion } from './versions.js';
import { storedFile } from './files.js';

/** The inspection record (监督检查记录): shared by server and web. Planning creates planned ones. */
/** planned: a plan's task not yet done; draft: recorded on site, awaiting signatures (待签名); done: signed (or a paper record back-entered). */
export const INSPECTION_STATUSES = { planned: '待检查', draft: '待签名', done: '已完成', cancelled: '已取消' } as const;
export type InspectionStatus = keyof typeof INSPECTION_STATUSES;
export const INSPECTION_STATUS_KEYS = Object.keys(INSPECTION_STATUSES) as [InspectionStatus, ...InspectionStatus[]];

/** What a person may do to an inspection (the presenter lists those the caller may take now). */
export const INSPECTION_ACTIONS = { record: '录入', sign: '签名确认', cancel: '取消', edit: '更正', withdraw: '撤回' } as const;
export type InspectionAction = keyof typeof INSPECTION_ACTIONS;
export const INSPECTION_ACTION_KEYS = Object.keys(INSPECTION_ACTIONS) as [InspectionAction, ...InspectionAction[]];

export const personRef = z.object({ id: z.number(), name: z.string() });

export const cancelInspectionInput = z.object({ reason: z.string().trim().min(1, '请填写取消原因').max(200) });

/** Correct a recorded inspection: what changed and why; `version` as read (a change in between → 409). */
export const editInspectionInput = z.object({
  date: isoDate,
  inspectorIds: z.array(id).min(1, '至少一名检查人员').max(10),
  note: z.string().trim().max(2000).nullish(),
  reason: z.string().trim().min(1, '请填写修改原因').max(200),
  version: recordVersion,
});
export type EditInspectionInput = z.infer<typeof editInspectionInput>;

/** Withdraw (撤回) a recorded inspection: a plan task's goes back to 待检查, an unplanned one is cancelled. */
export const withdrawInspectionInput = z.object({ reason: z.string().trim().min(1, '请填写撤回原因').max(200), version: recordVersion });
export type WithdrawInspectionInput = z.infer<typeof withdrawInspectionInput>;

// ---------------------------------------------------------------------------------------------
// The on-site record (现场检查): kinds, checklist answers, findings, measures, signatures.

/** Kinds of inspection (检查方式). A plan's tasks are 计划检查; the others start ad hoc. */
export const INSPECTION_KINDS = {
  plan: '计划检查',
  random: '双随机抽查',
  special: '专项检查',
  flight: '飞行检查（四不两直）',
  tip_check: '举报核查',
  joint: '联合检查',
  recheck: '复查',
} as const;
export type InspectionKind = keyof typeof INSPECTION_KINDS;
export const INSPECTION_KIND_KEYS = Object.keys(INSPECTION_KINDS) as [InspectionKind, ...InspectionKind[]];

export const ANSWER_RESULTS = { pass: '符合', fail: '不符合', na: '不适用' } as const;
export type AnswerResult = keyof typeof ANSWER_RESULTS;

export const FINDING_SEVERITIES = { general: '一般', serious: '较重', severe: '严重' } as const;
export type FindingSeverity = keyof typeof FINDING_SEVERITIES;

/** 处置措施. */
export const MEASURE_KINDS = {
  rectify: '责令限期整改',
  warning_letter: '告诫信',
  interview: '约谈',
  on_site_penalty: '当场处罚',
  suspend: '暂停销售/使用',
  recall: '召回',
  seal: '查封扣押',
  refer_clue: '转为线索',
} as const;
export type MeasureKind = keyof typeof MEASURE_KINDS;
export const MEASURE_KIND_KEYS = Object.keys(MEASURE_KINDS) as [MeasureKind, ...MeasureKind[]];

/**
 * 行政处罚法 art. 51: a fine on the spot (简易程序) is at most ¥200 for a citizen and ¥3,000 for a
 * legal person or other organisation; larger amounts need the general procedure (立案).
 */
export const ON_SITE_PENALTY_LIMITS = { person: 200, organisation: 3000 } as const;
export const PENALTY_PARTIES = { person: '公民', organisation: '法人或其他组织' } as const;

const shortText = (max: number) => z.string().trim().min(1).max(max);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:mm');

export const checklistAnswer = z.object({
  itemKey: z.string().trim().min(1).max(60),
  result: z.enum(['pass', 'fail', 'na'], { error: '检查结果须为符合、不符合或不适用' }),
  note: z.string().trim().max(500).optional(),
});
export type ChecklistAnswer = z.infer<typeof checklistAnswer>;

export const findingInput = z.object({
  /** The checklist item found 不符合 (absent: a finding outside the checklist). */
  itemKey: z.string().trim().min(1).max(60).optional(),
  severity: z.enum(['general', 'serious', 'severe'], { error: '严重程度须为一般、较重或严重' }),
  /** Key of the campaign's violation-type catalogue. */
  violationType: z.string().trim().min(1).max(60).optional(),
  legalBasis: z.string().trim().max(300).optional(),
  description: shortText(1000),
});
export type FindingInput = z.infer<typeof findingInput>;

export const measureInput = z.object({
  kind: z.enum(MEASURE_KIND_KEYS, { error: '未知的处置措施' }),
  /** 责令限期整改: the day by which it must be rectified (today or later). */
  deadline: isoDate.optional(),
  /** 当场处罚: the amount in yuan, and who is fined. */
  amount: z.number().min(0).max(100_000_000).optional(),
  party: z.enum(['person', 'organisation'], { error: '被处罚人须为公民或法人、其他组织' }).optional(),
  note: z.string().trim().max(1000).optional(),
});
export type MeasureInput = z.infer<typeof measureInput>;

/** A PNG signature drawn on the phone, as a data URL (at most ~200 KB). */
export const signatureImage = z
  .string()
  .max(300_000, '签名图片过大')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, '签名须为 PNG 图片');

/**
 * A signature: an inspector confirming from their own session (the caller) or on the same phone
 * with their password; or the unit's person present.
 */
export const signatureInput = z.discriminatedUnion(
  'signer',
  [
    z.object({ signer: z.literal('inspector'), userId: id, password: z.string().min(1).max(200).optional(), image: signatureImage }),
    z.object({ signer: z.literal('unit'), name: shortText(50), title: z.string().trim().max(50).optional(), image: signatureImage }),
  ],
  { error: '签名人须为检查人员或被检查单位' },
);
export type SignatureInput = z.infer<typeof signatureInput>;

/** What the on-site form adds to a recorded inspection (all optional: a paper record is back-entered without them). */
export const onSiteFields = {
  /** Generated by the client once per form: a retried submit returns the first record instead of a second. */
  clientId: z.uuid().optional(),
  kind: z.enum(INSPECTION_KIND_KEYS, { error: '未知的检查方式' }).optional(),
  campaignId: id.optional(),
  /** Time on site (Beijing), HH:mm. */
  startedAt: hhmm.optional(),
  endedAt: hhmm.optional(),
  /** 出动执法人员人次. */
  staffCount: z.number().int().min(1).max(500).optional(),
  /** Other departments of a 联合检查. */
  jointDepartments: z.array(shortText(50)).max(10).optional(),
  /** The inspection being re-inspected (复查) and the outcome of each of its open rectifications. */
  recheckOf: id.optional(),
  rectificationResults: z
    .array(
      z.object({
        rectificationId: id,
        result: z.enum(['closed', 'extended'], { error: '复查结果须为销号或延期' }),
        deadline: isoDate.optional(),
        note: z.string().trim().max(500).optional(),
      }),
    )
    .max(50)
    .optional(),
  checklistKey: z.string().trim().min(1).max(60).optional(),
  answers: z.array(checklistAnswer).max(300).optional(),
  findings: z.array(findingInput).max(100).optional(),
  measures: z.array(measureInput).max(20).optional(),
  signatures: z.array(signatureInput).max(12).optional(),
};

export const signInput = z.object({ image: signatureImage, password: z.string().min(1).max(200).optional(), userId: id.optional() });
export type SignInput = z.infer<typeof signInput>;

export const findingView = z.object({
  id: z.number(),
  itemKey: z.string().nullable(),
  severity: z.enum(['general', 'serious', 'severe']),
  violationType: z.string().nullable(),
  legalBasis: z.string().nullable(),
  description: z.string(),
});
export const measureView = z.object({
  id: z.number(),
  kind: z.enum(MEASURE_KIND_KEYS),
  deadline: z.string().nullable(),
  amount: z.number().nullable(),
  party: z.string().nullable(),
  note: z.string().nullable(),
  /** 文书编号 of the document this measure issued (责令改正通知书, 告诫信), once signed. */
  documentNo: z.string().nullable(),
});
export const signatureView = z.object({
  signer: z.enum(['inspector', 'unit']),
  userId: z.number().nullable(),
  name: z.string(),
  signedAt: z.string(),
  fileId: z.number().nullable(),
});

export const RECTIFICATION_STATUSES = {
  ordered: '整改中',
  evidence_submitted: '已提交整改材料',
  closed: '已销号',
  extended: '已延期',
} as const;
export type RectificationStatus = keyof typeof RECTIFICATION_STATUSES;
export const RECTIFICATION_STATUS_KEYS = Object.keys(RECTIFICATION_STATUSES) as [RectificationStatus, ...RectificationStatus[]];
export const RECTIFICATION_ACTIONS = { submit_evidence: '提交整改材料', close: '复查销号', extend: '延期' } as const;
export type RectificationAction = keyof typeof RECTIFICATION_ACTIONS;

export const rectificationView = z.object({
  id: z.number(),
  inspectionId: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  stationId: z.number(),
  stationName: z.string(),
  deadline: z.string(),
  status: z.enum(RECTIFICATION_STATUS_KEYS),
  /** Days past the deadline while not closed (0 when not overdue). */
  daysOverdue: z.number(),
  evidenceNote: z.string().nullable(),
  closedByInspectionId: z.number().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
  actions: z.array(z.enum(['submit_evidence', 'close', 'extend'])),
});
export type RectificationView = z.infer<typeof rectificationView>;

export const recordInspectionInput = z
  .object({
    /** Complete a planned task… */
    planTaskId: id.optional(),
    /** …or record an unplanned inspection of a unit. */
    entityId: id.optional(),
    date: isoDate,
    inspectorIds: z.array(id).min(1, '至少一名检查人员').max(10),
    note: z.string().trim().max(2000).optional(),
    ...onSiteFields,
  })
  .refine((v) => !!v.planTaskId !== !!v.entityId, { message: '请指定计划任务或检查对象（二选一）' });
export type RecordInspectionInput = z.infer<typeof recordInspectionInput>;

export const inspection = z.object({
  id: z.number(),
  planTaskId: z.number().nullable(),
  planId: z.number().nullable(),
  entityId: z.number(),
  entityName: z.string(),
  jurisdictionId: z.number(),
  date: z.string(),
  inspectors: z.array(personRef),
  status: z.enum(INSPECTION_STATUS_KEYS),
  note: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Version for edits: send back as read (contracts/versions.ts). */
  version: z.number(),
  recordedAt: z.string().nullable(),
  /** The actions the caller may take now (workflow). */
  actions: z.array(z.enum(INSPECTION_ACTION_KEYS)),
  kind: z.enum(INSPECTION_KIND_KEYS),
  campaignId: z.number().nullable(),
  signMode: z.enum(['paper', 'on_site']),
  recordNo: z.string().nullable(),
  signedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  staffCount: z.number().nullable(),
  jointDepartments: z.array(z.string()),
  recheckOf: z.number().nullable(),
  checklistKey: z.string().nullable(),
  answers: z.array(checklistAnswer),
  findings: z.array(findingView),
  measures: z.array(measureView),
  signatures: z.array(signatureView),
  /** Inspectors who still have to sign (on-site records). */
  awaitingSignatures: z.array(personRef),
  unitSigned: z.boolean(),
  rectifications: z.array(rectificationView),
  files: z.array(storedFile),
});
export type Inspection = z.infer<typeof inspection>;

/** Filters of the station's inspection list (检查记录). */
export const listInspectionsQuery = z.object({
  kind: z.enum(INSPECTION_KIND_KEYS).optional(),
  status: z.enum(INSPECTION_STATUS_KEYS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  inspectorId: idParam.optional(),
  stationId: idParam.optional(),
  entityId: idParam.optional(),
  /** findings: with at least one problem; clean: none. */
  result: z.enum(['findings', 'clean']).optional(),
  openRectifications: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListInspectionsQuery = z.input<typeof listInspectionsQuery>;

export const inspectionListItem = z.object({
  id: z.number(),
  date: z.string(),
  kind: z.enum(INSPECTION_KIND_KEYS),
  status: z.enum(INSPECTION_STATUS_KEYS),
  entityId: z.number(),
  entityName: z.string(),
  creditCode: z.string().nullable(),
  stationId: z.number(),
  stationName: z.string(),
  inspectors: z.array(personRef),
  findings: z.number(),
  measures: z.array(z.enum(MEASURE_KIND_KEYS)),
  openRectifications: z.number(),
  recordNo: z.string().nullable(),
});
export type InspectionListItem = z.infer<typeof inspectionListItem>;

export const listRectificationsQuery = z.object({
  status: z.enum(RECTIFICATION_STATUS_KEYS).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  stationId: idParam.optional(),
  entityId: idParam.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const extendRectificationInput = z.object({
  deadline: isoDate,
  reason: z.string().trim().min(1, '请填写延期原因').max(300),
  version: recordVersion,
});
export type ExtendRectificationInput = z.infer<typeof extendRectificationInput>;

/** 双随机抽查结果公示: results are made public within 20 working days of the inspection. */
export const PUBLICATION_WORKING_DAYS = 20;
export const publicationQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const publicationItem = z.object({
  inspectionId: z.number(),
  entityName: z.string(),
  creditCode: z.string().nullable(),
  date: z.string(),
  result: z.string(),
  measures: z.string(),
  /** The last day to publish it (20 working days after the inspection). */
  publishBy: z.string(),
  daysLeft: z.number(),
});
export type PublicationItem = z.infer<typeof publicationItem>;

export const checklistResponse = z.object({
  checklist: z.object({
    key: z.string(),
    label: z.string(),
    sections: z.array(
      z.object({
        title: z.string(),
        items: z.array(
          z.object({ key: z.string(), text: z.string(), articles: z.array(z.string()).optional(), basis: z.string().optional() }),
        ),
      }),
    ),
  }),
  violationTypes: z.array(z.object({ key: z.string(), label: z.string() })),
});
