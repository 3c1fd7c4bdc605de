import type { ModuleDefinition } from '../../core/extensions.js';
import { orgRoutes } from './routes.js';

export const orgModule: ModuleDefinition = { name: 'org', routes: orgRoutes };
