import type { ModuleDefinition } from '../../core/extensions.js';
import { campaignsDashboardSection } from './dashboard.js';
import { campaignRoutes } from './routes.js';

export const campaignsModule: ModuleDefinition = {
  name: 'campaigns',
  routes: campaignRoutes,
  contributes: { dashboard: [campaignsDashboardSection] },
};
