import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { entitiesUrl } from '../features/entities/list-query.js';

interface Route {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Fetches the page's code (what `page` renders once loaded); asked early on a first load. */
  load: () => Promise<unknown>;
  /** The reads the page makes when it opens at this address, started with the first load (`first-load.ts`). */
  reads?: (params: Record<string, string | undefined>, search: URLSearchParams) => string[];
}

function page(load: () => Promise<{ default: ComponentType }>) {
  return { page: lazy(load), load };
}

/** One line per feature page; the path matches MENU in menu.tsx. */
export const ROUTES: Route[] = [
  { path: '/', ...page(() => import('../features/home/HomePage.js')), reads: () => ['/api/dashboard'] },
  { path: '/org', ...page(() => import('../features/org/OrgPage.js')) },
  { path: '/tips', ...page(() => import('../features/tips/TipsPage.js')) },
  { path: '/tips/new', ...page(() => import('../features/tips/TipFormPage.js')) },
  { path: '/tips/:id/edit', ...page(() => import('../features/tips/TipFormPage.js')) },
  {
    path: '/entities',
    ...page(() => import('../features/entities/EntitiesPage.js')),
    reads: (_, search) => ['/api/org-units', entitiesUrl(search)],
  },
  { path: '/entities/:id', ...page(() => import('../features/entities/EntityPage.js')) },
  { path: '/audit', ...page(() => import('../features/audit/AuditPage.js')) },
  { path: '/calendar', ...page(() => import('../features/calendar/CalendarPage.js')) },
  { path: '/campaigns', ...page(() => import('../features/campaigns/CampaignsPage.js')) },
  { path: '/campaigns/new', ...page(() => import('../features/campaigns/CampaignEditorPage.js')) },
  {
    path: '/campaigns/:id',
    ...page(() => import('../features/campaigns/CampaignHomePage.js')),
    reads: ({ id }) => [`/api/campaigns/${id}/home`, `/api/campaigns/${id}/versions`],
  },
  { path: '/campaigns/:id/edit', ...page(() => import('../features/campaigns/CampaignEditorPage.js')) },
  { path: '/plans', ...page(() => import('../features/plans/PlansPage.js')) },
  { path: '/plans/:id', ...page(() => import('../features/plans/PlanPage.js')) },
  { path: '/inspections', ...page(() => import('../features/inspections/InspectionsPage.js')) },
  { path: '/inspections/new', ...page(() => import('../features/inspections/FieldInspectionPage.js')) },
  { path: '/inspections/publication', ...page(() => import('../features/inspections/PublicationPage.js')) },
  { path: '/inspections/:id', ...page(() => import('../features/inspections/InspectionPage.js')) },
  { path: '/rectifications', ...page(() => import('../features/inspections/RectificationsPage.js')) },
  { path: '/my-tasks', ...page(() => import('../features/plans/MyTasksPage.js')) },
  { path: '/profile', ...page(() => import('../features/profile/ProfilePage.js')) },
  { path: '/clues', ...page(() => import('../features/clues/CluesPage.js')) },
  { path: '/assist-requests', ...page(() => import('../features/clues/AssistPage.js')) },
  { path: '/clues/weekly', ...page(() => import('../features/clues/WeeklyPage.js')) },
  { path: '/complaints', ...page(() => import('../features/complaints/ComplaintsPage.js')) },
  { path: '/risks', ...page(() => import('../features/risks/RisksPage.js')) },
  { path: '/common-risks', ...page(() => import('../features/risks/CommonRisksPage.js')) },
  { path: '/consultations', ...page(() => import('../features/risks/ConsultationsPage.js')) },
  { path: '/sampling/plans', ...page(() => import('../features/sampling/SamplingPlansPage.js')) },
  { path: '/sampling/records', ...page(() => import('../features/sampling/SamplingRecordsPage.js')) },
  { path: '/sampling/records/new', ...page(() => import('../features/sampling/SamplingRecordFormPage.js')) },
  { path: '/sampling/records/:id', ...page(() => import('../features/sampling/SamplingRecordPage.js')) },
  { path: '/sampling/records/:id/edit', ...page(() => import('../features/sampling/SamplingRecordFormPage.js')) },
  { path: '/credit', ...page(() => import('../features/credit/CreditPage.js')) },
  { path: '/credit/units/:id', ...page(() => import('../features/credit/CreditUnitPage.js')) },
  { path: '/cases', ...page(() => import('../features/cases/CasesPage.js')) },
  { path: '/cases/publication', ...page(() => import('../features/cases/PublicationPage.js')) },
  { path: '/cases/typical', ...page(() => import('../features/cases/TypicalCasesPage.js')) },
  { path: '/overview', ...page(() => import('../features/overview/OverviewPage.js')) },
  { path: '/reports/tables', ...page(() => import('../features/reports/ReportTablesPage.js')) },
  { path: '/reports/submissions', ...page(() => import('../features/reports/SubmissionsPage.js')) },
  { path: '/reports/calendar', ...page(() => import('../features/reports/ObligationCalendarPage.js')) },
  { path: '/monitoring', ...page(() => import('../features/adr/MonitoringPage.js')) },
];
