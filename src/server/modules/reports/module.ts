import type { ModuleDefinition } from '../../core/extensions.js';
import { reportRoutes } from './routes.js';

export const reportsModule: ModuleDefinition = {
  name: 'reports',
  routes: reportRoutes,
};
