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
  /** Not built yet: the page says so. */
  planned?: string;
}

/** The sidebar: every module of the mission, in the order a bureau works. */
export const MENU: MenuEntry[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined /> },
  { path: '/org', label: '组织机构', icon: <ApartmentOutlined />, permission: 'org.read' },
  { path: '/entities', label: '监管对象', icon: <ShopOutlined />, permission: 'entities.read' },
  { path: '/campaigns', label: '专项行动', icon: <FlagOutlined />, permission: 'campaigns.read' },
  { path: '/my-tasks', label: '我的任务', icon: <CarryOutOutlined />, permission: 'inspections.record' },
  { path: '/plans', label: '检查计划', icon: <CalendarOutlined />, permission: 'plans.read' },
  { path: '/inspections/new', label: '现场检查', icon: <FormOutlined />, permission: 'inspections.record' },
  { path: '/inspections', label: '检查记录', icon: <FileSearchOutlined />, permission: 'inspections.read' },
  { path: '/rectifications', label: '整改跟踪', icon: <ToolOutlined />, permission: 'inspections.read' },
  { path: '/inspections/publication', label: '结果公示', icon: <ProfileOutlined />, permission: 'inspections.read' },
  { path: '/tips', label: '基层上报', icon: <NotificationOutlined />, permission: 'tips.read' },
  { path: '/risks', label: '风险清单', icon: <AlertOutlined />, permission: 'risks.read' },
  { path: '/common-risks', label: '共性风险', icon: <ClusterOutlined />, permission: 'risks.read' },
  { path: '/consultations', label: '风险会商', icon: <TeamOutlined />, permission: 'risks.read' },
  {
    path: '/reports',
    label: '统计报送',
    icon: <BarChartOutlined />,
    permission: 'campaigns.read',
    planned: '报送任务、统计表自动生成、审核与逐级汇总。',
  },
  {
    path: '/monitoring',
    label: '监测与信用',
    icon: <ExperimentOutlined />,
    permission: 'entities.read',
    planned: '不良反应信号、抽检、信用分级监管。',
  },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/calendar', label: '节假日日历', icon: <ScheduleOutlined />, permission: 'calendar.manage' },
  { path: '/profile', label: '个人中心', icon: <UserOutlined /> },
  { path: '/clues', label: '线索', icon: <BulbOutlined />, permission: 'clues.read' },
  { path: '/complaints', label: '投诉举报', icon: <PhoneOutlined />, permission: 'complaints.read' },
  { path: '/assist-requests', label: '协查函', icon: <MailOutlined />, permission: 'clues.read' },
  { path: '/cases', label: '案件', icon: <SolutionOutlined />, permission: 'cases.read' },
  { path: '/cases/publication', label: '处罚公示', icon: <ProfileOutlined />, permission: 'cases.read' },
  { path: '/cases/typical', label: '典型案例', icon: <ReadOutlined />, permission: 'cases.read' },
  { path: '/clues/weekly', label: '每周报送', icon: <TableOutlined />, permission: 'clues.read' },
  { path: '/sampling/plans', label: '抽检计划', icon: <ExperimentOutlined />, permission: 'sampling.read' },
  { path: '/sampling/records', label: '抽检记录', icon: <ExperimentOutlined />, permission: 'sampling.read' },
  { path: '/credit', label: '信用分级', icon: <SafetyCertificateOutlined />, permission: 'credit.read' },
  { path: '/reports/submissions', label: '报送', icon: <CarryOutOutlined />, permission: 'reports.read' },
  { path: '/reports/calendar', label: '报送日历', icon: <ScheduleOutlined />, permission: 'reports.read' },
];

export const BRAND_ICON = <SafetyCertificateOutlined />;
