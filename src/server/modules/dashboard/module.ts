import type { ModuleDefinition } from '../../core/extensions.js';
import { dashboardRoutes } from './routes.js';

export const dashboardModule: ModuleDefinition = { name: 'dashboard', routes: dashboardRoutes };
