import type { ModuleDefinition } from '../../core/extensions.js';
import { planTaskOrigin } from './origin.js';
import { planningRoutes } from './routes.js';
import { planCoverageProgress } from './use-cases/campaign-inspection-progress.js';

export const planningModule: ModuleDefinition = {
  name: 'planning',
  routes: planningRoutes,
  contributes: { inspectionOrigins: [planTaskOrigin], campaignProgress: [planCoverageProgress] },
};
