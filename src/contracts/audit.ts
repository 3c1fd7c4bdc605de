import { CALENDAR_SOURCES } from './calendar.js';
import { CAMPAIGN_STATUSES, TASK_STATUSES } from './campaigns.js';
import { LICENCE_KINDS } from './entities.js';
import {
  CREDIT_GRADES,
  DEVICE_LEVELS,
  ENTITY_KIND_LABELS,
  ENTITY_STATUSES,
  ENTITY_TAGS,
  MEDICAL_GRADES,
  RISK_LEVELS,
} from './entity-kinds.js';
import { LEVEL_LABELS, ORG_UNIT_KIND_LABELS } from './org.js';
import { DATA_SCOPE_LABELS, ROLE_LABELS } from './permissions.js';
import { PLAN_STATUSES } from './plans.js';
import { INSPECTION_KINDS, INSPECTION_STATUSES, RECTIFICATION_STATUSES } from './inspections.js';
import { TIP_KIND_LABELS, TIP_STATUS_LABELS } from './tips.js';
import { OVERRIDE_STATUSES, RUN_STATUSES } from './credit.js';

/**
 * Chinese names of every audit action. `audit()` accepts only these codes (a new action without a
 * label does not compile), and `audit.test.ts` checks the rows written outside `audit()`.
 */
export const AUDIT_ACTION_LABELS = {
  'jurisdiction.create': '新增辖区',
  'jurisdiction.update': '修改辖区',
  'org_unit.create': '新增机构',
  'org_unit.update': '修改机构',
  'user.create': '新增人员',
  'user.update': '修改人员',
  'user.import': '导入人员',
  'user.reset_password': '重置密码',
  'user.create_admin': '设置管理员（命令行）',
  'user.reset_admin': '重置管理员密码（命令行）',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'user.password_changed': '修改密码',
  'user.locked': '账户锁定',
  'demo.seed': '载入演示数据',
  'calendar.create': '录入节假日日历',
  'calendar.update': '修改节假日日历',
  'entity.create': '新增监管对象',
  'entity.update': '修改监管对象',
  'entity.import': '导入监管对象',
  'entity.import_create': '导入新增监管对象',
  'entity.import_update': '导入更新监管对象',
  'campaign.create': '新建专项行动',
  'campaign.amend': '修订方案',
  'campaign.status': '变更行动状态',
  'campaign.liaison': '填报联络员',
  'campaign.task_progress': '填报任务进展',
  'campaign.evidence': '上传证明材料',
  'plan.generate': '生成检查计划',
  'plan.publish': '发布检查计划',
  'plan.supersede': '替代原检查计划',
  'plan.task.add': '增加检查任务',
  'plan.task.remove': '删除检查任务',
  'plan.task.reassign': '改派检查人员',
  'inspection.record': '录入检查',
  'inspection.cancel': '取消检查',
  'inspection.edit': '更正检查记录',
  'inspection.withdraw': '撤回检查记录',
  'inspection.sign': '检查记录签名确认',
  'inspection.file.add': '上传检查照片或材料',
  'rectification.submit_evidence': '提交整改材料',
  'rectification.close': '整改复查销号',
  'rectification.extend': '整改延期',
  'inspector_conflict.declare': '登记回避',
  'inspector_conflict.remove': '撤销回避',
  'tip.submit': '基层上报',
  'tip.update': '修改上报',
  'tip.photo.add': '添加上报照片',
  'tip.accept': '受理上报',
  'tip.reject': '不予受理',
  'tip.forward': '转办上报',
  'tip.reopen': '撤销受理决定',
  'credit_rule.save': '修订信用评价规则',
  'credit_run.request': '发起信用重新评定',
  'credit_run.complete': '完成信用评定',
  'credit_override.request': '申请调整信用等级',
  'credit_override.approve': '批准调整信用等级',
  'credit_override.reject': '驳回调整信用等级',
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ENTITY_LABELS = {
  jurisdiction: '辖区',
  org_unit: '机构',
  user: '人员',
  system: '系统',
  entity: '监管对象',
  entity_import: '监管对象导入',
  campaign: '专项行动',
  plan: '检查计划',
  inspection: '监督检查',
  rectification: '整改',
  inspector_conflict: '检查回避',
  tip: '基层上报',
  calendar_year: '节假日日历',
  credit_rule: '信用评价规则',
  credit_run: '信用评定',
  credit_override: '信用等级调整',
} as const satisfies Record<string, string>;
export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;

export const auditActionLabel = (action: string): string => (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
export const auditEntityLabel = (type: string): string => (AUDIT_ENTITY_LABELS as Record<string, string>)[type] ?? type;

type Labels = Readonly<Record<string, string>>;
/** Names of coded values in before/after, per record type (`*`: any record). State names included. */
export const AUDIT_VALUE_LABELS: Record<string, Record<string, Labels>> = {
  '*': { role: ROLE_LABELS, dataScope: DATA_SCOPE_LABELS },
  jurisdiction: { level: LEVEL_LABELS },
  org_unit: { kind: ORG_UNIT_KIND_LABELS },
  entity: {
    // Licences in before/after are nested objects with their own `kind` (codes differ from unit kinds).
    kind: { ...ENTITY_KIND_LABELS, ...LICENCE_KINDS },
    status: ENTITY_STATUSES,
    riskLevel: RISK_LEVELS,
    creditGrade: CREDIT_GRADES,
    medicalGrade: MEDICAL_GRADES,
    deviceLevel: DEVICE_LEVELS,
    tags: ENTITY_TAGS,
  },
  // A campaign's own status and its tasks' progress share the field name; the codes differ.
  campaign: { status: { ...CAMPAIGN_STATUSES, ...TASK_STATUSES } },
  plan: { status: PLAN_STATUSES },
  inspection: { status: INSPECTION_STATUSES, kind: INSPECTION_KINDS },
  rectification: { status: RECTIFICATION_STATUSES },
  tip: { status: TIP_STATUS_LABELS, kind: TIP_KIND_LABELS },
  calendar_year: { source: CALENDAR_SOURCES },
  credit_run: { status: RUN_STATUSES },
  credit_override: { status: OVERRIDE_STATUSES, grade: CREDIT_GRADES, computedGrade: CREDIT_GRADES },
};

/** Field names that mean something else on one kind of record. */
const FIELD_LABELS_BY_TYPE: Record<string, Record<string, string>> = {
  tip: { title: '标题', kind: '类别', entityName: '涉及单位' },
  campaign: { title: '职务' },
};

export function auditFieldLabel(entityType: string, field: string): string {
  return FIELD_LABELS_BY_TYPE[entityType]?.[field] ?? AUDIT_FIELD_LABELS[field] ?? field;
}

/** The name of a coded value (a state, a kind, a role), or undefined when the value is free text. */
export function auditValueLabel(entityType: string, field: string, value: string): string | undefined {
  return AUDIT_VALUE_LABELS[entityType]?.[field]?.[value] ?? AUDIT_VALUE_LABELS['*']![field]?.[value];
}

/** Field names in before/after, for a readable diff. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  displayName: '姓名',
  username: '用户名',
  role: '角色',
  dataScope: '数据范围',
  orgUnitId: '所属机构ID',
  orgUnitName: '所属机构',
  jurisdictionId: '辖区ID',
  jurisdictionName: '辖区',
  title: '职务',
  phone: '电话',
  email: '邮箱',
  active: '启用',
  locked: '锁定',
  mustChangePassword: '须改密码',
  kind: '类型',
  shortName: '简称',
  address: '地址',
  level: '层级',
  levelLabel: '层级名称',
  code: '代码',
  parentId: '上级ID',
  lockedUntil: '锁定至',
  lastLoginAt: '最近登录',
  failedLogins: '连续失败次数',
  sortOrder: '排序',
  path: '辖区路径',
  jurisdictionPath: '辖区路径',
  depth: '层级深度',
  updatedAt: '更新时间',
  createdAt: '创建时间',
  status: '状态',
  note: '说明',
  evidence: '证明材料',
  taskNo: '任务序号',
  campaignId: '专项行动ID',
  version: '版本',
  department: '部门',
  officePhone: '办公电话',
  mobile: '手机',
  description: '情况描述',
  place: '地点',
  entityName: '涉及单位',
  entityAddress: '单位地址',
  occurredOn: '发生日期',
  reviewNote: '受理意见',
  forwardNote: '转办说明',
  reportedBy: '上报人ID',
  fileName: '文件名',
  size: '大小',
  creditCode: '统一社会信用代码',
  riskLevel: '风险等级',
  creditGrade: '信用等级',
  medicalGrade: '医疗机构等级',
  deviceLevel: '医疗器械分级',
  familyPlanning: '计划生育服务',
  legalRepresentative: '法定代表人',
  personInCharge: '负责人',
  qualityManager: '质量负责人',
  licences: '许可证',
  number: '编号',
  scope: '范围',
  validFrom: '有效期起',
  validTo: '有效期至',
  url: '链接',
  tags: '标签',
  townshipId: '乡镇ID',
  villageId: '村ID',
  stationId: '监管所ID',
  lat: '纬度',
  lng: '经度',
  planId: '计划ID',
  planTaskId: '计划任务ID',
  entityId: '监管对象ID',
  userId: '人员ID',
  inspectorIds: '检查人员ID',
  reason: '事由',
  date: '日期',
  doneAt: '完成时间',
  cancelledAt: '取消时间',
  seed: '抽取编号',
  publishedAt: '发布时间',
  taskCount: '任务数',
  minimum: '最少检查量',
  year: '年份',
  source: '来源',
  holidays: '法定节假日',
  workdays: '调休上班日',
  updatedBy: '修改人',
  grade: '信用等级',
  computedGrade: '评定等级',
  expiresOn: '有效期至',
  ruleVersion: '规则版本',
  unitCount: '评定单位数',
  changedCount: '等级变化单位数',
  decisionNote: '审批意见',
};
