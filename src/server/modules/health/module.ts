import type { ModuleDefinition } from '../../core/extensions.js';
import { healthRoutes } from './routes.js';

export const healthModule: ModuleDefinition = { name: 'health', routes: healthRoutes };
