import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BulbOutlined,
  MailOutlined,
  PhoneOutlined,
  TableOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FormOutlined,
  FundOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../contracts/permissions.js';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  permission?: Permission;
  /** The sidebar group (MENU_GROUPS) it sits in; none = top level. */
  group?: MenuGroupKey;
  /** Not built yet: the page says so. */
  planned?: string;
}

/** Sidebar groups, in the order a bureau works; a group shows where its first entry is listed. */
export const MENU_GROUPS = {
  campaign: { label: '专项行动', icon: <FlagOutlined /> },
  field: { label: '监督检查', icon: <FormOutlined /> },
  risk: { label: '风险与抽检', icon: <AlertOutlined /> },
  cases: { label: '线索与案件', icon: <SolutionOutlined /> },
  reports: { label: '统计报送', icon: <BarChartOutlined /> },
  base: { label: '基础数据', icon: <ApartmentOutlined /> },
} as const;
export type MenuGroupKey = keyof typeof MENU_GROUPS;

/** The sidebar: every page of the mission, grouped. */
export const MENU: MenuEntry[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined /> },
  { path: '/overview', label: '工作概览', icon: <FundOutlined />, permission: 'overview.read' },
  { path: '/campaigns', label: '专项行动', icon: <FlagOutlined />, permission: 'campaigns.read', group: 'campaign' },
  { path: '/plans', label: '检查计划', icon: <CalendarOutlined />, permission: 'plans.read', group: 'campaign' },
  { path: '/my-tasks', label: '我的任务', icon: <CarryOutOutlined />, permission: 'inspections.record', group: 'field' },
  { path: '/inspections/new', label: '现场检查', icon: <FormOutlined />, permission: 'inspections.record', group: 'field' },
  { path: '/inspections', label: '检查记录', icon: <FileSearchOutlined />, permission: 'inspections.read', group: 'field' },
  { path: '/rectifications', label: '整改跟踪', icon: <ToolOutlined />, permission: 'inspections.read', group: 'field' },
  { path: '/inspections/publication', label: '结果公示', icon: <ProfileOutlined />, permission: 'inspections.read', group: 'field' },
  { path: '/risks', label: '风险清单', icon: <AlertOutlined />, permission: 'risks.read', group: 'risk' },
  { path: '/common-risks', label: '共性风险', icon: <ClusterOutlined />, permission: 'risks.read', group: 'risk' },
  { path: '/consultations', label: '风险会商', icon: <TeamOutlined />, permission: 'risks.read', group: 'risk' },
  { path: '/sampling/plans', label: '抽检计划', icon: <ExperimentOutlined />, permission: 'sampling.read', group: 'risk' },
  { path: '/sampling/records', label: '抽检记录', icon: <ExperimentOutlined />, permission: 'sampling.read', group: 'risk' },
  { path: '/credit', label: '信用分级', icon: <SafetyCertificateOutlined />, permission: 'credit.read', group: 'risk' },
  { path: '/monitoring', label: '不良反应监测', icon: <ExperimentOutlined />, permission: 'adr.read', group: 'risk' },
  { path: '/tips', label: '基层上报', icon: <NotificationOutlined />, permission: 'tips.read', group: 'cases' },
  { path: '/clues', label: '线索', icon: <BulbOutlined />, permission: 'clues.read', group: 'cases' },
  { path: '/complaints', label: '投诉举报', icon: <PhoneOutlined />, permission: 'complaints.read', group: 'cases' },
  { path: '/assist-requests', label: '协查函', icon: <MailOutlined />, permission: 'clues.read', group: 'cases' },
  { path: '/cases', label: '案件', icon: <SolutionOutlined />, permission: 'cases.read', group: 'cases' },
  { path: '/cases/publication', label: '处罚公示', icon: <ProfileOutlined />, permission: 'cases.read', group: 'cases' },
  { path: '/cases/typical', label: '典型案例', icon: <ReadOutlined />, permission: 'cases.read', group: 'cases' },
  { path: '/reports/submissions', label: '报送', icon: <CarryOutOutlined />, permission: 'reports.read', group: 'reports' },
  { path: '/reports/calendar', label: '报送日历', icon: <ScheduleOutlined />, permission: 'reports.read', group: 'reports' },
  { path: '/reports/tables', label: '统计报表', icon: <TableOutlined />, permission: 'reports.read', group: 'reports' },
  { path: '/clues/weekly', label: '每周报送', icon: <TableOutlined />, permission: 'clues.read', group: 'reports' },
  { path: '/entities', label: '监管对象', icon: <ShopOutlined />, permission: 'entities.read', group: 'base' },
  { path: '/org', label: '组织机构', icon: <ApartmentOutlined />, permission: 'org.read', group: 'base' },
  { path: '/calendar', label: '节假日日历', icon: <ScheduleOutlined />, permission: 'calendar.manage', group: 'base' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read', group: 'base' },
  { path: '/profile', label: '个人中心', icon: <UserOutlined /> },
];

export const BRAND_ICON = <SafetyCertificateOutlined />;
