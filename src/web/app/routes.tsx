import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { entitiesUrl } from '../features/entities/list-query.js';

interface Route {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** The reads the page makes when it opens at this address, started with the first load (`first-load.ts`). */
  reads?: (params: Record<string, string | undefined>, search: URLSearchParams) => string[];
}

/** One line per feature page; the path matches MENU in menu.tsx. */
export const ROUTES: Route[] = [
  { path: '/', page: lazy(() => import('../features/home/HomePage.js')), reads: () => ['/api/dashboard'] },
  { path: '/org', page: lazy(() => import('../features/org/OrgPage.js')) },
  { path: '/tips', page: lazy(() => import('../features/tips/TipsPage.js')) },
  { path: '/tips/new', page: lazy(() => import('../features/tips/TipFormPage.js')) },
  { path: '/tips/:id/edit', page: lazy(() => import('../features/tips/TipFormPage.js')) },
  {
    path: '/entities',
    page: lazy(() => import('../features/entities/EntitiesPage.js')),
    reads: (_, search) => ['/api/org-units', entitiesUrl(search)],
  },
  { path: '/entities/:id', page: lazy(() => import('../features/entities/EntityPage.js')) },
  { path: '/audit', page: lazy(() => import('../features/audit/AuditPage.js')) },
  { path: '/calendar', page: lazy(() => import('../features/calendar/CalendarPage.js')) },
  { path: '/campaigns', page: lazy(() => import('../features/campaigns/CampaignsPage.js')) },
  { path: '/campaigns/new', page: lazy(() => import('../features/campaigns/CampaignEditorPage.js')) },
  {
    path: '/campaigns/:id',
    page: lazy(() => import('../features/campaigns/CampaignHomePage.js')),
    reads: ({ id }) => [`/api/campaigns/${id}/home`, `/api/campaigns/${id}/versions`],
  },
  { path: '/campaigns/:id/edit', page: lazy(() => import('../features/campaigns/CampaignEditorPage.js')) },
  { path: '/plans', page: lazy(() => import('../features/plans/PlansPage.js')) },
  { path: '/plans/:id', page: lazy(() => import('../features/plans/PlanPage.js')) },
  { path: '/inspections', page: lazy(() => import('../features/inspections/InspectionsPage.js')) },
  { path: '/inspections/new', page: lazy(() => import('../features/inspections/FieldInspectionPage.js')) },
  { path: '/inspections/publication', page: lazy(() => import('../features/inspections/PublicationPage.js')) },
  { path: '/inspections/:id', page: lazy(() => import('../features/inspections/InspectionPage.js')) },
  { path: '/rectifications', page: lazy(() => import('../features/inspections/RectificationsPage.js')) },
  { path: '/my-tasks', page: lazy(() => import('../features/plans/MyTasksPage.js')) },
  { path: '/profile', page: lazy(() => import('../features/profile/ProfilePage.js')) },
  { path: '/clues', page: lazy(() => import('../features/clues/CluesPage.js')) },
  { path: '/assist-requests', page: lazy(() => import('../features/clues/AssistPage.js')) },
  { path: '/clues/weekly', page: lazy(() => import('../features/clues/WeeklyPage.js')) },
  { path: '/complaints', page: lazy(() => import('../features/complaints/ComplaintsPage.js')) },
  { path: '/risks', page: lazy(() => import('../features/risks/RisksPage.js')) },
  { path: '/common-risks', page: lazy(() => import('../features/risks/CommonRisksPage.js')) },
  { path: '/consultations', page: lazy(() => import('../features/risks/ConsultationsPage.js')) },
  { path: '/sampling/plans', page: lazy(() => import('../features/sampling/SamplingPlansPage.js')) },
  { path: '/sampling/records', page: lazy(() => import('../features/sampling/SamplingRecordsPage.js')) },
  { path: '/sampling/records/new', page: lazy(() => import('../features/sampling/SamplingRecordFormPage.js')) },
  { path: '/sampling/records/:id', page: lazy(() => import('../features/sampling/SamplingRecordPage.js')) },
  { path: '/sampling/records/:id/edit', page: lazy(() => import('../features/sampling/SamplingRecordFormPage.js')) },
  { path: '/credit', page: lazy(() => import('../features/credit/CreditPage.js')) },
  { path: '/credit/units/:id', page: lazy(() => import('../features/credit/CreditUnitPage.js')) },
  { path: '/cases', page: lazy(() => import('../features/cases/CasesPage.js')) },
  { path: '/cases/publication', page: lazy(() => import('../features/cases/PublicationPage.js')) },
  { path: '/cases/typical', page: lazy(() => import('../features/cases/TypicalCasesPage.js')) },
  { path: '/overview', page: lazy(() => import('../features/overview/OverviewPage.js')) },
  { path: '/reports/tables', page: lazy(() => import('../features/reports/ReportTablesPage.js')) },
  { path: '/reports/submissions', page: lazy(() => import('../features/reports/SubmissionsPage.js')) },
  { path: '/reports/calendar', page: lazy(() => import('../features/reports/ObligationCalendarPage.js')) },
  { path: '/monitoring', page: lazy(() => import('../features/adr/MonitoringPage.js')) },
];
