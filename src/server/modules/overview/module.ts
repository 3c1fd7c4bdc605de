import type { ModuleDefinition } from '../../core/extensions.js';
import { overviewIndicators } from './indicators.js';
import { overviewRoutes } from './routes.js';

export const overviewModule: ModuleDefinition = {
  name: 'overview',
  routes: overviewRoutes,
  contributes: { assessmentIndicators: overviewIndicators },
};
