import type { ModuleDefinition } from '../../core/extensions.js';
import { tipsDashboardSection } from './dashboard.js';
import { tipsRoutes } from './routes.js';

export const tipsModule: ModuleDefinition = { name: 'tips', routes: tipsRoutes, contributes: { dashboard: [tipsDashboardSection] } };
