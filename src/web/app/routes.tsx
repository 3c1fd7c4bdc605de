import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** One line per feature page; the path matches MENU in menu.tsx. */
export const ROUTES: { path: string; page: LazyExoticComponent<ComponentType> }[] = [
  { path: '/', page: lazy(() => import('../features/home/HomePage.js')) },
  { path: '/org', page: lazy(() => import('../features/org/OrgPage.js')) },
  { path: '/tips', page: lazy(() => import('../features/tips/TipsPage.js')) },
  { path: '/tips/new', page: lazy(() => import('../features/tips/TipFormPage.js')) },
  { path: '/tips/:id/edit', page: lazy(() => import('../features/tips/TipFormPage.js')) },
  { path: '/entities', page: lazy(() => import('../features/entities/EntitiesPage.js')) },
  { path: '/entities/:id', page: lazy(() => import('../features/entities/EntityPage.js')) },
  { path: '/audit', page: lazy(() => import('../features/audit/AuditPage.js')) },
  { path: '/calendar', page: lazy(() => import('../features/calendar/CalendarPage.js')) },
  { path: '/campaigns', page: lazy(() => import('../features/campaigns/CampaignsPage.js')) },
  { path: '/campaigns/new', page: lazy(() => import('../features/campaigns/CampaignEditorPage.js')) },
  { path: '/campaigns/:id', page: lazy(() => import('../features/campaigns/CampaignHomePage.js')) },
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
  { path: '/credit', page: lazy(() => import('../features/credit/CreditPage.js')) },
  { path: '/credit/units/:id', page: lazy(() => import('../features/credit/CreditUnitPage.js')) },
];
