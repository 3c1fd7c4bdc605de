import type { ModuleDefinition } from '../../core/extensions.js';
import { authRoutes } from './routes.js';

export const authModule: ModuleDefinition = { name: 'auth', routes: authRoutes };
