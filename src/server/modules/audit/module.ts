import type { ModuleDefinition } from '../../core/extensions.js';
import { auditRoutes } from './routes.js';

export const auditModule: ModuleDefinition = { name: 'audit', routes: auditRoutes };
