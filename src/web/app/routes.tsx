import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** One line per feature page; the path matches MENU in menu.tsx. */
export const ROUTES: { path: string; page: LazyExoticComponent<ComponentType> }[] = [
  { path: '/', page: lazy(() => import('../features/home/HomePage.js')) },
  { path: '/org', page: lazy(() => import('../features/org/OrgPage.js')) },
  { path: '/entities', page: lazy(() => import('../features/entities/EntitiesPage.js')) },
  { path: '/entities/:id', page: lazy(() => import('../features/entities/EntityPage.js')) },
  { path: '/audit', page: lazy(() => import('../features/audit/AuditPage.js')) },
  { path: '/profile', page: lazy(() => import('../features/profile/ProfilePage.js')) },
];
