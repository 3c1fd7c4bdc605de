import type { ModuleDefinition } from '../../core/extensions.js';
import { calendarDashboardSection } from './dashboard.js';
import { calendarRoutes } from './routes.js';

export const calendarModule: ModuleDefinition = {
  name: 'calendar',
  routes: calendarRoutes,
  contributes: { dashboard: [calendarDashboardSection] },
};
