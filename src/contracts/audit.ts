/** Chinese labels for audit actions and entity types; unknown codes are shown as they are. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'jurisdiction.create': '新增辖区',
  'jurisdiction.update': '修改辖区',
  'org_unit.create': '新增机构',
  'org_unit.update': '修改机构',
  'user.create': '新增人员',
  'user.update': '修改人员',
  'user.import': '导入人员',
  'user.reset_password': '重置密码',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'user.password_changed': '修改密码',
  'user.locked': '账户锁定',
  'demo.seed': '载入演示数据',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  jurisdiction: '辖区',
  org_unit: '机构',
  user: '人员',
  system: '系统',
};

/** Field names in before/after, for a readable diff. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
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
  updatedAt: '更新时间',
  createdAt: '创建时间',
};
