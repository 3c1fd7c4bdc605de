/**
 * Roles, data scopes and permissions as data. Server guards and the web menu both read this.
 * A later feature adds its permissions here and grants them to roles in ROLE_PERMISSIONS.
 */
export const ROLES = [
  'admin',
  'leader',
  'office',
  'department',
  'enforcement',
  'station_head',
  'inspector',
  'coordinator',
  'informant',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  leader: '局领导',
  office: '专项办',
  department: '股室人员',
  enforcement: '执法人员',
  station_head: '所长',
  inspector: '监管所检查员',
  coordinator: '协管员',
  informant: '信息员',
  viewer: '上级查看',
};

export const DATA_SCOPES = ['own', 'unit', 'jurisdiction', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];
export const DATA_SCOPE_LABELS: Record<DataScope, string> = {
  own: '本人记录',
  unit: '本单位',
  jurisdiction: '本辖区及下级',
  all: '全部',
};

/** Default data scope per role; an admin may set another per person. */
export const ROLE_DEFAULT_SCOPE: Record<Role, DataScope> = {
  admin: 'all',
  leader: 'jurisdiction',
  office: 'jurisdiction',
  department: 'jurisdiction',
  enforcement: 'jurisdiction',
  station_head: 'jurisdiction',
  inspector: 'jurisdiction',
  coordinator: 'own',
  informant: 'own',
  viewer: 'jurisdiction',
};

export const PERMISSIONS = {
  'org.read': '查看组织机构',
  'org.manage': '管理组织机构',
  'users.read': '查看人员',
  'users.manage': '管理人员',
  'audit.read': '查看审计日志',
  'calendar.manage': '管理节假日日历',
  'entities.read': '查看监管对象',
  'entities.manage': '管理监管对象',
  'campaigns.read': '查看专项行动',
  'campaigns.manage': '管理专项行动',
  'campaigns.report': '填报专项行动进展（联络员、任务进展、证明材料）',
  'plans.read': '查看检查计划',
  'plans.manage': '制定检查计划',
  'inspections.read': '查看检查记录',
  'inspections.record': '录入检查记录',
  'tips.submit': '上报隐患线索（协管员/信息员）',
  'tips.read': '查看基层上报',
  'tips.review': '受理基层上报',
  'clues.read': '查看线索、移交和协查函',
  'clues.manage': '登记和核查线索、移交、协查函',
  'complaints.read': '查看投诉举报',
  'complaints.manage': '登记和处理投诉举报',
  'complaints.reward_approve': '审批举报奖励',
  'risks.read': '查看风险隐患和风险会商',
  'risks.manage': '登记和管控风险隐患、记录风险会商',
  'risks.verify': '验收风险隐患销号',
  'sampling.read': '查看监督抽检',
  'sampling.manage': '制定抽检计划',
  'sampling.record': '录入抽样记录和检验结果',
  'credit.read': '查看信用分级',
  'credit.manage': '管理信用评价规则、重新评定、申请调整等级',
  'credit.approve': '审批信用等级调整',
  'cases.read': '查看案件',
  'cases.handle': '办理案件（立案、调查取证、拟定处罚、提请移送）',
  'cases.review': '案件法制审核、处罚信息公示、挂牌督办与失信名单标记',
  'cases.approve': '批准立案、处罚决定、延期与移送（负责人）',
  'reports.read': '查看统计报表、报送日历和报送',
  'reports.submit': '起草和提交报送（联络员）',
  'reports.approve': '审核本单位报送（单位负责人、分管局领导）',
  'reports.accept': '接收下级报送（受理或退回）',
  'overview.read': '查看工作概览（领导驾驶舱）与考核结果',
  'overview.manage': '修订考核指标与权重',
  'adr.read': '查看不良反应报告、监测目标和聚集性信号',
  'adr.write': '录入和导入不良反应报告、研判聚集性信号',
  'adr.manage': '设置不良反应监测目标、信号阈值和人口数',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const READ_ALL: Permission[] = [
  'org.read',
  'tips.read',
  'users.read',
  'entities.read',
  'campaigns.read',
  'plans.read',
  'inspections.read',
  'clues.read',
  'complaints.read',
  'risks.read',
  'sampling.read',
  'credit.read',
  'cases.read',
  'reports.read',
  'adr.read',
];
/** Clue and complaint work: the enforcement squads, the department staff (投诉举报中心), station heads and inspectors for their area. */
const CASEWORK: Permission[] = ['clues.manage', 'complaints.manage'];

export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  admin: Object.keys(PERMISSIONS) as Permission[],
  leader: [
    ...READ_ALL,
    'audit.read',
    'complaints.reward_approve',
    'credit.approve',
    'cases.review',
    'cases.approve',
    'reports.approve',
    'reports.accept',
    'overview.read',
  ],
  office: [
    ...READ_ALL,
    'audit.read',
    'entities.manage',
    'campaigns.manage',
    'campaigns.report',
    'plans.manage',
    'inspections.record',
    'tips.review',
    ...CASEWORK,
    'complaints.reward_approve',
    'risks.manage',
    'risks.verify',
    'sampling.manage',
    'sampling.record',
    'credit.manage',
    'credit.approve',
    'reports.submit',
    'reports.accept',
    'overview.read',
    'overview.manage',
    'adr.write',
    'adr.manage',
  ],
  department: [
    ...READ_ALL,
    'entities.manage',
    'campaigns.report',
    'inspections.record',
    ...CASEWORK,
    'risks.manage',
    'risks.verify',
    'sampling.manage',
    'sampling.record',
    'credit.manage',
    'cases.review',
    'reports.submit',
    'overview.read',
    'adr.write',
  ],
  enforcement: [...READ_ALL, 'campaigns.report', 'inspections.record', ...CASEWORK, 'risks.manage', 'cases.handle'],
  station_head: [
    ...READ_ALL,
    'users.manage',
    'entities.manage',
    'campaigns.report',
    'plans.manage',
    'inspections.record',
    'tips.review',
    ...CASEWORK,
    'risks.manage',
    'risks.verify',
    'sampling.record',
    'cases.handle',
    'reports.submit',
    'reports.approve',
    'overview.read',
    'adr.write',
  ],
  inspector: [
    ...READ_ALL,
    'campaigns.report',
    'inspections.record',
    'tips.review',
    ...CASEWORK,
    'risks.manage',
    'sampling.record',
    'cases.handle',
    'reports.submit',
    'adr.write',
  ],
  coordinator: ['org.read', 'users.read', 'tips.submit', 'tips.read'],
  informant: ['org.read', 'users.read', 'tips.submit', 'tips.read'],
  viewer: [...READ_ALL],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Read permissions open data; every other permission changes something. Every write route requires a write permission. */
export function isWritePermission(p: Permission): boolean {
  return !p.endsWith('.read');
}

/**
 * Role rank as a permission superset: role A is at least role B when A holds every permission of B
 * (submitting a tip opens no data, so it does not count). Only an administrator is at least an
 * administrator. Nobody grants a role above their own, nor manages a person whose role outranks theirs.
 */
const OPENS_NO_DATA = new Set<Permission>(['tips.submit']);
export function roleAtLeast(actorRole: Role, role: Role): boolean {
  if (actorRole === 'admin') return true;
  if (role === 'admin') return false;
  const mine = new Set(ROLE_PERMISSIONS[actorRole]);
  return ROLE_PERMISSIONS[role].every((p) => mine.has(p) || OPENS_NO_DATA.has(p));
}

/** A station head appoints inspectors and coordinators, not bureau leaders (see roleAtLeast). */
export const canGrantRole = roleAtLeast;

/** A data scope may never be wider than the scope of the one who grants it. */
const SCOPE_WIDTH: Record<DataScope, number> = { own: 0, unit: 1, jurisdiction: 2, all: 3 };
export function canGrantScope(actorScope: DataScope, scope: DataScope): boolean {
  return SCOPE_WIDTH[scope] <= SCOPE_WIDTH[actorScope];
}

/**
 * May `actor` manage (edit, deactivate, reset the password of, unlock) `person`? Only when the
 * person's role and data scope are within what the actor could grant; the area is checked separately.
 */
export function canManagePerson(actor: { role: Role; scope: DataScope }, person: { role: Role; dataScope: DataScope }): boolean {
  return roleAtLeast(actor.role, person.role) && canGrantScope(actor.scope, person.dataScope);
}
